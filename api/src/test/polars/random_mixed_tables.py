import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../resources/dev/floe/format")
import polars as pl, random, struct, datetime as dt
random.seed(11)
def rfloat():
    k = random.random()
    if k < 0.4: return random.uniform(-1, 1) * 10 ** random.randint(-9, 9)
    if k < 0.6: return float(random.randint(-10**6, 10**6))
    if k < 0.8: return round(random.uniform(-100, 100), random.randint(0, 4))
    return struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
gens = {
  "i64": lambda: random.randint(-10**random.randint(0, 18), 10**random.randint(0, 18)),
  "f64": rfloat,
  "bool": lambda: random.random() < 0.5,
  "str": lambda: random.choice(["", "a", "hello world", "ünï", "日本", "x" * random.randint(0, 40)]),
  "date": lambda: dt.date(random.randint(1900, 2100), random.randint(1, 12), random.randint(1, 28)),
  "datetime": lambda: dt.datetime(random.randint(1970, 2100), random.randint(1, 12), random.randint(1, 28), random.randint(0, 23), random.randint(0, 59), random.randint(0, 59), random.choice([0, 0, 500000, random.randint(0, 999999)])),
  "list": lambda: [random.randint(-1000, 1000) for _ in range(random.randint(0, 6))],
}
def enc(t, v):
    if v is None: return "\\N"
    if t == "f64": return "%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if t == "bool": return "true" if v else "false"
    if t == "str": return v
    if t in ("date", "datetime"): return v.isoformat()
    if t == "list": return ",".join(map(str, v))
    return str(v)
out = []
for case in range(80):
    ncols = random.randint(1, 10)
    nrows = random.randint(0, 12)
    types = [random.choice(list(gens)) for _ in range(ncols)]
    names = [f"{t}_{i}" for i, t in enumerate(types)]
    data = {n: [None if random.random() < 0.15 else gens[t]() for _ in range(nrows)] for n, t in zip(names, types)}
    schema = {"i64": pl.Int64, "f64": pl.Float64, "bool": pl.Boolean, "str": pl.String, "date": pl.Date, "datetime": pl.Datetime("us"), "list": pl.List(pl.Int64)}
    df = pl.DataFrame(data, schema={n: schema[t] for n, t in zip(names, types)})
    out.append("#case")
    out.append("\t".join(names))
    for r in range(nrows):
        out.append("\t".join(enc(t, data[n][r]) for n, t in zip(names, types)))
    out.append("#expected")
    out.append(str(df))
    out.append("#end")
open(os.path.join(OUT, "polars-random-mixed.txt"), "w").write("\n".join(out) + "\n")
