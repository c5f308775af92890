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
 * one, or always for semi and anti joins), with the output in left order. The table is built once
 * over the right input (a large one in hash partitions by parallel tasks, {@link
 * PartitionedJoinTable}); then every left morsel, as it came and without first concatenating the
 * left input, is a task on the query pool that evaluates and hashes its own keys, looks them up
 * ({@link JoinTable#group(long, CrossEquality, int)}) and gathers its output rows: the left
 * columns by the morsel's matched rows (shared without a copy where every row matched once, as in
 * a left join on unique right keys), the right columns by the matched build rows. Each morsel's
 * matches come out in left order, a left row's matches in right order, the same order {@link
 * HashJoin}'s general path produces. This is the probe pipeline of morsel-driven engines (Leis et
 * al., "Morsel-Driven Parallelism", SIGMOD 2014): the probe side is never materialized whole.
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

  /** Build sides of at least this many rows are built in partitions by parallel tasks. */
  static final int PARALLEL_BUILD_ROWS = 1 << 20;

  /** The partitions of a parallel build: enough that each table is small and the tasks balance. */
  private static final int PARTITIONS = 256;

  /**
   * Joins the left morsels (closed here) with the whole {@code right} batch (the caller closes it);
   * the output is one batch per left morsel, in order, from {@code allocator}.
   */
  static List<RecordBatch> run(Join join, JoinLayout layout, List<RecordBatch> leftInput, RecordBatch right,
      BufferAllocator allocator, QueryContext context) {
    List<RecordBatch> morsels = morsels(leftInput, context.morselRows());
    RecordBatch[] out = new RecordBatch[morsels.size()];
    List<Column> buildKeys = List.of();
    try {
      buildKeys = Projection.evaluate(right, HashJoin.keyExprs(join.rightOn(), matchTypes(layout), right), true,
          allocator);
      long[] hashes = JoinProbe.hashes(buildKeys, allocator, context);
      int partitions = right.rowCount() >= PARALLEL_BUILD_ROWS && context.pool().getParallelism() > 1
          ? PARTITIONS : 1;
      PartitionedJoinTable table = PartitionedJoinTable.build(buildKeys, hashes, join.options().nullsEqual(),
          partitions, tasks -> JoinProbe.runAll(tasks, context));
      if (join.options().validate() == Validate.MANY_TO_ONE) {
        JoinValidation.uniqueRight(join, table, buildKeys);
      }
      List<Column> keys = buildKeys;
      DictionaryProbe.Cache dictionaries = new DictionaryProbe.Cache();
      List<Callable<Void>> tasks = new ArrayList<>(morsels.size());
      for (int index = 0; index < morsels.size(); index++) {
        int at = index;
        tasks.add(() -> {
          out[at] = probe(join, layout, table, keys, morsels.get(at), right, dictionaries, allocator);
          return null;
        });
      }
      JoinProbe.run(tasks, context);
      return Arrays.asList(out);
    } catch (RuntimeException failure) {
      for (RecordBatch batch : out) {
        if (batch != null) {
          batch.close();
        }
      }
      throw failure;
    } finally {
      buildKeys.forEach(Column::close);
      morsels.forEach(RecordBatch::close);
    }
  }

  /** The left input cut into batches of at most {@code rows} rows (slices; the input is closed). */
  private static List<RecordBatch> morsels(List<RecordBatch> input, int rows) {
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
   * One left morsel's output rows. A categorical left key (one key) is looked up by its dictionary
   * indices ({@link DictionaryProbe}), the dictionary's entries once per query; other keys are
   * cast to the match types, hashed, and looked up row by row.
   */
  private static RecordBatch probe(Join join, JoinLayout layout, PartitionedJoinTable table,
      List<Column> buildKeys, RecordBatch morsel, RecordBatch right, DictionaryProbe.Cache dictionaries,
      BufferAllocator allocator) {
    List<Column> categoricalKeys = categoricalKey(join, morsel, buildKeys, table.nullsMatch(), allocator);
    List<Column> keys = categoricalKeys != null ? categoricalKeys
        : Projection.evaluate(morsel, HashJoin.keyExprs(join.leftOn(), matchTypes(layout), morsel), true, allocator);
    ProbeScratch scratch = ProbeScratch.acquire();
    try {
      int[] entries = null;
      DictionaryProbe byEntry = null;
      long[] hashes = null;
      if (categoricalKeys != null) {
        DictionaryColumn categorical = (DictionaryColumn) keys.getFirst();
        byEntry = dictionaries.get(categorical.dictionary(),
            () -> DictionaryProbe.of(table, buildKeys.getFirst(), categorical.dictionary(), allocator));
        entries = byEntry.entries(categorical);
      } else {
        hashes = JoinTable.hashes(keys, allocator, scratch.hashes(morsel.rowCount()));
      }
      CrossEquality equality = hashes == null ? null : CrossEquality.of(buildKeys, keys);
      IntegerKeys integers = hashes != null && table.keysInSlots(keys) ? IntegerKeys.of(keys) : null;
      Column[] nullable = table.nullsMatch() || entries != null ? new Column[0]
          : keys.stream().filter(key -> key.nullCount() > 0).toArray(Column[]::new);
      int rows = morsel.rowCount();
      JoinType how = join.how();
      boolean filter = how == JoinType.SEMI || how == JoinType.ANTI;
      boolean outer = how == JoinType.LEFT;
      {
        int[] kept = filter ? scratch.kept(rows) : null;
        int count = 0;
        int[] groups = null;
        if (integers != null) {
          groups = scratch.groups(rows);
          table.groupsOfKeys(hashes, integers, rows, groups);
        }
        JoinProbe.Pairs pairs = scratch.pairs;
        for (int row = 0; row < rows; row++) {
          JoinTable part;
          int group;
          if (entries != null) {
            int entry = entries[row];
            part = entry < 0 ? null : byEntry.table(entry);
            group = part == null ? -1 : byEntry.group(entry);
          } else if (hasNull(nullable, row)) {
            part = null;
            group = -1;
          } else {
            long hash = hashes[row];
            part = table.part(hash);
            group = groups != null ? groups[row] : part.group(hash, equality, row);
          }
          if (filter) {
            if ((group >= 0) == (how == JoinType.SEMI)) {
              kept[count++] = row;
            }
          } else if (group < 0) {
            if (outer) {
              pairs.add(row, -1);
            }
          } else if (part.uniqueKeys()) {
            pairs.add(row, group);
          } else {
            for (int position = part.start(group); position < part.end(group); position++) {
              pairs.add(row, part.row(position));
            }
          }
        }
        return filter ? output(layout, morsel, right, kept, null, count, allocator)
            : output(layout, morsel, right, pairs.probe, pairs.build, pairs.size, allocator);
      }
    } finally {
      scratch.release();
      keys.forEach(Column::close);
    }
  }

  /**
   * The morsel's one key as it is, when it is categorical and {@link DictionaryProbe#applies}; else
   * null (the caller evaluates the keys in the match types).
   */
  private static List<Column> categoricalKey(Join join, RecordBatch morsel, List<Column> buildKeys,
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
  private static List<DataType> matchTypes(JoinLayout layout) {
    return layout.keyTypes().stream()
        .map(type -> type instanceof DataType.Dictionary dictionary ? dictionary.valueType() : type)
        .toList();
  }

  private static boolean hasNull(Column[] nullable, int row) {
    for (Column key : nullable) {
      if (key.isNull(row)) {
        return true;
      }
    }
    return false;
  }

  /** The output batch: left columns by {@code leftRows}, right ones by {@code rightRows} (-1: null). */
  private static RecordBatch output(JoinLayout layout, RecordBatch morsel, RecordBatch right, int[] leftRows,
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

  private static boolean isIdentity(int[] rows, int count) {
    for (int row = 0; row < count; row++) {
      if (rows[row] != row) {
        return false;
      }
    }
    return true;
  }
}
