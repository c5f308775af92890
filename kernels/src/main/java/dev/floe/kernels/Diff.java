package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;

/**
 * Polars' diff: {@code x[i] - x[i - n]}, null where either value is null or {@code i - n} is
 * outside the column (negative {@code n} looks ahead). Integers subtract with wrapping in their
 * width, floats in their precision. The result type has the input's width and is given by the
 * caller: the input's own type, or a duration for datetimes (the planner casts unsigned integers
 * and dates first).
 */
public final class Diff {
  private Diff() {}

  /** The differences of {@code column}, typed {@code resultType}; the caller closes the result. */
  public static Column diff(Column column, long n, DataType resultType, BufferAllocator allocator) {
    if (!(column instanceof FixedWidthColumn fixed)
        || !(column.type().isNumeric() || column.type().isTemporal())
        || resultType.byteWidth() != column.type().byteWidth()) {
      throw new InvalidOperationException(
          "diff is not supported for a column of type " + column.type() + " (to " + resultType
              + ")");
    }
    int length = fixed.length();
    int width = fixed.type().byteWidth();
    boolean floating = fixed.type().isFloatingPoint();
    boolean signed = FixedValues.signed(fixed.type());
    MemorySegment values = fixed.valuesBuffer().segment();
    MemorySegment validity = Aggregate.validityOrNull(fixed);
    long offset = fixed.offset();
    Buffer out = FixedValues.allocate(resultType, length, allocator);
    Buffer outValidity = BooleanOps.allocateZeroedBitmap(allocator, length);
    try {
      MemorySegment result = out.segment();
      MemorySegment valid = outValidity.segment();
      for (int row = 0; row < length; row++) {
        long other = row - n;
        if (other < 0 || other >= length
            || (validity != null
                && !(Bitmaps.get(validity, offset + row) && Bitmaps.get(validity, offset + other)))) {
          FixedValues.write(result, width, row, 0);
          continue;
        }
        Bitmaps.set(valid, row);
        if (floating) {
          double difference = width == 4
              ? (float) FixedValues.readDouble(values, width, offset + row)
                  - (float) FixedValues.readDouble(values, width, offset + other)
              : FixedValues.readDouble(values, width, offset + row)
                  - FixedValues.readDouble(values, width, offset + other);
          FixedValues.writeDouble(result, width, row, difference);
        } else {
          FixedValues.write(result, width, row,
              FixedValues.read(values, width, signed, offset + row)
                  - FixedValues.read(values, width, signed, offset + other));
        }
      }
    } catch (RuntimeException failure) {
      BooleanOps.release(out, outValidity);
      throw failure;
    }
    return new FixedWidthColumn(resultType, 0, length, -1, outValidity, out);
  }
}
