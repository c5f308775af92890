package dev.floe.engine.exec;

import dev.floe.engine.exec.AggregateLeaves.Leaf;
import dev.floe.engine.exec.GroupedReducers.Reduce;
import dev.floe.engine.expr.ExpressionEvaluator;
import dev.floe.engine.expr.Projection;
import dev.floe.errors.FloeException;
import dev.floe.kernels.hashing.DirectGroupIds;
import dev.floe.kernels.hashing.GroupIds;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Agg;
import dev.floe.planner.expr.AggFunction;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ResolvedExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two-phase hash aggregation of decomposable reductions, as in DuckDB's and Polars' parallel
 * group-by (Leis et al., "Morsel-driven parallelism", SIGMOD 2014; Polars' {@code
 * polars-pipe/src/executors/sinks/group_by}): each morsel, on its own thread, groups its rows
 * ({@link GroupIds}) and reduces them into one partial row per group of that morsel (keys, then
 * state columns: sum, min, max, count, len, first, last; a mean keeps a sum and a count). The
 * merge concatenates the partial rows in morsel order, groups them again by key and combines the
 * states (a sum of sums, a sum of counts, the first of firsts, ...), then evaluates the agg
 * expressions over the per-group values. Groups come out in order of first appearance: partials
 * list a morsel's groups in that order and morsels arrive in order.
 */
final class PartialGroupBy {
  /** One state column: the reduction of {@code input} (null: the rows themselves) per morsel. */
  private record State(Reduce partial, Reduce merge, Expr input, DataType type) {}

  private final AggregateLeaves leaves;
  private final List<State> states = new ArrayList<>();
  /** The index of each leaf's first state (a mean has two: sum, count). */
  private final int[] firstState;
  private final Schema partialSchema;
  private final String text;
  private final PassThrough passThrough = new PassThrough();

  /**
   * Decides once whether pre-aggregation pays: when each of the first {@link #SAMPLES} morsels
   * has more groups than half its rows, the rest skip grouping and pass their rows on as partial
   * states (the merge groups them anyway). With all-distinct keys (h2o's q10) grouping a morsel
   * costs a hash and a gather of every key and saves the merge nothing. DuckDB and Polars switch
   * their partial aggregation off the same way.
   */
  private static final class PassThrough {
    static final int SAMPLES = 3;
    private final java.util.concurrent.atomic.AtomicInteger wide = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean active;

    boolean active() {
      return active;
    }

    void observe(int rows, int groups) {
      if (rows >= 4096 && groups * 2L > rows) {
        if (wide.incrementAndGet() >= SAMPLES) {
          active = true;
        }
      } else if (rows >= 4096) {
        wide.set(Integer.MIN_VALUE); // a morsel that pre-aggregates well: keep grouping
      }
    }
  }

  PartialGroupBy(AggregateLeaves leaves, String text) {
    this.leaves = leaves;
    this.text = text;
    this.firstState = new int[leaves.leaves().size()];
    List<Field> fields = new ArrayList<>();
    for (ResolvedExpr key : leaves.keys()) {
      fields.add(Field.of(key.name(), key.type()));
    }
    for (int index = 0; index < leaves.leaves().size(); index++) {
      Leaf leaf = leaves.leaves().get(index);
      firstState[index] = states.size();
      Reduce reduce = AggregateLeaves.reduceOf(leaf);
      Expr input = leaves.stateInput(leaf);
      if (reduce == Reduce.MOMENTS) {
        // count, mean and M2: updated and merged together (GroupedMoments)
        for (int moment = 0; moment < 3; moment++) {
          states.add(new State(Reduce.MOMENTS, Reduce.MOMENTS, input, DataType.FLOAT64));
        }
      } else if (leaf.expr() instanceof Agg agg && agg.function() == AggFunction.MEAN) {
        states.add(new State(Reduce.SUM, Reduce.SUM, input, DataType.FLOAT64));
        states.add(new State(Reduce.COUNT, Reduce.SUM, input, DataType.UINT32));
      } else {
        Reduce merge = reduce == Reduce.COUNT || reduce == Reduce.LEN ? Reduce.SUM : reduce;
        states.add(new State(reduce, merge, input, leaf.type()));
      }
    }
    for (int index = 0; index < states.size(); index++) {
      fields.add(Field.of("__floe_state_" + index, states.get(index).type()));
    }
    this.partialSchema = new Schema(fields);
  }

