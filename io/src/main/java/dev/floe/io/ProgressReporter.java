package dev.floe.io;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accumulates bytes and rows from many threads and forwards them to a {@link ProgressListener} at
 * most every {@link #INTERVAL_NANOS}; {@link #finish()} sends the final report exactly once. With
 * {@link ProgressListener#NONE} every call is a couple of atomic adds.
 */
public final class ProgressReporter {
  /** The shortest gap between two reports: 100 ms. */
  public static final long INTERVAL_NANOS = 100_000_000L;

  private final ProgressListener listener;
  private final String operation;
  private final long bytesTotal;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong lastReport;
  private final long started;
  private volatile Path file;
  private volatile boolean finished;

  public ProgressReporter(ProgressListener listener, String operation, Path file, long bytesTotal) {
    this.listener = listener == null ? ProgressListener.NONE : listener;
    this.operation = operation;
    this.file = file;
    this.bytesTotal = bytesTotal;
    this.started = System.nanoTime();
    this.lastReport = new AtomicLong(started);
  }

  /** Names the file now being read or written (multi-file operations). */
  public void file(Path current) {
    this.file = current;
  }

  /** Adds work done; reports when the interval has passed since the last report. */
  public void advance(long bytesDone, long rowsDone) {
    long totalBytes = bytes.addAndGet(bytesDone);
    long totalRows = rows.addAndGet(rowsDone);
    if (listener == ProgressListener.NONE) {
      return;
    }
    long now = System.nanoTime();
    long last = lastReport.get();
    if (now - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, now) && !finished) {
      listener.onProgress(new Progress(operation, file, totalBytes, bytesTotal, totalRows, now - started, false));
    }
  }

  /** Sends the final report (once; later calls do nothing). */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    listener.onProgress(new Progress(operation, file, bytes.get(), bytesTotal, rows.get(),
        System.nanoTime() - started, true));
  }

  public long bytesDone() {
    return bytes.get();
  }

  public long rowsDone() {
    return rows.get();
  }
}
