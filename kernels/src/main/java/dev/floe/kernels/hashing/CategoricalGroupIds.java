package dev.floe.kernels.hashing;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * {@link GroupIds} of several categorical keys without hashing, when the product of their
 * dictionary sizes is small: each row's indices (null as one more slot per key) are combined into
 * one mixed-radix code, and the code indexes an array of group ids, as {@link DirectGroupIds} does
 * for one integer key (DuckDB's perfect hash aggregate over several small keys). The ids are those
 * {@link GroupIds#of} gives: dense, in order of first appearance. The h2o question "sum v1 by
 * id1:id2" (100 x 100 categories) groups this way.
 */
final class CategoricalGroupIds {
  private CategoricalGroupIds() {}

  /** The groups of {@code keys} (two or more), or null when they are not all small categoricals. */
  static GroupIds tryOf(List<Column> keys) {
    if (keys.size() < 2) {
      return null;
    }
    int length = keys.getFirst().length();
    long limit = Math.max(DirectGroupIds.MAX_RANGE, 2L * length);
    long range = 1;
    for (Column key : keys) {
      if (!DictionaryKeys.indexable(key)) {
        return null;
      }
      range *= ((DictionaryColumn) key).dictionary().length() + 1L; // + the null slot
      if (range > limit) {
        return null;
      }
    }
    int[] codes = new int[length];
    for (Column key : keys) {
      addDigits((DictionaryColumn) key, codes);
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

  /** {@code codes[row] = codes[row] * (size + 1) + digit}: the index, or size for a null row. */
  private static void addDigits(DictionaryColumn key, int[] codes) {
    int size = key.dictionary().length();
    int radix = size + 1;
    MemorySegment indices = key.indicesBuffer().segment();
    long offset = key.offset();
    int width = key.type().byteWidth();
    boolean nullable = key.nullCount() > 0;
    for (int row = 0; row < codes.length; row++) {
      int digit;
      if (nullable && key.isNull(row)) {
        digit = size; // the null slot, whatever index the row stores
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
  }
}
