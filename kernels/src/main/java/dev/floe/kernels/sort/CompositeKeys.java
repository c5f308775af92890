package dev.floe.kernels.sort;

import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Normalized composite keys for a sort by several fixed-width keys: each row's keys become one or a
 * few 64-bit words whose unsigned lexicographic order (first word most significant) is the rows'
 * sort order, so a radix sort can sort rows by every key at once.
 *
 * <p>Each key becomes a <em>field</em>: its {@link NormalizedKeys} (complemented when descending)
 * minus the smallest key of the column, so only the bits that vary are kept; a null becomes 0 (nulls
 * first, the values shifted up by one) or one above the largest value (nulls last). Booleans are one
 * bit. Fields are then packed, least significant first, into as few words as hold them: two Int32
 * keys share a word, an Int64 and a Float64 key of random values take a word each. This is the
 * "normalized key" of Graefe ("Implementing sorting in database systems", ACM Computing Surveys
 * 2006) and of DuckDB's sort (M. Raasveldt, "Fastest table sort in the West", DuckDB blog 2021),
 * with the bit-packing of keys whose range is small. A key that uses all 64 bits and has nulls
 * takes two fields: a null flag and the value.
 */
public final class CompositeKeys {
  /** The packed words, most significant first; each array is indexed by row. */
  private final long[][] words;

  private CompositeKeys(long[][] words) {
    this.words = words;
  }

  /** True if every key is a type this class normalizes (fixed-width numbers, temporal, boolean). */
  public static boolean supports(List<Column> keys) {
    for (Column key : keys) {
      boolean fixed = key instanceof FixedWidthColumn && NormalizedKeys.supports(key.type());
      if (!fixed && !(key instanceof BooleanColumn)) {
        return false;
      }
    }
    return true;
  }

  /** The words of {@code keys} (which {@link #supports} must accept), on the caller's thread. */
  public static CompositeKeys of(List<Column> keys, boolean[] descending, boolean nullsLast) {
    return of(keys, descending, nullsLast, null, new int[] {0, keys.getFirst().length()});
  }

  /**
   * The words of {@code keys}, each key's passes split into the row ranges {@code bounds} run as
   * tasks on {@code pool} (which may be null when there is one range).
   */
  static CompositeKeys of(List<Column> keys, boolean[] descending, boolean nullsLast,
      ForkJoinPool pool, int[] bounds) {
    Ranges ranges = new Ranges(pool, bounds);
    List<long[]> fieldValues = new ArrayList<>();
    List<Integer> fieldWidths = new ArrayList<>();
    for (int index = 0; index < keys.size(); index++) {
      addFields(keys.get(index), descending[index], nullsLast, ranges, keys.size() == 1, fieldValues,
          fieldWidths);
    }
    // pack from the least significant field up: a word takes fields while their widths fit 64 bits
    List<long[]> packed = new ArrayList<>();
    long[] word = null;
    int used = 0;
    for (int field = fieldValues.size() - 1; field >= 0; field--) {
      int width = fieldWidths.get(field);
      long[] values = fieldValues.get(field);
      if (word == null || used + width > Long.SIZE) {
        if (word != null) {
          packed.add(word);
        }
        word = values; // the field's array becomes the word (no copy for a lone field)
        used = width;
        continue;
      }
      long[] target = word;
      int offset = used;
      ranges.run((part, from, to) -> {
        for (int row = from; row < to; row++) {
          target[row] |= values[row] << offset;
        }
      });
      used += width;
    }
    if (word != null) {
      packed.add(word);
    }
    java.util.Collections.reverse(packed);
    return new CompositeKeys(packed.toArray(long[][]::new));
  }

  /** The number of words (0 when every key is constant: any order is sorted). */
  public int wordCount() {
    return words.length;
  }

  /** Word {@code index} (0 most significant) of every row. */
  public long[] word(int index) {
    return words[index];
  }

