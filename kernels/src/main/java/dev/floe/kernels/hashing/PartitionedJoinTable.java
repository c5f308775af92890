package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * A join's build side as several {@link JoinTable}s built by parallel tasks: the build rows are
 * split by the low bits of their hash into partitions (all rows of a key fall in one), each
 * partition's rows are listed in ascending order, and each partition gets its own table over its
 * rows. A probe row asks the partition its hash selects ({@link #part}); group ids belong to that
 * partition's table. The rows are partitioned in two passes over chunks of rows (count per chunk
 * and partition, then scatter to the prefix-summed places), so each list keeps the row order and a
 * key's matches come out in build order, as from one table. Radix-partitioned hash join build:
 * Balkesen et al., "Main-Memory Hash Joins on Multi-Core CPUs", ICDE 2013; DuckDB and Polars
 * partition their join tables by hash bits the same way.
 */
public final class PartitionedJoinTable {
  private static final int BLOCK = 64;

  private final JoinTable[] parts;
  private final int mask;

  private PartitionedJoinTable(JoinTable[] parts) {
    this.parts = parts;
    this.mask = parts.length - 1;
  }

  /**
   * A table over all rows of the build side's {@code keys} (with their {@link JoinTable#hashes}),
   * in {@code partitions} (a power of two) partitions, the phases run by {@code tasks}. One
   * partition is {@link JoinTable#buildForProbing} itself.
   */
  public static PartitionedJoinTable build(List<Column> keys, long[] hashes, boolean nullsMatch, int partitions,
      PartitionedGroupIds.Tasks tasks) {
    if (Integer.bitCount(partitions) != 1) {
      throw new IllegalArgumentException("partitions must be a power of two, got " + partitions);
    }
    if (partitions == 1) {
      return new PartitionedJoinTable(new JoinTable[] {JoinTable.buildForProbing(keys, hashes, nullsMatch)});
    }
    int rows = keys.getFirst().length();
    if (hashes.length != rows) {
      throw new InvalidOperationException("join table: " + hashes.length + " hashes for " + rows + " rows");
    }
    int mask = partitions - 1;
    int chunks = Math.max(1, Math.min(4 * partitions, (rows + (1 << 14) - 1) >>> 14));
    int step = (rows + chunks - 1) / chunks;
    int[][] counts = new int[chunks][partitions];
    List<Runnable> counting = new ArrayList<>(chunks);
    for (int chunk = 0; chunk < chunks; chunk++) {
      int[] count = counts[chunk];
      int from = Math.min(rows, chunk * step);
      int to = Math.min(rows, from + step);
      counting.add(() -> {
        for (int row = from; row < to; row++) {
          count[(int) hashes[row] & mask]++;
        }
      });
    }
    tasks.runAll(counting);
    int[] partStart = new int[partitions + 1];
    int[][] places = new int[chunks][partitions];
    int place = 0;
    for (int partition = 0; partition < partitions; partition++) {
      partStart[partition] = place;
      for (int chunk = 0; chunk < chunks; chunk++) {
        places[chunk][partition] = place;
        place += counts[chunk][partition];
      }
    }
    partStart[partitions] = place;
    int[] listed = new int[rows];
    long[] listedHashes = new long[rows];
    IntegerKeys integers = IntegerKeys.of(keys);
    long[] listedKeys = integers != null ? new long[rows] : null;
    List<Runnable> scattering = new ArrayList<>(chunks);
    for (int chunk = 0; chunk < chunks; chunk++) {
      int[] next = places[chunk];
      int from = Math.min(rows, chunk * step);
      int to = Math.min(rows, from + step);
      scattering.add(() -> {
        for (int row = from; row < to; row++) {
          long hash = hashes[row];
          int at = next[(int) hash & mask]++;
          listed[at] = row;
          listedHashes[at] = hash;
          if (listedKeys != null) {
            listedKeys[at] = integers.at(row);
          }
        }
      });
    }
    tasks.runAll(scattering);
    JoinTable[] parts = new JoinTable[partitions];
    List<Runnable> building = new ArrayList<>(partitions);
    for (int partition = 0; partition < partitions; partition++) {
      int part = partition;
      building.add(() -> parts[part] = JoinTable.buildForProbing(keys, hashes, listed, listedHashes,
          listedKeys, partStart[part], partStart[part + 1], nullsMatch));
    }
    tasks.runAll(building);
    return new PartitionedJoinTable(parts);
  }

  /** The table that holds the build rows whose key hashes to {@code hash}. */
  public JoinTable part(long hash) {
    return parts[(int) hash & mask];
  }

  /**
   * The groups of probe rows {@code [0, rows)} of one integer key ({@link #keysInSlots}), each in
   * the partition its hash selects, or -1, into {@code groups}. The rows go in blocks: first each
   * row's slot is read, loads that do not wait on each other so their cache misses overlap, then
   * each row is settled (most at that slot, the rest by walking on). Group prefetching: Chen et al.,
   * "Improving Hash Join Performance through Prefetching", ICDE 2004.
   */
  public void groupsOfKeys(long[] hashes, IntegerKeys keys, int rows, int[] groups) {
    long[] seen = new long[BLOCK];
    int[] slots = new int[BLOCK];
    for (int base = 0; base < rows; base += BLOCK) {
      int count = Math.min(BLOCK, rows - base);
      for (int index = 0; index < count; index++) {
        long hash = hashes[base + index];
        JoinTable part = parts[(int) hash & mask];
        int slot = part.slotOf(hash);
        slots[index] = slot;
        seen[index] = part.keyAt(slot);
      }
      for (int index = 0; index < count; index++) {
        long hash = hashes[base + index];
        JoinTable part = parts[(int) hash & mask];
        long key = keys.at(base + index);
        long entry = seen[index] == key ? part.entryAt(slots[index]) : 0;
        groups[base + index] = entry != 0 ? (int) entry - 1 : part.groupOfKey(hash, key);
      }
    }
  }

  /** The partitions' tables. */
  public List<JoinTable> parts() {
    return List.of(parts);
  }

  /** Whether {@link JoinTable#groupOfKey} can look up {@code probeKeys} (in every partition). */
  public boolean keysInSlots(List<Column> probeKeys) {
    return parts[0].keysInSlots(probeKeys);
  }

  /** Whether rows with a null key join (nulls equal). */
  public boolean nullsMatch() {
    return parts[0].nullsMatch();
  }
}
