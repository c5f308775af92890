"""Floe as a peers.py engine: a long-lived JVM running dev.floe.jmh.h2o.H2oSideBySide.

The JVM loads the task's Parquet files into memory once (before any timing), then answers one
question per request line with "millis \\t rows \\t cols \\t name=value ..." (its checksum, computed as
peers.checksum defines it: integers exact, floats correctly rounded like math.fsum). The JVM flags
are sidebyside.java_command's (which builds jmh/target/benchmarks.jar when missing) plus
-Dfloe.threads=N and -Dfloe.h2o.categorical=true|false (the string keys Polars casts to Categorical
are cast to Floe's categorical too, before any timing; false keeps them Utf8, for --no-categorical).
"""
import subprocess

from sidebyside import java_command


def parse_checksum(text: str) -> dict:
    """{column: int or float} from "name=value name=value" (floats have a '.', 'E', NaN or Infinity)."""
    sums = {}
    for part in text.split():
        name, value = part.split("=", 1)
        integer = value.lstrip("-").isdigit()
        sums[name] = int(value) if integer else float(value)
    return sums


class FloeEngine:
    name = "floe"

    def __init__(self, task: str, paths: dict, threads: int, categorical: bool = True):
        flags = [f"-Dfloe.threads={threads}", f"-Dfloe.h2o.categorical={'true' if categorical else 'false'}"]
        command = java_command("dev.floe.jmh.h2o.H2oSideBySide", flags)
        command += [task] + [f"{role}={path}" for role, path in paths.items()]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        bufsize=1)
        ready = self.process.stdout.readline().split()
        if len(ready) != 2 or ready[0] != "ready":
            self.close()
            raise RuntimeError(f"floe did not start: {' '.join(ready) or 'process ended'}")
        self.rows = int(ready[1])
        self.last_ms = None
        self.sums = None

    def run(self, qid, polars_query, sql, single: bool):
        """Runs question qid; returns (rows, cols) and keeps Floe's own milliseconds in last_ms."""
        self.process.stdin.write(qid + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().rstrip("\n")
        if not answer or answer.startswith("error"):
            raise RuntimeError(f"floe {qid}: {answer or 'process ended'}")
        millis, rows, cols, *checksum = answer.split("\t")
        self.last_ms = float(millis)
        self.sums = parse_checksum(checksum[0] if checksum else "")
        return int(rows), int(cols)

    def checksum(self, measures):
        return {name: self.sums[name] for name in measures}

    def drop(self):
        self.sums = None

    def close(self):
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
        except (BrokenPipeError, ValueError):
            pass  # already ended
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
