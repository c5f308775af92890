#!/usr/bin/env python3
"""Peak memory of the h2o.ai db-benchmark join questions (q1..q5): Floe next to Polars (and DuckDB).

For every question and engine a FRESH process loads the four join tables (x, small, medium, big) as
peers.py loads them (Polars: pl.read_parquet, the string keys id4..id6 cast to Categorical; DuckDB:
in-memory tables; Floe: dev.floe.jmh.h2o.H2oSideBySide with peers.py's JVM flags, -Xmx4g and
-Dfloe.threads=N, its keys cast to Floe's categorical), waits --settle seconds, then:
  baseline  VmRSS of the loaded process (/proc/PID/status), once steady, just before the question;
  peak      VmHWM after the question, the kernel's high-water mark of RSS, reset to the current RSS
            just before the question by writing 5 to /proc/PID/clear_refs (Linux >= 4.0; checked at
            start on a child that allocates and frees 256 MiB: when the reset does not work, peak is
            the maximum of VmRSS sampled every --sample-ms instead);
  join      peak - baseline: the memory the question itself needed (answer included);
  sampled   the maximum VmRSS seen by a thread polling every --sample-ms, a cross-check of peak;
  after     VmRSS once the answer is dropped (what the process keeps: allocator caches, JVM heap).
The question runs --repeats times in the same process (VmHWM reset before each; the table shows the
largest peak, the JSON every run). Floe also reports its G1 heap (jcmd PID GC.heap_info: committed
and used) at baseline and after the question. The answer is dropped inside the request (Floe closes
it after its checksum; the Python workers drop it before replying), so VmRSS after a run is not
inflated by it, while the peak includes it.

--compact (the default; --no-compact turns it off) asks each loaded process, after --settle, to
give back memory it holds but does not use, so the baseline is the loaded tables (plus runtime)
and not what loading left behind: Floe `jcmd PID GC.run` (a full GC: G1 shrinks its heap, which
loading had grown to gigabytes of committed, resident but mostly free pages the join would reuse
without raising RSS) and `jcmd PID System.trim_native_heap` (glibc's malloc_trim: free native
memory Floe's blocks had used); the Python workers gc.collect() and malloc_trim(0) (Polars' own
jemalloc returns its free pages by itself within ~10 s, i.e. within --settle).
--floe-jvm-flags adds JVM flags for Floe through JAVA_TOOL_OPTIONS, e.g.
-Dfloe.memory.blockCacheBytes=0 to measure without the LargeBlockCache.

--warmup N runs the question N times once loaded, unmeasured, before --settle, the compaction and
the baseline: the measured run is then a warm one, as in a long-running process, and what the
warm-up left in allocator caches has had --settle to decay (Floe's block cache returns blocks
unused for 10 s; jemalloc its dirty pages likewise). Floe's first run in a
fresh JVM also holds what its JIT warm-up costs (interpreted Vector API code boxes every vector,
hundreds of megabytes of short-lived garbage that grow G1's young generation, plus the compilers'
own memory); Polars, compiled ahead of time, has no such first-run cost. Both are reported.

--settle (default 15 s) lets load-time garbage go before the baseline: Floe's LargeBlockCache keeps
freed native blocks of >= 2 MiB (e.g. the Utf8 key columns replaced by categorical ones) for 10 s
before a daemon thread frees them, and a purge during the question would lower the RSS under the
baseline and hide part of the join's peak; Polars' jemalloc also returns dirty pages after ~10 s.

Threads: POLARS_MAX_THREADS, DuckDB's SET threads and Floe's -Dfloe.threads, all --threads (2).

Usage (from the repository root; see scripts/h2o/README.md):
  $PY scripts/h2o/join_memory.py --rows 1e7 --threads 2 --json target/h2o/join-memory-1e7.json
  $PY scripts/h2o/join_memory.py --rows 1e5 --questions q1,q5 --engines floe,polars,duckdb --settle 0
"""
import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import datagen  # noqa: E402  (numpy/pyarrow only; Polars is imported once its thread count is set)
from floe_engine import FloeEngine  # noqa: E402
from sidebyside import java_command, machine, utc_now  # noqa: E402

MIB = 1024 * 1024


def status_kib(pid: int, *fields: str) -> list:
    """Values (KiB) of fields such as VmRSS, VmHWM in /proc/PID/status."""
    text = Path(f"/proc/{pid}/status").read_text()
    return [int(re.search(rf"^{field}:\s+(\d+) kB", text, re.M).group(1)) for field in fields]


