package dev.floe.io;

import java.nio.file.Path;

/**
 * One progress report of a read or write.
 *
 * @param operation what is running, e.g. {@code "read parquet"} or {@code "write csv"}
 * @param file the file being read or written (for multi-file reads, the current one)
 * @param bytesDone bytes consumed (reads) or produced (writes) so far
 * @param bytesTotal the expected total in bytes, or -1 when it is not known in advance
 * @param rowsDone rows decoded or encoded so far
 * @param elapsedNanos time since the operation started
 * @param finished true for the last report of an operation, sent once whether it succeeded or not
 */
public record Progress(
    String operation, Path file, long bytesDone, long bytesTotal, long rowsDone, long elapsedNanos,
    boolean finished) {

  /** The completed fraction in [0, 1], or NaN when the total is unknown. */
  public double fraction() {
    if (bytesTotal < 0) {
      return Double.NaN;
    }
    return bytesTotal == 0 ? 1.0 : Math.min(1.0, (double) bytesDone / bytesTotal);
  }
}
