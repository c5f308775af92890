package dev.floe.engine.exec;

import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.Gather;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Schema;
import dev.floe.planner.plan.JoinLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The matches of a left join built on the left side ({@link LeftBuildJoin}), per right morsel:
 * (morsel row, left row) pairs in right order. {@link #gather} puts them in the output order Floe
 * promises (left order, each left row's matches in right order, an unmatched left row once with
 * null right columns) with a counting sort on the left row: one pass counts each left row's
 * matches, a prefix sum places every left row's run, and one pass over the morsels in order drops
 * each right row into its left row's run, so runs fill in right order. The output columns are
 * then gathered by row index, a morsel of output rows per task; each right column is concatenated
 * over the right morsels only while it is gathered.
 */
final class LeftBuildPairs {
  private final int[][] rightRows;
  private final int[][] leftRows;
  private final int[] counts;

  LeftBuildPairs(int morsels) {
    rightRows = new int[morsels][];
    leftRows = new int[morsels][];
    counts = new int[morsels];
  }

  /** Keeps a copy of morsel {@code at}'s pairs (probe: morsel row, build: left row). */
  void set(int at, JoinProbe.Pairs pairs) {
    rightRows[at] = Arrays.copyOf(pairs.probe, pairs.size);
    leftRows[at] = Arrays.copyOf(pairs.build, pairs.size);
    counts[at] = pairs.size;
  }

  /** The output batches (the caller closes them); {@code morsels} are the right input's, in order. */
  List<RecordBatch> gather(JoinLayout layout, RecordBatch left, List<RecordBatch> morsels, Schema rightSchema,
      BufferAllocator allocator, QueryContext context) {
    int nl = left.rowCount();
    int[] at = new int[nl];
    for (int morsel = 0; morsel < counts.length; morsel++) {
      int[] lefts = leftRows[morsel];
      for (int pair = 0; pair < counts[morsel]; pair++) {
        at[lefts[pair]]++;
      }
    }
    long total = 0;
    for (int row = 0; row < nl; row++) {
      int count = at[row];
      at[row] = (int) Math.min(total, Integer.MAX_VALUE);
      total += Math.max(1, count);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new InvalidOperationException("the join produces " + total + " rows, more than one batch holds ("
          + (Integer.MAX_VALUE - 8) + "); filter the inputs or join on more selective keys");
    }
    int size = (int) total;
    int[] outLeft = new int[size];
    int[] outRight = new int[size];
    for (int row = 0; row < nl; row++) {
      int end = row + 1 < nl ? at[row + 1] : size;
      Arrays.fill(outLeft, at[row], end, row);
      outRight[at[row]] = -1; // stays so for an unmatched row
    }
    int offset = 0;
    for (int morsel = 0; morsel < counts.length; morsel++) {
      int[] lefts = leftRows[morsel];
      int[] rights = rightRows[morsel];
      for (int pair = 0; pair < counts[morsel]; pair++) {
        outRight[at[lefts[pair]]++] = offset + rights[pair];
      }
      offset += morsels.get(morsel).rowCount();
      leftRows[morsel] = null;
      rightRows[morsel] = null;
    }
    return gather(layout, left, morsels, rightSchema, outLeft, outRight, allocator, context);
  }

  private static List<RecordBatch> gather(JoinLayout layout, RecordBatch left, List<RecordBatch> morsels,
      Schema rightSchema, int[] outLeft, int[] outRight, BufferAllocator allocator, QueryContext context) {
    int step = Math.max(1, context.morselRows());
    int parts = Math.max(1, (outLeft.length + step - 1) / step);
    Column[][] columns = new Column[parts][layout.columns().size()];
    try {
      gatherSide(layout, JoinLayout.Side.LEFT, index -> left.column(index).share(), outLeft, columns, allocator,
          context);
      gatherSide(layout, JoinLayout.Side.RIGHT, index -> rightColumn(morsels, rightSchema, index, allocator),
          outRight, columns, allocator, context);
      List<RecordBatch> out = new ArrayList<>(parts);
      for (int part = 0; part < parts; part++) {
        int from = (int) Math.min(outLeft.length, (long) part * step);
        int to = (int) Math.min(outLeft.length, (long) from + step);
        out.add(new RecordBatch(layout.schema(), Arrays.asList(columns[part]), to - from));
      }
      return out;
    } catch (RuntimeException failure) {
      Batches.closeAll(columns);
      throw failure;
    }
  }

  /** One side's whole input column {@code index} (the caller closes it). */
  private interface Source {
    Column column(int index);
  }

  /** Gathers the output columns of {@code side}, one column at a time, a morsel of rows per task. */
  private static void gatherSide(JoinLayout layout, JoinLayout.Side side, Source source, int[] rows,
      Column[][] columns, BufferAllocator allocator, QueryContext context) {
    int step = Math.max(1, context.morselRows());
    for (int position = 0; position < layout.columns().size(); position++) {
      JoinLayout.Column column = layout.columns().get(position);
      if (column.side() != side) {
        continue;
      }
      int target = position;
      try (Column whole = source.column(column.index())) {
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>(columns.length);
        for (int part = 0; part < columns.length; part++) {
          int index = part;
          int from = (int) Math.min(rows.length, (long) part * step);
          int to = (int) Math.min(rows.length, (long) from + step);
          tasks.add(() -> {
            columns[index][target] = Gather.rows(whole, JoinGather.range(rows, from, to), to - from, allocator);
            return null;
          });
        }
        JoinProbe.run(tasks, context);
      }
    }
  }

  /** Right column {@code index} over all morsels (a share of it when there is one morsel). */
  private static Column rightColumn(List<RecordBatch> morsels, Schema schema, int index,
      BufferAllocator allocator) {
    if (morsels.isEmpty()) {
      try (ColumnBuilder builder = ColumnBuilders.forType(schema.field(index).type(), allocator)) {
        return builder.build();
      }
    }
    if (morsels.size() == 1) {
      return morsels.getFirst().column(index).share();
    }
    List<Column> parts = new ArrayList<>(morsels.size());
    for (RecordBatch morsel : morsels) {
      parts.add(morsel.column(index));
    }
    return Concatenation.concat(allocator, parts);
  }
}
