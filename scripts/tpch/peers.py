"""Runs the 22 TPC-H queries on the Parquet files ./floe tpch generated, with Floe's peers: Polars
(lazy, default in-memory engine), Polars' streaming engine (collect(engine="streaming")) and DuckDB
(SQL over read_parquet). Queries are in polars_queries.py and duckdb_queries.py, written from the
TPC-H specification.

Each engine runs each query in its own subprocess (so its peak RSS, ru_maxrss, is that query's):
once cold, then --runs times warm; the table shows the warm median and the peak RSS per engine, and
the Floe/peer ratios. Floe is one of the engines (engine "floe": ./floe tpch --queries N in its own
JVM with -Xmx from --floe-xmx, after --floe-warmup untimed warm runs for the JIT; its peak RSS
is the whole JVM's, taken by wait4); --floe-json FILE
instead takes Floe's timings from an earlier ./floe tpch --json FILE run. --check DIR compares every answer with the reference answers DIR/qNN.parquet
(columns by position, numbers within 1e-6 relative, rows sorted first where ORDER BY leaves ties).

    ./floe tpch --scale 0.1 --json /tmp/floe.json
    $(scripts/python-env.sh) scripts/tpch/peers.py --scale 0.1 --floe-json /tmp/floe.json \\
        --check tpch/src/test/resources/answers/sf0.1
"""
import argparse
import datetime
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ENGINES = ["floe", "polars", "polars-streaming", "duckdb"]
PEERS = ENGINES[1:]
ROOT = Path(__file__).resolve().parents[2]
# ORDER BY leaves ties among the rows of these answers, so rows are compared sorted.
TIES = {3, 10, 11, 18}


def scale_name(scale):
    return f"{scale:g}" if scale != int(scale) else str(int(scale))


def default_data(scale):
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "floe" / "tpch" / f"sf{scale_name(scale)}"


def runner(engine, data, scale):
    """A function number -> polars DataFrame running the query with engine over data."""
    if engine.startswith("polars"):
        import polars as pl
        import polars_queries
        tables = {name: pl.scan_parquet(data / f"{name}.parquet") for name in
                  ["lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region"]}
        kind = "streaming" if engine == "polars-streaming" else "in-memory"
        return lambda number: polars_queries.QUERIES[number](tables, scale).collect(engine=kind)
    import duckdb
    import duckdb_queries
    import polars as pl
    connection = duckdb.connect()
    for name in duckdb_queries.TABLES:
        connection.execute(f"create view {name} as select * from read_parquet('{data / (name + '.parquet')}')")
    return lambda number: pl.from_arrow(connection.execute(duckdb_queries.sql(number, scale)).fetch_arrow_table())


def same(actual, expected):
    if actual is None or expected is None:
        return actual is None and expected is None
    numbers = (int, float)
    if isinstance(actual, numbers) and isinstance(expected, numbers) and not isinstance(actual, bool):
        a, e = float(actual), float(expected)
        return a == e or abs(a - e) <= 1e-6 * max(abs(a), abs(e))
    if isinstance(actual, datetime.date) or isinstance(expected, datetime.date):
        return actual == expected
    return str(actual) == str(expected)


def differences(frame, reference, number):
    """Up to 10 differences between frame and the reference answer (empty when they match)."""
    import polars as pl
    expected = pl.read_parquet(reference)
    if frame.width != expected.width:
        return [f"columns: {frame.columns}, expected {expected.columns}"]
    if frame.height != expected.height:
        return [f"rows: {frame.height}, expected {expected.height}"]
    got, want = frame.rows(), expected.rows()
    if number in TIES:
        key = lambda row: tuple(f"{v:.6e}" if isinstance(v, (int, float)) else str(v) for v in row)
        got, want = sorted(got, key=key), sorted(want, key=key)
    found = []
    for r, (a_row, e_row) in enumerate(zip(got, want)):
        for c, (a, e) in enumerate(zip(a_row, e_row)):
            if not same(a, e) and len(found) < 10:
                found.append(f"row {r}, column {c} ({frame.columns[c]}): {a!r}, expected {e!r}")
    return found


