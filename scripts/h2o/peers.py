#!/usr/bin/env python3
"""Floe, Polars and DuckDB on the h2o.ai db-benchmark questions (groupby q1..q10, join q1..q5), in one run.

Data: the Parquet files of scripts/h2o/datagen.py (generated here when missing). Before any timing,
each engine loads them into memory, as db-benchmark's solutions do:
  Polars  pl.read_parquet, then (db-benchmark's polars solution) the string keys cast to Categorical
          (groupby id1..id3, join id4..id6; --no-categorical keeps them String) and queries run lazily:
          the timed part is query(x.lazy()).collect().
  DuckDB  in-memory database, CREATE TABLE x AS SELECT * FROM read_parquet(...); the timed part is
          CREATE TABLE ans AS SELECT ... plus SELECT count(*) FROM ans (db-benchmark's duckdb solution).
  Floe    a long-lived JVM (dev.floe.jmh.h2o.H2oSideBySide, jmh/target/benchmarks.jar) that reads the
          files with Floe.readParquet, casts the same string keys as Polars to Floe's categorical
          (-Dfloe.h2o.categorical; Utf8 with --no-categorical) before timing and answers one question
          per request with its own milliseconds (the query through collect()), shape and checksum.
Every engine first runs every question --warmup times untimed (1 by default, for every engine alike:
a JVM compiles its hot code during the first runs, and the first question of a fresh JVM otherwise
times the compiler), then --repeats times timed, the order of the engines alternating (reversed on
odd repetitions), with a gc.collect() before each run; answers are dropped after each run. Threads:
POLARS_MAX_THREADS and DuckDB's SET threads, both --threads; Floe -Dfloe.threads (--floe-threads,
default --threads). The questions and the checksum are in questions.py (Floe's in
jmh/.../h2o/H2oQuestions.java); the checksum is taken from each engine's first run, and the engines'
checksums are compared (integers exactly, floats to a relative 1e-9): "ok" or "DIFF" (with --engines
including floe, the last column says whether Floe agrees with the peers).

Usage (from the repository root; see scripts/h2o/README.md):
  $(scripts/python-env.sh) scripts/h2o/peers.py --rows 1e5                  # quick check, both tasks
  $(scripts/python-env.sh) scripts/h2o/peers.py --rows 1e7 --k 1e2,1e5 --threads 2 --repeats 3 \\
      --json target/h2o/peers-1e7.json
Prints, per question, the median milliseconds per engine, the answer's rows x columns and checksum.
"""
import argparse
import gc
import json
import math
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import datagen  # noqa: E402  (numpy/pyarrow only; Polars is imported once its thread count is set)
from floe_engine import FloeEngine  # noqa: E402
from sidebyside import machine, median, utc_now  # noqa: E402


