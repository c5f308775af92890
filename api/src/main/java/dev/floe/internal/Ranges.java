package dev.floe.internal;

/**
 * Polars' slicing arithmetic: a negative offset counts from the end, a length past the end is
 * clipped, and {@code head}/{@code tail} with a negative count drop that many rows from the
 * other end. Results are {@code [start, length)} pairs within {@code [0, size)}.
 */
public final class Ranges {
  private Ranges() {}

  /** A resolved range of rows. */
  public record Range(long start, long length) {}

  /** Polars' {@code slice(offset, length)}. */
  public static Range slice(long size, long offset, long length) {
    if (length < 0) {
      throw new IllegalArgumentException("slice length must be >= 0, got " + length);
    }
    long rawStart = offset < 0 ? size + offset : offset;
    long rawEnd = rawStart > Long.MAX_VALUE - length ? Long.MAX_VALUE : rawStart + length;
    long start = Math.clamp(rawStart, 0, size);
    long end = Math.clamp(rawEnd, 0, size);
    return new Range(start, Math.max(0, end - start));
  }

  /** Polars' {@code head(n)}: the first n rows; a negative n means all but the last -n. */
  public static Range head(long size, long count) {
    long length = count >= 0 ? Math.min(count, size) : Math.max(0, size + count);
    return new Range(0, length);
  }

  /** Polars' {@code tail(n)}: the last n rows; a negative n means all but the first -n. */
  public static Range tail(long size, long count) {
    long length = count >= 0 ? Math.min(count, size) : Math.max(0, size + count);
    return new Range(size - length, length);
  }

  /** A row index that may count from the end (-1 is the last row); throws when out of range. */
  public static long index(long size, long index, String what) {
    long resolved = index < 0 ? size + index : index;
    if (resolved < 0 || resolved >= size) {
      throw new dev.floe.errors.InvalidOperationException(
          "index " + index + " is out of bounds for " + what + " of length " + size);
    }
    return resolved;
  }
}
