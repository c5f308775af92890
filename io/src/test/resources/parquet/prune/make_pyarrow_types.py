"""Writes pyarrow_types.parquet (pyarrow, 3 row groups of 2 rows) and pyarrow_types.expect.tsv:
per predicate, the row groups in which polars keeps at least one row (evaluated group by group).
StatisticsPruningPyarrowTest checks that pruning never drops those groups and does prune others.
Run with: $(scripts/python-env.sh) make_pyarrow_types.py (the project venv: pyarrow 25, polars 1.44)."""
import datetime as dt
import decimal as dec
import zoneinfo
import pyarrow as pa
import pyarrow.parquet as pq
import polars as pl

D = dec.Decimal
UTC = dt.timezone.utc
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
cols = {
    "u8": (pa.uint8(), [1, 2, 200, 255, None, 7]),
    "u16": (pa.uint16(), [1, 2, 40000, 65535, 0, None]),
    "u32": (pa.uint32(), [1, 2, 3_000_000_000, 4_000_000_000, 5, 4_294_967_295]),
    "u64": (pa.uint64(), [1, 2, 2**63 + 5, 2**63 + 6, 0, 2**64 - 1]),
    "i8": (pa.int8(), [-128, -1, 0, 1, None, 127]),
    "i64": (pa.int64(), [-(2**63), 0, 5, 9, 10, 2**63 - 1]),
    "dec_small": (pa.decimal128(7, 2), [D("1.00"), D("1.50"), D("-2.50"), D("-1.00"), D("9.99"), None]),
    "dec_mid": (pa.decimal128(15, 3), [D("1.000"), D("1.500"), D("-2.500"), D("-1.000"), D("9.990"), D("99999.990")]),
    "dec_big": (pa.decimal128(30, 2), [D("1.00"), D("1.50"), D("-2.50"), D("-1.00"), D("9.99"), D("99999999999999999999.99")]),
    "s": (pa.string(), ["apple", "banana", "zebra", "épée", "", None]),
    "ls": (pa.large_string(), ["apple", "banana", "zebra", "épée", "", "a"]),
    "bin": (pa.binary(), [b"a", b"b", b"\xff", b"\xfe", b"", b"a"]),
    "date": (pa.date32(), [dt.date(2020, 1, 1), dt.date(2020, 1, 31), dt.date(1969, 12, 31), dt.date(1970, 1, 1), dt.date(2100, 5, 5), None]),
    "ts_ms_utc": (pa.timestamp("ms", "UTC"), [dt.datetime(2020, 1, 1, 0, 0, 0, 1000, UTC), dt.datetime(2020, 1, 1, 0, 0, 0, 2000, UTC), dt.datetime(2021, 6, 1, 12, tzinfo=UTC), dt.datetime(2021, 6, 1, 12, 0, 0, 500000, UTC), dt.datetime(1960, 1, 1, tzinfo=UTC), dt.datetime(2000, 1, 1, tzinfo=UTC)]),
    "ts_us": (pa.timestamp("us"), [dt.datetime(2020, 1, 1, 0, 0, 0, 1000), dt.datetime(2020, 1, 1, 0, 0, 0, 2000), dt.datetime(2021, 6, 1, 12), dt.datetime(2021, 6, 1, 12, 0, 0, 500000), dt.datetime(1960, 1, 1), None]),
    "ts_ns_paris": (pa.timestamp("ns", "Europe/Paris"), [dt.datetime(2020, 1, 1, 0, 0, 0, 1000, UTC), dt.datetime(2020, 1, 1, 0, 0, 0, 2000, UTC), dt.datetime(2021, 6, 1, 12, tzinfo=UTC), dt.datetime(2021, 6, 1, 12, 0, 0, 500000, UTC), dt.datetime(1960, 1, 1, tzinfo=UTC), dt.datetime(2000, 1, 1, tzinfo=UTC)]),
    "t_ms": (pa.time32("ms"), [dt.time(0, 0, 1), dt.time(0, 0, 2), dt.time(12), dt.time(12, 0, 0, 500000), dt.time(0), dt.time(23, 59, 59, 999000)]),
    "t_us": (pa.time64("us"), [dt.time(0, 0, 1), dt.time(0, 0, 2), dt.time(12), dt.time(12, 0, 0, 500000), dt.time(0), None]),
    "t_ns": (pa.time64("ns"), [dt.time(0, 0, 1), dt.time(0, 0, 2), dt.time(12), dt.time(12, 0, 0, 500000), dt.time(0), dt.time(23, 59, 59, 999999)]),
    "b": (pa.bool_(), [False, False, True, True, False, None]),
    "f32": (pa.float32(), [1.0, 2.0, 0.5, 0.25, -1.0, 3.0]),
    "f64": (pa.float64(), [1.0, 2.0, -3.0, float("nan"), float("nan"), None]),
    "nulls": (pa.int64(), [None, None, None, None, 1, None]),
    "lst": (pa.list_(pa.int64()), [[1], [2], [3], [4], [5], [6]]),
    "st": (pa.struct([("a", pa.int64())]), [{"a": 1}, {"a": 2}, {"a": 3}, {"a": 4}, {"a": 5}, {"a": 6}]),
}
table = pa.table({name: pa.array(values, type=t) for name, (t, values) in cols.items()})
pq.write_table(table, "pyarrow_types.parquet", row_group_size=2, compression="zstd")

