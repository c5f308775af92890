"""Helpers shared by the Floe-versus-Polars scripts (compare_polars.py, compare_io.py).

java_command: the JVM command line for a class in jmh/target/benchmarks.jar (built if missing);
machine: a one-line description of the CPU; median and time_ms: timing helpers.
"""
import os
import platform
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def java_command(main_class: str, jvm_args=()):
    """java with the benchmarks jar on the class path and the flags Floe needs, then main_class."""
    finder = ROOT / ".mvn" / "find-jdk.sh"
    java_home = subprocess.run(["bash", str(finder)], capture_output=True, text=True, check=True).stdout.strip()
    jar = ROOT / "jmh" / "target" / "benchmarks.jar"
    if not jar.exists():
        subprocess.run([str(ROOT / "mvnw"), "-q", "-B", "package", "-DskipTests", "-pl", "jmh", "-am"],
                       cwd=ROOT, check=True)
    return [f"{java_home}/bin/java", "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
            "-Xmx4g", *jvm_args, "-cp", str(jar), main_class]


def machine():
    """'N cores, model, avx flags' from /proc/cpuinfo (or platform.processor())."""
    flags = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                present = set(line.split(":", 1)[1].split())
                flags = " ".join(f for f in ("avx2", "avx512f", "avx512bw", "avx512vl") if f in present)
                break
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor()
    return f"{os.cpu_count()} cores, {model}, {flags}"


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def time_ms(run):
    """(milliseconds, result) of one call of run()."""
    start = time.perf_counter_ns()
    result = run()
    return (time.perf_counter_ns() - start) / 1e6, result


def utc_now():
    return time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())
