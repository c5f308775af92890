package dev.floe.kernels.hashing;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.UniqueDictionaries;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Categorical (dictionary) keys grouped and joined by their integer indices instead of their
 * values. That is exact when the dictionary holds each value once and no null (what casts to
 * categorical and {@link dev.floe.memory.column.DictionaryUnion} build): then two rows hold equal
 * keys exactly when they hold equal indices. Other dictionaries (duplicates or nulls, say from a
 * file) keep the value-by-value path of {@link DeepValues}.
 *
 * <p>Dictionaries Floe builds are known to qualify ({@link UniqueDictionaries}); any other is
 * checked once by grouping its values and the verdict remembered against its buffers (slices,
 * shares and gathers of a column keep the same buffers), so the morsels of one column pay once.
 */
public final class DictionaryKeys {
  private DictionaryKeys() {}

  /** Whether {@code column} is a dictionary column whose rows may be compared by index. */
  public static boolean indexable(Column column) {
    if (!(column instanceof DictionaryColumn dictionaryColumn)) {
      return false;
    }
    Column dictionary = dictionaryColumn.dictionary();
    if (dictionary.nullCount() > 0) {
      return false;
    }
    Boolean known = UniqueDictionaries.known(dictionary);
    if (known != null) {
      return known;
    }
    boolean unique = GroupIds.of(List.of(dictionary), BufferAllocator.current()).groupCount()
        == dictionary.length();
    UniqueDictionaries.record(dictionary, unique);
    return unique;
  }

  /**
   * Whether {@code rows} rows of {@code keys} (all categorical) group by direct indexing of their
   * dictionary indices ({@link DirectGroupIds} for one key, {@link RadixGroupIds} for
   * several): indexable dictionaries whose sizes multiply to a small enough range.
   */
  public static boolean directlyGrouped(List<Column> keys, int rows) {
    long limit = Math.max(DirectGroupIds.MAX_RANGE, 2L * rows);
    long range = 1;
    for (Column key : keys) {
      if (!indexable(key)) {
        return false;
      }
      range *= ((DictionaryColumn) key).dictionary().length() + (keys.size() == 1 ? 0L : 1L);
      if (range >= limit) {
        return false;
      }
    }
    return true;
  }

  /** The row hashes of an indexable dictionary column (the hashes of its indices), into {@code into} when it has room. */
  static long[] indexHashes(Column column, BufferAllocator allocator, long[] into) {
    try (Column indices = ((DictionaryColumn) column).indexColumn()) {
      return GroupIds.hashes(List.of(indices), allocator, into);
    }
  }

  /** Equality of two rows' indices (validity is handled by the caller, {@link RowEquality}). */
  static RowEquality indexEquality(DictionaryColumn column) {
    MemorySegment indices = column.indicesBuffer().segment();
    long offset = column.offset();
    return switch (column.type().byteWidth()) {
      case 1 -> (a, b) -> indices.get(ValueLayout.JAVA_BYTE, offset + a)
          == indices.get(ValueLayout.JAVA_BYTE, offset + b);
      case 2 -> (a, b) -> indices.get(ValueLayout.JAVA_SHORT_UNALIGNED, (offset + a) << 1)
          == indices.get(ValueLayout.JAVA_SHORT_UNALIGNED, (offset + b) << 1);
      case 4 -> (a, b) -> indices.get(RowEquality.INT, (offset + a) << 2)
          == indices.get(RowEquality.INT, (offset + b) << 2);
      default -> (a, b) -> indices.get(RowEquality.LONG, (offset + a) << 3)
          == indices.get(RowEquality.LONG, (offset + b) << 3);
    };
  }

}
