#!/usr/bin/env python3
"""Aggregates the execution samples of a JFR recording into hot spots (a sampling profile).

  python scripts/jfr_top.py RECORDING.jfr [--top 25] [--threads PREFIX] [--jfr PATH/TO/jfr]

Reads `jfr print --json --events jdk.ExecutionSample` and prints two tables, in percent of the
samples kept: "self", the method on top of the stack (where the CPU was), and "total", the
methods anywhere on the stack (each counted once per sample). --threads keeps only threads whose
name starts with one of the comma-separated prefixes (e.g. ForkJoinPool,floe-io for the CSV chunk
parsers, on their own pool today and on IoPool later). JFR samples Java threads
only while they run Java code (native code and the kernel, e.g. page faults, are not sampled).
"""
import argparse
import collections
import json
import subprocess
import sys


def frame_name(frame):
    method = frame["method"]
    owner = method["type"]["name"].rsplit(".", 1)[-1]
    return f"{owner}.{method['name']}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--threads", default=None)
    parser.add_argument("--jfr", default="jfr")
    args = parser.parse_args()
    output = subprocess.run([args.jfr, "print", "--json", "--events", "jdk.ExecutionSample", args.recording],
                            capture_output=True, text=True, check=True).stdout
    events = json.loads(output)["recording"]["events"]
    self_counts, total_counts, thread_counts = collections.Counter(), collections.Counter(), collections.Counter()
    kept = 0
    for event in events:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        if args.threads and not thread.startswith(tuple(args.threads.split(","))):
            continue
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        kept += 1
        thread_counts[thread.rstrip("0123456789-")] += 1
        self_counts[frame_name(frames[0])] += 1
        for name in {frame_name(frame) for frame in frames}:
            total_counts[name] += 1
    print(f"{kept} samples; threads: " + ", ".join(f"{name}* {count}" for name, count in thread_counts.most_common(6)))
    for title, counts in (("self", self_counts), ("total", total_counts)):
        print(f"\n| {title} % | method |\n|---:|---|")
        for name, count in counts.most_common(args.top):
            print(f"| {100.0 * count / max(1, kept):.1f} | {name} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