def child(args):
    """Runs one query with one engine (cold, then warm runs) and prints the result as JSON."""
    data = Path(args.data)
    run = runner(args.engine, data, args.scale)
    times = []
    frame = None
    for _ in range(args.runs + 1):
        start = time.perf_counter()
        frame = run(args.query)
        times.append((time.perf_counter() - start) * 1000)
    result = {"times": times, "rows": frame.height, "check": "-"}
    if args.check:
        reference = Path(args.check) / f"q{args.query:02d}.parquet"
        if not reference.exists():
            result["check"] = "no reference"
        else:
            found = differences(frame, reference, args.query)
            result["check"] = "OK" if not found else "DIFF"
            result["differences"] = found
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure_floe(args, number):
    """Runs one query in its own Floe JVM (./floe tpch); its peak RSS is the JVM's (wait4)."""
    import tempfile
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "floe.json"
        command = [str(ROOT / "floe"), "tpch", "--scale", scale_name(args.scale), "--data", str(args.data),
                   "--queries", str(number), "--runs", str(args.runs + args.floe_warmup), "--json", str(out)]
        if args.check:
            command += ["--answers", str(args.check)]
        env = dict(os.environ, FLOE_JAVA_OPTS=f"-Xmx{args.floe_xmx} " + os.environ.get("FLOE_JAVA_OPTS", ""))
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        stderr = child.stderr.read().decode(errors="replace")
        child.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0 or not out.exists():
            return {"error": (stderr.strip().splitlines() or ["(no message)"])[-1]}
        query = json.loads(out.read_text())["queries"][0]
    # the first --floe-warmup warm runs let the JIT compile the query's paths; they are not counted
    return {"times": [query["cold_ms"]] + query["warm_ms"][args.floe_warmup:], "rows": query["rows"],
            "check": query["answer"] if args.check else "-", "rss_mb": usage.ru_maxrss / 1024}


