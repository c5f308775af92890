# Helper of dev.floe.CsvInteropTest: Polars writes random frames and reads CSV files, and dumps
# what it read in a line format the test compares with Floe's reads.
# usage: csv_interop.py DIR   (DIR/cases.txt: "name<TAB>python kwargs" per line, DIR/name.csv)
import datetime as dt
import random
import struct
import sys

import polars as pl

directory = sys.argv[1]


def enc(value, dtype):
    if value is None:
        return "null"
    if dtype == pl.Boolean:
        return "b:" + ("true" if value else "false")
    if dtype in (pl.Float64, pl.Float32):
        return "f:%d" % struct.unpack("<q", struct.pack("<d", value))[0]
    if dtype == pl.String:
        return "s:" + value.encode().hex()
    return "i:%d" % value


def dump(frame, out):
    with open(out, "w") as f:
        for series in frame.get_columns():
            f.write("C\t%s\t%s\n" % (series.name.encode().hex(), series.dtype))
            physical = series.to_physical() if series.dtype.is_temporal() else series
            for value in physical.to_list():
                f.write(enc(value, physical.dtype) + "\n")


STRINGS = ["a", "b,c", 'q"x', "", "line\nbreak", " sp", "1", "#c", "\u00e9\u2713", "x\r\ny",
           "NA", "true", "1.5", "'"]


def random_frame(seed, rows):
    r = random.Random(seed)

    def maybe(make):
        return None if r.random() < 0.15 else make()

    floats = lambda: r.choice([r.uniform(-1e6, 1e6), r.random() * 1e-7, r.random() * 1e20,
                               float(r.randint(-5, 5)), float("inf"), float("nan"), 0.1, -0.0])
    return pl.DataFrame({
        "i": [maybe(lambda: r.randint(-10**12, 10**12)) for _ in range(rows)],
        "f": [maybe(floats) for _ in range(rows)],
        "s": [maybe(lambda: r.choice(STRINGS) + (str(r.randint(0, 9)) if r.random() < 0.5 else ""))
              for _ in range(rows)],
        "b": [maybe(lambda: r.random() < 0.5) for _ in range(rows)],
        "d": [maybe(lambda: dt.date(1970, 1, 1) + dt.timedelta(days=r.randint(-20000, 40000)))
              for _ in range(rows)],
        "t": [maybe(lambda: dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=r.randint(-10**15, 10**16)))
              for _ in range(rows)],
    }, schema={"i": pl.Int64, "f": pl.Float64, "s": pl.String, "b": pl.Boolean, "d": pl.Date,
               "t": pl.Datetime("us")})


WRITE_OPTIONS = [
    {},
    {"quote_style": "always"},
    {"quote_style": "non_numeric"},
    {"separator": ";", "null_value": "NA", "float_precision": 3},
    {"include_header": False, "quote_style": "never"},
]

with open(directory + "/random.txt") as f:
    seeds = [int(line) for line in f if line.strip()]
for seed in seeds:
    frame = random_frame(seed, 150_000 if seed >= 1000 else 1 + seed % 97)
    for index, options in enumerate(WRITE_OPTIONS):
        frame.write_csv("%s/rand_%d_w%d.csv" % (directory, seed, index), **options)
    path = "%s/rand_%d_w0.csv" % (directory, seed)
    dump(pl.read_csv(path, try_parse_dates=True), path + ".polars")

with open(directory + "/cases.txt") as f:
    for line in f:
        if not line.strip():
            continue
        name, kwargs = line.rstrip("\n").split("\t", 1)
        path = "%s/%s.csv" % (directory, name)
        try:
            dump(pl.read_csv(path, **eval(kwargs)), path + ".polars")
        except Exception as error:
            with open(path + ".polars", "w") as out:
                out.write("E\t" + type(error).__name__ + "\n")
