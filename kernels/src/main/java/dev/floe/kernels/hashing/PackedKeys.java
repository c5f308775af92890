package dev.floe.kernels.hashing;

import dev.floe.kernels.scalar.HashScalar;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Dense codes of one key column whose values fit in two longs, read in place: strings and binaries
 * of at most {@link #MAX_BYTES} bytes packed as (first 8 bytes, next 7 bytes and the length) as
 * DuckDB and Umbra inline short strings, fixed-width values of up to 16 bytes by their bits (floats
 * with -0.0 as 0.0 and one NaN, as {@link RowEquality}), booleans as 0 and 1. Equal keys (as {@link
 * GroupIds} groups them) pack equally and distinct keys differently, so a table of packed words
 * ({@link PairIds}) numbers them without hashing bytes or comparing rows.
 */
final class PackedKeys {
  /** The longest string packed: 8 bytes in the low word, 7 and the length in the high one. */
  static final int MAX_BYTES = 15;

  private static final ValueLayout.OfLong LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

  private PackedKeys() {}

  /** Whether {@link #code} takes {@code column}. */
  static boolean packable(Column column) {
    return switch (column) {
      case VarBinaryColumn bytes -> fits(bytes, MAX_BYTES);
      case FixedWidthColumn fixed -> switch (fixed.type().byteWidth()) {
        case 1, 2, 4, 8, 16 -> true;
        default -> false;
      };
      case BooleanColumn bool -> true;
      default -> false;
    };
  }

  /**
   * Writes each row's code into {@code codes} (dense, in order of first appearance, nulls one code
   * of their own) and returns the number of codes.
   */
  static int code(Column column, int[] codes) {
    int length = column.length();
    PairIds table = new PairIds(Math.min(length, 1024));
    int[] nullCode = {-1};
    switch (column) {
      case VarBinaryColumn bytes when fits(bytes, 1) -> {
        return byteCodes(bytes, codes); // flags: a slot per byte value, one for ""
      }
      case VarBinaryColumn bytes -> {
        MemorySegment data = bytes.dataBuffer().segment();
        MemorySegment offsets = bytes.offsetsBuffer().segment();
        long first = bytes.offset();
        boolean large = bytes.isLarge();
        for (int row = 0; row < length; row++) {
          if (!isNull(column, row, table, codes, nullCode)) {
            long slot = first + row;
            long start = large ? offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, slot << 3) : offsets.get(INT, slot << 2);
            long end = large
                ? offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, (slot + 1) << 3)
                : offsets.get(INT, (slot + 1) << 2);
            codes[row] = table.id(low(data, start, end), high(data, start, end));
          }
        }
      }
      case FixedWidthColumn fixed -> {
        MemorySegment values = fixed.valuesBuffer().segment();
        long first = fixed.offset();
        DataType type = fixed.type();
        int width = type.byteWidth();
        for (int row = 0; row < length; row++) {
          if (!isNull(column, row, table, codes, nullCode)) {
            long slot = first + row;
            codes[row] = switch (type) {
              case DataType.Float64 t -> table.id(HashScalar.doubleKey(values.get(DOUBLE, slot << 3)), 0);
              case DataType.Float32 t -> table.id(HashScalar.doubleKey(values.get(FLOAT, slot << 2)), 0);
              default -> switch (width) {
                case 1 -> table.id(values.get(ValueLayout.JAVA_BYTE, slot), 0);
                case 2 -> table.id(values.get(ValueLayout.JAVA_SHORT_UNALIGNED, slot << 1), 0);
                case 4 -> table.id(values.get(INT, slot << 2), 0);
                case 8 -> table.id(values.get(LONG, slot << 3), 0);
                default -> table.id(values.get(LONG, slot << 4), values.get(LONG, (slot << 4) + 8));
              };
            };
          }
        }
      }
      default -> {
        BooleanColumn bool = (BooleanColumn) column;
        for (int row = 0; row < length; row++) {
          if (!isNull(column, row, table, codes, nullCode)) {
            codes[row] = table.id(bool.getBoolean(row) ? 1 : 0, 0);
          }
        }
      }
    }
    return table.count();
  }

  /** {@link #code} of strings of at most one byte: slot 256 for "", 257 for null, else the byte. */
  private static int byteCodes(VarBinaryColumn bytes, int[] codes) {
    MemorySegment data = bytes.dataBuffer().segment();
    MemorySegment offsets = bytes.offsetsBuffer().segment();
    long first = bytes.offset();
    boolean large = bytes.isLarge();
    boolean nulls = bytes.nullCount() > 0;
    int[] slots = new int[258];
    java.util.Arrays.fill(slots, -1);
    int count = 0;
    for (int row = 0; row < bytes.length(); row++) {
      long slot = first + row;
      long start = large ? offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, slot << 3) : offsets.get(INT, slot << 2);
      long end = large
          ? offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, (slot + 1) << 3)
          : offsets.get(INT, (slot + 1) << 2);
      int value = nulls && bytes.isNull(row) ? 257
          : end == start ? 256 : Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, start));
      int code = slots[value];
      if (code < 0) {
        code = count++;
        slots[value] = code;
      }
      codes[row] = code;
    }
    return count;
  }

  /** Whether row {@code row} is null, its code then written (the null code taken at the first null). */
  private static boolean isNull(Column column, int row, PairIds table, int[] codes, int[] nullCode) {
    if (column.nullCount() == 0 || column.isValid(row)) {
      return false;
    }
    if (nullCode[0] < 0) {
      nullCode[0] = table.reserve();
    }
    codes[row] = nullCode[0];
    return true;
  }

  /** The first 8 bytes of {@code [start, end)}, little-endian, zero past the end. */
  static long low(MemorySegment data, long start, long end) {
    int length = (int) (end - start);
    if (length >= 8) {
      return data.get(LONG, start);
    }
    if (start + 8 <= data.byteSize()) {
      return length == 0 ? 0 : data.get(LONG, start) & (-1L >>> (64 - 8 * length));
    }
    return bytesAt(data, start, end);
  }

  /** Bytes 8 to 14 of {@code [start, end)} (zero past the end) with the length in the top byte. */
  static long high(MemorySegment data, long start, long end) {
    int length = (int) (end - start);
    long rest = length <= 8 ? 0
        : start + 16 <= data.byteSize() ? data.get(LONG, start + 8) & (-1L >>> (128 - 8 * length))
        : bytesAt(data, start + 8, end);
    return rest | (long) length << 56;
  }

  private static long bytesAt(MemorySegment data, long start, long end) {
    long value = 0;
    for (long at = start; at < end; at++) {
      value |= (data.get(ValueLayout.JAVA_BYTE, at) & 0xFFL) << (8 * (at - start));
    }
    return value;
  }

  /** Whether every value spans at most {@code limit} bytes (null rows included, whatever they span). */
  private static boolean fits(VarBinaryColumn bytes, int limit) {
    MemorySegment offsets = bytes.offsetsBuffer().segment();
    long first = bytes.offset();
    int length = bytes.length();
    if (bytes.isLarge()) {
      for (int row = 0; row < length; row++) {
        long slot = first + row;
        if (offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, (slot + 1) << 3)
            - offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, slot << 3) > limit) {
          return false;
        }
      }
      return true;
    }
    int previous = length == 0 ? 0 : offsets.get(INT, first << 2);
    for (int row = 0; row < length; row++) {
      int next = offsets.get(INT, (first + row + 1) << 2);
      if (next - previous > limit) {
        return false;
      }
      previous = next;
    }
    return true;
  }
}
