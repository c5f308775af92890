package dev.floe.engine.exec;

import dev.floe.kernels.Gather;
import dev.floe.kernels.hashing.PartitionedJoinTable;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.IntArray;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@link ProbeJoin} over a large build side, in phases that never hold the hash table and the
 * output together, as Polars' in-memory join does (its peak is about its output): the table is
 * built in hash partitions; every left morsel is probed into its matches (left rows and build
 * rows, off-heap, 8 bytes a match); the table's memory is returned; then the output is gathered,
 * the left columns morsel by morsel, then the right columns one at a time, each concatenated from
 * the right input's batches only while it is gathered (the right input is never concatenated
 * whole). Peak memory is then the output plus the matches plus one right column, where streaming
 * morsels with the table alive took the table, its build scratch and a copy of the whole right
 * input on top of the output.
 */
final class PairsFirstJoin {
  private PairsFirstJoin() {}

  /** One morsel's matches: its rows, and the build rows they match (null for semi and anti joins). */
  private static final class Matches {
    IntArray probe;
    IntArray build;
    final int count;

    Matches(IntArray probe, IntArray build, int count) {
      this.probe = probe;
      this.build = build;
      this.count = count;
    }

    void closeProbe() {
      if (probe != null) {
        probe.close();
        probe = null;
      }
    }

    void close() {
      closeProbe();
      if (build != null) {
        build.close();
        build = null;
      }
    }
  }

  /**
   * Joins {@code morsels} (the caller closes them) with {@code rightInput} (closed here), building
   * in {@code partitions} partitions; one output batch per morsel, in order, from {@code allocator}.
   */
  static List<RecordBatch> run(Join join, JoinLayout layout, List<RecordBatch> morsels, List<RecordBatch> rightInput,
      int partitions, BufferAllocator allocator, QueryContext context) {
    Matches[] matches = new Matches[morsels.size()];
    Column[][] columns = new Column[morsels.size()][layout.columns().size()];
    try {
      probeAll(join, layout, morsels, rightInput, partitions, matches, allocator, context);
      gatherLeft(layout, morsels, matches, columns, allocator, context);
      for (Matches match : matches) {
        match.closeProbe();
      }
      gatherRight(layout, rightInput, matches, columns, allocator, context);
      List<RecordBatch> out = new ArrayList<>(morsels.size());
      for (int index = 0; index < morsels.size(); index++) {
        out.add(new RecordBatch(layout.schema(), Arrays.asList(columns[index]), matches[index].count));
      }
      return out;
    } catch (RuntimeException failure) {
      Batches.closeAll(columns);
      throw failure;
    } finally {
      for (Matches match : matches) {
        if (match != null) {
          match.close();
        }
      }
      rightInput.forEach(RecordBatch::close);
    }
  }

  /** Builds the table, probes every morsel into {@code matches}, and returns the table's memory. */
  private static void probeAll(Join join, JoinLayout layout, List<RecordBatch> morsels, List<RecordBatch> rightInput,
      int partitions, Matches[] matches, BufferAllocator allocator, QueryContext context) {
    List<Column> buildKeys = buildKeys(join, layout, rightInput, allocator);
    try (PartitionedJoinTable table = ProbeJoin.table(join, buildKeys, partitions, allocator, context)) {
      JoinLookup lookup = new JoinLookup(join, layout, table, buildKeys, allocator);
      List<Callable<Void>> tasks = new ArrayList<>(morsels.size());
      for (int index = 0; index < morsels.size(); index++) {
        int at = index;
        tasks.add(() -> {
          ProbeScratch scratch = ProbeScratch.acquire();
          try {
            int count = lookup.probe(morsels.get(at), scratch);
            matches[at] = lookup.filters() ? copy(scratch.kept(0), null, count, allocator)
                : copy(scratch.pairs.probe, scratch.pairs.build, count, allocator);
          } finally {
            scratch.release();
          }
          return null;
        });
      }
      JoinProbe.run(tasks, context);
    } finally {
      buildKeys.forEach(Column::close);
    }
  }

  /** The right input's key columns in the match types, each concatenated over its batches. */
  private static List<Column> buildKeys(Join join, JoinLayout layout, List<RecordBatch> rightInput,
      BufferAllocator allocator) {
    if (rightInput.size() == 1) {
      return ProbeJoin.buildKeys(join, layout, rightInput.getFirst(), allocator);
    }
    List<List<Column>> perBatch = new ArrayList<>(rightInput.size());
    List<Column> keys = new ArrayList<>(join.rightOn().size());
    try {
      for (RecordBatch batch : rightInput) {
        perBatch.add(ProbeJoin.buildKeys(join, layout, batch, allocator));
      }
      for (int key = 0; key < join.rightOn().size(); key++) {
        List<Column> parts = new ArrayList<>(perBatch.size());
        for (List<Column> batchKeys : perBatch) {
          parts.add(batchKeys.get(key));
        }
        keys.add(uncached(Concatenation.concat(allocator, parts)));
      }
      return keys;
    } catch (RuntimeException failure) {
      keys.forEach(Column::close);
      throw failure;
    } finally {
      perBatch.forEach(batchKeys -> batchKeys.forEach(Column::close));
    }
  }