# (column, op, java literal type, literal text, python value)
P = []
def add(column, op, kind, text, value):
    P.append((column, op, kind, text, value))
for c in ["u8", "u16", "u32", "u64", "i8", "i64"]:
    values = sorted(v for v in cols[c][1] if v is not None)
    for v in values + [values[0] - 1, values[-1] + 1]:
        for op in ["==", "!=", "<", "<=", ">", ">="]:
            if v < -(2**63) or v >= 2**63:
                add(c, op, "decimal", str(v), v)
            else:
                add(c, op, "long", str(v), v)
for c in ["dec_small", "dec_mid", "dec_big"]:
    for v in ["-2.5", "1.25", "1.5", "1.500", "9.99", "10", "-3"]:
        for op in ["==", "<", ">", ">="]:
            add(c, op, "decimal", v, D(v))
for c in ["s", "ls"]:
    for v in ["", "a", "apple", "b", "f", "zebra", "zz", "é", "épée"]:
        for op in ["==", "<", ">=", "!="]:
            add(c, op, "string", v, v)
for v in ["2020-01-01", "2020-01-31", "1970-01-01", "2100-06-06"]:
    for op in ["==", "<", ">"]:
        add("date", op, "date", v, dt.date.fromisoformat(v))
for v in ["2020-01-01T00:00:00.001500", "2021-06-01T12:00:00.500000", "1960-01-01T00:00:00"]:
    naive = dt.datetime.fromisoformat(v)
    for op in ["==", "<", ">", ">="]:
        add("ts_us", op, "datetime", v, naive)
        add("ts_ms_utc", op, "instant", v + "Z", naive.replace(tzinfo=UTC))
        add("ts_ns_paris", op, "instant", v + "Z", naive.replace(tzinfo=UTC).astimezone(PARIS))
for c in ["t_ms", "t_us", "t_ns"]:
    for v in ["00:00:01", "00:00:01.500", "12:00:00.400", "23:59:59.999"]:
        for op in ["<", ">", "=="]:
            add(c, op, "time", v, dt.time.fromisoformat(v))
for v in ["true", "false"]:
    for op in ["==", "!="]:
        add("b", op, "bool", v, v == "true")
for c in ["f32", "f64"]:
    for v in ["-1.5", "0.5", "1.0", "2.0", "100.0"]:
        for op in ["==", "<", ">", "!="]:
            add(c, op, "double", v, float(v))
for op in ["==", ">"]:
    add("nulls", op, "long", "1", 1)

ops = {"==": "__eq__", "!=": "__ne__", "<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__"}
f = pq.ParquetFile("pyarrow_types.parquet")
groups = [pl.from_arrow(f.read_row_group(i)) for i in range(f.num_row_groups)]
with open("pyarrow_types.expect.tsv", "w", encoding="utf-8") as out:
    for column, op, kind, text, value in P:
        expr = getattr(pl.col(column), ops[op])(pl.lit(value))
        kept = [str(i) for i, g in enumerate(groups) if g.filter(expr).height > 0]
        out.write("\t".join([column, op, kind, text, ",".join(kept)]) + "\n")
print(len(P), "predicates")
