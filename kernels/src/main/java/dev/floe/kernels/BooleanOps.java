package dev.floe.kernels;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.kernels.simd.BooleanOpsSimd;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import java.lang.foreign.MemorySegment;

/**
 * Boolean logic over bitmaps with Polars' Kleene semantics: {@code false & null = false}, {@code
 * true | null = true}, otherwise a null operand gives null; {@code xor} is null if either side is.
 * Value words come from the SIMD or scalar kernels (chosen once by {@link KernelProvider}); the
 * validity of a Kleene result is computed word by word here.
 *
 * <p>Also holds the helpers every bitmap-producing facade uses to allocate and finish a result.
 */
public final class BooleanOps {
  static final BooleanOpsKernels KERNELS =
      KernelProvider.simd() ? BooleanOpsSimd.INSTANCE : BooleanOpsScalar.INSTANCE;

  private BooleanOps() {}

  public static BooleanColumn and(BooleanColumn a, BooleanColumn b, BufferAllocator allocator) {
    return binary(a, b, 0, "and", allocator);
  }

  public static BooleanColumn or(BooleanColumn a, BooleanColumn b, BufferAllocator allocator) {
    return binary(a, b, 1, "or", allocator);
  }

  public static BooleanColumn xor(BooleanColumn a, BooleanColumn b, BufferAllocator allocator) {
    return binary(a, b, 2, "xor", allocator);
  }

  public static BooleanColumn not(BooleanColumn a, BufferAllocator allocator) {
    int length = a.length();
    Buffer values = allocateBitmap(allocator, length);
    Buffer validity = null;
    try {
      KERNELS.not(a.valuesBuffer().segment(), a.offset(), length, values.segment());
      validity = copyValidity(a, allocator);
      return result(values, validity, length);
    } catch (RuntimeException failure) {
      release(values, validity);
      throw failure;
    }
  }

  private static BooleanColumn binary(
      BooleanColumn a, BooleanColumn b, int operation, String name, BufferAllocator allocator) {
    if (a.length() != b.length()) {
      throw new ShapeMismatchException(
          "cannot " + name + " boolean columns of lengths " + a.length() + " and " + b.length());
    }
    int length = a.length();
    MemorySegment left = a.valuesBuffer().segment();
    MemorySegment right = b.valuesBuffer().segment();
    Buffer values = allocateBitmap(allocator, length);
    Buffer validity = null;
    try {
      MemorySegment out = values.segment();
      switch (operation) {
        case 0 -> KERNELS.and(left, a.offset(), right, b.offset(), length, out);
        case 1 -> KERNELS.or(left, a.offset(), right, b.offset(), length, out);
        default -> KERNELS.xor(left, a.offset(), right, b.offset(), length, out);
      }
      if (a.validity() != null || b.validity() != null) {
        validity = allocateBitmap(allocator, length);
        kleeneValidity(a, b, operation, length, validity.segment());
      }
      return result(values, validity, length);
    } catch (RuntimeException failure) {
      release(values, validity);
      throw failure;
    }
  }

