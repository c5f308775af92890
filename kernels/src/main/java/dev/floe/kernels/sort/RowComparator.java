package dev.floe.kernels.sort;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import java.util.Arrays;
import java.util.List;

/** Compares two rows by several keys, each with its direction; nulls first or last for all. */
@FunctionalInterface
public interface RowComparator {
  int compare(int leftRow, int rightRow);

  /** The comparator of {@code keys} with Polars' order (see {@link dev.floe.kernels.Sort}). */
  static RowComparator of(List<Column> keys, boolean[] descending, boolean nullsLast) {
    RowComparator[] comparators = new RowComparator[keys.size()];
    for (int index = 0; index < keys.size(); index++) {
      comparators[index] = withNulls(keys.get(index), descending[index], nullsLast);
    }
    if (comparators.length == 1) {
      return comparators[0];
    }
    return (left, right) -> {
      for (RowComparator comparator : comparators) {
        int result = comparator.compare(left, right);
        if (result != 0) {
          return result;
        }
      }
      return 0;
    };
  }

  private static RowComparator withNulls(Column key, boolean descending, boolean nullsLast) {
    RowComparator values = values(key);
    RowComparator directed = descending ? (left, right) -> values.compare(right, left) : values;
    if (key.nullCount() == 0) {
      return directed;
    }
    int nullOrder = nullsLast ? 1 : -1;
    return (left, right) -> {
      boolean leftNull = key.isNull(left);
      boolean rightNull = key.isNull(right);
      if (leftNull || rightNull) {
        return leftNull == rightNull ? 0 : leftNull ? nullOrder : -nullOrder;
      }
      return directed.compare(left, right);
    };
  }

  /** Ascending comparison of two valid rows. */
  private static RowComparator values(Column key) {
    return switch (key) {
      case FixedWidthColumn fixed when NormalizedKeys.supports(fixed.type()) ->
          (left, right) ->
              Long.compareUnsigned(
                  NormalizedKeys.key(fixed, left, false), NormalizedKeys.key(fixed, right, false));
      case BooleanColumn bool ->
          (left, right) -> Boolean.compare(bool.getBoolean(left), bool.getBoolean(right));
      case VarBinaryColumn binary -> bytes(binary.length(), binary::getBytes);
      case ViewColumn view -> bytes(view.length(), view::getBytes);
      case DictionaryColumn dictionary -> DictionaryOrder.of(dictionary);
      // a column of type null: every row null, so all rows tie (Polars sorts by it as a no-op)
      case dev.floe.memory.column.NullColumn nulls -> (left, right) -> 0;
      default ->
          throw new InvalidOperationException("cannot sort by a column of type " + key.type());
    };
  }

  /** Byte-wise unsigned comparison (UTF-8 code point order for strings), values read once. */
  private static RowComparator bytes(int length, java.util.function.IntFunction<byte[]> reader) {
    byte[][] values = new byte[length][];
    return (left, right) -> {
      byte[] leftBytes = values[left] != null ? values[left] : (values[left] = reader.apply(left));
      byte[] rightBytes =
          values[right] != null ? values[right] : (values[right] = reader.apply(right));
      return Arrays.compareUnsigned(leftBytes, rightBytes);
    };
  }
}
