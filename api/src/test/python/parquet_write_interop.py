"""Parquet writer interop with pyarrow and polars for ParquetWriteInteropTest.

source DIR: writes DIR/src.arrow (ipc_interop's reference table: every Floe type, nulls, three
  record batches), DIR/extra.arrow (the null type, narrow and wide decimals, deep nesting), DIR/big.arrow (200,000 rows of ints, doubles and strings, one string column of
  values, each twice) and DIR/part.arrow (rows for partitioned writes: keys with characters that need
  encoding, nulls, ints, dates).
check PARQUET IPC: reads a Floe-written Parquet file with pyarrow and with polars and compares each
  with the Arrow IPC file Floe wrote from the same frame; prints EQUAL or the differences.
summary PARQUET: prints the file's layout as key=value lines (row groups, codecs, statistics, and
  per column path its encodings and data page count and sizes, read from the page headers).
partitioned FLOE_DIR POLARS_DIR IPC KEYS: polars writes the IPC file's frame partitioned by KEYS
  (comma-separated) to POLARS_DIR; prints EQUAL if both directories hold the same relative files and
  polars' hive reader reads equal frames from them, else the differences.
"""
import os
import sys

import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq
import polars as pl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ipc_interop import reference_table  # noqa: E402


def extra_table():
    """Types and nestings the IPC reference table lacks: the null type, decimals stored as INT32
    and as FIXED_LEN_BYTE_ARRAY(16), nulls and empty lists at every level of deep nesting."""
    import decimal
    n = 24

    def values(make):
        return [None if i % 5 == 3 else make(i) for i in range(n)]

    inner = pa.struct([("xs", pa.list_(pa.string())), ("pair", pa.list_(pa.int8()))])
    return pa.table({
        "nothing": pa.nulls(n),
        "dec_small": pa.array(values(lambda i: decimal.Decimal(i * 1234 - 9999) / 100), pa.decimal128(5, 2)),
        "dec_wide": pa.array(values(lambda i: decimal.Decimal(10**30 * (i - 12) + i) / 10**10),
                             pa.decimal128(38, 10)),
        "lists_of_lists": pa.array(values(lambda i: [None if j == 2 else ["v%d" % k for k in range(j)]
                                                     for j in range(i % 4)]), pa.list_(pa.list_(pa.string()))),
        "deep": pa.array(values(lambda i: {"inner": None if i % 7 == 0 else
                                           {"xs": None if i % 3 == 0 else ["a"] * (i % 3),
                                            "pair": None if i % 4 == 0 else [i, None]}}),
                         pa.struct([("inner", inner)])),
        "views_in_list": pa.array(values(lambda i: [bytes([i]) * j for j in range(i % 3)]),
                                  pa.large_list(pa.binary_view())),
        "fixed_in_list": pa.array(values(lambda i: [None if j == 1 else [j, None] for j in range(i % 3)]),
                                  pa.list_(pa.list_(pa.int16(), 2))),
        "u64_edges": pa.array(values(lambda i: [0, 1, 2**63, 2**64 - 1][i % 4]), pa.uint64()),
    })


