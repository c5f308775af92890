package dev.floe.io;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws one self-overwriting progress line on a terminal, e.g.
 * {@code read csv lineitem.csv [##########..........]  50%  412.3 MB/s  3.0M rows}. Operations
 * that finish within {@link #DELAY_NANOS} of their start draw nothing, so quick reads stay quiet; a
 * drawn line is completed with a newline when its operation finishes. Thread-safe.
 */
public final class TerminalProgressBar implements ProgressListener {
  /** Operations shorter than this (1 s) show no bar. */
  public static final long DELAY_NANOS = 1_000_000_000L;
  private static final int WIDTH = 24;

  private final PrintStream out;
  private boolean drawn;

  public TerminalProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void onProgress(Progress progress) {
    if (!drawn && progress.elapsedNanos() < DELAY_NANOS) {
      return;
    }
    out.print("\r" + line(progress) + "\u001b[K");
    drawn = true;
    if (progress.finished()) {
      out.println();
      drawn = false;
    }
    out.flush();
  }

  /** The text of one bar (without the carriage return). */
  static String line(Progress progress) {
    StringBuilder text = new StringBuilder(progress.operation());
    if (progress.file() != null && progress.file().getFileName() != null) {
      text.append(' ').append(progress.file().getFileName());
    }
    double fraction = progress.finished() && progress.bytesTotal() >= 0 ? 1.0 : progress.fraction();
    if (!Double.isNaN(fraction)) {
      int filled = (int) Math.round(fraction * WIDTH);
      text.append(" [").append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)));
    }
    double seconds = Math.max(1e-9, progress.elapsedNanos() / 1e9);
    text.append(String.format(Locale.ROOT, "  %.1f MB/s", progress.bytesDone() / 1e6 / seconds));
    text.append("  ").append(rows(progress.rowsDone())).append(" rows");
    if (progress.finished()) {
      text.append(String.format(Locale.ROOT, "  %.1f s", seconds));
    }
    return text.toString();
  }

  private static String rows(long rows) {
    if (rows >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1fM", rows / 1e6);
    }
    if (rows >= 10_000) {
      return String.format(Locale.ROOT, "%.1fK", rows / 1e3);
    }
    return Long.toString(rows);
  }
}
