#!/usr/bin/env python3
"""Floe and Polars reading and writing TPC-H lineitem side by side, in one run.

Operations (files from scripts/lineitem.sh, read with the schema of scripts/lineitem.py):
  csv_read        Floe.readCsv(path, schema)              pl.read_csv(path, schema=...)
  ipc_read        Floe.readIpc(path) (memory-mapped)      pl.read_ipc(path, memory_map=True)
  ipc_write       DataFrame.writeIpc (uncompressed)       df.write_ipc(path, compression="uncompressed")
  parquet_read    Floe.readParquet(path, defaults)        pl.read_parquet(path)
  parquet_read_2  ... withColumns(l_quantity, l_extendedprice)   pl.read_parquet(path, columns=[...])
  parquet_write   DataFrame.writeParquet(path, defaults)  df.write_parquet(path) (zstd)
Writes start from the frame each engine read from lineitem.arrow. Floe's Parquet API is called by
reflection (dev.floe.jmh.lineitem.ParquetApi): "n/a" on builds without it.

Each engine is one long-lived process (Floe: dev.floe.jmh.lineitem.IoSideBySide; Polars: this
script with --polars-server) that runs one operation per request; the script alternates them
request by request (Floe first on even repetitions, Polars first on odd ones), so both see the
same machine load. Thread settings, each a separate pair of processes: Floe -Dfloe.io.threads=N
-XX:ActiveProcessorCount=N (the CSV reader sizes its own chunk pool from the processor count),
Polars POLARS_MAX_THREADS=N. Every read is checked: both engines print rows:sum(l_quantity).

Bytes read ("cold" table, before the timed runs): for each read, the file is dropped from the page
cache (posix_fadvise DONTNEED), the engine reads it once, then the script counts the file's pages
now in the page cache (mincore) and the engine reports read_bytes (block I/O it caused) and rchar
(bytes of read-like system calls; memory-mapped reads count 0) from /proc/self/io. Page-cache
bytes include the kernel's readahead (read_ahead_kb, 8 MiB per mmap fault on some disks), so they
are an upper bound of what the reader asked for. A second, warm read gives the page faults (minor +
major): on a warm cache each first touch of mapped file pages costs one (the kernel maps up to 16
neighbouring pages per fault), so an O(metadata) memory-mapped read shows a few dozen while a read
that touches the data shows thousands (plus the faults of the memory it allocates). "reader-reported"
is the bytesDone of the last progress report of Floe's Parquet reader, when its options take a
ProgressListener (see ParquetApi).

Usage (from the repository root):
  $(scripts/python-env.sh) scripts/compare_io.py [--sf 1] [--threads 2,1] [--warmup 1] [--repeats 5]
Medians in milliseconds; ratio = Floe / Polars (below 1.0: Floe is faster); MB/s = file bytes /
median (10^6 bytes).
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from lineitem import PROJECTION, check, read_csv
from pagecache import evict, resident_bytes
from sidebyside import ROOT, java_command, machine, median, time_ms, utc_now

OPERATIONS = ["csv_read", "ipc_read", "parquet_read", "parquet_read_2", "ipc_write", "parquet_write"]
READS = [name for name in OPERATIONS if "read" in name]
SOURCE_FILE = {"csv_read": "lineitem.csv", "ipc_read": "lineitem.arrow", "ipc_write": "lineitem.arrow",
               "parquet_read": "lineitem.parquet", "parquet_read_2": "lineitem.parquet",
               "parquet_write": "lineitem.parquet"}


def proc_io():
    """(rchar, read_bytes, page faults) of this process, as ProcIo in Floe."""
    counters = {}
    for line in Path("/proc/self/io").read_text().splitlines():
        key, value = line.split(":")
        counters[key] = int(value)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return counters["rchar"], counters["read_bytes"], usage.ru_minflt + usage.ru_majflt


def polars_server(directory: Path, scratch: Path):
    """The Polars half: same protocol as IoSideBySide (one operation per stdin line)."""
    import polars as pl

    source = None
    operations = {
        "csv_read": lambda: read_csv(directory / "lineitem.csv"),
        "ipc_read": lambda: pl.read_ipc(directory / "lineitem.arrow", memory_map=True),
        "parquet_read": lambda: pl.read_parquet(directory / "lineitem.parquet"),
        "parquet_read_2": lambda: pl.read_parquet(directory / "lineitem.parquet", columns=PROJECTION),
        "ipc_write": lambda: source.write_ipc(scratch / "polars-ipc_write.arrow", compression="uncompressed"),
        "parquet_write": lambda: source.write_parquet(scratch / "polars-parquet_write.parquet"),
    }
    for line in sys.stdin:
        name = line.strip()
        if name == "quit":
            break
        if name.endswith("_write") and source is None:
            source = pl.read_ipc(directory / "lineitem.arrow", memory_map=True)
        before = proc_io()
        millis, result = time_ms(operations[name])
        after = proc_io()
        if name.endswith("_write"):
            checked = str(os.path.getsize(scratch / f"polars-{name}.{'arrow' if 'ipc' in name else 'parquet'}"))
        else:
            checked = check(result)
        del result
        counters = [str(a - b) for a, b in zip(after, before)]
        print(f"{millis:.3f}\t{checked}\t" + "\t".join(counters) + "\t-1", flush=True)


class Engine:
    """A running engine process answering one request per line."""

    def __init__(self, label, command, env=None):
        self.label = label
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env=env, bufsize=1)

    def run(self, operation):
        """(millis, check, rchar, read_bytes, faults, reported bytes or -1), or None for n/a; raises on errors."""
        self.process.stdin.write(operation + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().rstrip("\n")
        if answer == "n/a":
            return None
        if not answer or answer.startswith("error"):
            raise RuntimeError(f"{self.label} {operation}: {answer or 'process ended'}")
        millis, checked, *counters = answer.split("\t")
        return (float(millis), checked, *map(int, counters))

    def close(self):
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
        except BrokenPipeError:
            pass  # the process already ended (its error was reported)
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_engines(directory: Path, scratch: Path, threads: int):
    floe = Engine(f"floe {threads}t", java_command(
        "dev.floe.jmh.lineitem.IoSideBySide",
        [f"-Dfloe.io.threads={threads}", f"-XX:ActiveProcessorCount={threads}"]) + [str(directory), str(scratch)])
    env = dict(os.environ, POLARS_MAX_THREADS=str(threads))
    polars = Engine(f"polars {threads}t", [sys.executable, __file__, "--polars-server", str(directory), str(scratch)],
                    env=env)
    return floe, polars


def cold_reads(directory: Path, engines, operations):
    """Rows of the bytes-read table: a cold read, then a warm one (for its page faults), per engine."""
    rows = []
    for name in operations:
        path = directory / SOURCE_FILE[name]
        for engine in engines:
            evict(path)
            left = resident_bytes(path)
            answer = engine.run(name)
            if answer is None:
                rows.append((name, engine.label, path.stat().st_size, None, None, None, None, None, left))
                continue
            cached = resident_bytes(path)
            warm = engine.run(name)
            reported = None if answer[5] < 0 else answer[5]
            rows.append((name, engine.label, path.stat().st_size, answer[3], cached, answer[2], warm[4], reported, left))
    return rows


def timed(engines, operations, warmup, repeats, failures):
    """{operation: {label: (median ms or None, check)}}, alternating the engines request by request."""
    results = {}
    for name in operations:
        times = {engine.label: [] for engine in engines}
        checks = {}
        for iteration in range(warmup + repeats):
            order = engines if iteration % 2 == 0 else list(reversed(engines))
            for engine in order:
                answer = engine.run(name)
                if answer is None:
                    times[engine.label] = None
                    continue
                checks[engine.label] = answer[1]
                if iteration >= warmup:
                    times[engine.label].append(answer[0])
        if "read" in name and len(set(checks.values())) > 1:
            failures.append(f"{name}: checks differ {checks}")
        results[name] = {label: (median(values) if values else None, checks.get(label))
                         for label, values in times.items()}
    return results


def print_tables(directory, threads, results, cold):
    fmt = lambda value, spec: "n/a" if value is None else format(value, spec)
    for count in threads:
        print(f"\n## {count} thread{'s' if count > 1 else ''}\n")
        print("| operation | Floe ms | Polars ms | Floe/Polars | Floe MB/s | Polars MB/s |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, by_label in results[count].items():
            floe, polars = by_label[f"floe {count}t"][0], by_label[f"polars {count}t"][0]
            size = (directory / SOURCE_FILE[name]).stat().st_size
            ratio = None if floe is None or polars is None else floe / polars
            rate = lambda millis: None if millis is None else size / 1e6 / (millis / 1e3)
            print(f"| {name} | {fmt(floe, '.1f')} | {fmt(polars, '.1f')} | {fmt(ratio, '.2f')} | "
                  f"{fmt(rate(floe), '.0f')} | {fmt(rate(polars), '.0f')} |")
    print("\n## Bytes read by one cold read (MB = 10^6 bytes)\n")
    print("| operation | engine | file MB | read_bytes MB | page cache after MB | rchar MB | page faults (warm) "
          "| reader-reported MB | in cache before MB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    mb = lambda value: "n/a" if value is None else f"{value / 1e6:.2f}"
    for name, label, size, read_bytes, cached, rchar, faults, reported, left in cold:
        print(f"| {name} | {label} | {mb(size)} | {mb(read_bytes)} | {mb(cached)} | {mb(rchar)} | "
              f"{'n/a' if faults is None else faults} | {mb(reported)} | {mb(left)} |")


def print_targets(directory, threads, results, cold):
    """The issue's targets, each with the figure of this run that it is judged by."""
    print("\n## Targets\n")
    csv_mb = (directory / SOURCE_FILE["csv_read"]).stat().st_size / 1e6
    for count in threads:
        by_label = results[count].get("csv_read")
        if by_label:
            floe, polars = by_label[f"floe {count}t"][0], by_label[f"polars {count}t"][0]
            print(f"- CSV read, {count} thread(s): Floe {csv_mb / (floe / 1e3):.0f} MB/s, Polars "
                  f"{csv_mb / (polars / 1e3):.0f} MB/s (target: >= Polars; 500 MB/s per core)")
        parquet = results[count].get("parquet_read")
        if parquet and parquet[f"floe {count}t"][0] is not None:
            ratio = parquet[f"floe {count}t"][0] / parquet[f"polars {count}t"][0]
            print(f"- Parquet read, {count} thread(s): Floe/Polars {ratio:.2f} (target: <= 1.2)")
    # per (operation, engine): size, read_bytes, page cache after, rchar, warm faults, reported, before
    rows = {(row[0], row[1].split()[0]): row[2:] for row in cold}
    for engine in ("floe", "polars"):
        full, projected = rows.get(("parquet_read", engine)), rows.get(("parquet_read_2", engine))
        if full and projected and full[2] and projected[2] is not None:
            print(f"- Parquet 2 of 16 columns, {engine}: {100 * projected[2] / full[2]:.1f}% of the full read's "
                  f"page-cache bytes (target: < 25%; readahead inflates it on small files)")
        ipc = rows.get(("ipc_read", engine))
        if ipc and ipc[4] is not None:
            print(f"- IPC mmap read, {engine}: {ipc[4]} page faults on a warm read (O(metadata): a few dozen)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sf", default="1")
    parser.add_argument("--dir", help="lineitem directory (default target/lineitem-sf<SF>)")
    parser.add_argument("--threads", default="2,1")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--operations", default=",".join(OPERATIONS))
    parser.add_argument("--polars-server", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.polars_server:
        polars_server(Path(args.polars_server[0]), Path(args.polars_server[1]))
        return 0
    command = [str(ROOT / "scripts" / "lineitem.sh"), "--sf", args.sf] + (["--dir", args.dir] if args.dir else [])
    directory = Path(subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip())
    operations = [name for name in OPERATIONS if name in args.operations.split(",")]
    threads = [int(count) for count in args.threads.split(",")]
    failures, results, cold = [], {}, []
    with tempfile.TemporaryDirectory(prefix="floe-io-", dir=directory) as scratch:
        for count in threads:
            engines = start_engines(directory, Path(scratch), count)
            try:
                if count == threads[0]:
                    cold = cold_reads(directory, engines, [name for name in operations if name in READS])
                results[count] = timed(engines, operations, args.warmup, args.repeats, failures)
            finally:
                for engine in engines:
                    engine.close()
    import polars as pl

    print(f"# lineitem SF{args.sf} ({directory}); {machine()}; polars {pl.__version__}; {utc_now()}; "
          f"medians of {args.repeats} after {args.warmup} warm-up")
    print_tables(directory, threads, results, cold)
    print_targets(directory, threads, results, cold)
    if failures:
        print("\n".join(["answers differ:"] + failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