def measure(args, engine, number):
    if engine == "floe":
        return measure_floe(args, number)
    command = [sys.executable, __file__, "--child", "--engine", engine, "--query", str(number),
               "--scale", str(args.scale), "--data", str(args.data), "--runs", str(args.runs)]
    if args.check:
        command += ["--check", str(args.check)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        return {"error": last}
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_warm(times):
    return statistics.median(times[1:]) if len(times) > 1 else times[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--data", type=Path, help="the Parquet tables (default ~/.cache/floe/tpch/sf<scale>)")
    parser.add_argument("--queries", default="1-22", help="e.g. 1,3,5 or 1-22")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated: " + ", ".join(ENGINES))
    parser.add_argument("--runs", type=int, default=3, help="warm runs after the cold one")
    parser.add_argument("--check", type=Path, help="reference answers directory (qNN.parquet) to validate against")
    parser.add_argument("--floe-json", type=Path, help="Floe's timings from ./floe tpch --json FILE "
                        "instead of running engine floe")
    parser.add_argument("--floe-xmx", default="256m", help="the Floe JVM's -Xmx (default 256m)")
    parser.add_argument("--floe-warmup", type=int, default=5,
                        help="untimed warm runs of each query in Floe's JVM before the timed ones, "
                             "for the JIT (default 5)")
    parser.add_argument("--json", type=Path, help="write the peers' timings here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--query", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.data = args.data or default_data(args.scale)
    if args.child:
        return child(args)
    if not (args.data / "lineitem.parquet").exists():
        sys.exit(f"peers.py: no TPC-H tables in {args.data}; generate them with "
                 f"./floe tpch --scale {scale_name(args.scale)} --queries 6 --runs 0 --data {args.data}")
    numbers = []
    for part in args.queries.split(","):
        low, _, high = part.partition("-")
        numbers += list(range(int(low), int(high or low) + 1))
    engines = args.engines.split(",")
    unknown = [e for e in engines if e not in ENGINES]
    if unknown or any(n < 1 or n > 22 for n in numbers):
        sys.exit(f"peers.py: engines are {', '.join(ENGINES)} and queries 1 to 22; got {args.engines} {args.queries}")
    floe = {}
    if args.floe_json:
        floe = {q["query"]: q for q in json.loads(args.floe_json.read_text())["queries"]}
        engines = [e for e in engines if e != "floe"]
    elif "floe" in engines and not (ROOT / "cli" / "target" / "floe-all.jar").exists():
        subprocess.run([str(ROOT / "floe"), "version"], check=True, stdout=subprocess.DEVNULL)

    results = {}
    for number in numbers:
        for engine in engines:
            results[(engine, number)] = measure(args, engine, number)
            outcome = results[(engine, number)]
            if outcome.get("differences"):
                print(f"Q{number:02d} {engine} differs:", *outcome["differences"], sep="\n  ", file=sys.stderr)
            if "error" in outcome:
                print(f"Q{number:02d} {engine} failed: {outcome['error']}", file=sys.stderr)
    report(args, numbers, engines, results, floe)
    if args.json:
        args.json.write_text(json.dumps({"scale": args.scale, "runs": args.runs, "floe_xmx": args.floe_xmx,
                                         "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="minutes"),
                                         "results": [
            {"engine": e, "query": n, **results[(e, n)]} for (e, n) in results]}, indent=1))


def report(args, numbers, engines, results, floe):
    """Prints the table. Floe's medians come from its own column (engine floe) or from --floe-json."""
    own = "floe" in engines
    peers = [e for e in engines if e != "floe"]
    medians = {}
    for (engine, number), outcome in results.items():
        if "error" not in outcome:
            medians[(engine, number)] = median_warm(outcome["times"])
    for number, query in floe.items():
        if query.get("warm_median_ms") is not None:
            medians[("floe", number)] = query["warm_median_ms"]
    compare = own or bool(floe)
    print(f"TPC-H SF{scale_name(args.scale)}: warm median of {args.runs} runs in ms (peak RSS MB); "
          "ratio = Floe / peer (below 1: Floe faster)" + (f"; Floe with -Xmx{args.floe_xmx}" if own else ""))
    header = f"{'query':<5}" + (f" {'floe':>9}" if floe else "")
    header += "".join(f" {engine:>22}" for engine in engines)
    if compare:
        header += "".join(f" {'/' + e:>17}" for e in peers)
    if args.check:
        header += "  check"
    print(header)
    totals = {engine: 0.0 for engine in ["floe"] + peers}
    ratios = {engine: [] for engine in peers}
    for number in numbers:
        line = f"Q{number:02d}  "
        mine = medians.get(("floe", number))
        if floe:
            line += f" {mine:>9.1f}" if mine is not None else f" {'-':>9}"
        for engine in engines:
            if (engine, number) not in medians:
                line += f" {'error':>22}"
                continue
            line += f" {medians[(engine, number)]:>13.1f} ({results[(engine, number)]['rss_mb']:>5.0f})"
        for engine in ["floe"] + peers:
            totals[engine] += medians.get((engine, number), 0.0)
        if compare:
            for engine in peers:
                if mine is not None and (engine, number) in medians:
                    ratios[engine].append(mine / medians[(engine, number)])
                    line += f" {ratios[engine][-1]:>17.2f}"
                else:
                    line += f" {'-':>17}"
        if args.check:
            line += "  " + " ".join(results[(e, number)].get("check", "error") for e in engines)
        print(line)
    line = "total" + (f" {totals['floe']:>9.1f}" if floe else "")
    line += "".join(f" {totals[engine]:>13.1f}        " for engine in engines)
    if compare:
        line += "".join(f" {geomean(ratios[engine]):>17.2f}" if ratios[engine] else f" {'-':>17}" for engine in peers)
        line += "  (ratios: geometric mean over the queries Floe ran)"
    print(line)


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


if __name__ == "__main__":
    main()
