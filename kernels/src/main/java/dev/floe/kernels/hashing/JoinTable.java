package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.IntArray;
import dev.floe.memory.LongArray;
import dev.floe.memory.OffHeapArray;
import dev.floe.memory.column.Column;
import java.util.List;

/**
 * The hash table of a hash join. Both sides' keys (cast to one type per key) are concatenated into
 * one set of key columns, so that every row is hashed once ({@link GroupIds#hashes}, strings
 * included) and compared with the same {@link RowEquality} (null = null, NaN = NaN, -0.0 = 0.0, as
 * Polars' joins; rows with a null key are left out unless nulls match). The build rows (a range of
 * the concatenation, or a list of its rows) are grouped by key in an open-addressing table (linear
 * probing, as {@link GroupIds}), and each group's rows are listed in ascending order (CSR arrays),
 * so a probe row's matches come out in build-side order. Once built the table is only read: {@link
 * #group} may run on many threads at once. The classic build/probe hash join: Graefe, "Query
 * Evaluation Techniques for Large Databases", ACM Computing Surveys 25(2), 1993, section 5.2.
 *
 * <p>When no build key repeats ({@link #uniqueKeys}), a slot names its build row itself and a
 * group's id is that row: {@link #start}, {@link #end} and {@link #row} then need no lists, and a
 * lookup ends at the slot (the layout of DuckDB's and Polars' tables for unique build keys).
 *
 * <p>The slots and lists live off the Java heap, in buffers of the allocator the table was built
 * with: they count against the query's memory, and {@link #close} returns them as soon as the
 * probe is done (a join then gathers its output without its table alive). Close a table only once
 * nothing probes it any more.
 */
public final class JoinTable implements AutoCloseable {
  private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

  private final long[] hashes; // every key row's hash, for group(int); null in a partition's table
  private final Column[] nullableKeys;
  private final RowEquality equality;
  private final boolean nullsMatch;
  private final IntArray slots; // group + 1 (build row + 1 when unique); 0 is empty; null when keyed
  private final LongArray slotHashes;
  /**
   * For one integer key without nulls, instead of slots and hashes: per slot its key, then its
   * entry (as in slots), so that a lookup reads one cache line; else null.
   */
  private final LongArray keyed;
  private final IntegerKeys integerKeys;
  private final int capacity;
  private final int shift;
  private final int mask;
  private IntArray groupFirst; // at most one group per row, so never grown
  private int groupCount;
  private boolean unique;
  private IntArray groupStart;
  private IntArray groupRows;

  /**
   * The slots of a table of {@code rows} build rows: a power of two above 1.5 x rows, a load between
   * 1/3 and 2/3 (2-4 slots a row took twice the memory, 526 MB of slots for h2o's 10M-row build, for
   * a shorter probe sequence that did not show). A table of at most {@link #SPARSE_ROWS} rows (a
   * few megabytes of slots at most) gets a power of two above 3 x rows, a load between 1/6 and 1/3:
   * a selective join probes it with millions of keys it does not hold (TPC-H Q17: 6M lineitem rows
   * against 204 parts), and a miss whose first slot is empty costs one read.
   */
  static int capacityFor(int rows) {
    int wanted = rows <= SPARSE_ROWS ? 3 * rows : rows + (rows >> 1);
    return Integer.highestOneBit(Math.max(4, wanted)) << 1;
  }

  /** Tables of at most this many rows are kept sparse ({@link #capacityFor}). */
  static final int SPARSE_ROWS = 1 << 16;

  /** The longs of the slots of a table of {@code rows} build rows that keeps its integer keys. */
  static long keyedLength(int rows) {
    return 2L * capacityFor(rows);
  }

  /**
   * A table to be filled by {@link JoinTableBuild}. {@code keyedSlab}, when not null, is the memory
   * of its slots if it keeps integer keys ({@link #keyedLength} longs, a view into a caller's larger
   * array, cleared here and not owned); otherwise the table allocates its own.
   */
  JoinTable(long[] hashes, List<Column> keys, boolean nullsMatch, int rows, boolean keysInSlots,
      BufferAllocator allocator, LongArray keyedSlab) {
    this.capacity = capacityFor(rows);
    this.hashes = hashes;
    this.nullableKeys = keys.stream().filter(key -> key.nullCount() > 0).toArray(Column[]::new);
    this.equality = RowEquality.of(keys);
    this.nullsMatch = nullsMatch;
    this.integerKeys = keysInSlots ? IntegerKeys.of(keys) : null;
    this.mask = capacity - 1;
    this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
    LongArray keyedSlots = null;
    IntArray plainSlots = null;
    LongArray plainHashes = null;
    try {
      groupFirst = IntArray.allocate(allocator, Math.max(16, rows));
      if (integerKeys != null && keyedSlab != null) {
        if (keyedSlab.length() != 2L * capacity) {
          throw new IllegalArgumentException("a slab of " + keyedSlab.length() + " longs for " + 2L * capacity);
        }
        keyedSlab.clear();
        keyedSlots = keyedSlab;
      } else if (integerKeys != null) {
        keyedSlots = LongArray.zeroed(allocator, 2L * capacity);
      } else {
        plainSlots = IntArray.zeroed(allocator, capacity);
        plainHashes = LongArray.allocate(allocator, capacity);
      }
    } catch (RuntimeException failure) {
      closeAll(groupFirst, keyedSlots, plainSlots, plainHashes);
      throw failure;
    }
    this.keyed = keyedSlots;
    this.slots = plainSlots;
    this.slotHashes = plainHashes;
  }

