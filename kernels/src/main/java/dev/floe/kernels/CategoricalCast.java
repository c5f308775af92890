package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.UniqueDictionaries;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * Casts to and from categorical (dictionary) columns, as Polars' {@code cast(pl.Categorical)}.
 *
 * <p>To categorical: the rows are grouped once ({@link GroupIds}: the values hashed in place,
 * nothing boxed), the first row of each group gives the dictionary (so values appear in order of
 * first appearance, as Polars numbers its categories) and each row's group is its index. Nulls
 * stay null rows; the dictionary holds no null and no value twice. From categorical: the
 * dictionary's values are gathered by index, then cast on to the target if it is another type.
 */
final class CategoricalCast {
  private CategoricalCast() {}

  /** Whether {@link #cast} handles {@code source} to {@code target}. */
  static boolean handles(DataType source, DataType target) {
    return source instanceof DataType.Dictionary || target instanceof DataType.Dictionary;
  }

  static Column cast(Column column, DataType target, boolean strict, BufferAllocator allocator) {
    if (column instanceof DictionaryColumn dictionaryColumn) {
      try (Column decoded = decode(dictionaryColumn, allocator)) {
        return Cast.cast(decoded, target, strict, allocator);
      }
    }
    DataType.Dictionary dictionary = (DataType.Dictionary) target;
    DataType values = dictionary.valueType();
    boolean sameKind = column.type().equals(values) || (column.type().isString() && values.isString());
    if (!sameKind) {
      throw new InvalidOperationException("casting from " + column.type() + " to " + target
          + " is not supported (cast to " + values + " first)");
    }
    return encode(column, dictionary, allocator);
  }

  /** The values the rows of {@code column} point to (null rows and null values give null). */
  static Column decode(DictionaryColumn column, BufferAllocator allocator) {
    int length = column.length();
    int[] rows = new int[length];
    for (int row = 0; row < length; row++) {
      rows[row] = column.isNull(row) ? -1 : column.getIndex(row);
    }
    return Gather.rows(column.dictionary(), rows, length, allocator);
  }

  private static Column encode(Column column, DataType.Dictionary type, BufferAllocator allocator) {
    int length = column.length();
    int nullGroup = -1;
    int[] ids = new int[0];
    int[] firstRows = new int[0];
    if (length > 0) {
      GroupIds groups = GroupIds.of(List.of(column), allocator);
      ids = groups.ids();
      firstRows = groups.firstRows();
      if (column.nullCount() > 0) {
        for (int row = 0; row < length && nullGroup < 0; row++) {
          if (column.isNull(row)) {
            nullGroup = ids[row];
          }
        }
      }
    }
    int distinct = firstRows.length - (nullGroup < 0 ? 0 : 1);
    long maxDistinct = maxDistinct(type.indexType());
    if (distinct > maxDistinct) {
      throw new InvalidOperationException("a column of " + type + " with " + type.indexType()
          + " indices holds at most " + maxDistinct + " distinct values, got " + distinct);
    }
    int[] valueRows = new int[distinct];
    for (int group = 0, out = 0; group < firstRows.length; group++) {
      if (group != nullGroup) {
        valueRows[out++] = firstRows[group];
      }
    }
    Column dictionary = dictionaryOf(column, valueRows, type.valueType(), allocator);
    UniqueDictionaries.record(dictionary, true); // one value per group, no null group
    try (FixedWidthBuilder indices = new FixedWidthBuilder(type.indexType(), allocator, length)) {
      int width = type.indexType().byteWidth();
      for (int row = 0; row < length; row++) {
        int id = ids[row];
        if (id == nullGroup) {
          indices.appendNull();
          continue;
        }
        int index = nullGroup >= 0 && id > nullGroup ? id - 1 : id;
        switch (width) {
          case 1 -> indices.appendByte((byte) index);
          case 2 -> indices.appendShort((short) index);
          case 4 -> indices.appendInt(index);
          default -> indices.appendLong(index);
        }
      }
      try (FixedWidthColumn built = indices.build()) {
        Buffer validity = built.validity() == null ? null : built.validity().retain();
        Buffer values = built.valuesBuffer().retain();
        return new DictionaryColumn(type, 0, length, built.nullCount(), validity, values,
            dictionary);
      }
    } catch (RuntimeException failure) {
      dictionary.close();
      throw failure;
    }
  }

  /** The values at {@code rows}, in the dictionary's value type. */
  private static Column dictionaryOf(
      Column column, int[] rows, DataType valueType, BufferAllocator allocator) {
    Column gathered = Gather.rows(column, rows, rows.length, allocator);
    if (gathered.type().equals(valueType)) {
      return gathered;
    }
    try (gathered) {
      return Cast.cast(gathered, valueType, true, allocator);
    }
  }

  private static long maxDistinct(DataType indexType) {
    return switch (indexType) {
      case DataType.Int8 t -> 1L << 7;
      case DataType.UInt8 t -> 1L << 8;
      case DataType.Int16 t -> 1L << 15;
      case DataType.UInt16 t -> 1L << 16;
      default -> Integer.MAX_VALUE;
    };
  }
}
