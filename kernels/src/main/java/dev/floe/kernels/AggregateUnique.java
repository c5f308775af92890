package dev.floe.kernels;

import dev.floe.kernels.scalar.HashScalar;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.kernels.sort.NormalizedKeys;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;

/**
 * The number of distinct values, a null counting as one value (Polars' n_unique). Numbers and
 * temporal values are counted by hashing their 64-bit normalized keys ({@link NormalizedKeys}, so
 * -0.0 equals 0.0 and all NaNs are one value) in an open-addressing table of primitive longs, no
 * boxing; strings and binaries by their bytes; booleans by two flags; other types by their Java
 * values.
 */
public final class AggregateUnique {
  private AggregateUnique() {}

  /** The number of distinct values of {@code column}, a null counting as one value. */
  public static long nUnique(Column column) {
    int length = column.length();
    int nulls = column.nullCount();
    long nullValue = nulls > 0 ? 1 : 0;
    if (nulls == length) {
      return nullValue;
    }
    return nullValue + switch (column) {
      case BooleanColumn bool -> booleans(bool);
      case FixedWidthColumn fixed when NormalizedKeys.supports(fixed.type()) -> fixedWidth(fixed);
      default -> hashed(column, nulls > 0);
    };
  }

  private static long booleans(BooleanColumn column) {
    boolean seenTrue = false;
    boolean seenFalse = false;
    for (int row = 0; row < column.length() && !(seenTrue && seenFalse); row++) {
      if (column.isValid(row)) {
        if (column.getBoolean(row)) {
          seenTrue = true;
        } else {
          seenFalse = true;
        }
      }
    }
    return (seenTrue ? 1 : 0) + (seenFalse ? 1 : 0);
  }

  private static long fixedWidth(FixedWidthColumn column) {
    LongSet set = new LongSet(column.length() - column.nullCount());
    boolean allValid = column.nullCount() == 0;
    for (int row = 0; row < column.length(); row++) {
      if (allValid || column.isValid(row)) {
        set.add(NormalizedKeys.key(column, row, false));
      }
    }
    return set.size();
  }

  /**
   * Strings, binaries, decimals and nested values: the groups of {@link GroupIds} (hashes and exact
   * byte-wise equality, nothing boxed), less the group of nulls.
   */
  private static long hashed(Column column, boolean hasNulls) {
    GroupIds groups =
        GroupIds.of(java.util.List.of(column), dev.floe.memory.BufferAllocator.current());
    return groups.groupCount() - (hasNulls ? 1 : 0);
  }

  /** An insert-only open-addressing set of longs (linear probing, load at most 1/2). */
  static final class LongSet {
    private long[] slots;
    private boolean[] used;
    private int size;

    LongSet(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      slots = new long[capacity];
      used = new boolean[capacity];
    }

    /** Adds {@code value}; true if it was not there. */
    boolean add(long value) {
      int mask = slots.length - 1;
      int slot = (int) HashScalar.mix(value) & mask;
      while (used[slot]) {
        if (slots[slot] == value) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      used[slot] = true;
      slots[slot] = value;
      if (++size * 2 > slots.length) {
        grow();
      }
      return true;
    }

    int size() {
      return size;
    }

    private void grow() {
      long[] oldSlots = slots;
      boolean[] oldUsed = used;
      slots = new long[oldSlots.length * 2];
      used = new boolean[oldSlots.length * 2];
      size = 0;
      for (int slot = 0; slot < oldSlots.length; slot++) {
        if (oldUsed[slot]) {
          add(oldSlots[slot]);
        }
      }
    }
  }
}
