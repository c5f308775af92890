#!/usr/bin/env bash
# Generates TPC-H lineitem for the I/O benchmarks (scripts/compare_io.py), once per scale factor:
#   scripts/lineitem.sh [--sf 1] [--dir target/lineitem-sf1] [--force]
# 1. lineitem.csv: dev.floe.jmh.lineitem.LineitemGenerator (io.trino.tpch:tpch, deterministic;
#    ',' separated with a header, ISO dates, two-decimal amounts), built with the jmh module if the
#    benchmarks jar is missing.
# 2. lineitem.parquet (zstd, Polars' write_parquet defaults) and lineitem.arrow (uncompressed Arrow
#    IPC file) written by Polars from the CSV read with the explicit schema of scripts/lineitem.py,
#    so Floe and Polars read identical files.
# Each file is made only if missing (--force remakes them). Prints the directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sf=1
dir=""
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sf) sf=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --force) force=1; shift ;;
    *) echo "usage: $0 [--sf SCALE] [--dir DIRECTORY] [--force]" >&2; exit 2 ;;
  esac
done
dir=${dir:-$root/target/lineitem-sf$sf}
mkdir -p "$dir"
if [ "$force" = 1 ]; then
  rm -f "$dir/lineitem.csv" "$dir/lineitem.parquet" "$dir/lineitem.arrow"
fi

jar="$root/jmh/target/benchmarks.jar"
if [ ! -f "$dir/lineitem.csv" ]; then
  # (re)build when the jar is missing or older than any source it is built from
  if [ ! -f "$jar" ] || [ -n "$(find "$root"/*/src/main "$root"/*/pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    (cd "$root" && ./mvnw -B -q package -pl jmh -am -DskipTests) >&2
  fi
  java_home=$(sh "$root/.mvn/find-jdk.sh")
  "$java_home/bin/java" -Xmx1g -cp "$jar" dev.floe.jmh.lineitem.LineitemGenerator \
    --sf "$sf" --out "$dir" >&2
fi
if [ ! -f "$dir/lineitem.parquet" ] || [ ! -f "$dir/lineitem.arrow" ]; then
  python=$("$root/scripts/python-env.sh")
  "$python" "$root/scripts/lineitem.py" convert "$dir" >&2
fi
echo "$dir"