def checksum(table) -> dict:
    """{column: sum of its non-null, non-NaN values}; integers exact, floats with math.fsum."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    sums = {}
    for name in table.column_names:
        column = pc.drop_null(table.column(name).combine_chunks())
        if pa.types.is_decimal(column.type) and column.type.scale == 0:  # DuckDB's HUGEINT sums
            column = pc.cast(column, pa.int64())
        if pa.types.is_integer(column.type):
            sums[name] = int(np.sum(column.to_numpy().astype(np.int64)))
        else:
            values = column.to_numpy(zero_copy_only=False).astype(np.float64)
            sums[name] = math.fsum(values[~np.isnan(values)].tolist())
    return sums


def agree(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(
        a[k] == b[k] if isinstance(a[k], int) and isinstance(b[k], int)
        else math.isclose(a[k], b[k], rel_tol=1e-9, abs_tol=1e-9) for k in a)


class PolarsEngine:
    name = "polars"

    def __init__(self, paths: dict, categorical: list):
        import polars as pl
        self.frames = {}
        for role, path in paths.items():
            frame = pl.read_parquet(path).rechunk()
            keys = [c for c in categorical if c in frame.columns]
            self.frames[role] = frame.with_columns(pl.col(keys).cast(pl.Categorical)) if keys else frame
        self.answer = None

    def run(self, qid, polars_query, sql, single: bool):
        lazy = {role: frame.lazy() for role, frame in self.frames.items()}
        self.answer = polars_query(lazy["x"] if single else lazy).collect()
        return self.answer.shape

    def checksum(self, measures):
        return checksum(self.answer.select(measures).to_arrow())

    def drop(self):
        self.answer = None


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, paths: dict, threads: int):
        import duckdb
        self.con = duckdb.connect()
        self.con.execute(f"SET threads = {threads}")
        for role, path in paths.items():
            self.con.execute(f"CREATE TABLE {role} AS SELECT * FROM read_parquet('{path}')")

    def run(self, qid, polars_query, sql, single: bool):
        self.con.execute(f"CREATE TABLE ans AS {sql}")
        rows = self.con.execute("SELECT count(*) FROM ans").fetchone()[0]
        return rows, len(self.con.execute("SELECT * FROM ans LIMIT 0").description)

    def checksum(self, measures):
        answer = self.con.execute(f"SELECT {', '.join(measures)} FROM ans").arrow()
        return checksum(answer.read_all() if hasattr(answer, "read_all") else answer)

    def drop(self):
        self.con.execute("DROP TABLE IF EXISTS ans")


def run_task(task, data_name, paths, questions, args):
    """Times every question on every engine; prints and returns one result dict per question."""
    single = task == "groupby"
    categorical = [] if args.no_categorical else (["id1", "id2", "id3"] if single else ["id4", "id5", "id6"])
    start = time.perf_counter()
    engines = []
    for name in args.engines:
        if name == "polars":
            engines.append(PolarsEngine(paths, categorical))
        elif name == "duckdb":
            engines.append(DuckDBEngine(paths, args.threads))
        else:
            engines.append(FloeEngine(task, paths, args.floe_threads, not args.no_categorical))
    first_engine = engines[0]
    rows_in = first_engine.rows if first_engine.name == "floe" else first_engine.frames["x"].height \
        if first_engine.name == "polars" else first_engine.con.execute("SELECT count(*) FROM x").fetchone()[0]
    print(f"\n{task} {data_name} ({rows_in:,} rows; loaded in {time.perf_counter() - start:.1f}s), "
          f"threads {args.threads}, warm-up {args.warmup}, repeats {args.repeats}; median ms")
    header = f"{'':4} {'question':28}" + "".join(f"{e.name:>10}" for e in engines) + f"  {'rows x cols':>17}  checksum"
    print(header)
    results = []
    for qid, title, measures, polars_query, sql in questions:
        times = {e.name: [] for e in engines}
        shapes, sums = {}, {}
        for _ in range(args.warmup):
            for engine in engines:
                gc.collect()
                engine.run(qid, polars_query, sql, single)
                engine.drop()
        for repeat in range(args.repeats):
            for engine in (engines if repeat % 2 == 0 else engines[::-1]):
                gc.collect()
                begin = time.perf_counter_ns()
                shape = engine.run(qid, polars_query, sql, single)
                elapsed = (time.perf_counter_ns() - begin) / 1e6
                # Floe reports the time of the query itself, without the request's round trip
                times[engine.name].append(getattr(engine, "last_ms", None) or elapsed)
                if repeat == 0:
                    shapes[engine.name], sums[engine.name] = tuple(shape), engine.checksum(measures)
                engine.drop()
        peers = [e.name for e in engines if e.name != "floe"] or [engines[0].name]
        first = peers[0]
        same_as = lambda name: shapes[name] == shapes[first] and agree(sums[name], sums[first])  # noqa: E731
        same = all(same_as(e.name) for e in engines)
        peers_same = all(same_as(name) for name in peers)
        shape_text = " | ".join(sorted({f"{r:,} x {c}" for r, c in shapes.values()}))
        sum_text = " ".join(f"{k}={v:.12g}" if isinstance(v, float) else f"{k}={v}" for k, v in sums[first].items())
        verdict = "ok" if peers_same else "DIFF"
        if "floe" in shapes and len(engines) > 1:
            verdict = f"{verdict} floe {'ok' if same_as('floe') else 'DIFF ' + str(sums['floe'])}"
        print(f"{qid:4} {title:28}" + "".join(f"{median(times[e.name]):10.1f}" for e in engines)
              + f"  {shape_text:>17}  {sum_text}  {verdict}", flush=True)
        for engine in engines:
            results.append({"task": task, "data": data_name, "in_rows": rows_in, "question": qid,
                            "title": title, "engine": engine.name, "times_ms": times[engine.name],
                            "median_ms": median(times[engine.name]), "out_rows": shapes[engine.name][0],
                            "out_cols": shapes[engine.name][1], "checksum": sums[engine.name],
                            "agrees": same})
    for engine in engines:
        if hasattr(engine, "close"):
            engine.close()
    del engines
    gc.collect()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--task", default="groupby,join", help="groupby, join or both (comma-separated)")
    parser.add_argument("--rows", type=datagen.parse_count, default=10_000_000, help="N, e.g. 1e7 or 1e5")
    parser.add_argument("--k", default="1e2", help="groupby K, comma-separated (e.g. 1e2,1e5,1e7)")
    parser.add_argument("--nas", type=int, default=0, help="groupby: percent of nulls")
    parser.add_argument("--sort", type=int, default=0, choices=[0, 1], help="groupby: sorted data")
    parser.add_argument("--questions", help="e.g. q1,q2,q10 (default: all)")
    parser.add_argument("--engines", default="floe,polars,duckdb")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--floe-threads", type=int, help="Floe's -Dfloe.threads (default: --threads)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of each question per engine first")
    parser.add_argument("--no-categorical", action="store_true", help="Polars and Floe: keep string keys as strings")
    parser.add_argument("--dir", type=Path, default=datagen.DEFAULT_DIR, help="data directory (target/h2o)")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    args.engines = args.engines.split(",")
    if not args.engines or not set(args.engines) <= {"floe", "polars", "duckdb"}:
        parser.error("--engines: floe, polars and/or duckdb")
    if args.floe_threads is None:
        args.floe_threads = args.threads

    os.environ["POLARS_MAX_THREADS"] = str(args.threads)
    import duckdb
    import polars as pl
    import questions
    wanted = set(args.questions.split(",")) if args.questions else None
    pick = lambda qs: [q for q in qs if wanted is None or q[0] in wanted]  # noqa: E731
    print(f"h2o db-benchmark peers, {utc_now()}, {machine()}; polars {pl.__version__} "
          f"(thread pool {pl.thread_pool_size()}), duckdb {duckdb.__version__}"
          + (f", floe {args.floe_threads} threads" if "floe" in args.engines else ""))

    results = []
    tasks = args.task.split(",")
    if "groupby" in tasks:
        for k in args.k.split(","):
            path = datagen.ensure_groupby(args.dir, args.rows, datagen.parse_count(k), args.nas, args.sort)
            results += run_task("groupby", path.stem, {"x": path}, pick(questions.GROUPBY), args)
    if "join" in tasks:
        paths = datagen.ensure_join(args.dir, args.rows)
        results += run_task("join", paths["x"].stem, paths, pick(questions.JOIN), args)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "utc": utc_now(), "machine": machine(), "threads": args.threads, "floe_threads": args.floe_threads,
            "repeats": args.repeats, "warmup": args.warmup,
            "versions": {"polars": pl.__version__, "duckdb": duckdb.__version__},
            "polars_categorical": not args.no_categorical, "results": results}, indent=1) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
