package dev.floe.io;

/**
 * Receives progress of long reads and writes. Reports come from any worker thread, at most every
 * {@link ProgressReporter#INTERVAL_NANOS} plus one final report; a listener must be quick and
 * thread-safe. An exception thrown by a listener is not caught: it aborts the operation (that is
 * how a caller cancels), and the reader or writer cleans up as for any other failure.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every report. */
  ProgressListener NONE = progress -> {};

  void onProgress(Progress progress);
}
