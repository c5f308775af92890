package dev.floe.io.parquet.decode;

import dev.floe.errors.FloeIoException;
import java.lang.foreign.MemorySegment;

/** Builds the {@link FloeIoException}s of the decoders and checks the ranges callers pass in. */
final class Malformed {
  private Malformed() {}

  /** {@code "<where>: <encoding> <detail>"}; the detail names the byte offset and the bad value. */
  static FloeIoException of(String where, String encoding, String detail) {
    return new FloeIoException(where + ": " + encoding + " " + detail);
  }

  /**
   * Checks that {@code [offset, offset + length)} lies in {@code segment} and that {@code count} is
   * not negative, so that a caller's mistake also surfaces as a {@link FloeIoException}.
   */
  static void checkRange(MemorySegment segment, long offset, long length, int count, String what,
      String where, String encoding) {
    if (count < 0) {
      throw of(where, encoding, "value count " + count + " is negative");
    }
    if (offset < 0 || length < 0 || offset > segment.byteSize() - length) {
      throw of(where, encoding, what + " range [" + offset + ", +" + length + ") is outside its "
          + segment.byteSize() + "-byte segment");
    }
  }
}
