package dev.floe.kernels.hashing;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.LongArray;
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
 *
 * <p>Memory: each pass hashes its chunk again into a thread's reused scratch (hashing is cheaper
 * than keeping 8 bytes a row for the whole build side; one integer key is hashed row by row from
 * its value, and its lists keep the keys without the hashes), the partitions' lists are off-heap and
 * each is returned as soon as its table is built, and the tables are off-heap until {@link #close}.
 * Partitions that keep an integer key in their slots share one slab: a block that large sits on
 * transparent huge pages, so the probe's random reads over hundreds of megabytes do not miss the
 * TLB at every row, and it leaves the process when the table is closed (it is not kept in the
 * cache of large blocks: the output that follows would not reuse it).
 */
public final class PartitionedJoinTable implements AutoCloseable {
  private static final int BLOCK = 64;
  private static final ThreadLocal<long[]> HASH_SCRATCH = ThreadLocal.withInitial(() -> new long[0]);

  private final JoinTable[] parts;
  private final LongArray slab; // the keyed partitions' slots, or null
  private final int mask;

  private PartitionedJoinTable(JoinTable[] parts, LongArray slab) {
    this.parts = parts;
    this.slab = slab;
    this.mask = parts.length - 1;
  }

  /**
   * A table over all rows of the build side's {@code keys}, in {@code partitions} (a power of two)
   * partitions, the phases run by {@code tasks}, its memory from {@code allocator}; the caller
   * closes it. One partition is {@link JoinTable#buildForProbing} itself.
   */
  public static PartitionedJoinTable build(List<Column> keys, boolean nullsMatch, int partitions,
      PartitionedGroupIds.Tasks tasks, BufferAllocator allocator) {
    if (Integer.bitCount(partitions) != 1) {
      throw new IllegalArgumentException("partitions must be a power of two, got " + partitions);
    }
    if (partitions == 1) {
      return new PartitionedJoinTable(new JoinTable[] {
          JoinTable.buildForProbing(keys, JoinTable.hashes(keys, allocator), nullsMatch, allocator)}, null);
    }
    int rows = keys.getFirst().length();
    int mask = partitions - 1;
    int chunks = Math.max(1, Math.min(4 * partitions, (rows + (1 << 14) - 1) >>> 14));
    int step = (rows + chunks - 1) / chunks;
    int[][] counts = new int[chunks][partitions];
    IntegerKeys integers = IntegerKeys.of(keys);
    IntegerKeys inline = integers != null && integers.hashesInline() ? integers : null;
    List<Runnable> counting = new ArrayList<>(chunks);
    for (int chunk = 0; chunk < chunks; chunk++) {
      int[] count = counts[chunk];
      int from = Math.min(rows, chunk * step);
      int to = Math.min(rows, from + step);
      counting.add(() -> {
        if (inline != null) {
          for (int row = from; row < to; row++) {
            count[(int) inline.hash(inline.at(row)) & mask]++;
          }
          return;
        }
        long[] hashes = chunkHashes(keys, from, to, allocator);
        for (int index = 0; index < to - from; index++) {
          count[(int) hashes[index] & mask]++;
        }
      });
    }
    tasks.runAll(counting);
    int[][] places = new int[chunks][partitions];
    int[] sizes = new int[partitions];
    for (int partition = 0; partition < partitions; partition++) {
      int place = 0;
      for (int chunk = 0; chunk < chunks; chunk++) {
        places[chunk][partition] = place;
        place += counts[chunk][partition];
      }
      sizes[partition] = place;
    }
    JoinTableBuild.Listed[] lists = new JoinTableBuild.Listed[partitions];
    JoinTable[] parts = new JoinTable[partitions];
    LongArray slab = null;
    try {
      long[] slabStart = new long[partitions + 1];
      if (integers != null) {
        for (int partition = 0; partition < partitions; partition++) {
          slabStart[partition + 1] = slabStart[partition] + JoinTable.keyedLength(sizes[partition]);
        }
        slab = LongArray.allocateUncached(allocator, slabStart[partitions]);
      }
      for (int partition = 0; partition < partitions; partition++) {
        lists[partition] = JoinTableBuild.Listed.allocate(allocator, sizes[partition], integers != null,
            inline == null);
      }
      List<Runnable> scattering = new ArrayList<>(chunks);
      for (int chunk = 0; chunk < chunks; chunk++) {
        int[] next = places[chunk];
        int from = Math.min(rows, chunk * step);
        int to = Math.min(rows, from + step);
        scattering.add(() -> scatter(keys, from, to, mask, next, lists, integers, inline != null, allocator));
      }
      tasks.runAll(scattering);
      List<Runnable> building = new ArrayList<>(partitions);
      LongArray slots = slab;
      for (int partition = 0; partition < partitions; partition++) {
        int part = partition;
        building.add(() -> {
          try (JoinTableBuild.Listed list = lists[part]) {
            parts[part] = JoinTable.buildForProbing(keys, list, nullsMatch, allocator, slots == null ? null
                : slots.view(slabStart[part], slabStart[part + 1] - slabStart[part]));
          }
        });
      }
      tasks.runAll(building);
      return new PartitionedJoinTable(parts, slab);
    } catch (RuntimeException failure) {
      for (JoinTableBuild.Listed list : lists) {
        if (list != null) {
          list.close();
        }
      }
      closeParts(parts);
      if (slab != null) {
        slab.close();
      }
      throw failure;
    }
  }

  /**
   * Writes rows {@code [from, to)} with their keys (or hashes) to their partitions' lists; the hashes
   * of integer keys that {@link IntegerKeys#hashesInline} are computed from the keys, row by row.
   */
  private static void scatter(List<Column> keys, int from, int to, int mask, int[] next,
      JoinTableBuild.Listed[] lists, IntegerKeys integers, boolean inline, BufferAllocator allocator) {
    if (inline) {
      for (int row = from; row < to; row++) {
        long key = integers.at(row);
        int partition = (int) integers.hash(key) & mask;
        int at = next[partition]++;
        JoinTableBuild.Listed list = lists[partition];
        list.rows().set(at, row);
        list.keys().set(at, key);
      }
      return;
    }
    long[] hashes = chunkHashes(keys, from, to, allocator);
    for (int row = from; row < to; row++) {
      long hash = hashes[row - from];
      int partition = (int) hash & mask;
      int at = next[partition]++;
      JoinTableBuild.Listed list = lists[partition];
      list.rows().set(at, row);
      list.hashes().set(at, hash);
      if (integers != null) {
        list.keys().set(at, integers.at(row));
      }
    }
  }

  /**
   * The hashes of rows {@code [from, to)} of {@code keys} (the same as those of the whole columns),
   * in the calling thread's scratch array (valid until that thread's next call) or a new one.
   */
  private static long[] chunkHashes(List<Column> keys, int from, int to, BufferAllocator allocator) {
    long[] scratch = HASH_SCRATCH.get();
    if (scratch.length < to - from) {
      scratch = new long[to - from];
      HASH_SCRATCH.set(scratch);
    }
    List<Column> slices = new ArrayList<>(keys.size());
    try {
      for (Column key : keys) {
        slices.add(key.slice(from, to - from));
      }
      return JoinTable.hashes(slices, allocator, scratch);
    } finally {
      slices.forEach(Column::close);
    }
  }

  /** Returns every partition's memory; the table must not be probed afterwards. */
  @Override
  public void close() {
    closeParts(parts);
    if (slab != null) {
      slab.close();
    }
  }

  private static void closeParts(JoinTable[] parts) {
    for (JoinTable part : parts) {
      if (part != null) {
        part.close();
      }
    }
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
   * "Improving Hash Join Performance through Prefetching", ICDE 2004. The rows' hashes are read
   * from {@code hashes}, or, with {@code hashKeys} (for keys that {@link IntegerKeys#hashesInline}),
   * computed here from their keys in the same pass and written to {@code hashes}: no separate
   * hashing pass, and no vector code whose objects, until the JIT compiles it, filled G1's young
   * generation.
   */
  public void groupsOfKeys(long[] hashes, IntegerKeys keys, int rows, int[] groups, boolean hashKeys) {
    if (hashKeys && !keys.hashesInline()) {
      throw new IllegalArgumentException("keys of " + keys.type() + " are not hashed from their values");
    }
    long[] seen = new long[BLOCK];
    long[] entries = new long[BLOCK];
    int[] slots = new int[BLOCK];
    long[] blockKeys = new long[BLOCK];
    for (int base = 0; base < rows; base += BLOCK) {
      int count = Math.min(BLOCK, rows - base);
      for (int index = 0; index < count; index++) {
        long key = keys.at(base + index);
        blockKeys[index] = key;
        long hash;
        if (hashKeys) {
          hash = keys.hash(key);
          hashes[base + index] = hash;
        } else {
          hash = hashes[base + index];
        }
        JoinTable part = parts[(int) hash & mask];
        int slot = part.slotOf(hash);
        slots[index] = slot;
        seen[index] = part.keyAt(slot);
        entries[index] = part.entryAt(slot);
      }
      for (int index = 0; index < count; index++) {
        long hash = hashes[base + index];
        JoinTable part = parts[(int) hash & mask];
        long key = blockKeys[index];
        long entry = entries[index];
        // an empty first slot is a miss (most probe rows of a selective join): no second look
        groups[base + index] = entry == 0 ? -1 : seen[index] == key ? (int) entry - 1 : part.groupOfKey(hash, key);
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
