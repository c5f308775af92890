package dev.floe.kernels;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.scalar.FilterScalar;
import dev.floe.kernels.simd.FilterSimd;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import java.lang.foreign.MemorySegment;

/**
 * Keeps the rows whose mask value is true; a null mask value counts as false. Works for every
 * column type: 8- and 4-byte values run the word kernels ({@link FilterKernels}, SIMD or scalar,
 * chosen once), other fixed widths a set-bit loop, booleans and validity bitmaps are compacted with
 * {@link Long#compress}, and strings, views and nested columns gather the selected rows
 * ({@link GatherRows}). The result is a new compacted column (all rows selected: a zero-copy share).
 */
public final class Filter {
  static final FilterKernels KERNELS =
      KernelProvider.simd() ? FilterSimd.INSTANCE : FilterScalar.INSTANCE;

  private Filter() {}

  public static Column filter(Column column, BooleanColumn mask, BufferAllocator allocator) {
    if (column.length() != mask.length()) {
      throw new ShapeMismatchException(
          "cannot filter a column of " + column.type() + " and length " + column.length()
              + " by a mask of length " + mask.length());
    }
    int length = column.length();
    Buffer folded = foldNulls(mask, allocator);
    try {
      MemorySegment bits = folded == null ? mask.valuesBuffer().segment() : folded.segment();
      long bitOffset = folded == null ? mask.offset() : 0;
      int count = (int) Bitmaps.countSet(bits, bitOffset, length);
      if (count == length) {
        return column.share();
      }
      if (count == 0) {
        return column.slice(0, 0);
      }
      return switch (column) {
        case FixedWidthColumn c -> filterFixed(c, bits, bitOffset, count, allocator);
        case BooleanColumn c -> new BooleanColumn(0, count, -1,
            compactValidity(c, bits, bitOffset, count, allocator),
            compact(c.valuesBuffer().segment(), c.offset(), bits, bitOffset, length, count,
                allocator));
        default -> GatherRows.gather(column,
            FilterScalar.selectedRows(bits, bitOffset, length, count), count, allocator);
      };
    } finally {
      BooleanOps.release(folded);
    }
  }

  /** The number of rows a mask selects (true and not null). */
  public static int countSelected(BooleanColumn mask) {
    MemorySegment values = mask.valuesBuffer().segment();
    if (mask.validity() == null || mask.nullCount() == 0) {
      return (int) Bitmaps.countSet(values, mask.offset(), mask.length());
    }
    MemorySegment validity = mask.validity().segment();
    long count = 0;
    int words = (mask.length() + 63) >>> 6;
    for (int word = 0; word < words; word++) {
      long bit = mask.offset() + ((long) word << 6);
      count += Long.bitCount(dev.floe.kernels.scalar.BooleanOpsScalar.readWord(values, bit)
          & dev.floe.kernels.scalar.BooleanOpsScalar.readWord(validity, bit)
          & dev.floe.kernels.scalar.BooleanOpsScalar.tailMask(word, mask.length()));
    }
    return (int) count;
  }

  /** {@code values & validity} of a mask with nulls, at bit 0; null when the mask has none. */
  static Buffer foldNulls(BooleanColumn mask, BufferAllocator allocator) {
    if (mask.validity() == null || mask.nullCount() == 0) {
      return null;
    }
    Buffer folded = BooleanOps.allocateBitmap(allocator, mask.length());
    BooleanOps.KERNELS.and(mask.valuesBuffer().segment(), mask.offset(),
        mask.validity().segment(), mask.offset(), mask.length(), folded.segment());
    return folded;
  }

  private static Column filterFixed(FixedWidthColumn column, MemorySegment bits, long bitOffset,
      int count, BufferAllocator allocator) {
    int width = column.type().byteWidth();
    int length = column.length();
    Buffer values = allocator.allocate((long) count * width + 64);
    Buffer validity = null;
    try {
      MemorySegment source = column.valuesBuffer().segment();
      MemorySegment out = values.segment();
      switch (width) {
        case 8 -> KERNELS.filterLongs(source, column.offset(), bits, bitOffset, length, out);
        case 4 -> KERNELS.filterInts(source, column.offset(), bits, bitOffset, length, out);
        default -> FilterScalar.filterAnyWidth(
            source, column.offset(), width, bits, bitOffset, length, out);
      }
      validity = compactValidity(column, bits, bitOffset, count, allocator);
      return new FixedWidthColumn(column.type(), 0, count, -1, validity, values);
    } catch (RuntimeException failure) {
      BooleanOps.release(values, validity);
      throw failure;
    }
  }

  /** The selected validity bits at bit 0, or null when the column has no nulls. */
  static Buffer compactValidity(Column column, MemorySegment bits, long bitOffset, int count,
      BufferAllocator allocator) {
    if (column.validity() == null || column.nullCount() == 0) {
      return null;
    }
    return compact(column.validity().segment(), column.offset(), bits, bitOffset,
        column.length(), count, allocator);
  }

  private static Buffer compact(MemorySegment source, long sourceBit, MemorySegment bits,
      long bitOffset, int length, int count, BufferAllocator allocator) {
    Buffer out = BooleanOps.allocateZeroedBitmap(allocator, count);
    FilterScalar.compressBits(source, sourceBit, bits, bitOffset, length, out.segment());
    return out;
  }
}