  /** The operator turning one morsel into its partial rows (one per group of the morsel). */
  MorselOperator partialOperator() {
    return new MorselOperator() {
      @Override
      public RecordBatch apply(RecordBatch input, BufferAllocator allocator) {
        try (input) {
          return partial(input, allocator);
        } catch (FloeException failure) {
          throw OperatorErrors.wrap(failure, "while evaluating " + text + " in GroupBy");
        }
      }

      @Override
      public String describe() {
        return "PartialGroupBy " + text;
      }

      @Override
      public Set<String> columnsRead(Set<String> needed) {
        Set<String> read = new java.util.LinkedHashSet<>(LateMaterialization.columnsOf(leaves.keys()));
        for (State state : states) {
          if (state.input() != null) {
            read.addAll(dev.floe.planner.expr.ExprTrees.columnNames(state.input()));
          }
        }
        return read;
      }
    };
  }

  private RecordBatch partial(RecordBatch input, BufferAllocator allocator) {
    List<Column> out = new ArrayList<>();
    List<Column> keys = Projection.evaluate(input, leaves.keys(), true, allocator);
    Map<Expr, Column> inputs = new HashMap<>();
    Column[] groupSizes = new Column[1]; // a len, and every count of a column without nulls, shares it
    Map<List<Object>, Column> reduced = new HashMap<>(); // states already in out, by reduction, input, type
    try {
      int rows = input.rowCount();
      int[] ids;
      int groupCount;
      if (passThrough.active()) {
        // nearly every row is its own group: each row is its own partial state, not grouped here
        ids = new int[rows];
        java.util.Arrays.setAll(ids, row -> row);
        groupCount = rows;
        for (Column key : keys) {
          out.add(key.share());
        }
      } else {
        GroupIds groups = GroupedReducers.groupIds(keys, allocator);
        ids = groups.ids();
        groupCount = groups.groupCount();
        passThrough.observe(rows, groupCount);
        int[] firstRows = groups.firstRows();
        for (Column key : keys) {
          out.add(GroupedReducers.gather(key, firstRows, allocator));
        }
      }
      for (int index = 0; index < states.size(); index++) {
        State state = states.get(index);
        Column values = state.input() == null ? keys.getFirst()
            : inputs.computeIfAbsent(state.input(), expr -> ExpressionEvaluator.evaluate(input, expr, allocator));
        if (state.partial() == Reduce.MOMENTS) {
          out.addAll(GroupedMoments.update(values, ids, groupCount, allocator));
          index += 2;
          continue;
        }
        boolean sizes = (state.partial() == Reduce.LEN || (state.partial() == Reduce.COUNT && values.nullCount() == 0))
            && (groupSizes[0] == null || groupSizes[0].type().equals(state.type()));
        if (sizes) {
          if (groupSizes[0] == null) {
            groupSizes[0] = GroupedReducers.reduce(Reduce.LEN, values, ids, groupCount, state.type(), allocator);
          }
          out.add(groupSizes[0].share());
          continue;
        }
        // a mean's sum is often also a sum of its own (TPC-H Q1: sum and mean of l_quantity): reduce once
        Column same = reduced.get(java.util.Arrays.asList(state.partial(), state.input(), state.type()));
        if (same != null) {
          out.add(same.share());
          continue;
        }
        Column result = GroupedReducers.reduce(state.partial(), values, ids, groupCount, state.type(), allocator);
        out.add(result);
        reduced.put(java.util.Arrays.asList(state.partial(), state.input(), state.type()), result);
      }
      return new RecordBatch(partialSchema, out, groupCount);
    } catch (RuntimeException failure) {
      out.forEach(Column::close);
      throw failure;
    } finally {
      keys.forEach(Column::close);
      inputs.values().forEach(Column::close);
      if (groupSizes[0] != null) {
        groupSizes[0].close();
      }
    }
  }

  /**
   * The aggregate's rows from every morsel's partial rows; takes ownership of {@code partials}.
   * Many partial rows are merged in parallel, partitioned by key hash ({@link PartitionedMerge}).
   */
  RecordBatch merge(List<RecordBatch> partials, BufferAllocator allocator, QueryContext context) {
    try (RecordBatch all = Batches.concat(partials, partialSchema, allocator, context)) {
      int keyCount = leaves.keys().size();
      if (keyCount == 1 && all.rowCount() > 0) {
        // one integer key of small range: one pass of direct indexing beats hashing, partitioning
        // and gathering every partial row (h2o q5: 10M partial rows of 100K keys)
        GroupIds direct = DirectGroupIds.tryOf(all.column(0));
        if (direct != null) {
          return mergeGrouped(all, direct, allocator).output();
        }
      }
      if (all.rowCount() > 0 && all.rowCount() < ParallelGrouping.MIN_ROWS) {
        // keys that group without hashing bytes (TPC-H Q10's customer key before its strings): one
        // thread's pass beats hashing every key column of every partial row to partition them
        GroupIds packed = GroupIds.tryPacked(all.columns().subList(0, keyCount));
        if (packed != null) {
          return mergeGrouped(all, packed, allocator).output();
        }
      }
      if (PartitionedMerge.applies(all.columns().subList(0, keyCount), all.rowCount(), context)) {
        return PartitionedMerge.run(all, keyCount, leaves.aggregate().maintainOrder(), this::mergeOne, context,
            allocator);
      }
      return mergeOne(all, null, allocator).output();
    } catch (FloeException failure) {
      throw OperatorErrors.wrap(failure, "while evaluating " + text + " in GroupBy");
    }
  }

