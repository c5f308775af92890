package dev.floe.memory;

import dev.floe.errors.InvalidOperationException;

/**
 * The one switch for index and liveness checks on column and buffer accessors. On by default;
 * {@code -Dfloe.boundsChecks=false} turns them off for benchmarks (an out-of-range access then
 * reads garbage or crashes, so never turn it off for untrusted input). Being a static final, a
 * disabled check is removed by the JIT.
 */
public final class BoundsChecks {
  /** Whether checks run. */
  public static final boolean ENABLED =
      !"false".equalsIgnoreCase(System.getProperty("floe.boundsChecks", "true"));

  private BoundsChecks() {}

  /** Throws unless {@code 0 <= index < length}. */
  public static void checkIndex(long index, long length, String what) {
    if (index < 0 || index >= length) {
      throw new InvalidOperationException(
          "index " + index + " is out of bounds for " + what + " of length " + length);
    }
  }

  /** Throws unless {@code [offset, offset + length)} lies inside {@code [0, size)}. */
  public static void checkRange(long offset, long length, long size, String what) {
    if (offset < 0 || length < 0 || offset > size - length) {
      throw new InvalidOperationException(
          "range [" + offset + ", " + (offset + length) + ") is out of bounds for " + what
              + " of length " + size);
    }
  }
}
