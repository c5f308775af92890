"""Random nested frames for JsonInteropTest: Polars writes each as JSON and NDJSON, reads both
back (the expected Floe result), and records the frame's schema so Floe can read it typed.

Usage: python json_interop.py OUT_DIR CASES SEED
Per case i: i.json, i.ndjson (Polars' write_json/write_ndjson), i.schema (one line per column:
name TAB type in Floe's notation), i.json.expected and i.ndjson.expected (one line per column:
name TAB dtype TAB values joined by '|', from pl.read_json / pl.read_ndjson).
"""
import datetime as dt
import math
import random
import sys
from decimal import Decimal as D

import polars as pl

out_dir, cases, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
CHARS = ['a', 'b', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\r', '\x01', '\x1f', '\x7f', 'é', '€', '😀', '\u2028', '|', '{', ':']

def esc(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")

def fmt(v):
    if v is None: return "null"
    if isinstance(v, bool): return "True" if v else "False"
    if isinstance(v, float):
        if math.isnan(v): return "nan"
        if math.isinf(v): return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str): return esc(v)
    if isinstance(v, list): return "[" + ", ".join(fmt(x) for x in v) + "]"
    if isinstance(v, dict): return "{" + ", ".join(esc(k) + ": " + fmt(x) for k, x in v.items()) + "}"
    return str(v)

def notation(t):
    if t == pl.Null: return "null"
    if t == pl.Boolean: return "bool"
    if t == pl.Int64: return "i64"
    if t == pl.Int32: return "i32"
    if t == pl.UInt8: return "u8"
    if t == pl.Float64: return "f64"
    if t == pl.Float32: return "f32"
    if t == pl.String: return "str"
    if t == pl.Date: return "date"
    if t == pl.Time: return "time"
    if isinstance(t, pl.Datetime): return "datetime:" + t.time_unit + ":" + (t.time_zone or "")
    if isinstance(t, pl.Duration): return "duration:" + t.time_unit
    if isinstance(t, pl.Decimal): return "decimal:%d:%d" % (t.precision, t.scale)
    if isinstance(t, pl.List): return "list<" + notation(t.inner) + ">"
    if isinstance(t, pl.Struct): return "struct<" + ",".join(f.name + "=" + notation(f.dtype) for f in t.fields) + ">"
    raise ValueError(t)

def maybe(r, value, nulls):
    return None if r.random() < nulls else value

def text(r):
    return "".join(r.choice(CHARS) for _ in range(r.randint(0, 6)))

def double(r):
    kind = r.random()
    if kind < 0.1: return r.choice([0.0, -0.0, 1e16, 1e15, 1e-5, 1e-4, 0.1, 100.0, 5e-324, 1.7976931348623157e308])
    if kind < 0.15: return r.choice([float("nan"), float("inf"), float("-inf")])
    if kind < 0.3: return float(r.randint(-1000, 1000))
    return r.uniform(-1, 1) * 10 ** r.randint(-30, 30)

SCALARS = {
    "i64": (pl.Int64, lambda r: r.choice([r.randint(-100, 100), r.randint(-2**63, 2**63 - 1)])),
    "i32": (pl.Int32, lambda r: r.randint(-2**31, 2**31 - 1)),
    "u8": (pl.UInt8, lambda r: r.randint(0, 255)),
    "f64": (pl.Float64, double),
    "f32": (pl.Float32, lambda r: r.uniform(-1, 1) * 10 ** r.randint(-8, 8)),
    "str": (pl.String, text),
    "bool": (pl.Boolean, lambda r: r.random() < 0.5),
    "date": (pl.Date, lambda r: dt.date(1900, 1, 1) + dt.timedelta(days=r.randint(0, 80000))),
    "dtus": (pl.Datetime("us"), lambda r: dt.datetime(1950, 1, 1) + dt.timedelta(microseconds=r.randint(0, 3 * 10**15))),
    "dtms": (pl.Datetime("ms"), lambda r: dt.datetime(1950, 1, 1) + dt.timedelta(milliseconds=r.randint(0, 3 * 10**12))),
    "dtutc": (pl.Datetime("us", "UTC"), lambda r: dt.datetime(1950, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=r.randint(0, 3 * 10**9))),
    "time": (pl.Time, lambda r: dt.time(r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.choice([0, r.randint(0, 999999)]))),
    "dur": (pl.Duration("us"), lambda r: dt.timedelta(microseconds=r.randint(-10**12, 10**12))),
    "dec": (pl.Decimal(10, 2), lambda r: D(r.randint(-10**8, 10**8)) / 100),
}

def column_type(r, depth):
    roll = r.random()
    if depth < 2 and roll < 0.2:
        inner, gen = column_type(r, depth + 1)
        return pl.List(inner), lambda rr: [maybe(rr, gen(rr), 0.1) for _ in range(rr.randint(0, 3))]
    if depth < 2 and roll < 0.35:
        fields = []
        for k in range(r.randint(1, 3)):
            fields.append(("f%d" % k,) + column_type(r, depth + 1))
        dtype = pl.Struct([pl.Field(name, t) for name, t, _ in fields])
        return dtype, lambda rr: {name: maybe(rr, gen(rr), 0.1) for name, _, gen in fields}
    name = r.choice(list(SCALARS))
    return SCALARS[name]

NAMES = ["a", "b", "col", "x y", "é", "q\"uote", "n1", "n2", "n3", "z"]
for case in range(cases):
    r = random.Random(seed * 100003 + case)
    height = r.randint(1, 12)
    data, schema = {}, {}
    for name in r.sample(NAMES, r.randint(1, 6)):
        if r.random() < 0.05:
            data[name], schema[name] = [None] * height, pl.Null
            continue
        dtype, gen = column_type(r, 0)
        data[name] = [maybe(r, gen(r), 0.2) for _ in range(height)]
        schema[name] = dtype
    df = pl.DataFrame(data, schema=schema)
    base = "%s/%d" % (out_dir, case)
    df.write_json(base + ".json")
    df.write_ndjson(base + ".ndjson")
    with open(base + ".schema", "w", encoding="utf-8") as f:
        for name, dtype in df.schema.items():
            f.write(name + "\t" + notation(dtype) + "\n")
    for ext, reader in (("json", pl.read_json), ("ndjson", pl.read_ndjson)):
        with open(base + "." + ext + ".expected", "w", encoding="utf-8") as f:
            back = reader(base + "." + ext)
            for s in back.get_columns():
                f.write(esc(s.name) + "\t" + s.dtype._string_repr() + "\t" + "|".join(fmt(v) for v in s.to_list()) + "\n")
