package dev.floe.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes a writer produces into a {@link ProgressReporter}. */
public final class ProgressOutputStream extends FilterOutputStream {
  private final ProgressReporter reporter;

  public ProgressOutputStream(OutputStream out, ProgressReporter reporter) {
    super(out);
    this.reporter = reporter;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    reporter.advance(1, 0);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    reporter.advance(length, 0);
  }
}
