#!/usr/bin/env bash
# Samples Floe's CSV reader on TPC-H lineitem with Java Flight Recorder and prints the hot spots:
#   scripts/profile_csv.sh [--sf 1] [--threads 1] [--reads 5]
# Reads lineitem.csv (scripts/lineitem.sh; explicit TPC-H schema) --reads times in one JVM
# (dev.floe.jmh.lineitem.IoSideBySide, -Dfloe.io.threads=N -XX:ActiveProcessorCount=N), recording
# with JFR's "profile" settings (10 ms sampling of running Java threads), then aggregates the
# samples of the chunk-parser threads with scripts/jfr_top.py. The recording stays in
# target/profile-csv-<N>t.jfr for JDK Mission Control.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sf=1
threads=1
reads=5
while [ $# -gt 0 ]; do
  case "$1" in
    --sf) sf=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --reads) reads=$2; shift 2 ;;
    *) echo "usage: $0 [--sf SCALE] [--threads N] [--reads R]" >&2; exit 2 ;;
  esac
done
dir=$("$root/scripts/lineitem.sh" --sf "$sf")
java_home=$(sh "$root/.mvn/find-jdk.sh")
python=$("$root/scripts/python-env.sh")
recording="$root/target/profile-csv-${threads}t.jfr"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for _ in $(seq "$reads"); do echo csv_read; done | "$java_home/bin/java" \
  --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx4g \
  -Dfloe.io.threads="$threads" -XX:ActiveProcessorCount="$threads" \
  "-XX:StartFlightRecording=filename=$recording,settings=profile" \
  -cp "$root/jmh/target/benchmarks.jar" dev.floe.jmh.lineitem.IoSideBySide "$dir" "$scratch" 2>/dev/null
"$python" "$root/scripts/jfr_top.py" "$recording" --jfr "$java_home/bin/jfr" --threads ForkJoinPool,floe-io
