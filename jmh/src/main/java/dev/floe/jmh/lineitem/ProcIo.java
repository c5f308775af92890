package dev.floe.jmh.lineitem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's I/O counters from {@code /proc/self/io} (Linux, see proc(5)): {@code rchar}, the
 * bytes returned by read-like system calls (page-cache hits included, memory-mapped access
 * excluded), and {@code read_bytes}, the bytes the process caused to be fetched from the storage
 * layer (cold cache only); and the page faults (minor + major, {@code /proc/self/stat} fields 10 and
 * 12): on a warm page cache, each first touch of a memory-mapped page (or of a batch of neighbours,
 * the kernel's fault-around) costs one. All are -1 where the files do not exist.
 */
final class ProcIo {
  private ProcIo() {}

  /** {@code {rchar, read_bytes, page faults}}. */
  static long[] read() {
    long[] counters = {-1, -1, faults()};
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
        if (line.startsWith("rchar:")) {
          counters[0] = Long.parseLong(line.substring(6).strip());
        } else if (line.startsWith("read_bytes:")) {
          counters[1] = Long.parseLong(line.substring(11).strip());
        }
      }
    } catch (IOException | NumberFormatException | SecurityException unavailable) {
      return counters;
    }
    return counters;
  }

  private static long faults() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // fields after the parenthesised command name: state is field 3, minflt 10, majflt 12
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[7]) + Long.parseLong(fields[9]);
    } catch (IOException | RuntimeException unavailable) {
      return -1;
    }
  }
}
