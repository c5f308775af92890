import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../resources/dev/floe/format")
import polars as pl, random, struct
random.seed(42)
vals = [1.0, 0.1, 1e-7, 1e7, 123456.789, 1234567.891, 3.14159265358979, float('nan'), float('inf'), -0.0, 1e20, 0.000001,
 0.0000012345, 999999.0, 1000000.0, 12.0000000001, 1/3*1e6, 1e-6, 5e-324, -float('inf'), 2.5e-5, 100.5, 1e15, 1.5e15,
 123456789.0, 0.5, 1e-10, 1.23456789e-5, 999999.5, -1234567.891, 12345678.9, 0.1+0.2, 1e100, 1.7976931348623157e308, 0.00001, 0.0]
for _ in range(3000):
    kind = random.random()
    if kind < 0.3:
        v = random.uniform(-1, 1) * 10 ** random.randint(-12, 12)
    elif kind < 0.5:
        v = float(random.randint(-10**9, 10**9))
    elif kind < 0.7:
        v = round(random.uniform(-1000, 1000), random.randint(0, 8))
    elif kind < 0.85:
        v = random.randint(-100000, 100000) / 8
    else:
        v = struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
    vals.append(v)
with pl.Config(tbl_rows=-1):
    s64 = str(pl.Series("f", vals)).split("\n")[3:-1]
    import numpy as np
    vals32 = [float(np.float32(v)) for v in vals]
    s32 = str(pl.Series("f", vals32, dtype=pl.Float32)).split("\n")[3:-1]
with open(os.path.join(OUT, "polars-floats.tsv"), "w") as f:
    f.write("# bits of an f64 <TAB> Polars 1.44.2 text as f64 <TAB> bits of the f32 <TAB> Polars text as f32\n")
    for v, a, v32, b in zip(vals, s64, vals32, s32):
        bits = struct.unpack("<Q", struct.pack("<d", v))[0]
        bits32 = struct.unpack("<I", struct.pack("<f", v32))[0]
        f.write(f"{bits:016x}\t{a.strip()}\t{bits32:08x}\t{b.strip()}\n")
print(len(vals))
