package dev.floe.kernels.hashing;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * {@link GroupIds} of several small-domain keys without hashing: categorical keys (by dictionary
 * index) and integer or date keys of a small range (by offset from their minimum). Each row's
 * digits (null as one more digit per key) are combined into one mixed-radix code, and the code
 * indexes an array of group ids, as {@link DirectGroupIds} does for one integer key (DuckDB's
 * perfect hash aggregate over several small keys). The ids are those {@link GroupIds#of} gives:
 * dense, in order of first appearance. The h2o questions "sum v1 by id1:id2" (100 x 100
 * categories) and "regression by id2 id4" (100 categories x 100 integers) group this way.
 */
final class RadixGroupIds {
  private RadixGroupIds() {}

  /** One key's digits: {@code value - min} for values, {@code radix - 1} for nulls. */
  private record Digits(Column key, long min, long radix) {}

  /** The groups of {@code keys} (two or more), or null when they are not all of small domains. */
  static GroupIds tryOf(List<Column> keys) {
    if (keys.size() < 2) {
      return null;
    }
    int length = keys.getFirst().length();
    long limit = Math.min(1 << 30, Math.max(DirectGroupIds.MAX_RANGE, 2L * length));
    long range = 1;
    // dictionaries first: their sizes are known without reading a row
    for (Column key : keys) {
      if (DictionaryKeys.indexable(key)) {
        range *= ((DictionaryColumn) key).dictionary().length() + 1L; // + the null slot
      } else if (!(key instanceof FixedWidthColumn && integral(key.type()))) {
        return null;
      }
      if (range > limit) {
        return null;
      }
    }
    Digits[] digits = new Digits[keys.size()];
    for (int index = 0; index < digits.length; index++) {
      Column key = keys.get(index);
      if (key instanceof DictionaryColumn dictionary) {
        digits[index] = new Digits(key, 0, dictionary.dictionary().length() + 1L);
        continue;
      }
      digits[index] = integerDigits((FixedWidthColumn) key, limit / range);
      if (digits[index] == null) {
        return null;
      }
      range *= digits[index].radix();
    }
    int[] codes = new int[length];
    for (Digits digit : digits) {
      addDigits(digit, codes);
    }
    int[] slots = new int[(int) range];
    Arrays.fill(slots, -1);
    int[] ids = new int[length];
    int[] firstRows = new int[Math.max(1, (int) Math.min(length, range))];
    int groups = 0;
    for (int row = 0; row < length; row++) {
      int code = codes[row];
      int id = slots[code];
      if (id < 0) {
        id = groups++;
        slots[code] = id;
        firstRows[id] = row;
      }
      ids[row] = id;
    }
    return GroupIds.numbered(ids, Arrays.copyOf(firstRows, groups), groups);
  }

  /** Integer widths up to 4 bytes, i64 and dates: their values fit a long exactly. */
  private static boolean integral(DataType type) {
    return (type.isInteger() && !(type instanceof DataType.UInt64)) || type instanceof DataType.Date32;
  }

  /** The digits of an integer key whose range (plus the null slot) is at most {@code maxRadix}, else null. */
  private static Digits integerDigits(FixedWidthColumn key, long maxRadix) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean nullable = key.nullCount() > 0;
    for (int row = 0; row < key.length(); row++) {
      if (!nullable || key.isValid(row)) {
        long value = DirectGroupIds.value(key, row);
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
    if (min > max) {
      return new Digits(key, 0, 1); // every row null: one digit
    }
    long span = max - min; // negative when it overflows
    return span < 0 || span + 2 > maxRadix ? null : new Digits(key, min, span + 2);
  }

  /** {@code codes[row] = codes[row] * radix + digit}. */
  private static void addDigits(Digits digits, int[] codes) {
    Column key = digits.key();
    int radix = (int) digits.radix();
    int nullDigit = radix - 1;
    boolean nullable = key.nullCount() > 0;
    if (key instanceof DictionaryColumn dictionary) {
      MemorySegment indices = dictionary.indicesBuffer().segment();
      long offset = dictionary.offset();
      int width = key.type().byteWidth();
      for (int row = 0; row < codes.length; row++) {
        int digit;
        if (nullable && key.isNull(row)) {
          digit = nullDigit; // the null slot, whatever index the row stores
        } else {
          digit = switch (width) {
            case 1 -> Byte.toUnsignedInt(indices.get(ValueLayout.JAVA_BYTE, offset + row));
            case 2 -> Short.toUnsignedInt(indices.get(ValueLayout.JAVA_SHORT_UNALIGNED, (offset + row) << 1));
            case 4 -> indices.get(ValueLayout.JAVA_INT_UNALIGNED, (offset + row) << 2);
            default -> (int) indices.get(ValueLayout.JAVA_LONG_UNALIGNED, (offset + row) << 3);
          };
        }
        codes[row] = codes[row] * radix + digit;
      }
      return;
    }
    FixedWidthColumn fixed = (FixedWidthColumn) key;
    long min = digits.min();
    for (int row = 0; row < codes.length; row++) {
      int digit = nullable && fixed.isNull(row) ? nullDigit : (int) (DirectGroupIds.value(fixed, row) - min);
      codes[row] = codes[row] * radix + digit;
    }
  }
}
