package dev.floe.engine.exec;

import dev.floe.kernels.Gather;
import dev.floe.kernels.hashing.PartitionedJoinTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinOptions;
import dev.floe.planner.plan.JoinOptions.MaintainOrder;
import dev.floe.planner.plan.JoinOptions.Validate;
import dev.floe.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.List;

/**
 * An inner join whose left input is the smaller (the left rows, run first, are fewer than the right
 * input's source holds: {@link #estimatedRows}), as the last step of the right input's pipeline: the
 * table is built once over the left rows, and every right morsel, as the right side's scan or
 * pipeline makes it, is looked up and turned into its output batch right away. The right input is
 * never held whole (a join of a few thousand parts with 6M {@code lineitem} rows used to
 * concatenate all of {@code lineitem}'s columns first), which is what morsel-driven engines do with
 * their probe side (Leis et al., "Morsel-Driven Parallelism", SIGMOD 2014). The output follows the
 * right input's order, a right row's matches in left order: the join must promise no order
 * ({@link MaintainOrder#NONE}, Polars' default, which leaves the order to the engine).
 *
 * <p>The lookup is {@link JoinLookup}'s over the join with its sides swapped, so categorical keys,
 * key casts and {@code nullsEqual} behave as in the other paths.
 */
final class StreamedJoinProbe implements MorselOperator, AutoCloseable {
  /** Left inputs of at most this many rows are built on (one table, no partitions). */
  static final long MAX_BUILD_ROWS = ProbeJoin.LARGE_BUILD_ROWS;

  private final JoinLayout layout;
  private final RecordBatch left;
  private final List<Column> buildKeys;
  private final PartitionedJoinTable table;
  private final JoinLookup lookup;
  private final String text;

  private StreamedJoinProbe(JoinLayout layout, RecordBatch left, List<Column> buildKeys, PartitionedJoinTable table,
      JoinLookup lookup, String text) {
    this.layout = layout;
    this.left = left;
    this.buildKeys = buildKeys;
    this.table = table;
    this.lookup = lookup;
    this.text = text;
  }

  /** Whether the join can stream its right side through a table over its left side. */
  static boolean candidate(Join join) {
    JoinOptions options = join.options();
    return join.how() == JoinType.INNER && options.maintainOrder() == MaintainOrder.NONE
        && options.validate() == Validate.MANY_TO_MANY && !join.leftOn().isEmpty();
  }

  /**
   * At most how many rows {@code plan} makes, when that is known before running it: a scan's
   * source rows (or its limit) under a chain of row-wise streaming nodes; else -1.
   */
  static long estimatedRows(dev.floe.planner.plan.LogicalPlan plan) {
    return switch (plan) {
      case dev.floe.planner.plan.Scan scan -> {
        long rows = scan.source().estimatedRows();
        yield scan.limit() == null || rows < 0 ? rows : Math.min(rows, scan.limit());
      }
      case dev.floe.planner.plan.Cache cache -> estimatedRows(cache.input());
      default -> StreamingNodes.streams(plan) && !(plan instanceof dev.floe.planner.plan.Explode)
          ? estimatedRows(plan.inputs().getFirst()) : -1;
    };
  }

  /** Whether {@code layout} has no coalesced key columns (those are built by the general path). */
  static boolean fits(JoinLayout layout) {
    return layout.columns().stream().noneMatch(column -> column.side() == JoinLayout.Side.KEY);
  }

  /**
   * The probe over the left rows (taken: closed here, even on failure), its table from {@code
   * allocator}; close it once the right side's pipeline is done.
   */
  static StreamedJoinProbe build(Join join, JoinLayout layout, List<RecordBatch> leftInput, BufferAllocator allocator,
      QueryContext context) {
    RecordBatch left = Batches.concat(leftInput, join.left().schema(), allocator);
    List<Column> buildKeys = List.of();
    try {
      Join swapped = swapped(join);
      buildKeys = ProbeJoin.buildKeys(swapped, layout, left, allocator);
      PartitionedJoinTable table = ProbeJoin.table(swapped, buildKeys, 1, allocator, context);
      String text = "INNER JOIN ON " + StreamingNodes.text(join.leftOn()) + " = "
          + StreamingNodes.text(join.rightOn()) + " (right input probing a table of " + left.rowCount()
          + " left rows)";
      return new StreamedJoinProbe(layout, left, buildKeys, table,
          new JoinLookup(swapped, layout, table, buildKeys, allocator), text);
    } catch (RuntimeException failure) {
      buildKeys.forEach(Column::close);
      left.close();
      throw failure;
    }
  }

  /** The join seen from the right: its right keys probe a table over its left keys. */
  private static Join swapped(Join join) {
    return new Join(join.right(), join.left(), join.rightOn(), join.leftOn(), join.options());
  }

  @Override
  public RecordBatch apply(RecordBatch morsel, BufferAllocator allocator) {
    try (morsel) {
      ProbeScratch scratch = ProbeScratch.acquire();
      try {
        int count = lookup.probe(morsel, scratch);
        return output(morsel, scratch.pairs.build, scratch.pairs.probe, count, allocator);
      } finally {
        scratch.release();
      }
    }
  }

  /** Left columns by the matched left rows, right ones by the morsel's matched rows. */
  private RecordBatch output(RecordBatch morsel, int[] leftRows, int[] rightRows, int count,
      BufferAllocator allocator) {
    boolean identity = count == morsel.rowCount() && ProbeJoin.isIdentity(rightRows, count);
    List<Column> columns = new ArrayList<>(layout.columns().size());
    try {
      for (JoinLayout.Column column : layout.columns()) {
        columns.add(switch (column.side()) {
          case LEFT -> Gather.rows(left.column(column.index()), leftRows, count, allocator);
          case RIGHT -> identity ? morsel.column(column.index()).share()
              : Gather.rows(morsel.column(column.index()), rightRows, count, allocator);
          case KEY -> throw new IllegalStateException("a coalesced full-join key in a streamed inner join");
        });
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(layout.schema(), columns, count);
  }

  @Override
  public String describe() {
    return text;
  }

  @Override
  public void close() {
    try {
      table.close();
    } finally {
      buildKeys.forEach(Column::close);
      left.close();
    }
  }
}
