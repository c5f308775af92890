package dev.floe.kernels.hashing;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * {@link GroupIds} of one integer (or date) key column whose values span a small range, without
 * hashing: a value's offset from the minimum indexes an array that holds its group id (null keys
 * get a slot of their own past the range). The ids are exactly those {@link GroupIds#of} gives
 * (dense, in order of first appearance). This is the direct-indexing (perfect hash) aggregation of
 * small-domain keys that DuckDB's perfect hash aggregate and Polars' small-integer group-by use.
 */
public final class DirectGroupIds {
  /** The widest range indexed directly, whatever the row count. */
  static final long MAX_RANGE = 1 << 16;

  /**
   * Ranges up to this many slots per row are indexed directly: an int slot per value of the range
   * takes at most 32 bytes a row, what the hash table's slots (2 to 4 longs a row) and hashes take,
   * with no hashing. TPC-H Q18's merge (1.5M order keys of a range of 6M) groups this way.
   */
  static final long RANGE_PER_ROW = 8;

  private DirectGroupIds() {}

  /** The groups of {@code key}, or null when it is not an integer key of a small enough range. */
  public static GroupIds tryOf(Column key) {
    if (DictionaryKeys.indexable(key)) { // categorical: its indices span the dictionary
      try (Column indices = ((DictionaryColumn) key).indexColumn()) {
        return tryOf(indices);
      }
    }
    if (!(key instanceof FixedWidthColumn fixed) || !eligible(key.type())) {
      return null;
    }
    int length = key.length();
    long[] values = new long[length];
    readValues(fixed, values);
    boolean nulls = fixed.nullCount() > 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int row = 0; row < length; row++) {
      if (!nulls || fixed.isValid(row)) {
        long value = values[row];
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
    long span = max - min; // negative when it overflows (i64 keys far apart)
    if (min <= max && (span < 0 || span >= Math.min(1 << 30, Math.max(MAX_RANGE, RANGE_PER_ROW * length)))) {
      return null;
    }
    long range = min > max ? 0 : span + 1;
    int nullSlot = (int) range;
    int[] slots = new int[nullSlot + 1];
    Arrays.fill(slots, -1);
    int[] ids = new int[length];
    int[] firstRows = new int[Math.max(1, Math.min(length, nullSlot + 1))];
    int groups = 0;
    for (int row = 0; row < length; row++) {
      int slot = !nulls || fixed.isValid(row) ? (int) (values[row] - min) : nullSlot;
      int id = slots[slot];
      if (id < 0) {
        id = groups++;
        slots[slot] = id;
        firstRows[id] = row;
      }
      ids[row] = id;
    }
    return GroupIds.numbered(ids, Arrays.copyOf(firstRows, groups), groups);
  }

  /** Every slot of {@code column} widened to long (null slots: whatever they hold). */
  private static void readValues(FixedWidthColumn column, long[] values) {
    MemorySegment data = column.valuesBuffer().segment();
    long offset = column.offset();
    switch (column.type()) {
      case DataType.Int32 t -> {
        for (int row = 0; row < values.length; row++) {
          values[row] = data.get(ValueLayout.JAVA_INT_UNALIGNED, (offset + row) << 2);
        }
      }
      case DataType.Date32 t -> {
        for (int row = 0; row < values.length; row++) {
          values[row] = data.get(ValueLayout.JAVA_INT_UNALIGNED, (offset + row) << 2);
        }
      }
      case DataType.UInt32 t -> {
        for (int row = 0; row < values.length; row++) {
          values[row] = Integer.toUnsignedLong(data.get(ValueLayout.JAVA_INT_UNALIGNED, (offset + row) << 2));
        }
      }
      // one bulk copy: a per-row read kept its bounds checks (a fifth of Q21's two nUnique group-bys)
      case DataType.Int64 t -> MemorySegment.copy(data, ValueLayout.JAVA_LONG_UNALIGNED, offset << 3, values, 0,
          values.length);
      default -> {
        for (int row = 0; row < values.length; row++) {
          values[row] = column.isValid(row) ? value(column, row) : 0;
        }
      }
    }
  }

  /** Integer types and dates (their days); u64 by its bits, which is fine for offsets. */
  private static boolean eligible(DataType type) {
    return type.isInteger() || type instanceof DataType.Date32;
  }

  static long value(FixedWidthColumn column, int row) {
    return switch (column.type()) {
      case DataType.Int8 t -> column.getByte(row);
      case DataType.UInt8 t -> Byte.toUnsignedInt(column.getByte(row));
      case DataType.Int16 t -> column.getShort(row);
      case DataType.UInt16 t -> Short.toUnsignedInt(column.getShort(row));
      case DataType.UInt32 t -> Integer.toUnsignedLong(column.getInt(row));
      case DataType.Int32 t -> column.getInt(row);
      case DataType.Date32 t -> column.getInt(row);
      default -> column.getLong(row); // Int64, UInt64
    };
  }
}
