package dev.floe.kernels.hashing;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link GroupIds} of keys mixing columns that pack into integers ({@link PackedKeys}) with long
 * strings, when the packed columns nearly decide the group (TPC-H Q10 groups by a customer's key,
 * balance, name, phone, address and comment): the packed columns are grouped without hashing
 * ({@link PackedGroupIds}), and each row is then compared on the other columns with the first row
 * of each group already seen under its packed key (a chain, usually of one). No string is hashed;
 * each row compares its strings once, as a hash table compares them on a hash match. It runs only
 * when a packed key looks like an identifier (an integer of a wide range), and when the chains
 * still grow long (the packed columns decide little) it gives up early, and hashing groups the
 * rows. The ids are those of {@link GroupIds#of}: dense, in order of first appearance.
 */
final class RefinedGroupIds {
  /** Chain steps allowed per row on average (plus a start), beyond which hashing is cheaper. */
  private static final int STEPS_PER_ROW = 2;

  private RefinedGroupIds() {}

  /**
   * The groups of {@code keys}, or null when no key packs, none is left over, no packed key is an
   * identifier, or the packed keys leave long chains.
   */
  static GroupIds tryOf(List<Column> keys) {
    List<Column> packed = new ArrayList<>();
    List<Column> rest = new ArrayList<>();
    for (Column key : keys) {
      (PackedKeys.packable(key) ? packed : rest).add(key);
    }
    if (packed.isEmpty() || rest.isEmpty() || !packed.stream().anyMatch(RefinedGroupIds::identifying)) {
      return null;
    }
    GroupIds coarse = PackedGroupIds.of(packed);
    if (coarse == null) {
      return null;
    }
    int length = keys.getFirst().length();
    RowEquality equality = RowEquality.of(rest);
    int[] heads = new int[coarse.groupCount()]; // the newest group under each packed key
    Arrays.fill(heads, -1);
    int[] next = new int[Math.max(16, coarse.groupCount())]; // the group before it under its packed key
    int[] firstRows = new int[next.length];
    int[] ids = coarse.ids();
    int groups = 0;
    long steps = 0;
    for (int row = 0; row < length; row++) {
      int packedId = ids[row];
      int group = heads[packedId];
      while (group >= 0 && !equality.equal(firstRows[group], row)) {
        group = next[group];
        steps++;
      }
      if (steps > (long) STEPS_PER_ROW * row + 64) {
        return null;
      }
      if (group < 0) {
        if (groups == next.length) {
          next = Arrays.copyOf(next, groups * 2);
          firstRows = Arrays.copyOf(firstRows, groups * 2);
        }
        group = groups++;
        firstRows[group] = row;
        next[group] = heads[packedId];
        heads[packedId] = group;
      }
      ids[row] = group;
    }
    return GroupIds.numbered(ids, Arrays.copyOf(firstRows, groups), groups);
  }

  /**
   * Whether {@code key} looks like an identifier: 4- or 8-byte integers spanning at least a
   * quarter as many values as rows (a customer key does, a size from 1 to 50 does not). Only with
   * such a key do the packed keys likely decide the rest; checking costs one pass of one column.
   */
  private static boolean identifying(Column key) {
    if (!(key instanceof FixedWidthColumn fixed) || !key.type().isInteger()) {
      return false;
    }
    int width = key.type().byteWidth();
    if (width != 4 && width != 8) {
      return false;
    }
    MemorySegment values = fixed.valuesBuffer().segment();
    long first = fixed.offset();
    int length = key.length();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int row = 0; row < length; row++) { // null rows too: a heuristic, whatever they hold
      long value = width == 8 ? values.get(ValueLayout.JAVA_LONG_UNALIGNED, (first + row) << 3)
          : values.get(ValueLayout.JAVA_INT_UNALIGNED, (first + row) << 2);
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    long span = max - min;
    return length > 0 && (span < 0 || span >= length / 4);
  }
}
