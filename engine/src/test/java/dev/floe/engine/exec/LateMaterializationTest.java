package dev.floe.engine.exec;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.plan.Filter;
import dev.floe.planner.plan.LogicalPlan;
import dev.floe.planner.plan.Scan;
import dev.floe.planner.plan.Select;
import dev.floe.planner.plan.WithColumns;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A filter in a pipeline copies only the columns the operators after it read. */
@LeakChecked
class LateMaterializationTest {
  private static final Schema SCHEMA =
      Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.INT64), Field.of("c", DataType.INT64));

  private static FilterOperator filter(String column) {
    return new FilterOperator(new Resolver(SCHEMA).resolveOne(col(column).gt(2)), column + " > 2");
  }

  private static ProjectOperator select(String... columns) {
    List<dev.floe.planner.expr.Expr> exprs = new ArrayList<>();
    for (String column : columns) {
      exprs.add(col(column));
    }
    Select select = new Select(Scan.of(new Source(SCHEMA, 9)), exprs);
    return new ProjectOperator(new Resolver(SCHEMA).resolve(exprs), select.schema(), false, "Select");
  }

  @Test
  void filtersKeepWhatTheirSuccessorsReadAndTheLastStepKeepsAll() {
    List<MorselOperator> narrowed = LateMaterialization.narrow(List.of(filter("a"), filter("b"), select("c")));
    assertThat(narrowed.get(0).describe()).isEqualTo("Filter a > 2 keeping 2 column(s)"); // b and c
    assertThat(narrowed.get(1).describe()).isEqualTo("Filter b > 2 keeping 1 column(s)"); // c
    assertThat(narrowed.get(2)).isSameAs(narrowed.get(2));
    assertThat(narrowed.get(0).columnsRead(Set.of("x"))).containsExactlyInAnyOrder("x", "a");

    List<MorselOperator> last = LateMaterialization.narrow(List.of(select("a", "b"), filter("a")));
    assertThat(last.get(1).describe()).as("the pipeline's output keeps every column").isEqualTo("Filter a > 2");
    List<MorselOperator> beforeWith = LateMaterialization.narrow(List.of(filter("a"),
        new ProjectOperator(List.of(), SCHEMA, true, "WithColumns")));
    assertThat(beforeWith.getFirst().describe()).isEqualTo("Filter a > 2");
  }

  @Test
  void aNarrowedFilterGivesTheSameRowsAndCopiesLess(BufferAllocator allocator) {
    int rows = 100_000;
    Source source = new Source(SCHEMA, rows);
    LogicalPlan plan = new Select(new Filter(Scan.of(source), col("a").gt(2)),
        List.of(col("c").mul(10).alias("d")));
    QueryContext context = new QueryContext(allocator, QueryPool.pool(), rows); // one morsel
    List<NodeTiming> timings = new ArrayList<>();
    List<RecordBatch> out = QueryExecutor.execute(plan, context, timings);
    try {
      assertThat(out).hasSize(1);
      RecordBatch batch = out.getFirst();
      assertThat(batch.rowCount()).isEqualTo(rows - 2);
      for (int row = 0; row < batch.rowCount(); row++) {
        assertThat(batch.column(0).getObject(row)).isEqualTo((row + 3) * 10L);
      }
    } finally {
      out.forEach(RecordBatch::close);
    }
    assertThat(timings).extracting(NodeTiming::node)
        .anySatisfy(node -> assertThat(node).contains("Filter col(\"a\") > 2 keeping 1 column(s)"));
    // at its peak the pipeline holds the scanned batch and the filter's copy of c (8 bytes a row);
    // copying a and b as well would add 2 x 8 more
    long pipelinePeak = timings.stream().filter(timing -> timing.node().startsWith("pipeline")).findFirst()
        .orElseThrow().peakBytes();
    assertThat(pipelinePeak - source.bytes[0]).isGreaterThanOrEqualTo(8L * (rows - 2)).isLessThan(2 * 8L * rows);
  }

  /** {@code rows} rows a = b = c = 1, 2, ..., one batch. */
  private record Source(Schema schema, int rows, long[] bytes) implements BatchSource {
    Source(Schema schema, int rows) {
      this(schema, rows, new long[1]);
    }

    @Override
    public String describe() {
      return "DF abc";
    }

    @Override
    public List<RecordBatch> read(List<String> columns, dev.floe.planner.expr.Expr predicate, Long limit,
        BufferAllocator allocator) {
      List<Column> out = new ArrayList<>();
      List<Field> fields = new ArrayList<>();
      for (String name : columns) {
        out.add(JavaValues.toColumn(allocator, DataType.INT64,
            java.util.stream.LongStream.rangeClosed(1, rows).boxed().toList()));
        fields.add(schema.field(name));
      }
      for (Column column : out) {
        bytes[0] += column.buffers().stream().filter(java.util.Objects::nonNull).mapToLong(b -> b.capacity()).sum();
      }
      return List.of(new RecordBatch(new Schema(fields), out, rows));
    }
  }
}