  /**
   * The groups of {@code all}'s partial rows (not closed here), and each group's first row; {@code
   * hashes} are the rows' key hashes when the partitioning computed them, else null.
   */
  private PartitionedMerge.Merged mergeOne(RecordBatch all, long[] hashes, BufferAllocator allocator) {
    int keyCount = leaves.keys().size();
    List<Column> keys = all.columns().subList(0, keyCount);
    GroupIds groups = all.rowCount() == 0 ? null
        : hashes != null ? GroupIds.ofHashed(keys, hashes) : GroupedReducers.groupIds(keys, allocator);
    return mergeGrouped(all, groups, allocator);
  }

  /** {@link #mergeOne} with the partial rows' groups given ({@code null} for no rows). */
  private PartitionedMerge.Merged mergeGrouped(RecordBatch all, GroupIds groups, BufferAllocator allocator) {
    int keyCount = leaves.keys().size();
    int count = groups == null ? 0 : groups.groupCount();
    int[] ids = groups == null ? new int[0] : groups.ids();
    int[] firstRows = groups == null ? new int[0] : groups.firstRows();
    List<Column> keys = new ArrayList<>();
    List<Column> merged = new ArrayList<>();
    try {
      for (int index = 0; index < keyCount; index++) {
        keys.add(GroupedReducers.gather(all.column(index), firstRows, allocator));
      }
      for (int index = 0; index < states.size(); index++) {
        State state = states.get(index);
        if (state.merge() == Reduce.MOMENTS) {
          int first = keyCount + index;
          merged.addAll(GroupedMoments.merge(all.column(first), all.column(first + 1), all.column(first + 2), ids,
              count, allocator));
          index += 2;
          continue;
        }
        merged.add(GroupedReducers.reduce(state.merge(), all.column(keyCount + index), ids, count, state.type(),
            allocator));
      }
      List<Column> leafColumns = leafColumns(merged, count, allocator);
      return new PartitionedMerge.Merged(GeneralGroupBy.finish(leaves, keys, leafColumns, count, allocator),
          firstRows);
    } catch (RuntimeException failure) {
      keys.forEach(Column::close);
      throw failure;
    } finally {
      merged.forEach(Column::close);
    }
  }

  /** Each leaf's value per group from the merged states (a mean divides its sum by its count). */
  private List<Column> leafColumns(List<Column> merged, int count, BufferAllocator allocator) {
    List<Column> result = new ArrayList<>();
    try {
      for (int index = 0; index < firstState.length; index++) {
        Leaf leaf = leaves.leaves().get(index);
        Column first = merged.get(firstState[index]);
        if (AggregateLeaves.reduceOf(leaf) == Reduce.MOMENTS) {
          Agg agg = (Agg) leaf.expr();
          result.add(GroupedMoments.finish(first, merged.get(firstState[index] + 2), agg.ddof(),
              agg.function() == AggFunction.STD, leaf.type(), allocator));
        } else if (leaf.expr() instanceof Agg agg && agg.function() == AggFunction.MEAN) {
          result.add(mean((FixedWidthColumn) first, (FixedWidthColumn) merged.get(firstState[index] + 1), leaf.type(),
              count, allocator));
        } else {
          result.add(first.slice(0, first.length()));
        }
      }
      return result;
    } catch (RuntimeException failure) {
      result.forEach(Column::close);
      throw failure;
    }
  }

  private static Column mean(FixedWidthColumn sums, FixedWidthColumn counts, DataType type, int count,
      BufferAllocator allocator) {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(type, allocator, count)) {
      for (int group = 0; group < count; group++) {
        long n = Integer.toUnsignedLong(counts.getInt(group));
        if (n == 0) {
          builder.appendNull();
        } else if (type instanceof DataType.Float32) {
          builder.appendFloat((float) (sums.getDouble(group) / n));
        } else {
          builder.appendDouble(sums.getDouble(group) / n);
        }
      }
      return builder.build();
    }
  }
}