  /**
   * A table over rows {@code [from, to)} of {@code keys} (both sides' keys concatenated, one type
   * per key); any row of {@code keys} can then be probed. The table's memory comes from {@code
   * allocator}; the caller closes the table.
   */
  public static JoinTable build(List<Column> keys, int from, int to, boolean nullsMatch, BufferAllocator allocator) {
    return build(keys, hashes(keys, allocator), from, to, nullsMatch, allocator);
  }

  /**
   * The row hashes of {@code keys} (the key columns' {@link dev.floe.kernels.Hash#hash64} combined),
   * as {@link #build} uses them; hashing slices of the columns gives the same values as hashing the
   * whole, so callers may hash parts in parallel.
   */
  public static long[] hashes(List<Column> keys, BufferAllocator allocator) {
    return GroupIds.hashes(keys, allocator);
  }

  /**
   * {@link #hashes(List, BufferAllocator)} written into {@code into} when it has a slot for every
   * row (a caller's reused scratch; entries past the rows are left as they were), else a new array.
   */
  public static long[] hashes(List<Column> keys, BufferAllocator allocator, long[] into) {
    return GroupIds.hashes(keys, allocator, into);
  }

  /** {@link #build} with the rows' {@link #hashes} computed already (one per row of {@code keys}). */
  public static JoinTable build(List<Column> keys, long[] hashes, int from, int to, boolean nullsMatch,
      BufferAllocator allocator) {
    checkHashes(keys, hashes);
    return JoinTableBuild.build(keys, hashes, null, from, to, nullsMatch, false, allocator, null);
  }

  /**
   * A table over all rows of the build side's own {@code keys}, to be probed by other columns
   * ({@link #group(long, CrossEquality, int)}); one integer key without nulls is also kept in the
   * slots, for {@link #groupOfKey}.
   */
  public static JoinTable buildForProbing(List<Column> keys, long[] hashes, boolean nullsMatch,
      BufferAllocator allocator) {
    checkHashes(keys, hashes);
    return JoinTableBuild.build(keys, hashes, null, 0, keys.getFirst().length(), nullsMatch, true, allocator,
        null);
  }

  /**
   * {@link #buildForProbing} over the listed build rows only (ascending), as one partition of a
   * {@link PartitionedJoinTable}; the table still names rows of all of {@code keys}, but only
   * probes by {@link #group(long, CrossEquality, int)} and {@link #groupOfKey} (it has no hashes of
   * its own rows).
   */
  static JoinTable buildForProbing(List<Column> keys, JoinTableBuild.Listed list, boolean nullsMatch,
      BufferAllocator allocator, LongArray keyedSlab) {
    return JoinTableBuild.build(keys, null, list, 0, (int) list.rows().length(), nullsMatch, true, allocator,
        keyedSlab);
  }

  private static void checkHashes(List<Column> keys, long[] hashes) {
    if (hashes.length != keys.getFirst().length()) {
      throw new InvalidOperationException("join table: " + hashes.length + " hashes for "
          + keys.getFirst().length() + " rows");
    }
  }

  /** Whether the table keeps one integer key in its slots (then {@link #add} takes the key). */
  boolean keepsKeys() {
    return keyed != null;
  }

  /** Build row {@code row}'s integer key ({@link #keepsKeys} tables only). */
  long keyOf(int row) {
    return integerKeys.at(row);
  }

  /** The row hash of integer key {@code key} ({@link #keepsKeys} tables only; {@link IntegerKeys#hash}). */
  long hashOfKey(long key) {
    return integerKeys.hash(key);
  }

  /** Sets the CSR lists of a table whose keys repeat: group g's rows are {@code rows[start[g], start[g + 1])}. */
  void listRows(IntArray start, IntArray rows) {
    groupStart = start;
    groupRows = rows;
  }

  /** Every group has one row: the slots now name that row, and the group ids are the rows. */
  void nameRows() {
    if (keyed != null) {
      for (long entry = 1; entry < keyed.length(); entry += 2) {
        long group = keyed.get(entry);
        if (group != 0) {
          keyed.set(entry, groupFirst.get(group - 1) + 1);
        }
      }
    } else {
      for (int slot = 0; slot < capacity; slot++) {
        int group = slots.get(slot);
        if (group != 0) {
          slots.set(slot, groupFirst.get(group - 1) + 1);
        }
      }
    }
    groupFirst.close();
    groupFirst = null;
    unique = true;
  }