def reset_hwm(pid: int) -> None:
    """Resets VmHWM of pid to its current RSS (proc(5): clear_refs, value 5)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def hwm_reset_works() -> bool:
    """True when resetting VmHWM through clear_refs works here: checked on a child that touches and
    frees 256 MiB (its VmHWM must be >= 256 MiB above VmRSS before the reset and drop after it)."""
    child = subprocess.Popen([sys.executable, "-c", "b = bytearray(256 << 20)\nfor i in range(0, len(b), 4096): "
                              "b[i] = 1\ndel b\nprint('ok', flush=True)\nimport sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        child.stdout.readline()
        rss, hwm_before = status_kib(child.pid, "VmRSS", "VmHWM")
        reset_hwm(child.pid)
        (hwm_after,) = status_kib(child.pid, "VmHWM")
        works = hwm_before - rss >= 250 * 1024 and hwm_after - rss < 16 * 1024
        print(f"VmHWM reset check: child RSS {rss / 1024:.0f} MiB, VmHWM {hwm_before / 1024:.0f} MiB before "
              f"clear_refs, {hwm_after / 1024:.0f} MiB after -> {'works' if works else 'DOES NOT WORK, sampling'}")
        return works
    except OSError as failure:
        print(f"VmHWM reset check: {failure} -> sampling VmRSS instead")
        return False
    finally:
        child.stdin.close()
        child.wait()


class RssSampler(threading.Thread):
    """Polls VmRSS of pid every interval seconds until stopped; max_kib is the largest seen."""

    def __init__(self, pid: int, interval: float):
        super().__init__(daemon=True)
        self.pid, self.interval, self.max_kib = pid, interval, 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            try:
                self.max_kib = max(self.max_kib, status_kib(self.pid, "VmRSS")[0])
            except (OSError, AttributeError):
                return
            self.done.wait(self.interval)

    def stop(self) -> int:
        self.done.set()
        self.join()
        return self.max_kib


def floe_heap_mib(pid: int):
    """(committed, used) MiB of the JVM's G1 heap, from jcmd PID GC.heap_info (None when unavailable)."""
    match = re.search(r"heap\s+total reserved \d+K, committed (\d+)K, used (\d+)K", jcmd(pid, "GC.heap_info"))
    return {"committed": round(int(match.group(1)) / 1024), "used": round(int(match.group(2)) / 1024)} \
        if match else None


class WorkerEngine(FloeEngine):
    """Polars or DuckDB in a fresh Python process (this script with --worker), speaking Floe's
    request protocol ("ready ROWS", then per question id one line "millis \\t rows \\t cols")."""

    def __init__(self, name: str, paths: dict, threads: int, categorical: bool):
        self.name, self.last_ms, self.sums = name, None, None
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--threads", str(threads)]
        command += (["--no-categorical"] if not categorical else []) + [f"{r}={p}" for r, p in paths.items()]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        ready = self.process.stdout.readline().split()
        if len(ready) != 2 or ready[0] != "ready":
            self.close()
            raise RuntimeError(f"{name} worker did not start: {' '.join(ready) or 'process ended'}")
        self.rows = int(ready[1])


