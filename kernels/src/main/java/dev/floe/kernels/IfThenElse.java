package dev.floe.kernels;

import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.FixedWidthColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Row-wise {@code mask ? then : otherwise} (Polars' when/then/otherwise): a null mask value picks
 * {@code otherwise}. Fixed-width values copy {@code otherwise} in bulk and overwrite the selected
 * rows a mask word at a time (all-ones words in bulk); booleans and validity blend whole words
 * ({@code (m & then) | (~m & otherwise)}); other types gather from both sides.
 */
public final class IfThenElse {
  private IfThenElse() {}

  public static Column select(
      BooleanColumn mask, Column then, Column otherwise, BufferAllocator allocator) {
    Compare.requireSameShape(then, otherwise, "select (when/then/otherwise) between");
    if (mask.length() != then.length()) {
      throw new ShapeMismatchException(
          "when/then/otherwise: the mask has " + mask.length() + " rows, the values "
              + then.length() + " (" + then.type() + ")");
    }
    int length = then.length();
    Buffer folded = Filter.foldNulls(mask, allocator);
    try {
      MemorySegment bits = folded == null ? mask.valuesBuffer().segment() : folded.segment();
      long bitOffset = folded == null ? mask.offset() : 0;
      return switch (then) {
        case FixedWidthColumn t ->
            selectFixed(bits, bitOffset, t, (FixedWidthColumn) otherwise, allocator);
        case BooleanColumn t -> new BooleanColumn(0, length, -1,
            blendValidity(bits, bitOffset, t, otherwise, allocator),
            blend(bits, bitOffset, t.valuesBuffer().segment(), t.offset(),
                ((BooleanColumn) otherwise).valuesBuffer().segment(), otherwise.offset(),
                length, allocator));
        default -> selectRows(bits, bitOffset, then, otherwise, allocator);
      };
    } finally {
      BooleanOps.release(folded);
    }
  }

  private static Column selectFixed(MemorySegment bits, long bitOffset, FixedWidthColumn then,
      FixedWidthColumn otherwise, BufferAllocator allocator) {
    int length = then.length();
    int width = then.type().byteWidth();
    Buffer values = allocator.allocate(Math.max(8L, (long) length * width));
    Buffer validity = null;
    try {
      MemorySegment out = values.segment();
      MemorySegment thenValues = then.valuesBuffer().segment();
      MemorySegment.copy(otherwise.valuesBuffer().segment(), otherwise.offset() * (long) width,
          out, 0, (long) length * width);
      int words = BooleanOpsScalar.wordCount(length);
      for (int word = 0; word < words; word++) {
        long selected = BooleanOpsScalar.readWord(bits, bitOffset + ((long) word << 6))
            & BooleanOpsScalar.tailMask(word, length);
        long row = (long) word << 6;
        if (selected == -1L) {
          MemorySegment.copy(thenValues, (then.offset() + row) * width, out, row * width,
              64L * width);
          continue;
        }
        while (selected != 0) {
          long at = row + Long.numberOfTrailingZeros(selected);
          MemorySegment.copy(thenValues, (then.offset() + at) * width, out, at * width, width);
          selected &= selected - 1;
        }
      }
      validity = blendValidity(bits, bitOffset, then, otherwise, allocator);
      return new FixedWidthColumn(then.type(), 0, length, -1, validity, values);
    } catch (RuntimeException failure) {
      BooleanOps.release(values, validity);
      throw failure;
    }
  }

  /** The blended validity, or null when neither side has nulls. */
  private static Buffer blendValidity(MemorySegment bits, long bitOffset, Column then,
      Column otherwise, BufferAllocator allocator) {
    boolean thenNulls = then.validity() != null && then.nullCount() > 0;
    boolean otherwiseNulls = otherwise.validity() != null && otherwise.nullCount() > 0;
    if (!thenNulls && !otherwiseNulls) {
      return null;
    }
    int length = then.length();
    Buffer out = BooleanOps.allocateBitmap(allocator, length);
    MemorySegment target = out.segment();
    for (int word = 0; word < BooleanOpsScalar.wordCount(length); word++) {
      long offset = (long) word << 6;
      long selected = BooleanOpsScalar.readWord(bits, bitOffset + offset);
      long thenValid = thenNulls
          ? BooleanOpsScalar.readWord(then.validity().segment(), then.offset() + offset) : -1L;
      long otherValid = otherwiseNulls
          ? BooleanOpsScalar.readWord(otherwise.validity().segment(), otherwise.offset() + offset)
          : -1L;
      BooleanOpsScalar.writeWord(
          target, word, (selected & thenValid) | (~selected & otherValid), length);
    }
    return out;
  }

  private static Buffer blend(MemorySegment bits, long bitOffset, MemorySegment then,
      long thenBit, MemorySegment otherwise, long otherwiseBit, int length,
      BufferAllocator allocator) {
    Buffer out = BooleanOps.allocateBitmap(allocator, length);
    MemorySegment target = out.segment();
    for (int word = 0; word < BooleanOpsScalar.wordCount(length); word++) {
      long offset = (long) word << 6;
      long selected = BooleanOpsScalar.readWord(bits, bitOffset + offset);
      long value = (selected & BooleanOpsScalar.readWord(then, thenBit + offset))
          | (~selected & BooleanOpsScalar.readWord(otherwise, otherwiseBit + offset));
      target.set(ValueLayout.JAVA_LONG_UNALIGNED, offset >>> 3,
          value & BooleanOpsScalar.tailMask(word, length));
    }
    return out;
  }

  /** Other layouts: concatenate both sides once and gather row i or length + i. */
  private static Column selectRows(MemorySegment bits, long bitOffset, Column then,
      Column otherwise, BufferAllocator allocator) {
    int length = then.length();
    int[] rows = new int[length];
    for (int row = 0; row < length; row++) {
      boolean selected = dev.floe.memory.Bitmaps.get(bits, bitOffset + row);
      rows[row] = selected ? row : length + row;
    }
    try (Column both = Concatenation.concat(allocator, List.of(then, otherwise))) {
      return GatherRows.gather(both, rows, length, allocator);
    }
  }
}
