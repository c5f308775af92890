package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.kernels.Hash;
import dev.floe.kernels.scalar.HashScalar;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Dense group ids of the rows of one or more key columns: rows with equal keys share an id, and
 * ids count from 0 in order of first appearance (row 0 is in group 0). The building block of
 * unique, value counts and group-by.
 *
 * <p>Keys are equal as Polars groups them: null equals null, every NaN equals every NaN, -0.0
 * equals 0.0, strings byte-wise whatever their layout (Utf8, LargeUtf8, Utf8View), sliced columns
 * by their visible rows, categorical keys by dictionary index ({@link DictionaryKeys}), nested and
 * other dictionary values by their Java values at every level. Rows are
 * hashed with {@link Hash#hash64} (combined per key column) and placed in
 * an open-addressing table (linear probing) of primitive arrays, with exact key comparison on
 * every hash match; nothing is boxed.
 *
 * <pre>{@code
 * GroupIds groups = GroupIds.of(List.of(keyColumn), allocator);
 * int[] firstRows = groups.firstRows();   // one row per distinct key, ascending
 * int[] ids = groups.ids();               // the group of each row
 * }</pre>
 */
public final class GroupIds {
  /** The most rows one table holds (its slot array stays within 2^31 entries). */
  static final int MAX_ROWS = 1 << 28;

  /** 2^64 / golden ratio: multiplicative (Fibonacci) hashing spreads any hash over the slots. */
  private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

  private final int[] ids;
  private final int[] firstRows;
  private final int groupCount;

  private GroupIds(int[] ids, int[] firstRows, int groupCount) {
    this.ids = ids;
    this.firstRows = firstRows;
    this.groupCount = groupCount;
  }

  /**
   * Groups the rows of {@code keys} (at least one column, all of one length). The allocator holds
   * the temporary hash column only.
   */
  public static GroupIds of(List<Column> keys, BufferAllocator allocator) {
    if (keys.isEmpty()) {
      throw new InvalidOperationException("grouping needs at least one key column");
    }
    int length = keys.getFirst().length();
    for (Column key : keys) {
      if (key.length() != length) {
        throw new ShapeMismatchException(
            "key columns must have one length, got " + key.length() + " and " + length);
      }
    }
    GroupIds direct = RadixGroupIds.tryOf(keys); // several small categorical or integer keys
    if (direct != null) {
      return direct;
    }
    GroupIds packed = tryPacked(keys); // short strings; packed keys that nearly decide long strings
    if (packed != null) {
      return packed;
    }
    long[] hashes = hashes(keys, allocator);
    return build(hashes, RowEquality.of(keys), length);
  }

  /**
   * {@link #of} with the rows' hashes given (as {@link #hashes} computes them, e.g. once for
   * partitioning and again for grouping each partition): no hashing, no direct indexing.
   */
  public static GroupIds ofHashed(List<Column> keys, long[] hashes) {
    int length = keys.getFirst().length();
    for (Column key : keys) {
      if (key.length() != length) {
        throw new ShapeMismatchException(
            "key columns must have one length, got " + key.length() + " and " + length);
      }
    }
    if (hashes.length != length) {
      throw new ShapeMismatchException(hashes.length + " hashes for " + length + " rows");
    }
    return build(hashes, RowEquality.of(keys), length);
  }

  /**
   * The groups of {@code keys} by direct indexing when they are of small domains ({@link
   * DirectGroupIds} for one integer or categorical key, {@link RadixGroupIds} for several), else
   * null. The ids equal those of {@link #of}.
   */
  public static GroupIds tryDirect(List<Column> keys) {
    return keys.size() == 1 ? DirectGroupIds.tryOf(keys.getFirst()) : RadixGroupIds.tryOf(keys);
  }

  /**
   * The groups of {@code keys} when they pack into integers ({@link PackedGroupIds}: short strings
   * with other fixed-width keys) or their packed keys nearly decide the rest ({@link
   * RefinedGroupIds}), else null: the paths of {@link #of} that hash no bytes.
   */
  public static GroupIds tryPacked(List<Column> keys) {
    GroupIds packed = PackedGroupIds.tryOf(keys);
    return packed != null ? packed : RefinedGroupIds.tryOf(keys);
  }

  static long[] hashes(List<Column> keys, BufferAllocator allocator) {
    return hashes(keys, allocator, null);
  }

  /** {@link #hashes} written into {@code into} when it has room for every row, else into a new array. */
  static long[] hashes(List<Column> keys, BufferAllocator allocator, long[] into) {
    int length = keys.getFirst().length();
    long[] hashes = columnHashes(keys.getFirst(), allocator, into != null && into.length >= length ? into : null);
    for (int index = 1; index < keys.size(); index++) {
      long[] next = columnHashes(keys.get(index), allocator, null);
      for (int row = 0; row < length; row++) {
        hashes[row] = HashScalar.combine(hashes[row], next[row]);
      }
    }
    return hashes;
  }

  /**
   * {@link Hash#hash64}; categorical keys with a clean dictionary by their indices ({@link
   * DictionaryKeys}); other nested and dictionary keys a hash of their {@link DeepValues}.
   */
  private static long[] columnHashes(Column column, BufferAllocator allocator, long[] into) {
    if (DictionaryKeys.indexable(column)) {
      return DictionaryKeys.indexHashes(column, allocator, into);
    }
    int length = column.length();
    long[] values = into != null ? into : new long[length];
    if (column.type().isNested() || column.type() instanceof DataType.Dictionary) {
      for (int row = 0; row < length; row++) {
        values[row] = column.isNull(row)
            ? HashScalar.NULL_HASH
            : HashScalar.mix(Objects.hashCode(DeepValues.normalize(column.getObject(row))));
      }
      return values;
    }
    try (FixedWidthColumn hashes = Hash.hash64(column, allocator)) {
      java.lang.foreign.MemorySegment.copy(hashes.valuesBuffer().segment(),
          java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, (long) hashes.offset() << 3, values, 0, length);
    }
    return values;
  }

  private static GroupIds build(long[] hashes, RowEquality equality, int length) {
    if (length > MAX_ROWS) {
      throw new InvalidOperationException(
          "cannot group " + length + " rows at once (at most " + MAX_ROWS + ")");
    }
    int capacity = Integer.highestOneBit(Math.max(4, length)) << 2; // load factor <= 1/2
    int mask = capacity - 1;
    int shift = 64 - Integer.numberOfTrailingZeros(capacity);
    // one array, one cache line per probe: a slot holds the hash's high 32 bits (a tag that stops
    // most mismatching probes) over the group id + 1 (0 is empty)
    long[] slots = new long[capacity];
    int[] ids = new int[length];
    int[] firstRows = new int[Math.max(1, Math.min(length, 16))];
    int groupCount = 0;
    for (int row = 0; row < length; row++) {
      long hash = hashes[row];
      long tag = hash & 0xFFFF_FFFF_0000_0000L;
      int slot = (int) ((hash * FIBONACCI) >>> shift); // high bits: well mixed for any hash
      while (true) {
        long entry = slots[slot];
        int id = (int) entry - 1;
        if (id < 0) {
          if (groupCount == firstRows.length) {
            firstRows = Arrays.copyOf(firstRows, Math.min(length, firstRows.length * 2));
          }
          firstRows[groupCount] = row;
          slots[slot] = tag | (groupCount + 1L);
          ids[row] = groupCount++;
          break;
        }
        if ((entry & 0xFFFF_FFFF_0000_0000L) == tag && equality.equal(firstRows[id], row)) {
          ids[row] = id;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return new GroupIds(ids, Arrays.copyOf(firstRows, groupCount), groupCount);
  }

  /** Groups already numbered (by {@link DirectGroupIds}): ids in order of first appearance. */
  static GroupIds numbered(int[] ids, int[] firstRows, int groupCount) {
    return new GroupIds(ids, firstRows, groupCount);
  }

  /** The number of distinct keys. */
  public int groupCount() {
    return groupCount;
  }

  /** The group id of every row (a copy), in {@code [0, groupCount())}. */
  public int[] ids() {
    return ids.clone();
  }

  /** The group id of row {@code row}. */
  public int id(int row) {
    return ids[row];
  }

  /** The first row of each group, indexed by group id (so ascending). */
  public int[] firstRows() {
    return firstRows.clone();
  }

  /** The last row of each group, indexed by group id. */
  public int[] lastRows() {
    int[] last = new int[groupCount];
    for (int row = 0; row < ids.length; row++) {
      last[ids[row]] = row;
    }
    return last;
  }

  /** The number of rows of each group, indexed by group id. */
  public int[] counts() {
    int[] counts = new int[groupCount];
    for (int id : ids) {
      counts[id]++;
    }
    return counts;
  }
}
