package dev.floe.jmh.lineitem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's I/O counters from {@code /proc/self/io} (Linux, see proc(5)): {@code rchar}, the
 * bytes returned by read-like system calls (page-cache hits included, memory-mapped access
 * excluded), and {@code read_bytes}, the bytes the process caused to be fetched from the storage
 * layer (cold cache only). Both are -1 where the file does not exist.
 */
final class ProcIo {
  private ProcIo() {}

  /** {@code {rchar, read_bytes}}. */
  static long[] read() {
    long[] counters = {-1, -1};
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
}