def jcmd(pid: int, *command: str) -> str:
    """Output of the JDK's jcmd PID COMMAND... ('' when it fails)."""
    java = Path(java_command("dev.floe.jmh.h2o.H2oSideBySide")[0])
    try:
        return subprocess.run([str(java.parent / "jcmd"), str(pid), *command], capture_output=True, text=True,
                              timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


def compact(engine) -> None:
    """Asks the loaded process to give back free memory (see --compact)."""
    if engine.name == "floe":
        jcmd(engine.process.pid, "GC.run")
        jcmd(engine.process.pid, "System.trim_native_heap")
    else:
        engine.process.stdin.write("compact\n")
        engine.process.stdin.flush()
        engine.process.stdout.readline()


def steady_rss_kib(pid: int, interval=0.2, window=5, timeout=30.0) -> int:
    """VmRSS once it has stayed within 2 MiB for window polls (G1 uncommits the heap a full GC shrank
    concurrently, so RSS keeps falling for a while after jcmd GC.run returns)."""
    seen, deadline = [], time.monotonic() + timeout
    while True:
        seen = (seen + status_kib(pid, "VmRSS"))[-window:]
        if len(seen) == window and max(seen) - min(seen) < 2048 or time.monotonic() > deadline:
            return seen[-1]
        time.sleep(interval)


def worker(name: str, threads: int, categorical: bool, paths: dict):
    """The --worker side: loads the tables as peers.py does and answers question ids on stdin."""
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import ctypes
    import gc
    import peers
    import questions
    keys = ["id4", "id5", "id6"] if categorical else []
    engine = peers.PolarsEngine(paths, keys) if name == "polars" else peers.DuckDBEngine(paths, threads)
    rows = engine.frames["x"].height if name == "polars" else engine.con.execute("SELECT count(*) FROM x").fetchone()[0]
    print(f"ready {rows}", flush=True)
    by_id = {q[0]: q for q in questions.JOIN}
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        if line.strip() == "compact":
            gc.collect()
            ctypes.CDLL(None).malloc_trim(0)
            print("ok", flush=True)
            continue
        qid, _title, _measures, polars_query, sql = by_id[line.strip()]
        gc.collect()
        start = time.perf_counter_ns()
        out_rows, out_cols = engine.run(qid, polars_query, sql, False)
        elapsed = (time.perf_counter_ns() - start) / 1e6
        engine.drop()  # before replying, so the parent's next VmHWM reset does not see this answer
        gc.collect()
        print(f"{elapsed:.3f}\t{out_rows}\t{out_cols}", flush=True)


def measure(name, qid, paths, args, reset_works):
    """One fresh process of engine name: loads, settles, runs qid --repeats times; returns a result dict."""
    start = time.perf_counter()
    categorical = not args.no_categorical
    saved = os.environ.get("JAVA_TOOL_OPTIONS")
    if name == "floe" and args.floe_jvm_flags:
        os.environ["JAVA_TOOL_OPTIONS"] = args.floe_jvm_flags
    try:
        engine = FloeEngine("join", paths, args.threads, categorical) if name == "floe" \
            else WorkerEngine(name, paths, args.threads, categorical)
    finally:
        if saved is None:
            os.environ.pop("JAVA_TOOL_OPTIONS", None)
        else:
            os.environ["JAVA_TOOL_OPTIONS"] = saved
    pid, load_s = engine.process.pid, time.perf_counter() - start
    try:
        for _ in range(args.warmup):
            engine.run(qid, None, None, False)
        time.sleep(args.settle)
        (loaded,) = status_kib(pid, "VmRSS")
        if args.compact:
            compact(engine)
        heap_before = floe_heap_mib(pid) if name == "floe" else None
        baseline = steady_rss_kib(pid)
        runs = []
        for _ in range(args.repeats):
            (before,) = status_kib(pid, "VmRSS")
            if reset_works:
                reset_hwm(pid)
            sampler = RssSampler(pid, args.sample_ms / 1000)
            sampler.start()
            rows, cols = engine.run(qid, None, None, False)
            sampled = sampler.stop()
            rss, hwm = status_kib(pid, "VmRSS", "VmHWM")
            peak = hwm if reset_works else sampled
            runs.append({"ms": engine.last_ms, "rows": rows, "cols": cols, "rss_before_mib": before / 1024,
                         "peak_mib": peak / 1024, "vmhwm_mib": hwm / 1024, "sampled_peak_mib": sampled / 1024,
                         "rss_after_mib": rss / 1024})
        heap_after = floe_heap_mib(pid) if name == "floe" else None
    finally:
        engine.close()
    worst = max(runs, key=lambda run: run["peak_mib"])
    return {"question": qid, "engine": name, "load_s": round(load_s, 1), "loaded_rss_mib": loaded / 1024,
            "baseline_mib": baseline / 1024, "peak_mib": worst["peak_mib"],
            "join_peak_mib": worst["peak_mib"] - baseline / 1024,
            "sampled_peak_mib": max(run["sampled_peak_mib"] for run in runs),
            "rss_after_mib": runs[-1]["rss_after_mib"], "ms": worst["ms"], "rows": worst["rows"],
            "cols": worst["cols"], "heap_before_mib": heap_before, "heap_after_mib": heap_after, "runs": runs}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=datagen.parse_count, default=10_000_000, help="N of x, e.g. 1e7 or 1e5")
    parser.add_argument("--questions", default="q1,q2,q3,q4,q5", help="join questions, e.g. q1,q5")
    parser.add_argument("--engines", default="floe,polars", help="floe, polars and/or duckdb")
    parser.add_argument("--threads", type=int, default=2, help="threads of every engine")
    parser.add_argument("--repeats", type=int, default=1, help="runs of the question per process")
    parser.add_argument("--settle", type=float, default=15, help="seconds between loading and the baseline")
    parser.add_argument("--warmup", type=int, default=0,
                        help="unmeasured runs of the question before the compaction and the baseline (see --warmup above)")
    parser.add_argument("--no-compact", dest="compact", action="store_false",
                        help="take the baseline without asking the process to give back free memory first")
    parser.add_argument("--floe-jvm-flags", default="", help="extra JVM flags for Floe (JAVA_TOOL_OPTIONS)")
    parser.add_argument("--sample-ms", type=float, default=5, help="VmRSS polling interval")
    parser.add_argument("--no-categorical", action="store_true", help="keep the string keys id4..id6 as strings")
    parser.add_argument("--dir", type=Path, default=datagen.DEFAULT_DIR, help="data directory (target/h2o)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--worker", choices=["polars", "duckdb"], help=argparse.SUPPRESS)
    parser.add_argument("tables", nargs="*", help=argparse.SUPPRESS)  # --worker's ROLE=PATH
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.threads, not args.no_categorical, dict(t.split("=", 1) for t in args.tables))
        return
    engines, wanted = args.engines.split(","), args.questions.split(",")
    if not set(engines) <= {"floe", "polars", "duckdb"} or not set(wanted) <= {f"q{i}" for i in range(1, 6)}:
        parser.error("--engines: floe, polars, duckdb; --questions: q1..q5")

    paths = datagen.ensure_join(args.dir, args.rows)
    ram_gib = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    print(f"h2o join peak memory, {utc_now()}, {machine()}, {ram_gib:.0f} GiB; "
          f"{paths['x'].stem}, threads {args.threads}, repeats {args.repeats}, warmup {args.warmup}, settle {args.settle:g}s, "
          f"{'compact' if args.compact else 'no compact'}"
          + (f", Floe {args.floe_jvm_flags}" if args.floe_jvm_flags else ""))
    reset_works = hwm_reset_works()
    print(f"{'':4} {'engine':7} {'loaded':>9} {'baseline':>9} {'peak':>9} {'join':>9} {'sampled':>9} {'after':>9} "
          f"{'ms':>8} {'rows x cols':>16}  MiB; Floe heap committed/used MiB before -> after")
    results = []
    for qid in wanted:
        for name in engines:
            r = measure(name, qid, paths, args, reset_works)
            results.append(r)
            heap = "  heap " + " -> ".join(f"{h['committed']}/{h['used']}" if h else "?" for h in
                                           (r["heap_before_mib"], r["heap_after_mib"])) if name == "floe" else ""
            print(f"{qid:4} {name:7} {r['loaded_rss_mib']:9.0f} {r['baseline_mib']:9.0f} {r['peak_mib']:9.0f} "
                  f"{r['join_peak_mib']:9.0f} {r['sampled_peak_mib']:9.0f} {r['rss_after_mib']:9.0f} {r['ms']:8.0f} "
                  f"{r['rows']:>11,} x {r['cols']:<2}{heap}", flush=True)
        by_engine = {r["engine"]: r for r in results if r["question"] == qid}
        if {"floe", "polars"} <= by_engine.keys():
            floe, polars = by_engine["floe"], by_engine["polars"]
            ratio = floe["join_peak_mib"] / polars["join_peak_mib"]
            floe["ratio_join_vs_polars"] = ratio
            floe["ratio_peak_vs_polars"] = floe["peak_mib"] / polars["peak_mib"]
            print(f"{qid:4} Floe/Polars: join peak {ratio:.2f}x ({'within' if ratio <= 1.2 else 'ABOVE'} 1.2x), "
                  f"process peak {floe['ratio_peak_vs_polars']:.2f}x")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "utc": utc_now(), "machine": machine(), "data": paths["x"].stem, "threads": args.threads,
            "repeats": args.repeats, "warmup": args.warmup, "settle_s": args.settle, "compact": args.compact,
            "floe_jvm_flags": args.floe_jvm_flags, "sample_ms": args.sample_ms,
            "vmhwm_reset": reset_works, "categorical": not args.no_categorical, "results": results}, indent=1) + "\n")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