  /**
   * The validity of a Kleene and/or (and of xor): a result is known where both sides are, or where
   * one known side decides it alone (false for and, true for or).
   */
  private static void kleeneValidity(
      BooleanColumn a, BooleanColumn b, int operation, int length, MemorySegment out) {
    MemorySegment aValues = a.valuesBuffer().segment();
    MemorySegment bValues = b.valuesBuffer().segment();
    MemorySegment aValid = a.validity() == null ? null : a.validity().segment();
    MemorySegment bValid = b.validity() == null ? null : b.validity().segment();
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      long bit = (long) word << 6;
      long aKnown = aValid == null ? -1L : BooleanOpsScalar.readWord(aValid, a.offset() + bit);
      long bKnown = bValid == null ? -1L : BooleanOpsScalar.readWord(bValid, b.offset() + bit);
      long valid = aKnown & bKnown;
      if (operation != 2 && valid != -1L) {
        long aWord = BooleanOpsScalar.readWord(aValues, a.offset() + bit);
        long bWord = BooleanOpsScalar.readWord(bValues, b.offset() + bit);
        valid |= operation == 0
            ? (aKnown & ~aWord) | (bKnown & ~bWord)
            : (aKnown & aWord) | (bKnown & bWord);
      }
      BooleanOpsScalar.writeWord(out, word, valid, length);
    }
  }

  // ---- helpers shared by the bitmap-producing facades ----

  /** A bitmap buffer holding whole 64-bit words for {@code length} bits. */
  static Buffer allocateBitmap(BufferAllocator allocator, int length) {
    return allocator.allocate(Math.max(8L, (long) BooleanOpsScalar.wordCount(length) << 3));
  }

  /** A zeroed bitmap buffer holding whole 64-bit words for {@code length} bits. */
  static Buffer allocateZeroedBitmap(BufferAllocator allocator, int length) {
    return allocator.allocateZeroed(Math.max(8L, (long) BooleanOpsScalar.wordCount(length) << 3));
  }

  /** {@code column}'s validity copied to bit 0 of a new bitmap, or null when it has no nulls. */
  static Buffer copyValidity(Column column, BufferAllocator allocator) {
    int length = column.length();
    if (column.validity() == null && length > 0 && column.nullCount() == length) {
      return allocateZeroedBitmap(allocator, length); // a NullColumn: null without a bitmap
    }
    if (column.validity() == null || column.nullCount() == 0) {
      return null;
    }
    Buffer copy = allocateZeroedBitmap(allocator, length);
    Bitmaps.copy(column.validity().segment(), column.offset(), copy.segment(), 0, length);
    return copy;
  }

  /** The AND of two columns' validities at bit 0 of a new bitmap, or null if neither has nulls. */
  static Buffer andValidity(Column left, Column right, BufferAllocator allocator) {
    boolean leftNulls = left.validity() != null && left.nullCount() > 0;
    boolean rightNulls = right.validity() != null && right.nullCount() > 0;
    if (!leftNulls) {
      return rightNulls ? copyValidity(right, allocator) : null;
    }
    if (!rightNulls) {
      return copyValidity(left, allocator);
    }
    int length = left.length();
    Buffer out = allocateBitmap(allocator, length);
    KERNELS.and(left.validity().segment(), left.offset(), right.validity().segment(),
        right.offset(), length, out.segment());
    return out;
  }

  /** Flips the {@code length} bits of a result bitmap starting at bit 0 (bits past stay 0). */
  static void invert(MemorySegment bitmap, int length) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      long current = bitmap.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, (long) word << 3);
      BooleanOpsScalar.writeWord(bitmap, word, ~current, length);
    }
  }

  /** Sets all {@code length} bits of a result bitmap (bits past stay 0). */
  static void fill(MemorySegment bitmap, int length, boolean value) {
    int words = BooleanOpsScalar.wordCount(length);
    for (int word = 0; word < words; word++) {
      BooleanOpsScalar.writeWord(bitmap, word, value ? -1L : 0L, length);
    }
  }

  /** Wraps result buffers (bit 0 = row 0); drops a validity bitmap that has no nulls. */
  static BooleanColumn result(Buffer values, Buffer validity, int length) {
    if (validity != null && Bitmaps.countSet(validity.segment(), 0, length) == length) {
      validity.release();
      validity = null;
    }
    return new BooleanColumn(0, length, validity == null ? 0 : -1, validity, values);
  }

  /** An all-null boolean column of {@code length} rows. */
  static BooleanColumn allNull(int length, BufferAllocator allocator) {
    Buffer values = allocateZeroedBitmap(allocator, length);
    Buffer validity = length == 0 ? null : allocateZeroedBitmap(allocator, length);
    return new BooleanColumn(0, length, length, validity, values);
  }

  static void release(Buffer... buffers) {
    for (Buffer buffer : buffers) {
      if (buffer != null) {
        buffer.release();
      }
    }
  }
}
