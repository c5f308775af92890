package dev.floe.engine.exec;

import dev.floe.engine.expr.Projection;
import dev.floe.kernels.Gather;
import dev.floe.kernels.hashing.CrossEquality;
import dev.floe.kernels.hashing.DictionaryProbe;
import dev.floe.kernels.hashing.IntegerKeys;
import dev.floe.kernels.hashing.JoinTable;
import dev.floe.kernels.hashing.PartitionedJoinTable;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinOptions.Validate;
import dev.floe.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The common shape of a hash join: inner, left, semi or anti, built on the right side (the smaller
 * one; semi and anti joins whose right side is the larger go to {@link LeftBuildJoin} first), with
 * the output in left order. The table is built once
 * over the right input; then every left morsel, as it came and without first concatenating the
 * left input, is a task on the query pool that evaluates and hashes its own keys and looks them up
 * ({@link JoinLookup}). A small build side then gathers each
 * morsel's output rows at once: the left columns by the morsel's matched rows (shared without a
 * copy where every row matched once, as in a left join on unique right keys), the right columns by
 * the matched build rows. A large one ({@link #LARGE_BUILD_ROWS} rows or more) is built in hash
 * partitions by parallel tasks ({@link PartitionedJoinTable}), and its join runs in two phases
 * ({@link PairsFirstJoin}): all matches first, then the table's memory is returned, then the output
 * is gathered, so the table and the output are never alive together. Each morsel's matches come
 * out in left order, a left row's matches in right order, the same order {@link HashJoin}'s
 * general path produces. This is the probe pipeline of morsel-driven engines (Leis et al.,
 * "Morsel-Driven Parallelism", SIGMOD 2014): the probe side is never materialized whole.
 */
final class ProbeJoin {
  private ProbeJoin() {}

  /** Whether {@link #run} handles the join (the right side built, the left order kept). */
  static boolean applies(Join join, JoinLayout layout, boolean rightFirst, int leftRows, int rightRows) {
    JoinType how = join.how();
    boolean shape = how == JoinType.SEMI || how == JoinType.ANTI
        || ((how == JoinType.INNER || how == JoinType.LEFT) && rightRows <= leftRows);
    Validate validate = join.options().validate();
    return shape && !rightFirst && (validate == Validate.MANY_TO_MANY || validate == Validate.MANY_TO_ONE)
        && layout.columns().stream().noneMatch(column -> column.side() == JoinLayout.Side.KEY);
  }

  /** Build sides of at least this many rows are built in partitions and joined pairs first. */
  static final int LARGE_BUILD_ROWS = 1 << 20;

  /** The partitions of a large build: enough that each table is small and the tasks balance. */
  static final int PARTITIONS = 256;

  /**
   * Joins the left morsels with the right input (both closed here); the output is one batch per
   * left morsel, in order, from {@code allocator}.
   */
  static List<RecordBatch> run(Join join, JoinLayout layout, List<RecordBatch> leftInput,
      List<RecordBatch> rightInput, BufferAllocator allocator, QueryContext context) {
    List<RecordBatch> morsels;
    try {
      morsels = morsels(leftInput, context.morselRows());
    } catch (RuntimeException failure) {
      rightInput.forEach(RecordBatch::close);
      throw failure;
    }
    try {
      long rightRows = rightInput.stream().mapToLong(RecordBatch::rowCount).sum();
      if (rightRows >= LARGE_BUILD_ROWS) {
        return PairsFirstJoin.run(join, layout, morsels, rightInput, PARTITIONS, allocator, context);
      }
      try (RecordBatch right = Batches.concat(rightInput, join.right().schema(), allocator)) {
        return streamed(join, layout, morsels, right, allocator, context);
      }
    } finally {
      morsels.forEach(RecordBatch::close);
    }
  }

  /** Probes and gathers each morsel in one task, with the (small) table alive throughout. */
  private static List<RecordBatch> streamed(Join join, JoinLayout layout, List<RecordBatch> morsels,
      RecordBatch right, BufferAllocator allocator, QueryContext context) {
    RecordBatch[] out = new RecordBatch[morsels.size()];
    List<Column> buildKeys = List.of();
    try {
      buildKeys = buildKeys(join, layout, right, allocator);
      try (PartitionedJoinTable table = ProbeJoin.table(join, buildKeys, 1, allocator, context)) {
        JoinLookup lookup = new JoinLookup(join, layout, table, buildKeys, allocator);
        List<Callable<Void>> tasks = new ArrayList<>(morsels.size());
        for (int index = 0; index < morsels.size(); index++) {
          int at = index;
          tasks.add(() -> {
            RecordBatch morsel = morsels.get(at);
            ProbeScratch scratch = ProbeScratch.acquire();
            try {
              int count = lookup.probe(morsel, scratch);
              out[at] = lookup.filters()
                  ? output(layout, morsel, right, scratch.kept(0), null, count, allocator)
                  : output(layout, morsel, right, scratch.pairs.probe, scratch.pairs.build, count, allocator);
            } finally {
              scratch.release();
            }
            return null;
          });
        }
        JoinProbe.run(tasks, context);
        return Arrays.asList(out);
      }
    } catch (RuntimeException failure) {
      for (RecordBatch batch : out) {
        if (batch != null) {
          batch.close();
        }
      }
      throw failure;
    } finally {
      buildKeys.forEach(Column::close);
    }
  }

  /**
   * The table over {@code buildKeys} in {@code partitions} partitions, checked for unique keys when
   * {@code validate} is {@code m:1}; the caller closes it.
   */
  static PartitionedJoinTable table(Join join, List<Column> buildKeys, int partitions, BufferAllocator allocator,
      QueryContext context) {
    PartitionedJoinTable table = PartitionedJoinTable.build(buildKeys, join.options().nullsEqual(), partitions,
        tasks -> JoinProbe.runAll(tasks, context), allocator);
    try {
      if (join.options().validate() == Validate.MANY_TO_ONE) {
        JoinValidation.uniqueRight(join, table, buildKeys);
      }
      return table;
    } catch (RuntimeException failure) {
      table.close();
      throw failure;
    }
  }

  /** The build side's key columns in the match types, evaluated over {@code right}. */
  static List<Column> buildKeys(Join join, JoinLayout layout, RecordBatch right, BufferAllocator allocator) {
    return Projection.evaluate(right, HashJoin.keyExprs(join.rightOn(), matchTypes(layout), right), true,
        allocator);
  }

  /** The left input cut into batches of at most {@code rows} rows (slices; the input is closed). */
  static List<RecordBatch> morsels(List<RecordBatch> input, int rows) {
    List<RecordBatch> morsels = new ArrayList<>();
    try {
      for (RecordBatch batch : input) {
        if (batch.rowCount() <= rows) {
          morsels.add(batch.slice(0, batch.rowCount()));
          continue;
        }
        for (int from = 0; from < batch.rowCount(); from += rows) {
          morsels.add(batch.slice(from, Math.min(rows, batch.rowCount() - from)));
        }
      }
      return morsels;
    } catch (RuntimeException failure) {
      morsels.forEach(RecordBatch::close);
      throw failure;
    } finally {
      input.forEach(RecordBatch::close);
    }
  }

  /**
   * The morsel's one key as it is, when it is categorical and {@link DictionaryProbe#applies}; else
   * null (the caller evaluates the keys in the match types).
   */
  static List<Column> categoricalKey(Join join, RecordBatch morsel, List<Column> buildKeys,
      boolean nullsMatch, BufferAllocator allocator) {
    if (buildKeys.size() != 1) {
      return null;
    }
    ResolvedExpr plain = new Resolver(morsel.schema()).resolveOne(join.leftOn().getFirst());
    if (!(plain.type() instanceof DataType.Dictionary)) {
      return null;
    }
    List<Column> keys = Projection.evaluate(morsel, List.of(plain), true, allocator);
    if (DictionaryProbe.applies(keys.getFirst(), buildKeys.getFirst(), nullsMatch)) {
      return keys;
    }
    keys.forEach(Column::close);
    return null;
  }

  /**
   * The types the keys are matched in: the join's key types, except that a categorical key is
   * matched by its values. The two sides' dictionaries differ (each side was cast on its own), and
   * the probe never unifies them, so their indices do not compare; the output keeps the inputs'
   * categorical columns.
   */
  static List<DataType> matchTypes(JoinLayout layout) {
    return layout.keyTypes().stream()
        .map(type -> type instanceof DataType.Dictionary dictionary ? dictionary.valueType() : type)
        .toList();
  }

  static boolean hasNull(Column[] nullable, int row) {
    for (Column key : nullable) {
      if (key.isNull(row)) {
        return true;
      }
    }
    return false;
  }

  /** The output batch: left columns by {@code leftRows}, right ones by {@code rightRows} (-1: null). */
  static RecordBatch output(JoinLayout layout, RecordBatch morsel, RecordBatch right, int[] leftRows,
      int[] rightRows, int count, BufferAllocator allocator) {
    boolean identity = count == morsel.rowCount() && isIdentity(leftRows, count);
    List<Column> columns = new ArrayList<>(layout.columns().size());
    try {
      for (JoinLayout.Column column : layout.columns()) {
        columns.add(switch (column.side()) {
          case LEFT -> identity ? morsel.column(column.index()).share()
              : Gather.rows(morsel.column(column.index()), leftRows, count, allocator);
          case RIGHT -> Gather.rows(right.column(column.index()), rightRows, count, allocator);
          case KEY -> throw new IllegalStateException("a coalesced full-join key in a probe join");
        });
      }
    } catch (RuntimeException failure) {
      columns.forEach(Column::close);
      throw failure;
    }
    return new RecordBatch(layout.schema(), columns, count);
  }

  static boolean isIdentity(int[] rows, int count) {
    for (int row = 0; row < count; row++) {
      if (rows[row] != row) {
        return false;
      }
    }
    return true;
  }
}
