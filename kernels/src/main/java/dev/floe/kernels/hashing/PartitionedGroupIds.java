package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link GroupIds} built by several threads: the rows are split by the low bits of their hash
 * into partitions (a key's rows all fall in one), each partition is grouped by its own task in its
 * own, smaller table (local ids in order of first appearance), and the local ids are then renumbered
 * so that the result equals the single-table one: global ids in order of first appearance. The rank
 * of a group's first row among all first rows is its global id, counted with a bitmap of first rows
 * and per-word population counts. Partitioned hash aggregation: Leis et al., "Morsel-Driven
 * Parallelism", SIGMOD 2014; Polars and DuckDB partition their hash tables the same way.
 */
public final class PartitionedGroupIds {
  private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

  /** Runs every task of a phase to completion (on a thread pool), rethrowing the first failure. */
  @FunctionalInterface
  public interface Tasks {
    void runAll(List<Runnable> tasks);
  }

  private PartitionedGroupIds() {}

  /**
   * The groups of {@code keys}' rows, whose {@link GroupIds#hashes row hashes} are {@code hashes},
   * in {@code partitions} (a power of two) partitions grouped as separate tasks.
   */
  public static GroupIds of(List<Column> keys, long[] hashes, int partitions, Tasks tasks) {
    int rows = hashes.length;
    if (rows > GroupIds.MAX_ROWS) {
      throw new InvalidOperationException("cannot group " + rows + " rows at once (at most " + GroupIds.MAX_ROWS + ")");
    }
    if (Integer.bitCount(partitions) != 1) {
      throw new IllegalArgumentException("partitions must be a power of two, got " + partitions);
    }
    RowEquality equality = RowEquality.of(keys);
    int mask = partitions - 1;
    int[] ids = new int[rows];
    int[][] firsts = new int[partitions][];
    List<Runnable> grouping = new ArrayList<>(partitions);
    for (int partition = 0; partition < partitions; partition++) {
      int part = partition;
      grouping.add(() -> firsts[part] = groupPartition(hashes, equality, mask, part, ids));
    }
    tasks.runAll(grouping);
    long[] isFirst = new long[(rows + 63) >>> 6];
    for (int[] first : firsts) {
      for (int row : first) {
        isFirst[row >>> 6] |= 1L << row;
      }
    }
    int[] wordRank = new int[isFirst.length];
    int groupCount = 0;
    for (int word = 0; word < isFirst.length; word++) {
      wordRank[word] = groupCount;
      groupCount += Long.bitCount(isFirst[word]);
    }
    int[] firstRows = new int[groupCount];
    int[][] global = new int[partitions][];
    for (int partition = 0; partition < partitions; partition++) {
      int[] first = firsts[partition];
      int[] renumbered = new int[first.length];
      for (int local = 0; local < first.length; local++) {
        int row = first[local];
        int rank = wordRank[row >>> 6] + Long.bitCount(isFirst[row >>> 6] & ((1L << row) - 1));
        renumbered[local] = rank;
        firstRows[rank] = row;
      }
      global[partition] = renumbered;
    }
    int step = Math.max(1 << 16, (rows + 4 * partitions - 1) / (4 * partitions));
    List<Runnable> renumbering = new ArrayList<>();
    for (int start = 0; start < rows; start += step) {
      int from = start;
      int to = Math.min(rows, start + step);
      renumbering.add(() -> {
        for (int row = from; row < to; row++) {
          ids[row] = global[(int) hashes[row] & mask][ids[row]];
        }
      });
    }
    tasks.runAll(renumbering);
    return GroupIds.numbered(ids, firstRows, groupCount);
  }

  /**
   * Groups the rows of one partition: writes each such row's local id to {@code ids} and returns
   * the partition's first rows (ascending). The table starts small and doubles at half full.
   */
  private static int[] groupPartition(long[] hashes, RowEquality equality, int mask, int partition, int[] ids) {
    int capacity = 1024;
    int[] slots = new int[capacity]; // local id + 1; 0 is empty
    long[] slotHashes = new long[capacity];
    int shift = 64 - Integer.numberOfTrailingZeros(capacity);
    int[] firstRows = new int[256];
    int count = 0;
    for (int row = 0; row < hashes.length; row++) {
      long hash = hashes[row];
      if (((int) hash & mask) != partition) {
        continue;
      }
      int slot = (int) ((hash * FIBONACCI) >>> shift);
      while (true) {
        int entry = slots[slot];
        if (entry == 0) {
          if (count == firstRows.length) {
            firstRows = Arrays.copyOf(firstRows, count * 2);
          }
          firstRows[count] = row;
          slots[slot] = ++count;
          slotHashes[slot] = hash;
          ids[row] = count - 1;
          if (count * 2 > capacity) {
            capacity *= 2;
            shift--;
            int[] grownSlots = new int[capacity];
            long[] grownHashes = new long[capacity];
            rehash(slots, slotHashes, grownSlots, grownHashes, shift);
            slots = grownSlots;
            slotHashes = grownHashes;
          }
          break;
        }
        if (slotHashes[slot] == hash && equality.equal(firstRows[entry - 1], row)) {
          ids[row] = entry - 1;
          break;
        }
        slot = (slot + 1) & (slots.length - 1);
      }
    }
    return Arrays.copyOf(firstRows, count);
  }

  private static void rehash(int[] slots, long[] hashes, int[] grownSlots, long[] grownHashes, int shift) {
    int mask = grownSlots.length - 1;
    for (int old = 0; old < slots.length; old++) {
      if (slots[old] != 0) {
        int slot = (int) ((hashes[old] * FIBONACCI) >>> shift);
        while (grownSlots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        grownSlots[slot] = slots[old];
        grownHashes[slot] = hashes[old];
      }
    }
  }
}
