#!/usr/bin/env python3
"""Floe and Polars side by side on the same generated data, in one run.

Generates three 8M-row columns once (a, b: Int64 uniform in [0, 1e9); c: Float64 uniform in
[-100, 100); numpy seed 42) as raw little-endian files, then times in Polars (eager, Python) and in
Floe (eager, one JVM, one thread; dev.floe.jmh.PolarsSideBySide):

  filter 1% / filter 50%   df.filter(col("a") < threshold) on the frame a, b, c
  sum                      df.select(col("a").sum())
  sort                     a one-column Int64 frame sorted by a
  with_columns x3          three arithmetic expressions over a, b, c

Polars runs twice: with its default thread pool and with POLARS_MAX_THREADS=1 (Floe's eager
operations use one thread). Every result is checked: both engines print a number computed from
their answer (row count, sum, median element) and the script fails if they disagree.

Usage (from the repository root):
  $(scripts/python-env.sh) scripts/compare_polars.py [--rows N] [--repeats R] [--warmup W]
Medians in milliseconds; ratio = Floe / Polars (below 1.0: Floe is faster).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sidebyside import java_command, machine, median


def generate(directory: Path, rows: int):
    import numpy as np

    rng = np.random.default_rng(42)
    a = rng.integers(0, 1_000_000_000, rows, dtype=np.int64)
    b = rng.integers(0, 1_000_000_000, rows, dtype=np.int64)
    c = rng.uniform(-100.0, 100.0, rows)
    for name, values in (("a", a), ("b", b), ("c", c)):
        values.astype(values.dtype.newbyteorder("<")).tofile(directory / f"{name}.bin")
    return int(np.quantile(a, 0.01)), int(np.quantile(a, 0.5))


def polars_timings(directory: Path, one_percent: int, half: int, warmup: int, repeats: int):
    """Runs in a child process so POLARS_MAX_THREADS takes effect before polars is imported."""
    import numpy as np
    import polars as pl

    a = np.fromfile(directory / "a.bin", dtype="<i8")
    b = np.fromfile(directory / "b.bin", dtype="<i8")
    c = np.fromfile(directory / "c.bin", dtype="<f8")
    df = pl.DataFrame({"a": a, "b": b, "c": c})
    single = df.select("a")
    col = pl.col
    operations = {
        "filter 1%": lambda: df.filter(col("a") < one_percent).height,
        "filter 50%": lambda: df.filter(col("a") < half).height,
        "sum": lambda: df.select(col("a").sum()).item(),
        "sort": lambda: (lambda s: s["a"][s.height // 2])(single.sort("a")),
        "with_columns x3": lambda: df.with_columns(
            (col("a") * 3 + col("b")).alias("x"),
            (col("c") * 2.5 - col("a")).alias("y"),
            (col("a") - col("b") * 2).alias("z"),
        ).select(col("x").sum(), col("y").sum(), col("z").sum())["y"][0],
    }
    for name, run in operations.items():
        times = []
        check = None
        for iteration in range(warmup + repeats):
            start = time.perf_counter_ns()
            check = run()
            elapsed = time.perf_counter_ns() - start
            if iteration >= warmup:
                times.append(elapsed / 1e6)
        print(f"{name}\t{median(times):.3f}\t{float(check)}", flush=True)


def parse(output: str):
    results = {}
    for line in output.strip().splitlines():
        name, millis, check = line.split("\t")
        results[name] = (float(millis), float(check))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=8 * 1024 * 1024)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--polars-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.polars_child:
        directory, one_percent, half = args.polars_child
        polars_timings(Path(directory), int(one_percent), int(half), args.warmup, args.repeats)
        return 0

    with tempfile.TemporaryDirectory(prefix="floe-vs-polars-") as temporary:
        directory = Path(temporary)
        one_percent, half = generate(directory, args.rows)
        floe = parse(subprocess.run(
            java_command("dev.floe.jmh.PolarsSideBySide") + [str(directory), str(one_percent), str(half), str(args.warmup), str(args.repeats)],
            capture_output=True, text=True, check=True).stdout)
        runs = {}
        for label, threads in (("polars", None), ("polars 1 thread", "1")):
            env = dict(os.environ)
            if threads:
                env["POLARS_MAX_THREADS"] = threads
            child = subprocess.run(
                [sys.executable, __file__, "--warmup", str(args.warmup), "--repeats", str(args.repeats),
                 "--polars-child", str(directory), str(one_percent), str(half)],
                capture_output=True, text=True, check=True, env=env)
            runs[label] = parse(child.stdout)

    import polars as pl

    print(f"# {args.rows:,} rows; {machine()}; polars {pl.__version__}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; medians of {args.repeats} after {args.warmup} warm-up")
    print("| operation | Floe ms | Polars ms | Polars 1 thread ms | Floe/Polars | Floe/Polars 1 thread |")
    print("|---|---|---|---|---|---|")
    failures = []
    for name, (millis, check) in floe.items():
        polars, polars_one = runs["polars"][name], runs["polars 1 thread"][name]
        for label, (_, other) in (("polars", polars), ("polars 1 thread", polars_one)):
            if abs(check - other) > 1e-9 * max(1.0, abs(check), abs(other)):
                failures.append(f"{name}: floe check {check} != {label} {other}")
        print(f"| {name} | {millis:.2f} | {polars[0]:.2f} | {polars_one[0]:.2f} | "
              f"{millis / polars[0]:.2f} | {millis / polars_one[0]:.2f} |")
    if failures:
        print("\n".join(["answers differ:"] + failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
