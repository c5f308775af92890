package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import java.util.Arrays;
import java.util.List;

/**
 * The hash table of a hash join. Both sides' keys (cast to one type per key) are concatenated into
 * one set of key columns, so that every row is hashed once ({@link GroupIds#hashes}, strings
 * included) and compared with the same {@link RowEquality} (null = null, NaN = NaN, -0.0 = 0.0, as
 * Polars' joins; rows with a null key are left out unless nulls match). The build rows (a range of
 * the concatenation) are grouped by key in an open-addressing table (linear probing, as {@link
 * GroupIds}), and each group's rows are listed in ascending order (CSR arrays), so a probe row's
 * matches come out in build-side order. Once built the table is only read: {@link #group} may run
 * on many threads at once. The classic build/probe hash join: Graefe, "Query Evaluation Techniques
 * for Large Databases", ACM Computing Surveys 25(2), 1993, section 5.2.
 */
public final class JoinTable {
  private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

  private final long[] hashes;
  private final Column[] nullableKeys;
  private final RowEquality equality;
  private final boolean nullsMatch;
  private final int[] slots; // group + 1; 0 is empty
  private final long[] slotHashes;
  /** The key of each slot's group when the table has one integer key without nulls; else null. */
  private final long[] slotKeys;
  private final IntegerKeys integerKeys;
  private final int shift;
  private final int mask;
  private int[] groupFirst = new int[16];
  private int groupCount;
  private int[] groupStart;
  private int[] groupRows;