  /** The group whose key equals row {@code row}'s, or -1 (always for a null key when nulls do not match). */
  public int group(int row) {
    if (hashes == null) {
      throw new IllegalStateException("a partition's join table is probed by hash, not by its own rows");
    }
    if (!nullsMatch && hasNull(row)) {
      return -1;
    }
    long hash = hashes[row];
    if (keyed != null) {
      return groupOfKey(hash, integerKeys.at(row));
    }
    int slot = (int) ((hash * FIBONACCI) >>> shift);
    while (true) {
      int entry = slots.get(slot);
      if (entry == 0) {
        return -1;
      }
      if (slotHashes.get(slot) == hash && equality.equal(firstRow(entry - 1), row)) {
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
    if (keyed != null) {
      while (true) {
        int entry = (int) keyed.get(2L * slot + 1);
        if (entry == 0) {
          return -1;
        }
        if (equality.equal(firstRow(entry - 1), probeRow)) {
          return entry - 1;
        }
        slot = (slot + 1) & mask;
      }
    }
    while (true) {
      int entry = slots.get(slot);
      if (entry == 0) {
        return -1;
      }
      if (slotHashes.get(slot) == hash && equality.equal(firstRow(entry - 1), probeRow)) {
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
    return keyed != null && probeKeys.size() == 1 && IntegerKeys.of(probeKeys) != null
        && probeKeys.getFirst().type().equals(integerKeys.type());
  }

  /**
   * The group of integer key {@code key} (hashed to {@code hash}), or -1: compares the key kept in
   * the slot next to its entry, so a lookup reads one place of the table and never the build
   * side's key column.
   */
  public int groupOfKey(long hash, long key) {
    int slot = (int) ((hash * FIBONACCI) >>> shift);
    while (true) {
      long entry = keyed.get(2L * slot + 1);
      if (entry == 0) {
        return -1;
      }
      if (keyed.get(2L * slot) == key) {
        return (int) entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The first slot a key hashed to {@code hash} may sit in. */
  int slotOf(long hash) {
    return (int) ((hash * FIBONACCI) >>> shift);
  }

  /** The key kept in slot {@code slot} ({@link #keysInSlots} tables only). */
  long keyAt(int slot) {
    return keyed.get(2L * slot);
  }

  /** The entry of slot {@code slot} (group + 1, 0 when empty; {@link #keysInSlots} tables only). */
  long entryAt(int slot) {
    return keyed.get(2L * slot + 1);
  }

  /** Whether rows of this table's keys with a null key join (nulls equal). */
  public boolean nullsMatch() {
    return nullsMatch;
  }

  /** Whether every build key occurs once: each group is its one build row, and its id is that row. */
  public boolean uniqueKeys() {
    return unique;
  }

  /** The number of distinct build keys. */
  public int groupCount() {
    return groupCount;
  }

  /** The first build row of {@code group}. */
  public int firstRow(int group) {
    return unique ? group : groupFirst.get(group);
  }

  /** Where {@code group}'s rows start in {@link #row}. */
  public int start(int group) {
    return unique ? group : groupStart.get(group);
  }

  /** Where {@code group}'s rows end (exclusive). */
  public int end(int group) {
    return unique ? group + 1 : groupStart.get(group + 1);
  }

  /** The {@code position}th listed build row (groups one after another, rows ascending). */
  public int row(int position) {
    return unique ? position : groupRows.get(position);
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

  /**
   * The group of build row {@code row}'s key (hashed to {@code hash}; its integer key {@code key}
   * when the table keeps keys), added with that row first when new.
   */
  int add(int row, long hash, long key) {
    int slot = (int) ((hash * FIBONACCI) >>> shift);
    if (keyed != null) {
      while (true) {
        long entry = keyed.get(2L * slot + 1);
        if (entry == 0) {
          keyed.set(2L * slot, key);
          keyed.set(2L * slot + 1, newGroup(row));
          return groupCount - 1;
        }
        if (keyed.get(2L * slot) == key) {
          return (int) entry - 1;
        }
        slot = (slot + 1) & mask;
      }
    }
    while (true) {
      int entry = slots.get(slot);
      if (entry == 0) {
        slots.set(slot, newGroup(row));
        slotHashes.set(slot, hash);
        return groupCount - 1;
      }
      if (slotHashes.get(slot) == hash && equality.equal(groupFirst.get(entry - 1), row)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Numbers a new group whose first row is {@code row}; returns its entry (id + 1). */
  private int newGroup(int row) {
    groupFirst.set(groupCount, row);
    return ++groupCount;
  }

  /** Returns the table's memory; it must not be probed afterwards. Closing twice does nothing. */
  @Override
  public void close() {
    closeAll(keyed, slots, slotHashes, groupFirst, groupStart, groupRows);
    groupFirst = null;
    groupStart = null;
    groupRows = null;
  }

  /** Closes the arrays that are not null. */
  static void closeAll(OffHeapArray... arrays) {
    for (OffHeapArray array : arrays) {
      if (array != null) {
        array.close();
      }
    }
  }
}
