package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.errors.InvalidOperationException;
import dev.floe.kernels.hashing.JoinTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.Concatenation;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinOptions.MaintainOrder;
import dev.floe.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Join}. Semi, anti and left joins whose right side is the larger build on the left
 * side and probe the right input morsel by morsel ({@link LeftBuildJoin}); inner, left, semi and
 * anti joins that build on the right side and keep the left order probe the left input morsel by
 * morsel ({@link ProbeJoin}); the others take both
 * inputs whole (pipeline breakers), the keys evaluated per side and cast
 * to their common type, a {@link JoinTable} built on one side (the smaller by rows; always the right
 * one for semi and anti joins), the other side probed by morsels in parallel ({@link JoinProbe}),
 * the pairs put in output order ({@link JoinOrder}: the left order with each left row's matches in
 * right order; the right order for right joins, or as {@code maintainOrder} asks) and the output
 * columns gathered by row index. A cross join pairs every row (left-major). Unique keys are checked
 * before any pairing when {@code validate} asks.
 */
final class HashJoin {
  /** The most rows a cross join may produce (one batch). */
  static final long MAX_CROSS_ROWS = Integer.MAX_VALUE - 8;

  private HashJoin() {}

  /** Takes ownership of both inputs; the output is morsels (in order) from {@code allocator}. */
  static List<RecordBatch> run(Join join, List<RecordBatch> leftInput, List<RecordBatch> rightInput,
      BufferAllocator allocator, QueryContext context) {
    JoinLayout layout;
    try {
      layout = JoinLayout.of(join);
    } catch (RuntimeException failure) {
      leftInput.forEach(RecordBatch::close);
      rightInput.forEach(RecordBatch::close);
      throw failure;
    }
    if (LeftBuildJoin.applies(join, layout, rightFirst(join), rows(leftInput), rows(rightInput))) {
      return LeftBuildJoin.run(join, layout, leftInput, rightInput, allocator, context);
    }
    if (ProbeJoin.applies(join, layout, rightFirst(join), rows(leftInput), rows(rightInput))) {
      return ProbeJoin.run(join, layout, leftInput, rightInput, allocator, context);
    }
    RecordBatch left;
    try {
      left = Batches.concat(leftInput, join.left().schema(), allocator);
    } catch (RuntimeException failure) {
      rightInput.forEach(RecordBatch::close);
      throw failure;
    }
    try (left; RecordBatch right = Batches.concat(rightInput, join.right().schema(), allocator)) {
      if (join.how() == JoinType.CROSS) {
        checkCrossSize(left.rowCount(), right.rowCount());
        boolean rightMajor = rightFirst(join);
        int[][] rows = rightMajor ? cross(right.rowCount(), left.rowCount()) : cross(left.rowCount(), right.rowCount());
        return JoinGather.gather(layout, left, right, rows[rightMajor ? 1 : 0], rows[rightMajor ? 0 : 1], null,
            allocator, context);
      }
      try (JoinKeys keys = JoinKeys.of(join, layout, left, right, allocator, context)) {
        JoinValidation.check(join, keys, allocator);
        return match(join, layout, left, right, keys, allocator, context);
      }
    }
  }

  private static List<RecordBatch> match(Join join, JoinLayout layout, RecordBatch left, RecordBatch right,
      JoinKeys keys, BufferAllocator allocator, QueryContext context) {
    int nl = left.rowCount();
    int nr = right.rowCount();
    boolean nullsEqual = join.options().nullsEqual();
    if (join.how() == JoinType.SEMI || join.how() == JoinType.ANTI) {
      boolean[] found;
      try (JoinTable table = JoinTable.build(keys.columns(), keys.hashes(), keys.rightAt(0), keys.rightAt(nr),
          nullsEqual, allocator)) {
        found = JoinProbe.matched(table, keys.leftAt(0), keys.leftAt(nl), context);
      }
      int[] rows = new int[nl];
      int count = 0;
      for (int row = 0; row < nl; row++) {
        if (found[row] == (join.how() == JoinType.SEMI)) {
          rows[count++] = row;
        }
      }
      return JoinGather.gather(layout, left, right, java.util.Arrays.copyOf(rows, count), null, keys, allocator,
          context);
    }
    boolean buildLeft = keys.buildsLeft();
    int buildFrom = buildLeft ? keys.leftAt(0) : keys.rightAt(0);
    int buildRows = buildLeft ? nl : nr;
    int probeFrom = buildLeft ? keys.rightAt(0) : keys.leftAt(0);
    JoinProbe.Pairs pairs;
    try (JoinTable table = JoinTable.build(keys.columns(), keys.hashes(), buildFrom, buildFrom + buildRows, nullsEqual,
        allocator)) {
      pairs = JoinProbe.matches(table, probeFrom, probeFrom + (buildLeft ? nr : nl), context);
    }
    int[] leftRows = new int[pairs.size];
    int[] rightRows = new int[pairs.size];
    for (int pair = 0; pair < pairs.size; pair++) {
      leftRows[pair] = (buildLeft ? pairs.build[pair] : pairs.probe[pair]) - keys.leftAt(0);
      rightRows[pair] = (buildLeft ? pairs.probe[pair] : pairs.build[pair]) - keys.rightAt(0);
    }
    boolean rightFirst = rightFirst(join);
    boolean leftOuter = join.how() == JoinType.LEFT || join.how() == JoinType.FULL;
    boolean rightOuter = join.how() == JoinType.RIGHT || join.how() == JoinType.FULL;
    int[][] ordered = rightFirst
        ? JoinOrder.arrange(rightRows, leftRows, pairs.size, nr, nl, buildLeft, rightOuter, leftOuter)
        : JoinOrder.arrange(leftRows, rightRows, pairs.size, nl, nr, !buildLeft, leftOuter, rightOuter);
    int[] outLeft = rightFirst ? ordered[1] : ordered[0];
    int[] outRight = rightFirst ? ordered[0] : ordered[1];
    return JoinGather.gather(layout, left, right, outLeft, outRight, keys, allocator, context);
  }