  private JoinTable(long[] hashes, List<Column> keys, boolean nullsMatch, int rows, boolean keysInSlots) {
    int capacity = Integer.highestOneBit(Math.max(4, rows)) << 2; // load factor <= 1/2
    this.hashes = hashes;
    this.nullableKeys = keys.stream().filter(key -> key.nullCount() > 0).toArray(Column[]::new);
    this.equality = RowEquality.of(keys);
    this.nullsMatch = nullsMatch;
    this.slots = new int[capacity];
    this.slotHashes = new long[capacity];
    this.integerKeys = keysInSlots ? IntegerKeys.of(keys) : null;
    this.slotKeys = integerKeys != null ? new long[capacity] : null;
    this.mask = capacity - 1;
    this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  /**
   * A table over rows {@code [from, to)} of {@code keys} (both sides' keys concatenated, one type
   * per key); any row of {@code keys} can then be probed. The allocator holds temporary hashes only.
   */
  public static JoinTable build(List<Column> keys, int from, int to, boolean nullsMatch, BufferAllocator allocator) {
    return build(keys, hashes(keys, allocator), from, to, nullsMatch);
  }

  /**
   * The row hashes of {@code keys} (the key columns' {@link dev.floe.kernels.Hash#hash64} combined),
   * as {@link #build} uses them; hashing slices of the columns gives the same values as hashing the
   * whole, so callers may hash parts in parallel.
   */
  public static long[] hashes(List<Column> keys, BufferAllocator allocator) {
    return GroupIds.hashes(keys, allocator);
  }

  /** {@link #build} with the rows' {@link #hashes} computed already (one per row of {@code keys}). */
  public static JoinTable build(List<Column> keys, long[] hashes, int from, int to, boolean nullsMatch) {
    return build(keys, hashes, from, to, nullsMatch, false);
  }

  /**
   * A table over all rows of the build side's own {@code keys}, to be probed by other columns
   * ({@link #group(long, CrossEquality, int)}); one integer key without nulls is also kept in the
   * slots, for {@link #groupOfKey}.
   */
  public static JoinTable buildForProbing(List<Column> keys, long[] hashes, boolean nullsMatch) {
    return build(keys, hashes, 0, keys.getFirst().length(), nullsMatch, true);
  }

  private static JoinTable build(List<Column> keys, long[] hashes, int from, int to, boolean nullsMatch,
      boolean keysInSlots) {
    int rows = to - from;
    if (rows > GroupIds.MAX_ROWS) {
      throw new InvalidOperationException(
          "cannot build a join table of " + rows + " rows (at most " + GroupIds.MAX_ROWS + ")");
    }
    if (hashes.length != keys.getFirst().length()) {
      throw new InvalidOperationException("join table: " + hashes.length + " hashes for "
          + keys.getFirst().length() + " rows");
    }
    JoinTable table = new JoinTable(hashes, keys, nullsMatch, rows, keysInSlots);
    int[] rowGroup = new int[rows];
    int[] counts = new int[16];
    for (int row = from; row < to; row++) {
      int group = table.group(row);
      if (group < 0 && (nullsMatch || !table.hasNull(row))) {
        group = table.insert(row);
        if (group == counts.length) {
          counts = Arrays.copyOf(counts, group * 2);
        }
      }
      rowGroup[row - from] = group;
      if (group >= 0) {
        counts[group]++;
      }
    }
    int groups = table.groupCount;
    int[] start = new int[groups + 1];
    for (int group = 0; group < groups; group++) {
      start[group + 1] = start[group] + counts[group];
    }
    int[] fill = Arrays.copyOf(start, groups);
    int[] listed = new int[start[groups]];
    for (int row = from; row < to; row++) {
      int group = rowGroup[row - from];
      if (group >= 0) {
        listed[fill[group]++] = row;
      }
    }
    table.groupStart = start;
    table.groupRows = listed;
    return table;
  }

  /** The group whose key equals row {@code row}'s, or -1 (always for a null key when nulls do not match). */
  public int group(int row) {
    if (!nullsMatch && hasNull(row)) {
      return -1;
    }
    long hash = hashes[row];
    int slot = (int) ((hash * FIBONACCI) >>> shift);
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (slotHashes[slot] == hash && equality.equal(groupFirst[entry - 1], row)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * The group whose key equals probe row {@code probeRow} of other key columns, given that row's
   * {@link #hashes hash} and an equality between the table's rows and those columns; or -1. The
   * caller leaves out probe rows with a null key when nulls do not match.
   */
  public int group(long hash, CrossEquality equality, int probeRow) {
    int slot = (int) ((hash * FIBONACCI) >>> shift);
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (slotHashes[slot] == hash && equality.equal(groupFirst[entry - 1], probeRow)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Whether {@link #groupOfKey} can look up probe rows of {@code probeKeys}: the table and the probe
   * each have one integer (or temporal) key of the same type, 4 or 8 bytes wide, without nulls.
   */
  public boolean keysInSlots(List<Column> probeKeys) {
    return slotKeys != null && probeKeys.size() == 1 && IntegerKeys.of(probeKeys) != null
        && probeKeys.getFirst().type().equals(integerKeys.type());
  }

  /**
   * The group of integer key {@code key} (hashed to {@code hash}), or -1: compares the key kept in
   * the slot, so a lookup touches the table only, never the build side's key column.
   */
  public int groupOfKey(long hash, long key) {
    int slot = (int) ((hash * FIBONACCI) >>> shift);
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if (slotKeys[slot] == key) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Whether rows of this table's keys with a null key join (nulls equal). */
  public boolean nullsMatch() {
    return nullsMatch;
  }

  /** The number of distinct build keys. */
  public int groupCount() {
    return groupCount;
  }

  /** The first build row of {@code group}. */
  public int firstRow(int group) {
    return groupFirst[group];
  }

  /** Where {@code group}'s rows start in {@link #row}. */
  public int start(int group) {
    return groupStart[group];
  }

  /** Where {@code group}'s rows end (exclusive). */
  public int end(int group) {
    return groupStart[group + 1];
  }

  /** The {@code position}th listed build row (groups one after another, rows ascending). */
  public int row(int position) {
    return groupRows[position];
  }

  /** Whether any key of {@code row} is null. */
  public boolean hasNull(int row) {
    for (Column key : nullableKeys) {
      if (key.isNull(row)) {
        return true;
      }
    }
    return false;
  }

  /** Adds a new group whose first row is {@code row}; returns its id. */
  private int insert(int row) {
    long hash = hashes[row];
    int slot = (int) ((hash * FIBONACCI) >>> shift);
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    if (groupCount == groupFirst.length) {
      groupFirst = Arrays.copyOf(groupFirst, groupCount * 2);
    }
    groupFirst[groupCount] = row;
    slots[slot] = ++groupCount;
    slotHashes[slot] = hash;
    if (slotKeys != null) {
      slotKeys[slot] = integerKeys.at(row);
    }
    return groupCount - 1;
  }

  /** One integer or temporal key column of 4 or 8 bytes without nulls, read in place. */
  public record IntegerKeys(java.lang.foreign.MemorySegment values, long offset, int width,
      dev.floe.memory.types.DataType type) {
    /** The keys of {@code keys}, or null when they are not one such column. */
    public static IntegerKeys of(List<Column> keys) {
      if (keys.size() != 1 || !(keys.getFirst() instanceof dev.floe.memory.column.FixedWidthColumn column)
          || column.nullCount() > 0) {
        return null;
      }
      dev.floe.memory.types.DataType type = column.type();
      int width = type.byteWidth();
      if (!(type.isInteger() || type.isTemporal()) || (width != 4 && width != 8)) {
        return null;
      }
      return new IntegerKeys(column.valuesBuffer().segment(), column.offset(), width, type);
    }

    /** Row {@code row}'s key (4-byte keys sign-extended). */
    public long at(int row) {
      long position = (offset + row) * width;
      return width == 8
          ? values.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, position)
          : values.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, position);
    }
  }
}
