"""Parquet read interop for ParquetReadInteropTest.

write DIR: writes Parquet files with pyarrow 25 (every type Floe reads, nulls, several row groups
  and pages, every codec, dictionary on and off, data pages V1 and V2, byte stream split, INT96,
  decimals as integers, no ARROW:schema, DELTA_* encodings) and with polars 1.44 (each codec); for
  each NAME.parquet it writes NAME.arrow, what polars.read_parquet returns as an Arrow IPC file
  (Float16 cast to Float32 and Categorical to String, the two types Floe reads differently), and
  DIR/cases.tsv listing NAME, group (main or delta) and the number of row groups. Also the
  references of read options: columns, n_rows, row index, and a 16-column file for projection.
"""
import datetime
import decimal
import sys
import uuid

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

N = 30


def values(make, every=3):
    return [None if i % every == 1 else make(i) for i in range(N)]


def table(with_f16=True):
    cols = {
        "i8": pa.array(values(lambda i: i - 15), pa.int8()),
        "i16": pa.array(values(lambda i: i * 1000 - 15000), pa.int16()),
        "i32": pa.array(values(lambda i: i * 100000 - 2), pa.int32()),
        "i64": pa.array(values(lambda i: i * 10**12 - 7), pa.int64()),
        "u8": pa.array(values(lambda i: 255 - i), pa.uint8()),
        "u16": pa.array(values(lambda i: 65535 - i), pa.uint16()),
        "u32": pa.array(values(lambda i: 4294967295 - i), pa.uint32()),
        "u64": pa.array(values(lambda i: 18446744073709551615 - i), pa.uint64()),
        "f32": pa.array(values(lambda i: i * 1.5 - 3.25), pa.float32()),
        "f64": pa.array(values(lambda i: i * 0.1 - 1.0), pa.float64()),
        "bool": pa.array(values(lambda i: i % 2 == 0 or i % 7 == 0), pa.bool_()),
        "utf8": pa.array(values(lambda i: "s%d-ü" % i * (i % 4)), pa.string()),
        "large_utf8": pa.array(values(lambda i: "L" * i), pa.large_string()),
        "binary": pa.array(values(lambda i: bytes([i, 0, 255])), pa.binary()),
        "fixed_binary": pa.array(values(lambda i: bytes([i, i, i])), pa.binary(3)),
        "uuid": pa.array(values(lambda i: uuid.UUID(int=i * 7919).bytes), pa.uuid()),
        "dec9": pa.array(values(lambda i: decimal.Decimal(i * 12345 - 100000) / 100), pa.decimal128(9, 2)),
        "dec18": pa.array(values(lambda i: decimal.Decimal(i * 10**14 - 7) / 1000), pa.decimal128(18, 3)),
        "dec38": pa.array(values(lambda i: decimal.Decimal(10**30 * i - 12345) / 10**5), pa.decimal128(38, 5)),
        "date": pa.array(values(lambda i: datetime.date(2024, 1, 1) + datetime.timedelta(days=i * 40 - 600)),
                         pa.date32()),
        "time_ms": pa.array(values(lambda i: i * 3_000_123), pa.time32("ms")),
        "time_us": pa.array(values(lambda i: i * 3_000_000_123), pa.time64("us")),
        "time_ns": pa.array(values(lambda i: i * 3_000_000_123_456), pa.time64("ns")),
        "ts_s": pa.array(values(lambda i: i * 86_400_123 - 10**9), pa.timestamp("s")),
        "ts_ms": pa.array(values(lambda i: i * 86_400_123_456), pa.timestamp("ms")),
        "ts_us_utc": pa.array(values(lambda i: i * 86_400_123_456_789), pa.timestamp("us", tz="UTC")),
        "ts_ns_berlin": pa.array(values(lambda i: i * 86_400_123_456_789_123), pa.timestamp("ns", tz="Europe/Berlin")),
        "dur_ms": pa.array(values(lambda i: i * 1001), pa.duration("ms")),
        "dur_us": pa.array(values(lambda i: i * 1000001), pa.duration("us")),
        "nulls": pa.array([None] * N, pa.null()),
        "all_null_i32": pa.array([None] * N, pa.int32()),
        "required": pa.array(list(range(N)), pa.int64()),
        "list": pa.array(values(lambda i: [j if j % 4 else None for j in range(i % 5)]), pa.list_(pa.int64())),
        "list_str": pa.array(values(lambda i: ["x" * j for j in range(i % 3)]), pa.large_list(pa.string())),
        "list_list": pa.array(values(lambda i: [[k for k in range(j)] if j != 2 else None for j in range(i % 4)]),
                              pa.list_(pa.list_(pa.int32()))),
        "struct": pa.array(values(lambda i: {"a": i, "b": None if i % 5 == 0 else "b%d" % i}),
                           pa.struct([("a", pa.int32()), ("b", pa.string())])),
        "deep": pa.array(values(lambda i: {"s": {"x": i if i % 4 else None, "l": [i, i + 1][: i % 3]},
                                           "f": float(i)}),
                         pa.struct([("s", pa.struct([("x", pa.int16()), ("l", pa.list_(pa.int64()))])),
                                    ("f", pa.float64())])),
        "list_struct": pa.array(values(lambda i: [{"k": j, "v": "v%d" % j if j % 2 else None} for j in range(i % 4)]),
                                pa.list_(pa.struct([("k", pa.int32()), ("v", pa.string())]))),
        "map": pa.array(values(lambda i: [("k%d" % j, j if j % 3 else None) for j in range(i % 4)]),
                        pa.map_(pa.string(), pa.int32())),
        "dict": pa.array(values(lambda i: "cat%d" % (i % 4))).dictionary_encode(),
    }
    if with_f16:
        import numpy as np
        cols["f16"] = pa.array([None if i % 3 == 1 else np.float16(i * 0.5 - 2) for i in range(N)], pa.float16())
    schema = pa.schema([pa.field(k, v.type, nullable=(k != "required")) for k, v in cols.items()])
    return pa.table(list(cols.values()), schema=schema)


