package dev.floe.kernels.hashing;

import dev.floe.kernels.scalar.HashScalar;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedSizeBinaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Exact key equality of two rows of the same key columns, consistent with {@code Hash.hash64}:
 * null equals null, every NaN equals every NaN, -0.0 equals 0.0 (as Polars' unique and group-by).
 * One specialized comparer per column type; values are read in place from their buffers (the hot
 * types without per-access checks) and never boxed, except on the slow path of nested and
 * dictionary columns, compared by {@link DeepValues}.
 */
@FunctionalInterface
interface RowEquality {
  ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
  ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

  /** Whether rows {@code a} and {@code b} hold equal keys. */
  boolean equal(int a, int b);

  /** Equality over all of {@code keys} (one key: its comparer itself). */
  static RowEquality of(List<Column> keys) {
    RowEquality[] parts = keys.stream().map(RowEquality::of).toArray(RowEquality[]::new);
    if (parts.length == 1) {
      return parts[0];
    }
    return (a, b) -> {
      for (RowEquality part : parts) {
        if (!part.equal(a, b)) {
          return false;
        }
      }
      return true;
    };
  }

  /** Equality of the values of one column, nulls included. */
  static RowEquality of(Column column) {
    RowEquality values = values(column);
    if (column.nullCount() == 0) {
      return values;
    }
    if (column.nullCount() == column.length()) {
      return (a, b) -> true;
    }
    if (column.validity() == null) {
      return (a, b) -> {
        boolean nullA = column.isNull(a);
        boolean nullB = column.isNull(b);
        return nullA || nullB ? nullA == nullB : values.equal(a, b);
      };
    }
    MemorySegment validity = column.validity().segment();
    long offset = column.offset();
    return (a, b) -> {
      boolean validA = Bitmaps.get(validity, offset + a);
      boolean validB = Bitmaps.get(validity, offset + b);
      return validA && validB ? values.equal(a, b) : validA == validB;
    };
  }

  private static RowEquality values(Column column) {
    DataType type = column.type();
    return switch (column) {
      case FixedWidthColumn fixed when type instanceof DataType.Float64 -> {
        MemorySegment values = fixed.valuesBuffer().segment();
        long base = (long) fixed.offset() << 3;
        yield (a, b) -> HashScalar.doubleKey(values.get(DOUBLE, base + ((long) a << 3)))
            == HashScalar.doubleKey(values.get(DOUBLE, base + ((long) b << 3)));
      }
      case FixedWidthColumn fixed when type instanceof DataType.Float32 ->
          (a, b) -> HashScalar.doubleKey(fixed.getFloat(a))
              == HashScalar.doubleKey(fixed.getFloat(b));
      case FixedWidthColumn fixed when type.byteWidth() == 8 -> {
        MemorySegment values = fixed.valuesBuffer().segment();
        long base = (long) fixed.offset() << 3;
        yield (a, b) -> values.get(LONG, base + ((long) a << 3))
            == values.get(LONG, base + ((long) b << 3));
      }
      case FixedWidthColumn fixed when type.byteWidth() == 4 -> {
        MemorySegment values = fixed.valuesBuffer().segment();
        long base = (long) fixed.offset() << 2;
        yield (a, b) -> values.get(INT, base + ((long) a << 2))
            == values.get(INT, base + ((long) b << 2));
      }
      case FixedWidthColumn fixed when type.byteWidth() == 2 ->
          (a, b) -> fixed.getShort(a) == fixed.getShort(b);
      case FixedWidthColumn fixed when type.byteWidth() == 1 ->
          (a, b) -> fixed.getByte(a) == fixed.getByte(b);
      case FixedWidthColumn fixed ->
          bytesOf(fixed.valuesBuffer().segment(), fixed.offset(), type.byteWidth());
      case FixedSizeBinaryColumn fixedBytes ->
          bytesOf(fixedBytes.valuesBuffer().segment(), fixedBytes.offset(), fixedBytes.byteWidth());
      case BooleanColumn bool -> (a, b) -> bool.getBoolean(a) == bool.getBoolean(b);
      case VarBinaryColumn bytes -> varBinary(bytes);
      case DictionaryColumn dictionary when DictionaryKeys.indexable(dictionary) ->
          DictionaryKeys.indexEquality(dictionary);
      case ViewColumn views ->
          (a, b) -> views.valueLength(a) == views.valueLength(b)
              && Arrays.equals(views.getBytes(a), views.getBytes(b));
      default -> (a, b) -> Objects.equals(
          DeepValues.normalize(column.getObject(a)), DeepValues.normalize(column.getObject(b)));
    };
  }

  /** Strings and binaries with 32- or 64-bit offsets, read in place. */
  private static RowEquality varBinary(VarBinaryColumn bytes) {
    MemorySegment data = bytes.dataBuffer().segment();
    MemorySegment offsets = bytes.offsetsBuffer().segment();
    long first = bytes.offset();
    if (bytes.isLarge()) {
      return (a, b) -> {
        long startA = offsets.get(LONG, (first + a) << 3);
        long endA = offsets.get(LONG, (first + a + 1) << 3);
        long startB = offsets.get(LONG, (first + b) << 3);
        long endB = offsets.get(LONG, (first + b + 1) << 3);
        return endA - startA == endB - startB
            && MemorySegment.mismatch(data, startA, endA, data, startB, endB) < 0;
      };
    }
    return (a, b) -> {
      long startA = offsets.get(INT, (first + a) << 2);
      long endA = offsets.get(INT, (first + a + 1) << 2);
      long startB = offsets.get(INT, (first + b) << 2);
      long endB = offsets.get(INT, (first + b + 1) << 2);
      return endA - startA == endB - startB
          && MemorySegment.mismatch(data, startA, endA, data, startB, endB) < 0;
    };
  }

  /** Byte-wise equality of wide fixed values (decimals, intervals, fixed-size binaries). */
  private static RowEquality bytesOf(MemorySegment values, int offset, int width) {
    return (a, b) -> {
      long startA = (offset + (long) a) * width;
      long startB = (offset + (long) b) * width;
      return MemorySegment.mismatch(
          values, startA, startA + width, values, startB, startB + width) < 0;
    };
  }
}