def source(directory):
    table = reference_table()
    with ipc.new_file(directory + "/src.arrow", table.schema) as writer:
        writer.write_table(table, max_chunksize=10)
    extra = extra_table()
    with ipc.new_file(directory + "/extra.arrow", extra.schema) as writer:
        writer.write_table(extra, max_chunksize=9)
    n = 200_000
    big = pa.table({
        "i": pa.array([(i * 7919) % 1000 if i % 11 else None for i in range(n)], pa.int64()),
        "d": pa.array([i * 0.25 for i in range(n)], pa.float64()),
        "s": pa.array(["value-%d" % (i % 50) for i in range(n)], pa.string()),
        "u": pa.array(["unique-%08d-%s" % (i // 2, "x" * (i // 2 % 40)) for i in range(n)], pa.string()),
    })
    with ipc.new_file(directory + "/big.arrow", big.schema) as writer:
        writer.write_table(big, max_chunksize=65_536)
    keys = ["a/b", "c d", None, "é=x", "p%q:r", "plain"]
    m = 60
    part = pa.table({
        "k": pa.array([keys[i % 6] for i in range(m)], pa.string()),
        "n": pa.array([None if i % 7 == 0 else i % 3 for i in range(m)], pa.int64()),
        "day": pa.array([pa.scalar(18000 + i % 2, pa.int32()).cast(pa.date32()).as_py() for i in range(m)],
                        pa.date32()),
        "v": pa.array([i * 1.5 for i in range(m)], pa.float64()),
        "s": pa.array([None if i % 5 == 0 else "s%d" % i for i in range(m)], pa.string()),
    })
    with ipc.new_file(directory + "/part.arrow", part.schema) as writer:
        writer.write_table(part, max_chunksize=25)


def read_ipc(path):
    return ipc.open_file(pa.memory_map(path)).read_all()


def normalize_arrow(column):
    """Types Parquet cannot hold exactly: seconds become milliseconds (as pyarrow reads them)."""
    if pa.types.is_timestamp(column.type) and column.type.unit == "s":
        return column.cast(pa.timestamp("ms", column.type.tz))
    return column


def decoded(column):
    """Dictionary columns compared by value (the indices and dictionaries may differ)."""
    if pa.types.is_dictionary(column.type):
        return column.cast(column.type.value_type)
    if pa.types.is_struct(column.type) and any(pa.types.is_dictionary(f.type) for f in column.type):
        fields = [pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type)
                  for f in column.type]
        return column.cast(pa.struct(fields))
    return column


def without_fixed_lists(schema):
    """pyarrow 25 cannot read a null fixed-size list from Parquet (not even its own files:
    "Expected all lists to be of size=2 but index 3 had size=0"); read those as variable lists."""
    fields = []
    for field in schema:
        if pa.types.is_fixed_size_list(field.type):
            field = field.with_type(pa.list_(field.type.value_field))
        fields.append(field)
    return pa.schema(fields)


def has_fixed_list(typ):
    if pa.types.is_fixed_size_list(typ):
        return True
    if pa.types.is_list(typ) or pa.types.is_large_list(typ):
        return has_fixed_list(typ.value_type)
    if pa.types.is_struct(typ):
        return any(has_fixed_list(f.type) for f in typ)
    return False


def read_with_pyarrow(parquet_path, expected_schema):
    """The table pyarrow reads; pyarrow 25 cannot read a null fixed-size list from Parquet (not even
    from its own or Polars' files: "Expected all lists to be of size=2 but index 3 had size=0"),
    so on that error the fixed-size list columns are left to the polars comparison."""
    try:
        return pq.read_table(parquet_path).combine_chunks()
    except pa.ArrowInvalid as failure:
        if "Expected all lists to be of size" not in str(failure):
            raise
    names = [f.name for f in expected_schema if not has_fixed_list(f.type)]
    return pq.read_table(parquet_path, columns=names).combine_chunks()


def check(parquet_path, ipc_path):
    expected = read_ipc(ipc_path).combine_chunks()
    problems = []
    actual = read_with_pyarrow(parquet_path, expected.schema)
    if [n for n in expected.column_names if n not in actual.column_names and
            not has_fixed_list(expected.schema.field(n).type)]:
        problems.append("pyarrow names %s != %s" % (actual.column_names, expected.column_names))
    for name in expected.column_names:
        if name not in actual.column_names:
            continue
        want = normalize_arrow(expected[name])
        got = actual[name]
        want, got = decoded(want), decoded(got)
        if got.type != want.type:
            problems.append("pyarrow type of %s: %s != %s" % (name, got.type, want.type))
            try:
                got = got.cast(want.type)
            except pa.ArrowInvalid:
                continue
        if not got.equals(want):
            problems.append("pyarrow column %s: %s\n  vs %s" % (name, got.to_pylist(), want.to_pylist()))
    frame = pl.read_parquet(parquet_path)
    reference = pl.from_arrow(pa.table({n: normalize_arrow(expected[n]) for n in expected.column_names}))
    for name in reference.columns:
        want = reference[name]
        got = frame[name]
        if want.dtype == pl.Categorical or got.dtype == pl.Categorical:
            want, got = want.cast(pl.String), got.cast(pl.String)
        if got.dtype != want.dtype:
            problems.append("polars dtype of %s: %s != %s" % (name, got.dtype, want.dtype))
            continue
        if not got.equals(want):
            problems.append("polars column %s: %s\n  vs %s" % (name, got.to_list(), want.to_list()))
    print("\n".join(problems) if problems else "EQUAL")


def varint(data, pos):
    shift = result = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def zigzag(value):
    return (value >> 1) ^ -(value & 1)


def read_value(data, pos, kind):
    """One Thrift compact-protocol value; returns (value, position after it)."""
    if kind in (1, 2):
        return kind == 1, pos
    if kind == 3:
        return data[pos], pos + 1
    if kind in (4, 5, 6):
        value, pos = varint(data, pos)
        return zigzag(value), pos
    if kind == 7:
        return None, pos + 8
    if kind == 8:
        length, pos = varint(data, pos)
        return data[pos:pos + length], pos + length
    if kind in (9, 10):
        header = data[pos]
        pos += 1
        size, element = header >> 4, header & 15
        if size == 15:
            size, pos = varint(data, pos)
        items = []
        for _ in range(size):
            if element in (1, 2):
                items.append(data[pos] == 1)
                pos += 1
            else:
                item, pos = read_value(data, pos, element)
                items.append(item)
        return items, pos
    if kind == 11:
        size, pos = varint(data, pos)
        if size:
            types = data[pos]
            pos += 1
            for _ in range(size):
                _, pos = read_value(data, pos, types >> 4)
                _, pos = read_value(data, pos, types & 15)
        return None, pos
    if kind == 12:
        return read_struct(data, pos)
    raise ValueError("thrift type %d" % kind)


def read_struct(data, pos):
    fields = {}
    field = 0
    while True:
        header = data[pos]
        pos += 1
        if header == 0:
            return fields, pos
        delta, kind = header >> 4, header & 15
        if delta:
            field += delta
        else:
            raw, pos = varint(data, pos)
            field = zigzag(raw)
        fields[field], pos = read_value(data, pos, kind)


ENCODINGS = {0: "PLAIN", 2: "PLAIN_DICTIONARY", 3: "RLE", 4: "BIT_PACKED", 5: "DELTA_BINARY_PACKED",
             6: "DELTA_LENGTH_BYTE_ARRAY", 7: "DELTA_BYTE_ARRAY", 8: "RLE_DICTIONARY", 9: "BYTE_STREAM_SPLIT"}
PAGE_TYPES = {0: "DATA_PAGE", 1: "INDEX_PAGE", 2: "DICTIONARY_PAGE", 3: "DATA_PAGE_V2"}


def pages(data, column):
    start = column.dictionary_page_offset if column.has_dictionary_page else column.data_page_offset
    end = start + column.total_compressed_size
    pos = start
    result = []
    while pos < end:
        header, pos = read_struct(data, pos)
        values = header.get(5, header.get(7, header.get(8, {}))).get(1)
        encoding = header.get(5, header.get(8, {})).get(2 if 5 in header else 4)
        result.append({"type": PAGE_TYPES[header[1]], "uncompressed": header[2], "compressed": header[3],
                       "values": values, "encoding": ENCODINGS.get(encoding)})
        pos += header[3]
    return result


def summary(parquet_path):
    """key=value lines: file totals, then per column chunk path (over all row groups)."""
    metadata = pq.read_metadata(parquet_path)
    with open(parquet_path, "rb") as f:
        data = f.read()
    out = {"rows": metadata.num_rows, "row_groups": metadata.num_row_groups,
           "arrow_schema": b"ARROW:schema" in (metadata.metadata or {}),
           "created_by": metadata.created_by.split(" ")[0]}
    codecs, stats, min_max = set(), set(), set()
    per_column = {}
    for g in range(metadata.num_row_groups):
        group = metadata.row_group(g)
        for c in range(group.num_columns):
            column = group.column(c)
            codecs.add(column.compression)
            statistics = column.statistics
            stats.add(statistics is not None and statistics.has_null_count)
            min_max.add(statistics is not None and statistics.has_min_max)
            entry = per_column.setdefault(column.path_in_schema,
                                          {"encodings": set(), "page_encodings": set(), "data_pages": 0, "dictionary_pages": 0,
                                           "max_page": 0, "min_page": 1 << 62, "rows": []})
            entry["encodings"].update(column.encodings)
            entry["rows"].append(group.num_rows)
            data_pages = [p for p in pages(data, column) if p["type"].startswith("DATA")]
            entry["data_pages"] += len(data_pages)
            entry["page_encodings"].update(p["encoding"] for p in data_pages)
            entry["dictionary_pages"] += sum(1 for p in pages(data, column) if p["type"] == "DICTIONARY_PAGE")
            if data_pages:
                entry["max_page"] = max(entry["max_page"], max(p["uncompressed"] for p in data_pages))
                if len(data_pages) > 1:
                    entry["min_page"] = min(entry["min_page"], min(p["uncompressed"] for p in data_pages[:-1]))
    out["codecs"] = ",".join(sorted(codecs))
    out["schema"] = " ".join(str(metadata.schema).split("\n"))
    out["statistics"] = ",".join(str(v).lower() for v in sorted(stats))
    out["min_max"] = ",".join(str(v).lower() for v in sorted(min_max))
    for key, value in out.items():
        print("%s=%s" % (key, str(value).lower() if isinstance(value, bool) else value))
    for path, entry in per_column.items():
        for key in ("data_pages", "dictionary_pages", "max_page", "min_page"):
            print("%s.%s=%s" % (path, key, entry[key]))
        print("%s.encodings=%s" % (path, ",".join(sorted(entry["encodings"]))))
        print("%s.page_encodings=%s" % (path, ",".join(sorted(entry["page_encodings"]))))
        print("%s.row_group_rows=%s" % (path, ",".join(map(str, entry["rows"]))))


def partitioned(floe_dir, polars_dir, ipc_path, keys):
    frame = pl.from_arrow(read_ipc(ipc_path))
    frame.write_parquet(polars_dir, partition_by=keys.split(","))
    problems = []

    def files(root):
        return sorted(os.path.relpath(os.path.join(r, f), root) for r, _, fs in os.walk(root) for f in fs)

    if files(floe_dir) != files(polars_dir):
        problems.append("files: %s\n  vs polars %s" % (files(floe_dir), files(polars_dir)))
    for path in files(polars_dir):
        if os.path.exists(os.path.join(floe_dir, path)):
            ours = pl.read_parquet(os.path.join(floe_dir, path), hive_partitioning=False)
            theirs = pl.read_parquet(os.path.join(polars_dir, path), hive_partitioning=False)
            if not ours.equals(theirs):
                problems.append("file %s:\n%s\n  vs polars\n%s" % (path, ours, theirs))
    ours = pl.read_parquet(floe_dir, hive_partitioning=True)
    theirs = pl.read_parquet(polars_dir, hive_partitioning=True)
    columns = sorted(ours.columns)
    ours = ours.select(columns).sort(columns, nulls_last=True)
    theirs = theirs.select(columns).sort(columns, nulls_last=True)
    if not ours.equals(theirs):
        problems.append("hive read:\n%s\n  vs polars\n%s" % (ours, theirs))
    print("\n".join(problems) if problems else "EQUAL")


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    {"source": source, "check": check, "summary": summary, "partitioned": partitioned}[command](*arguments)
