package dev.floe.kernels;

import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * isIn for integer, float and temporal columns without boxing: every value becomes a 64-bit key
 * (its bits; floats with Polars' equality, -0.0 as 0.0 and every NaN as one NaN, as
 * {@link CompareMissing#key}), looked up in the set's keys by a scan when there are few, else in
 * an open-addressing table.
 */
final class IsInNumbers {
  private static final int LINEAR = 8;

  private IsInNumbers() {}

  /** Whether {@code column}'s type is one this class handles. */
  static boolean supports(Column column) {
    if (!(column instanceof FixedWidthColumn)) {
      return false;
    }
    DataType type = column.type();
    int width = type.byteWidth();
    boolean bits = type.isInteger() || type.isTemporal()
        || type instanceof DataType.Float32 || type instanceof DataType.Float64;
    return bits && (width == 1 || width == 2 || width == 4 || width == 8);
  }

  static BooleanColumn isIn(Column values, Column set, BufferAllocator allocator) {
    int length = values.length();
    long[] members = distinctKeys(set);
    Buffer bits = BooleanOps.allocateBitmap(allocator, length);
    Buffer validity = null;
    try {
      MemorySegment in = ((FixedWidthColumn) values).valuesBuffer().segment();
      int kind = kind(values.type());
      long base = values.offset();
      MemorySegment out = bits.segment();
      LongTable table = members.length > LINEAR ? new LongTable(members) : null;
      int words = BooleanOpsScalar.wordCount(length);
      for (int word = 0; word < words; word++) {
        int first = word << 6;
        int count = Math.min(64, length - first);
        long found = 0;
        for (int bit = 0; bit < count; bit++) {
          long key = key(in, base + first + bit, kind);
          boolean hit = table != null ? table.contains(key) : scan(members, key);
          found |= (hit ? 1L : 0L) << bit;
        }
        BooleanOpsScalar.writeWord(out, word, found, length);
      }
      validity = BooleanOps.copyValidity(values, allocator);
      return BooleanOps.result(bits, validity, length);
    } catch (RuntimeException failure) {
      BooleanOps.release(bits, validity);
      throw failure;
    }
  }

  private static boolean scan(long[] members, long key) {
    for (long member : members) {
      if (member == key) {
        return true;
      }
    }
    return false;
  }

  private static long[] distinctKeys(Column set) {
    MemorySegment in = ((FixedWidthColumn) set).valuesBuffer().segment();
    int kind = kind(set.type());
    long[] keys = new long[set.length()];
    int count = 0;
    for (int row = 0; row < set.length(); row++) {
      if (!set.isNull(row)) {
        keys[count++] = key(in, set.offset() + row, kind);
      }
    }
    return Arrays.stream(keys, 0, count).distinct().toArray();
  }

  /** 1, 2, 4, 8: integer bits of that width; 5: float32; 9: float64. */
  private static int kind(DataType type) {
    return switch (type) {
      case DataType.Float32 t -> 5;
      case DataType.Float64 t -> 9;
      default -> type.byteWidth();
    };
  }

  /** The key of element {@code index} of {@code values} (the column offset applied). */
  private static long key(MemorySegment values, long index, int kind) {
    return switch (kind) {
      case 1 -> values.get(ValueLayout.JAVA_BYTE, index);
      case 2 -> values.get(ValueLayout.JAVA_SHORT_UNALIGNED, index << 1);
      case 4 -> values.get(ValueLayout.JAVA_INT_UNALIGNED, index << 2);
      case 5 -> {
        float value = values.get(ValueLayout.JAVA_FLOAT_UNALIGNED, index << 2);
        yield value == 0.0f ? 0L : Float.floatToIntBits(value);
      }
      case 9 -> {
        double value = values.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, index << 3);
        yield value == 0.0 ? 0L : Double.doubleToLongBits(value);
      }
      default -> values.get(ValueLayout.JAVA_LONG_UNALIGNED, index << 3);
    };
  }

  /** Open addressing over distinct long keys, at most half full; a flag stands for key 0. */
  private static final class LongTable {
    private final long[] slots;
    private final boolean hasZero;
    private final int mask;

    LongTable(long[] keys) {
      int capacity = Integer.highestOneBit(Math.max(4, keys.length) * 2) << 1;
      slots = new long[capacity];
      mask = capacity - 1;
      boolean zero = false;
      for (long key : keys) {
        if (key == 0) {
          zero = true;
          continue;
        }
        int slot = slot(key);
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = key;
      }
      hasZero = zero;
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    boolean contains(long key) {
      if (key == 0) {
        return hasZero;
      }
      int slot = slot(key);
      while (true) {
        long entry = slots[slot];
        if (entry == key) {
          return true;
        }
        if (entry == 0) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
}
