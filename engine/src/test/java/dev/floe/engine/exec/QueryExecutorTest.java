package dev.floe.engine.exec;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.Exprs;
import dev.floe.planner.optimizer.Optimizer;
import dev.floe.planner.plan.Cache;
import dev.floe.planner.plan.Distinct;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.Slice;
import dev.floe.planner.plan.Sort;
import dev.floe.planner.plan.Union;
import dev.floe.planner.plan.WithColumns;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Plans run over small morsels (3 rows, so every pipeline has several tasks) give the rows a
 * row-at-a-time Java computation gives, in order; blocking operators see their whole input;
 * errors name the operator and expression; nothing leaks.
 */
@LeakChecked
class QueryExecutorTest {
  private static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT64), Field.of("s", DataType.UTF8));
  private static final List<Long> A = Arrays.asList(5L, 1L, null, 9L, 3L, 7L, 1L, 8L, 2L, 6L, 4L);
  private static final List<String> S =
      Arrays.asList("e", "a", "n", "i", "c", "g", "a", "h", "b", "f", "x");

  /** An in-memory source that counts its reads and serves two batches. */
  static final class Table implements BatchSource {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Schema schema() {
      return SCHEMA;
    }

    @Override
    public String describe() {
      return "DF table";
    }

    @Override
    public List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
      reads.incrementAndGet();
      return List.of(batch(columns, 0, 6, allocator), batch(columns, 6, A.size(), allocator));
    }

    private static RecordBatch batch(List<String> columns, int from, int to, BufferAllocator allocator) {
      List<Column> out = new ArrayList<>();
      List<Field> fields = new ArrayList<>();
      for (String name : columns) {
        List<?> values = name.equals("a") ? A.subList(from, to) : S.subList(from, to);
        out.add(JavaValues.toColumn(allocator, SCHEMA.field(name).type(), values));
        fields.add(SCHEMA.field(name));
      }
      return new RecordBatch(new Schema(fields), out, to - from);
    }
  }

  private static List<List<Object>> rows(LogicalPlan plan, BufferAllocator allocator) {
    QueryContext context = new QueryContext(allocator, QueryPool.pool(), 3);
    List<RecordBatch> batches = QueryExecutor.execute(plan, context);
    List<List<Object>> rows = new ArrayList<>();
    try {
      for (RecordBatch batch : batches) {
        assertThat(batch.schema().names()).isEqualTo(plan.schema().names());
        for (int row = 0; row < batch.rowCount(); row++) {
          List<Object> values = new ArrayList<>();
          for (Column column : batch.columns()) {
            values.add(column.getObject(row));
          }
          rows.add(values);
        }
      }
    } finally {
      batches.forEach(RecordBatch::close);
    }
    return rows;
  }

  @Test
  void streamingPipelinesKeepRowOrderAcrossMorsels(BufferAllocator allocator) {
    Table table = new Table();
    LogicalPlan plan = new Select(
        new WithColumns(new Filter(Scan.of(table), col("a").gt(2)), List.of(col("a").mul(10).alias("b"))),
        List.of(col("s"), col("b")));
    List<List<Object>> expected = new ArrayList<>();
    for (int row = 0; row < A.size(); row++) {
      if (A.get(row) != null && A.get(row) > 2) {
        expected.add(List.of(S.get(row), A.get(row) * 10));
      }
    }
    assertThat(rows(plan, allocator)).isEqualTo(expected);
    // the optimized plan (predicate and projection in the scan) gives the same rows
    assertThat(rows(Optimizer.defaults().optimize(plan).plan(), allocator)).isEqualTo(expected);
  }

  @Test
  void slicesSortsUniquesUnionsAndCaches(BufferAllocator allocator) {
    Table table = new Table();
    Scan scan = Scan.of(table);
    assertThat(rows(new Slice(scan, 4, 3), allocator)).extracting(row -> row.get(1)).containsExactly("c", "g", "a");
    assertThat(rows(new Slice(scan, -2, 5), allocator)).extracting(row -> row.get(1)).containsExactly("f", "x");
    assertThat(rows(new Slice(scan, 20, 5), allocator)).isEmpty();
    // Polars clamps [offset, offset + length) to the rows: 11 rows, offset -14 gives [-3, 2)
    assertThat(rows(new Slice(scan, -14, 5), allocator)).extracting(row -> row.get(1)).containsExactly("e", "a");
    assertThat(rows(new Slice(scan, -225, 9), allocator)).isEmpty();
    assertThat(rows(new Sort(scan, List.of(col("a")), List.of(true), true, true), allocator))
        .extracting(row -> row.get(0)).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 1L, null);
    assertThat(rows(new Distinct(new Select(scan, List.of(col("s"))), List.of(), Distinct.Keep.FIRST, true),
        allocator)).hasSize(10);
    assertThat(rows(new Union(List.of(new Slice(scan, 0, 2), new Slice(scan, 9, 2))), allocator))
        .extracting(row -> row.get(1)).containsExactly("e", "a", "f", "x");
    Cache cache = new Cache(new Filter(scan, col("a").lt(3)), 1);
    assertThat(rows(new Union(List.of(cache, cache)), allocator)).hasSize(6);
    assertThat(table.reads.get()).isEqualTo(10); // nine scans before, and the cache read the table once
  }

  @Test
  void aFilterThatIsNotRowWiseSeesTheWholeInput(BufferAllocator allocator) {
    Scan scan = Scan.of(new Table());
    // shift(1) is null on row 0 and after the null on row 2, not at every morsel's first row
    assertThat(rows(new Filter(scan, col("a").shift(1).isNull()), allocator)).extracting(row -> row.get(1))
        .containsExactly("e", "i");
    assertThat(rows(new Filter(new Filter(scan, col("a").gt(1)), col("a").cumSum().lt(20)), allocator))
        .extracting(row -> row.get(0)).containsExactly(5L, 9L, 3L);
  }

  @Test
  void aggregationsInASelectSeeTheWholeInput(BufferAllocator allocator) {
    Table table = new Table();
    LogicalPlan plan = new Select(Scan.of(table), List.of(col("a").sum().alias("total"), lit(1).alias("one")));
    long sum = A.stream().filter(value -> value != null).mapToLong(Long::longValue).sum();
    assertThat(rows(plan, allocator)).containsExactly(List.of(sum, 1));
    LogicalPlan share = new WithColumns(Scan.of(table), List.of(col("a").sum().alias("total")));
    assertThat(rows(share, allocator)).hasSize(A.size()).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(sum));
  }

  @Test
  void decomposableReductionsCombinePerMorselPartials(BufferAllocator allocator) {
    Table table = new Table();
    LogicalPlan plan = new Select(new Filter(Scan.of(table), col("a").gt(2)),
        List.of(col("a").sum(), col("a").min().alias("lo"), col("a").mul(2).max().alias("hi")));
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Long value : A) {
      if (value != null && value > 2) {
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value * 2);
      }
    }
    assertThat(rows(plan, allocator)).containsExactly(List.of(sum, min, max));
    // no row passes: the sum of nothing is 0, the min and max are null (as one pass over no rows)
    LogicalPlan none = new Select(new Filter(Scan.of(table), col("a").gt(1000)),
        List.of(col("a").sum(), col("a").min().alias("lo")));
    assertThat(rows(none, allocator)).containsExactly(Arrays.asList(0L, null));
  }

  @Test
  void aScanPredicateThatLooksAtOtherRowsSeesTheWholeInput(BufferAllocator allocator) {
    Table table = new Table();
    double mean = A.stream().filter(value -> value != null).mapToLong(Long::longValue).average().orElseThrow();
    List<Object> expected = A.stream().filter(value -> value != null && value > mean).map(value -> (Object) value)
        .toList();
    LogicalPlan scan = Scan.of(table).withPredicate(col("a").gt(col("a").mean()));
    assertThat(rows(scan, allocator)).extracting(row -> row.get(0)).containsExactlyElementsOf(expected);
    // and above a streaming node, where a row-wise scan predicate would be fused into the pipeline
    assertThat(rows(new Select(scan, List.of(col("a"))), allocator)).extracting(row -> row.get(0))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aHeadOfASortKeepsOnlyEachMorselsFirstRowsAndGivesTheFullSortsRows(BufferAllocator allocator) {
    Table table = new Table();
    // sorted by a descending with nulls last, ties (two 1s) in input order: the full sort's rows
    List<Integer> order = new ArrayList<>();
    for (int row = 0; row < A.size(); row++) {
      order.add(row);
    }
    order.sort((left, right) -> {
      Long l = A.get(left);
      Long r = A.get(right);
      if (l == null || r == null) {
        return l == null ? (r == null ? 0 : 1) : -1;
      }
      return Long.compare(r, l);
    });
    for (long offset : new long[] {0, 2, 9}) {
      for (long length : new long[] {0, 1, 4, 20}) {
        LogicalPlan plan = new Slice(new Sort(Scan.of(table), List.of(col("a")), List.of(true), true, true),
            offset, length);
        List<Object> expected = order.stream().skip(offset).limit(length).map(row -> (Object) S.get(row)).toList();
        assertThat(rows(plan, allocator)).as("slice(%d, %d)", offset, length).extracting(row -> row.get(1))
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void errorsNameTheOperatorAndExpressionAndLeakNothing(BufferAllocator allocator) {
    Table table = new Table();
    LogicalPlan plan = new Filter(Scan.of(table), col("s").cast(DataType.INT64).gt(1));
    assertThatThrownBy(() -> rows(plan, allocator))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("while evaluating col(\"s\").cast(i64) > 1 in Filter")
        .hasMessageContaining("\"e\"");
  }

  @Test
  void anErrorInALaterMorselNamesItsInputRows(BufferAllocator allocator) {
    // only row 3 (a = 9, s = "i") takes the string branch, and "i" is no integer
    Expr value = Exprs.when(col("a").gt(8)).then(col("s")).otherwise(lit("1")).cast(DataType.INT64);
    LogicalPlan plan = new Filter(Scan.of(new Table()), value.gt(1));
    assertThatThrownBy(() -> rows(plan, allocator)) // morsels of 3 rows: [0, 3), [3, 6), ...
        .isInstanceOf(ComputeException.class)
        .hasMessageStartingWith("in the morsel of input rows 3 to 5 (rows in the message below count from its first): "
            + "while evaluating ")
        .hasMessageContaining("in Filter")
        .hasMessageContaining("\"i\"");
  }

  @Test
  void aCancelledQueryStops(BufferAllocator allocator) {
    QueryContext context = new QueryContext(allocator, QueryPool.pool(), 3);
    context.cancel();
    assertThatThrownBy(() -> QueryExecutor.execute(new Filter(Scan.of(new Table()), col("a").gt(1)), context))
        .isInstanceOf(ComputeException.class).hasMessageContaining("cancelled");
  }
}
