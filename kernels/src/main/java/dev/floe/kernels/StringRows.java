package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A cursor over the bytes of the rows of a string or binary column, read in place for every
 * layout: 32- and 64-bit offsets straight from the offsets buffer (no per-row access checks), and
 * views from the views buffer (inline, or in one of the data buffers). {@link #at} points
 * {@link #segment}, {@link #start} and {@link #length} at a row. Also the loop that turns a
 * per-row byte test into a boolean column with the input's nulls.
 */
final class StringRows {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  /** A test of one row's bytes {@code [start, start + length)} of {@code segment}. */
  interface ByteTest {
    boolean test(MemorySegment segment, long start, int length);
  }

  private final long base;
  private final MemorySegment offsets;
  private final boolean large;
  private final MemorySegment views;
  private final MemorySegment[] dataSegments;
  MemorySegment segment;
  long start;
  int length;

  StringRows(Column column) {
    base = column.offset();
    switch (column) {
      case VarBinaryColumn c -> {
        offsets = c.offsetsBuffer().segment();
        large = c.isLarge();
        views = null;
        dataSegments = null;
        segment = c.dataBuffer().segment();
      }
      case ViewColumn c -> {
        offsets = null;
        large = false;
        views = c.viewsBuffer().segment();
        dataSegments = c.dataBuffers().stream().map(Buffer::segment).toArray(MemorySegment[]::new);
      }
      default -> throw new InvalidOperationException(
          "expected a string or binary column, got " + column.type());
    }
  }

  /** Whether {@code column} has a layout this cursor reads. */
  static boolean supports(Column column) {
    return column instanceof VarBinaryColumn || column instanceof ViewColumn;
  }

  /** Points the cursor at row {@code row} (0-based within the column, its offset applied). */
  void at(int row) {
    long slot = base + row;
    if (offsets != null) {
      if (large) {
        long first = offsets.get(LONG, slot << 3);
        start = first;
        length = (int) (offsets.get(LONG, (slot << 3) + 8) - first);
      } else {
        int first = offsets.get(INT, slot << 2);
        start = first;
        length = offsets.get(INT, (slot << 2) + 4) - first;
      }
      return;
    }
    long view = slot * ViewColumn.VIEW_SIZE;
    int size = views.get(INT, view);
    length = size;
    if (size <= ViewColumn.MAX_INLINE) {
      segment = views;
      start = view + 4;
    } else {
      segment = dataSegments[views.get(INT, view + 8)];
      start = Integer.toUnsignedLong(views.get(INT, view + 12));
    }
  }

  /**
   * {@code test} of every row as a boolean column; a null row is null (and not tested). With
   * {@code negate} the test's complement.
   */
  static BooleanColumn test(
      Column input, boolean negate, ByteTest test, BufferAllocator allocator) {
    int length = input.length();
    Buffer values = BooleanOps.allocateBitmap(allocator, length);
    Buffer validity = null;
    try {
      validity = BooleanOps.copyValidity(input, allocator);
      fill(input, negate, test, values.segment());
      return BooleanOps.result(values, validity, length);
    } catch (RuntimeException failure) {
      BooleanOps.release(values, validity);
      throw failure;
    }
  }

  /** Writes the test of each valid row to {@code out} (bit 0 = row 0); null rows get 0. */
  static void fill(Column input, boolean negate, ByteTest test, MemorySegment out) {
    StringRows rows = new StringRows(input);
    int length = input.length();
    MemorySegment validity =
        input.validity() == null || input.nullCount() == 0 ? null : input.validity().segment();
    long validityBase = input.offset();
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      int first = word << 6;
      int count = Math.min(64, length - first);
      long valid = validity == null ? -1L : BooleanOpsScalar.readWord(validity, validityBase + first);
      long bits = 0;
      for (int bit = 0; bit < count; bit++) {
        if ((valid >>> bit & 1) != 0) {
          rows.at(first + bit);
          if (test.test(rows.segment, rows.start, rows.length) != negate) {
            bits |= 1L << bit;
          }
        }
      }
      BooleanOpsScalar.writeWord(out, word, bits, length);
    }
  }
}
