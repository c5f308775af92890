package dev.floe.kernels;

import dev.floe.kernels.scalar.AggregateWords;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Validity bitmaps and result columns of the element-wise kernels (output offset 0). */
final class ArithmeticValidity {
  private ArithmeticValidity() {}

  /**
   * The AND of the validity of {@code left} and {@code right} (either may be null for a scalar),
   * one 64-bit word at a time; null when neither has a null (the result then has no bitmap).
   */
  static Buffer and(Column left, Column right, int length, BufferAllocator allocator) {
    MemorySegment leftBits = left == null ? null : Aggregate.validityOrNull(left);
    MemorySegment rightBits = right == null ? null : Aggregate.validityOrNull(right);
    if (leftBits == null && rightBits == null) {
      return null;
    }
    int words = (length + 63) >>> 6;
    Buffer result = allocator.allocate(Math.max(words, 1) * 8L);
    MemorySegment out = result.segment();
    for (int word = 0; word < words; word++) {
      int count = Math.min(64, length - (word << 6));
      long bits = -1L;
      if (leftBits != null) {
        bits &= AggregateWords.bits(leftBits, left.offset() + ((long) word << 6), count);
      }
      if (rightBits != null) {
        bits &= AggregateWords.bits(rightBits, right.offset() + ((long) word << 6), count);
      }
      out.set(ValueLayout.JAVA_LONG_UNALIGNED, (long) word << 3, bits);
    }
    return result;
  }

  /** The AND of the validity of every column; null when none has a null. */
  static Buffer andAll(java.util.List<? extends Column> columns, int length, BufferAllocator allocator) {
    java.util.List<Column> withNulls =
        columns.stream().filter(column -> Aggregate.validityOrNull(column) != null)
            .map(column -> (Column) column).toList();
    if (withNulls.isEmpty()) {
      return null;
    }
    Buffer result = and(withNulls.getFirst(), null, length, allocator);
    for (int index = 1; index < withNulls.size(); index++) {
      Column next = withNulls.get(index);
      MemorySegment bits = Aggregate.validityOrNull(next);
      MemorySegment out = result.segment();
      int words = (length + 63) >>> 6;
      for (int word = 0; word < words; word++) {
        int count = Math.min(64, length - (word << 6));
        long current = out.get(ValueLayout.JAVA_LONG_UNALIGNED, (long) word << 3);
        out.set(ValueLayout.JAVA_LONG_UNALIGNED, (long) word << 3,
            current & AggregateWords.bits(bits, next.offset() + ((long) word << 6), count));
      }
    }
    return result;
  }

  /** A copy of the column's validity moved to offset 0, or null when it has no nulls. */
  static Buffer copy(Column column, BufferAllocator allocator) {
    MemorySegment bits = Aggregate.validityOrNull(column);
    if (bits == null) {
      return null;
    }
    Buffer result = allocator.allocateZeroed(Math.max(Bitmaps.bytesFor(column.length()), 1));
    Bitmaps.copy(bits, column.offset(), result.segment(), 0, column.length());
    return result;
  }

  /** A column over freshly computed values; takes ownership of both buffers. */
  static FixedWidthColumn column(DataType type, int length, Buffer validity, Buffer values) {
    return new FixedWidthColumn(type, 0, length, validity == null ? 0 : -1, validity, values);
  }

  /** A column of {@code length} nulls of {@code type}. */
  static FixedWidthColumn allNull(DataType type, int length, BufferAllocator allocator) {
    Buffer values = allocator.allocateZeroed(Math.max((long) length * type.byteWidth(), 1));
    Buffer validity = allocator.allocateZeroed(Math.max(Bitmaps.bytesFor(length), 1));
    return new FixedWidthColumn(type, 0, length, length, validity, values);
  }
}