  private static Matches copy(int[] probe, int[] build, int count, BufferAllocator allocator) {
    IntArray probeRows = IntArray.allocate(allocator, count);
    try {
      probeRows.copyFrom(probe, count, 0);
      IntArray buildRows = null;
      if (build != null) {
        buildRows = IntArray.allocate(allocator, count);
        buildRows.copyFrom(build, count, 0);
      }
      return new Matches(probeRows, buildRows, count);
    } catch (RuntimeException failure) {
      probeRows.close();
      throw failure;
    }
  }

  /** Each morsel's left columns by its matched rows (shared where the morsel matched row for row). */
  private static void gatherLeft(JoinLayout layout, List<RecordBatch> morsels, Matches[] matches, Column[][] columns,
      BufferAllocator allocator, QueryContext context) {
    List<Callable<Void>> tasks = new ArrayList<>(morsels.size());
    for (int index = 0; index < morsels.size(); index++) {
      int at = index;
      tasks.add(() -> {
        RecordBatch morsel = morsels.get(at);
        Matches match = matches[at];
        ProbeScratch scratch = ProbeScratch.acquire();
        try {
          int[] rows = scratch.kept(match.count);
          match.probe.copyTo(0, rows, match.count);
          boolean identity = match.count == morsel.rowCount() && ProbeJoin.isIdentity(rows, match.count);
          for (int position = 0; position < layout.columns().size(); position++) {
            JoinLayout.Column column = layout.columns().get(position);
            if (column.side() == JoinLayout.Side.LEFT) {
              Column source = morsel.column(column.index());
              columns[at][position] = identity ? source.share() : Gather.rows(source, rows, match.count, allocator);
            }
          }
        } finally {
          scratch.release();
        }
        return null;
      });
    }
    JoinProbe.run(tasks, context);
  }

  /**
   * The right columns by each morsel's build rows (-1: null), one at a time: the column concatenated
   * over the right batches only while it is gathered. (Gathering from the batches in place, each
   * row located in its batch, saved the concatenation but took twice as long: 9M random reads
   * spread over 153 separately allocated 256 KiB chunks miss the TLB on 4 KiB pages, where one
   * concatenated buffer of 2 MiB or more sits on transparent huge pages.)
   */
  private static void gatherRight(JoinLayout layout, List<RecordBatch> rightInput, Matches[] matches,
      Column[][] columns, BufferAllocator allocator, QueryContext context) {
    for (int position = 0; position < layout.columns().size(); position++) {
      JoinLayout.Column column = layout.columns().get(position);
      if (column.side() != JoinLayout.Side.RIGHT) {
        continue;
      }
      List<Column> parts = parts(rightInput, column.index());
      int at = position;
      try (Column whole = parts.size() == 1 ? parts.getFirst().share() : uncached(Concatenation.concat(allocator,
          parts))) {
        forEachMorsel(matches, (morsel, rows) -> columns[morsel][at] = Gather.rows(whole, rows,
            matches[morsel].count, allocator), context);
      }
    }
  }

  /**
   * {@code column}, its memory marked to leave the process when it is closed ({@link
   * Buffer#uncached}): a concatenation made for one phase, whose tens of megabytes
   * would otherwise stay in the cache of large blocks, resident under the output that follows.
   */
  private static Column uncached(Column column) {
    for (Buffer buffer : column.buffers()) {
      if (buffer != null) {
        buffer.uncached();
      }
    }
    return column;
  }

  /** Column {@code index} of every right batch. */
  private static List<Column> parts(List<RecordBatch> rightInput, int index) {
    List<Column> parts = new ArrayList<>(rightInput.size());
    for (RecordBatch batch : rightInput) {
      parts.add(batch.column(index));
    }
    return parts;
  }

  /** Work on one morsel's build rows (in a pool thread's scratch array). */
  private interface MorselWork {
    void run(int morsel, int[] buildRows);
  }

  /** Runs {@code work} for every morsel as tasks on the pool, each with its build rows. */
  private static void forEachMorsel(Matches[] matches, MorselWork work, QueryContext context) {
    List<Callable<Void>> tasks = new ArrayList<>(matches.length);
    for (int index = 0; index < matches.length; index++) {
      int morsel = index;
      tasks.add(() -> {
        Matches match = matches[morsel];
        ProbeScratch scratch = ProbeScratch.acquire();
        try {
          int[] rows = scratch.groups(match.count);
          match.build.copyTo(0, rows, match.count);
          work.run(morsel, rows);
        } finally {
          scratch.release();
        }
        return null;
      });
    }
    JoinProbe.run(tasks, context);
  }
}