def reference(path, out, **kwargs):
    frame = pl.read_parquet(path, **kwargs)
    casts = {}
    for name, dtype in frame.schema.items():
        if dtype == pl.Float16:
            casts[name] = pl.Float32
        elif dtype == pl.Categorical or isinstance(dtype, pl.Enum):
            casts[name] = pl.String
    frame = frame.with_columns([pl.col(k).cast(v) for k, v in casts.items()])
    frame.write_ipc(out, compression="uncompressed")


def write(directory):
    cases = []
    t = table()
    small = dict(row_group_size=7, data_page_size=64, write_batch_size=4)

    def emit(name, group, writer, **read):
        path = "%s/%s.parquet" % (directory, name)
        writer(path)
        groups = pq.ParquetFile(path).metadata.num_row_groups
        reference(path, "%s/%s.arrow" % (directory, name), **read)
        cases.append("%s\t%s\t%d" % (name, group, groups))

    for codec in ["none", "snappy", "gzip", "lz4", "zstd", "brotli"]:
        for dictionary in [True, False]:
            for version in ["1.0", "2.0"]:
                name = "pa_%s_%s_v%s" % (codec, "dict" if dictionary else "plain", version[0])
                emit(name, "main", lambda p, c=codec, d=dictionary, v=version: pq.write_table(
                    t, p, compression=c, use_dictionary=d, data_page_version=v, **small))
    emit("pa_int96", "main", lambda p: pq.write_table(t, p, use_deprecated_int96_timestamps=True, **small))
    emit("pa_decimal_ints", "main", lambda p: pq.write_table(t, p, store_decimal_as_integer=True, **small))
    emit("pa_no_arrow_schema", "main", lambda p: pq.write_table(table(with_f16=False), p, store_schema=False, **small))
    emit("pa_one_group", "main", lambda p: pq.write_table(t, p, compression="zstd"))
    emit("pa_compliant_off", "main", lambda p: pq.write_table(t, p, use_compliant_nested_type=False, **small))
    emit("pa_empty", "main", lambda p: pq.write_table(t.slice(0, 0), p))
    bss = ["f32", "f64", "i32", "i64"]
    emit("pa_byte_stream_split", "delta", lambda p: pq.write_table(
        t, p, use_dictionary=False, use_byte_stream_split=bss, **small))
    for version in ["1.0", "2.0"]:
        emit("pa_delta_v%s" % version[0], "delta", lambda p, v=version: pq.write_table(
            t, p, use_dictionary=False, data_page_version=v, column_encoding={
                "i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "u64": "DELTA_BINARY_PACKED",
                "date": "DELTA_BINARY_PACKED", "utf8": "DELTA_LENGTH_BYTE_ARRAY", "large_utf8": "DELTA_BYTE_ARRAY",
                "binary": "DELTA_BYTE_ARRAY"}, **small))
    frame = pl.from_arrow(t.drop(["f16", "dict", "uuid", "nulls"]))
    for codec in ["uncompressed", "snappy", "gzip", "lz4", "zstd", "brotli"]:
        emit("pl_%s" % codec, "main", lambda p, c=codec: frame.write_parquet(p, compression=c, row_group_size=8))
    source = "%s/pa_zstd_dict_v1.parquet" % directory
    for name, kwargs in {
        "opt_columns": dict(columns=["utf8", "i8", "list"]),
        "opt_n_rows": dict(n_rows=17),
        "opt_row_index": dict(row_index_name="idx", row_index_offset=5, n_rows=9),
        "opt_zero_rows": dict(n_rows=0, columns=["i64"]),
    }.items():
        reference(source, "%s/%s.arrow" % (directory, name), **kwargs)
    import os
    part = t.select(["i32", "utf8", "list", "struct", "ts_ns_berlin"])
    for key, (start, length) in {"a": (0, 12), "b": (12, 18)}.items():
        os.makedirs("%s/hive/part=%s" % (directory, key), exist_ok=True)
        pq.write_table(part.slice(start, length), "%s/hive/part=%s/0.parquet" % (directory, key), row_group_size=5)
    reference("%s/hive" % directory, "%s/multi_dir.arrow" % directory)
    reference("%s/hive/*/*.parquet" % directory, "%s/multi_glob.arrow" % directory, row_index_name="r",
              row_index_offset=3, n_rows=20)
    wide = pa.table({"c%02d" % k: pa.array([(i * 2654435761 + k) % 1000003 for i in range(20000)], pa.int64())
                     for k in range(16)})
    pq.write_table(wide, "%s/wide16.parquet" % directory, compression="zstd", row_group_size=5000)
    reference("%s/wide16.parquet" % directory, "%s/wide16_proj.arrow" % directory, columns=["c03", "c11"])
    with open("%s/cases.tsv" % directory, "w") as out:
        out.write("\n".join(cases) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        raise SystemExit("unknown command " + sys.argv[1])