  private static int rows(List<RecordBatch> batches) {
    long rows = 0;
    for (RecordBatch batch : batches) {
      rows += batch.rowCount();
    }
    return (int) Math.min(Integer.MAX_VALUE, rows);
  }

  /** Whether the output follows the right input's order: right joins, unless told otherwise. */
  private static boolean rightFirst(Join join) {
    MaintainOrder order = join.options().maintainOrder();
    if (join.how() == JoinType.RIGHT) {
      return order != MaintainOrder.LEFT && order != MaintainOrder.LEFT_RIGHT;
    }
    return order == MaintainOrder.RIGHT || order == MaintainOrder.RIGHT_LEFT;
  }

  /** Refuses a cross join whose output would not fit one batch, naming both sizes. */
  private static void checkCrossSize(int nl, int nr) {
    long total = (long) nl * nr;
    if (total > MAX_CROSS_ROWS) {
      throw new InvalidOperationException("a cross join of " + nl + " left rows and " + nr + " right rows would make "
          + total + " rows, more than " + MAX_CROSS_ROWS + "; filter the inputs or join on keys");
    }
  }

  /**
   * Every (outer, inner) pair, outer-major: left-major as Polars' cross join, or right-major (the
   * arguments swapped) for {@code maintainOrder} right.
   */
  private static int[][] cross(int outerRows, int innerRows) {
    int total = outerRows * innerRows; // checked to fit
    int[] outer = new int[total];
    int[] inner = new int[total];
    int out = 0;
    for (int o = 0; o < outerRows; o++) {
      for (int i = 0; i < innerRows; i++) {
        outer[out] = o;
        inner[out++] = i;
      }
    }
    return new int[][] {outer, inner};
  }

  /** The key expressions of one side, cast to the key types, resolved over that side. */
  static List<ResolvedExpr> keyExprs(List<Expr> keys, List<DataType> types, RecordBatch side) {
    Resolver resolver = new Resolver(side.schema());
    List<ResolvedExpr> resolved = new ArrayList<>(keys.size());
    for (int key = 0; key < keys.size(); key++) {
      ResolvedExpr plain = resolver.resolveOne(keys.get(key));
      resolved.add(plain.type().equals(types.get(key)) ? plain
          : resolver.resolveOne(keys.get(key).cast(types.get(key))));
    }
    return resolved;
  }

  /** Both sides' key columns, concatenated per key (the build side first), and their row hashes. */
  record JoinKeys(List<Column> columns, long[] hashes, boolean buildsLeft, int leftRows, int rightRows)
      implements AutoCloseable {
    static JoinKeys of(Join join, JoinLayout layout, RecordBatch left, RecordBatch right, BufferAllocator allocator,
        QueryContext context) {
      boolean buildsLeft = join.how() != JoinType.SEMI && join.how() != JoinType.ANTI
          && left.rowCount() < right.rowCount();
      List<Column> leftKeys = Projection.evaluate(left, keyExprs(join.leftOn(), layout.keyTypes(), left), true,
          allocator);
      List<Column> combined = new ArrayList<>();
      try (Closer closer = new Closer(leftKeys)) {
        List<Column> rightKeys = Projection.evaluate(right, keyExprs(join.rightOn(), layout.keyTypes(), right), true,
            allocator);
        closer.add(rightKeys);
        for (int key = 0; key < leftKeys.size(); key++) {
          combined.add(Concatenation.concat(allocator, buildsLeft ? List.of(leftKeys.get(key), rightKeys.get(key))
              : List.of(rightKeys.get(key), leftKeys.get(key))));
        }
        return new JoinKeys(combined, JoinProbe.hashes(combined, allocator, context), buildsLeft, left.rowCount(),
            right.rowCount());
      } catch (RuntimeException failure) {
        combined.forEach(Column::close);
        throw failure;
      }
    }

    /** The row of the concatenated keys that holds left row {@code row}. */
    int leftAt(int row) {
      return buildsLeft ? row : rightRows + row;
    }

    int rightAt(int row) {
      return buildsLeft ? leftRows + row : row;
    }

    @Override
    public void close() {
      columns.forEach(Column::close);
    }
  }

  /** Closes the columns it holds. */
  private record Closer(List<Column> columns) implements AutoCloseable {
    Closer {
      columns = new ArrayList<>(columns);
    }

    void add(List<Column> more) {
      columns.addAll(more);
    }

    @Override
    public void close() {
      columns.forEach(Column::close);
    }
  }
}