  /** Unsigned lexicographic comparison of two rows' words from {@code firstWord} on. */
  public int compare(int leftRow, int rightRow, int firstWord) {
    for (int index = firstWord; index < words.length; index++) {
      int result = Long.compareUnsigned(words[index][leftRow], words[index][rightRow]);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  private static void addFields(Column key, boolean descending, boolean nullsLast, Ranges ranges,
      boolean alone, List<long[]> fieldValues, List<Integer> fieldWidths) {
    int length = key.length();
    long[] values = new long[length];
    boolean hasNulls = key.nullCount() > 0;
    if (alone && !hasNulls) {
      // one key without nulls is one word as it is: nothing to pack, the radix sort skips bits
      // that do not vary by itself
      ranges.run((part, from, to) -> normalize(key, descending, values, from, to));
      fieldValues.add(values);
      fieldWidths.add(Long.SIZE);
      return;
    }
    int parts = ranges.count();
    long[] mins = new long[parts];
    long[] maxes = new long[parts];
    // pass 1, per range: normalized keys (nulls 0) and the range's smallest and largest valid key
    ranges.run((part, from, to) -> {
      normalize(key, descending, values, from, to);
      long min = -1L;
      long max = 0;
      for (int row = from; row < to; row++) {
        if (!hasNulls || !key.isNull(row)) {
          long value = values[row];
          min = Long.compareUnsigned(value, min) < 0 ? value : min;
          max = Long.compareUnsigned(value, max) > 0 ? value : max;
        }
      }
      mins[part] = min;
      maxes[part] = max;
    });
    long min = -1L;
    long max = 0;
    for (int part = 0; part < parts; part++) {
      min = Long.compareUnsigned(mins[part], min) < 0 ? mins[part] : min;
      max = Long.compareUnsigned(maxes[part], max) > 0 ? maxes[part] : max;
    }
    if (Long.compareUnsigned(min, max) > 0) { // every row null: one null flag would be constant
      return;
    }
    long range = max - min; // unsigned
    if (hasNulls && range == -1L) {
      // 65 bits: a null flag field, then the value field (nulls 0 there)
      long[] flags = new long[length];
      ranges.run((part, from, to) -> {
        for (int row = from; row < to; row++) {
          flags[row] = key.isNull(row) == nullsLast ? 1 : 0;
        }
      });
      fieldValues.add(flags);
      fieldWidths.add(1);
      fieldValues.add(values);
      fieldWidths.add(Long.SIZE);
      return;
    }
    long shift = hasNulls && !nullsLast ? 1 : 0;
    long nullCode = nullsLast ? range + 1 : 0;
    long low = min;
    // pass 2, per range: keys relative to the smallest, nulls at either end
    ranges.run((part, from, to) -> {
      for (int row = from; row < to; row++) {
        values[row] = hasNulls && key.isNull(row) ? nullCode : values[row] - low + shift;
      }
    });
    long top = hasNulls ? range + 1 : range;
    int width = Long.SIZE - Long.numberOfLeadingZeros(top);
    if (width > 0) {
      fieldValues.add(values);
      fieldWidths.add(width);
    }
  }

  /** Normalized keys of rows {@code [from, to)}, direction applied, nulls 0. */
  private static void normalize(Column key, boolean descending, long[] values, int from, int to) {
    if (key instanceof BooleanColumn bool) {
      for (int row = from; row < to; row++) {
        values[row] = bool.isNull(row) ? 0 : (bool.getBoolean(row) ^ descending) ? 1 : 0;
      }
    } else if (key.nullCount() == 0) {
      NormalizedKeys.fill((FixedWidthColumn) key, descending, values, from, to);
    } else {
      FixedWidthColumn fixed = (FixedWidthColumn) key;
      for (int row = from; row < to; row++) {
        values[row] = fixed.isNull(row) ? 0 : NormalizedKeys.key(fixed, row, descending);
      }
    }
  }

  /** Row ranges processed as parallel tasks (one range when there is no pool). */
  record Ranges(ForkJoinPool pool, int[] bounds) {
    interface RangeBody {
      void run(int part, int from, int to);
    }

    int count() {
      return bounds.length - 1;
    }

    void run(RangeBody body) {
      List<Runnable> tasks = new ArrayList<>(count());
      for (int part = 0; part < count(); part++) {
        int index = part;
        tasks.add(() -> body.run(index, bounds[index], bounds[index + 1]));
      }
      Tasks.runAll(pool, tasks);
    }
  }
}
