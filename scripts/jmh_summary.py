"""Summarizes a JMH JSON result (-rf json) as Markdown: medians per benchmark and parameters,
SIMD/scalar ratios for methods named *simd/*Simd vs *scalar/*Scalar, and throughput as a percentage
of the same run's best read bandwidth (BandwidthBenchmark, same rows).

usage: python3 scripts/jmh_summary.py run.json
"""
import json
import re
import statistics
import sys
from collections import defaultdict


def median(bench):
    raw = [x for fork in bench["primaryMetric"]["rawData"] for x in fork]
    return statistics.median(raw)


def main(path):
    runs = json.load(open(path, encoding="utf-8"))
    rows_of = lambda b: int(b.get("params", {}).get("rows", 0))
    read_us = defaultdict(lambda: float("inf"))
    for b in runs:
        cls, method = b["benchmark"].split(".")[-2:]
        if cls == "BandwidthBenchmark" and "Read" in method:
            read_us[rows_of(b)] = min(read_us[rows_of(b)], median(b))
    groups = defaultdict(dict)
    for b in runs:
        cls, method = b["benchmark"].split(".")[-2:]
        params = tuple(sorted((k, v) for k, v in b.get("params", {}).items()))
        groups[(cls, params)][method] = (median(b), b["primaryMetric"]["scoreUnit"],
                                         b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score"))
    print("| benchmark | params | method | median | unit | % of best read | alloc B/op |")
    print("|---|---|---|---|---|---|---|")
    for (cls, params), methods in sorted(groups.items()):
        rows = int(dict(params).get("rows", 0))
        for method, (value, unit, alloc) in sorted(methods.items()):
            share = ""
            if rows and unit == "us/op" and cls != "BandwidthBenchmark" and read_us[rows] != float("inf"):
                share = "%.0f%%" % (100 * read_us[rows] / value)
            text = ", ".join("%s=%s" % kv for kv in params)
            print("| %s | %s | %s | %.2f | %s | %s | %s |" % (
                cls, text, method, value, unit, share, "" if alloc is None else "%.1f" % alloc))
    print()
    print("| benchmark | params | SIMD/scalar |")
    print("|---|---|---|")
    for (cls, params), methods in sorted(groups.items()):
        for method, (value, unit, _) in sorted(methods.items()):
            match = re.fullmatch(r"(.*?)(simd|Simd)", method)
            if not match:
                continue
            twin = match.group(1) + ("scalar" if match.group(2) == "simd" else "Scalar")
            if twin in methods:
                text = ", ".join("%s=%s" % kv for kv in params)
                print("| %s.%s | %s | %.2fx |" % (cls, match.group(1) or "kernel", text,
                                                   methods[twin][0] / value))


if __name__ == "__main__":
    main(sys.argv[1])
