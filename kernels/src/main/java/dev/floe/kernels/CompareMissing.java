package dev.floe.kernels;

import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/** The null-aware comparisons of {@link Compare}: isNull / isNotNull, eqMissing's nulls, isIn. */
final class CompareMissing {
  private CompareMissing() {}

  /** isNull ({@code nulls}) or isNotNull of a column, read off its validity a word at a time. */
  static BooleanColumn nullMask(Column column, boolean nulls, BufferAllocator allocator) {
    int length = column.length();
    Buffer values = BooleanOps.allocateBitmap(allocator, length);
    try {
      MemorySegment out = values.segment();
      if (column.validity() == null || column.nullCount() == 0 || column.nullCount() == length) {
        boolean allNull = length > 0 && column.nullCount() == length;
        BooleanOps.fill(out, length, allNull == nulls);
      } else if (nulls) {
        BooleanOps.KERNELS.not(column.validity().segment(), column.offset(), length, out);
      } else {
        MemorySegment validity = column.validity().segment();
        BooleanOps.KERNELS.and(
            validity, column.offset(), validity, column.offset(), length, out);
      }
      return BooleanOps.result(values, null, length);
    } catch (RuntimeException failure) {
      values.release();
      throw failure;
    }
  }

  /** eqMissing: {@code (equal & both valid) | both null}, word by word over {@code out}. */
  static void mergeNulls(Column left, Column right, MemorySegment out, int length) {
    MemorySegment leftValid = left.validity() == null ? null : left.validity().segment();
    MemorySegment rightValid = right.validity() == null ? null : right.validity().segment();
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      long bit = (long) word << 6;
      long leftKnown =
          leftValid == null ? -1L : BooleanOpsScalar.readWord(leftValid, left.offset() + bit);
      long rightKnown =
          rightValid == null ? -1L : BooleanOpsScalar.readWord(rightValid, right.offset() + bit);
      long equal = out.get(ValueLayout.JAVA_LONG_UNALIGNED, bit >>> 3);
      long merged = (equal & leftKnown & rightKnown) | (~leftKnown & ~rightKnown);
      BooleanOpsScalar.writeWord(out, word, merged, length);
    }
  }

  /**
   * Membership: strings and binaries on their bytes ({@link IsInBytes}), numbers and temporal
   * values on their bits ({@link IsInNumbers}); other types by hashing the boxed values (floats
   * normalised to Polars' equality).
   */
  static BooleanColumn isIn(Column values, Column set, BufferAllocator allocator) {
    if (StringRows.supports(values) && StringRows.supports(set)) {
      return IsInBytes.isIn(values, set, allocator);
    }
    if (IsInNumbers.supports(values) && IsInNumbers.supports(set)) {
      return IsInNumbers.isIn(values, set, allocator);
    }
    return isInBoxed(values, set, allocator);
  }

  /** isIn on boxed values and a HashSet: any type (the twin of the byte and bit kernels). */
  static BooleanColumn isInBoxed(Column values, Column set, BufferAllocator allocator) {
    int length = values.length();
    Set<Object> keys = new HashSet<>();
    for (int row = 0; row < set.length(); row++) {
      if (!set.isNull(row)) {
        keys.add(key(set.getObject(row)));
      }
    }
    Buffer bits = BooleanOps.allocateZeroedBitmap(allocator, length);
    Buffer validity = null;
    try {
      MemorySegment out = bits.segment();
      for (int row = 0; row < length; row++) {
        if (!values.isNull(row) && keys.contains(key(values.getObject(row)))) {
          dev.floe.memory.Bitmaps.set(out, row);
        }
      }
      validity = BooleanOps.copyValidity(values, allocator);
      return BooleanOps.result(bits, validity, length);
    } catch (RuntimeException failure) {
      BooleanOps.release(bits, validity);
      throw failure;
    }
  }

  /** A hash key with Polars' equality: byte arrays by content, -0.0 == 0.0, NaN == NaN. */
  static Object key(Object value) {
    return switch (value) {
      case byte[] bytes -> ByteBuffer.wrap(bytes);
      case Double number -> number == 0.0 ? Double.valueOf(0.0) : number;
      case Float number -> number == 0.0f ? Float.valueOf(0.0f) : number;
      case java.math.BigDecimal decimal -> decimal.stripTrailingZeros();
      default -> value;
    };
  }
}
