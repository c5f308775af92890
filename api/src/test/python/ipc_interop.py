"""Arrow IPC interop with pyarrow for IpcInteropTest.

write DIR: writes the reference table (every type Floe supports, nulls, 3 record batches) as IPC
  files and streams, uncompressed, lz4 and zstd, and DIR/expected.tsv with one canonical value per
  line (column, row, value) for Floe to compare against.
check PATH KIND ORIG OFFSET LENGTH: reads a Floe-written IPC file or stream (KIND file|stream) and
  prints EQUAL if it equals rows [OFFSET, OFFSET+LENGTH) of the reference file ORIG, else the diff.
"""
import datetime
import decimal
import sys

import pyarrow as pa
import pyarrow.ipc as ipc

N = 30


def values(make):
    return [None if i % 3 == 1 else make(i) for i in range(N)]


def reference_table():
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
        "bool": pa.array(values(lambda i: i % 2 == 0), pa.bool_()),
        "utf8": pa.array(values(lambda i: "s%d-ü" % i * (i % 4)), pa.string()),
        "large_utf8": pa.array(values(lambda i: "L" * i), pa.large_string()),
        "utf8_view": pa.array(values(lambda i: "view value number %d" % i if i % 2 else "v%d" % i), pa.string_view()),
        "binary": pa.array(values(lambda i: bytes([i, 0, 255])), pa.binary()),
        "large_binary": pa.array(values(lambda i: bytes(range(i))), pa.large_binary()),
        "binary_view": pa.array(values(lambda i: bytes(range(i))), pa.binary_view()),
        "fixed_binary": pa.array(values(lambda i: bytes([i, i, i])), pa.binary(3)),
        "decimal": pa.array(values(lambda i: decimal.Decimal(i * 12345 - 100000) / 100), pa.decimal128(10, 2)),
        "date": pa.array(values(lambda i: datetime.date(2024, 1, 1) + datetime.timedelta(days=i * 40 - 600)), pa.date32()),
        "time_us": pa.array(values(lambda i: i * 3_000_000_123), pa.time64("us")),
        "time_ns": pa.array(values(lambda i: i * 3_000_000_123_456), pa.time64("ns")),
        "ts_s": pa.array(values(lambda i: i * 86_400_123 - 10**9), pa.timestamp("s")),
        "ts_ms": pa.array(values(lambda i: i * 86_400_123_456), pa.timestamp("ms")),
        "ts_us_utc": pa.array(values(lambda i: i * 86_400_123_456_789), pa.timestamp("us", tz="UTC")),
        "ts_ns_berlin": pa.array(values(lambda i: i * 86_400_123_456_789_123), pa.timestamp("ns", tz="Europe/Berlin")),
        "dur_s": pa.array(values(lambda i: i - 10), pa.duration("s")),
        "dur_ms": pa.array(values(lambda i: i * 1001), pa.duration("ms")),
        "dur_us": pa.array(values(lambda i: i * 1000001), pa.duration("us")),
        "dur_ns": pa.array(values(lambda i: -i * 1000000001), pa.duration("ns")),
        "list": pa.array(values(lambda i: [j if j % 4 else None for j in range(i % 5)]), pa.list_(pa.int64())),
        "large_list": pa.array(values(lambda i: ["x" * j for j in range(i % 3)]), pa.large_list(pa.string())),
        "fixed_list": pa.array(values(lambda i: [i, None if i % 4 == 0 else -i]), pa.list_(pa.int32(), 2)),
        "struct": pa.array(values(lambda i: {"a": i, "b": None if i % 5 == 0 else "b%d" % i}),
                           pa.struct([("a", pa.int32()), ("b", pa.string())])),
        "dict": pa.array(values(lambda i: "cat%d" % (i % 4))).dictionary_encode(),
        "dict_in_struct": pa.StructArray.from_arrays(
            [pa.array(values(lambda i: "in%d" % (i % 3))).dictionary_encode()], names=["d"]),
        "nested": pa.array(values(lambda i: [{"k": [i, i + 1]}] * (i % 3)),
                           pa.list_(pa.struct([("k", pa.list_(pa.int16()))]))),
    }
    return pa.table(cols)


def canon(value, typ):
    if value is None:
        return "null"
    if pa.types.is_list(typ) or pa.types.is_large_list(typ) or pa.types.is_fixed_size_list(typ):
        return "[" + ",".join(canon(v, typ.value_type) for v in value) + "]"
    if pa.types.is_struct(typ):
        return "{" + ",".join(f.name + "=" + canon(value[f.name], f.type) for f in typ) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "s:" + value.encode("utf-8").hex()
    if isinstance(value, bytes):
        return "b:" + value.hex()
    if isinstance(value, float):
        return repr(value)
    return str(value)


PHYSICAL = {pa.types.is_date32: pa.int32(), pa.types.is_time64: pa.int64(),
            pa.types.is_timestamp: pa.int64(), pa.types.is_duration: pa.int64()}


def write(directory):
    table = reference_table()
    for kind in ("file", "stream"):
        for codec in ("none", "lz4", "zstd"):
            options = ipc.IpcWriteOptions(compression=None if codec == "none" else codec)
            path = "%s/src_%s_%s.arrow" % (directory, kind, codec)
            opener = ipc.new_file if kind == "file" else ipc.new_stream
            with opener(path, table.schema, options=options) as writer:
                writer.write_table(table, max_chunksize=10)
    legacy = ipc.IpcWriteOptions(use_legacy_format=True)
    with ipc.new_stream(directory + "/src_stream_legacy.arrow", table.schema, options=legacy) as writer:
        writer.write_table(table, max_chunksize=10)
    with ipc.new_file(directory + "/src_file_empty.arrow", table.schema) as writer:
        writer.write_table(table.slice(0, 0))
    with open(directory + "/expected.tsv", "w") as out:
        for name, column in zip(table.column_names, table.columns):
            typ = column.type
            for test, physical in PHYSICAL.items():
                if test(typ):
                    column, typ = column.cast(physical), physical
            for row, value in enumerate(column.to_pylist()):
                out.write("%s\t%d\t%s\n" % (name, row, canon(value, typ)))


def read(path, kind):
    source = pa.memory_map(path)
    reader = ipc.open_file(source) if kind == "file" else ipc.open_stream(source)
    return reader.read_all()


def check(path, kind, orig, offset, length):
    floe = read(path, kind).combine_chunks()
    expected = read(orig, "file").slice(int(offset), int(length)).combine_chunks()
    if floe.schema.equals(expected.schema) and floe.equals(expected):
        print("EQUAL")
        return
    print("schema floe:\n%s\nexpected:\n%s" % (floe.schema, expected.schema))
    for name in expected.column_names:
        if name in floe.column_names and not floe[name].equals(expected[name]):
            print("column %s differs:\n%s\nvs\n%s" % (name, floe[name].to_pylist(), expected[name].to_pylist()))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        check(*sys.argv[2:])
