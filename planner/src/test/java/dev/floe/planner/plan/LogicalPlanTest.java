package dev.floe.planner.plan;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every node derives its schema from its inputs as the eager operations would (names, types,
 * replaced and appended columns, projections), and a bad plan fails there, before anything runs,
 * with the column, the valid names or the offending expression; the printer's text is stable.
 */
class LogicalPlanTest {
  /** A named in-memory table: enough source for plans that never run. */
  record Table(String name, Schema schema) implements ScanSource {
    @Override
    public String describe() {
      return "DF " + name + " " + schema.names();
    }
  }

  private static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.FLOAT64),
      Field.of("s", DataType.UTF8));
  private static final Scan SCAN = Scan.of(new Table("t", SCHEMA));

  @Test
  void selectWithColumnsFilterAndScanProjectionDeriveTheirSchemas() {
    assertThat(new Select(SCAN, List.of(col("b").mul(2).alias("b2"), col("a"))).schema().names())
        .containsExactly("b2", "a");
    Schema with = new WithColumns(SCAN, List.of(col("a").cast(DataType.FLOAT64), col("a").add(1).alias("c")))
        .schema();
    assertThat(with.names()).containsExactly("a", "b", "s", "c");
    assertThat(with.types()).containsExactly(DataType.FLOAT64, DataType.FLOAT64, DataType.UTF8, DataType.INT64);
    assertThat(new Filter(SCAN, col("a").gt(lit(3))).schema()).isEqualTo(SCHEMA);
    assertThat(SCAN.withProjection(List.of("s", "a")).schema().names()).containsExactly("s", "a");
    assertThat(new Slice(new Sort(SCAN, List.of(col("b")), List.of(true), false, false), -2, 2).schema())
        .isEqualTo(SCHEMA);
    assertThat(new Union(List.of(SCAN, SCAN)).schema()).isEqualTo(SCHEMA);
  }

  @Test
  void badPlansFailWhenTheirSchemaIsAskedFor() {
    assertThatThrownBy(() -> new Filter(SCAN, col("x").gt(1)).schema())
        .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("x").hasMessageContaining("a, b, s");
    assertThatThrownBy(() -> new Filter(SCAN, col("a").add(1)).schema())
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("bool predicate")
        .hasMessageContaining("col(\"a\") + 1");
    assertThatThrownBy(() -> new Select(SCAN, List.of(col("a"), col("b").alias("a"))).schema())
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("'a' is duplicate in select");
    assertThatThrownBy(() -> new Union(List.of(SCAN, SCAN.withProjection(List.of("a")))).schema())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("input 1 has columns [a: ");
    assertThatThrownBy(() -> new Distinct(SCAN, List.of("z"), Distinct.Keep.ANY, false).schema())
        .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("z");
    assertThatThrownBy(() -> SCAN.withProjection(List.of("q")).schema())
        .isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("q");
    // a bad node under a good one fails too: schemas resolve bottom-up
    assertThatThrownBy(() -> new Slice(new Select(SCAN, List.of(col("nope"))), 0, 1).schema())
        .isInstanceOf(ColumnNotFoundException.class);
  }

  @Test
  void withInputsReplacesOnlyTheInputs() {
    LogicalPlan filter = new Filter(SCAN, col("a").gt(1));
    Scan other = SCAN.withLimit(3L);
    assertThat(filter.withInputs(List.of(other))).isEqualTo(new Filter(other, col("a").gt(1)));
    assertThat(SCAN.withInputs(List.of())).isSameAs(SCAN);
    assertThatThrownBy(() -> filter.withInputs(List.of(SCAN, SCAN))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printerShowsNodesAndWhatWasPushedIntoTheScan() {
    LogicalPlan plan = new Slice(
        new Sort(
            new Select(
                new Filter(SCAN.withProjection(List.of("a", "b")).withPredicate(col("a").gt(3)).withLimit(10L),
                    col("b").lt(2.5)),
                List.of(col("b"))),
            List.of(col("b")), List.of(true), true, true),
        0, 5);
    assertThat(PlanPrinter.print(plan)).isEqualTo("""
        SLICE offset=0, length=5
          SORT BY [col("b") DESC] NULLS LAST MAINTAIN ORDER
            SELECT [col("b")]
              FILTER col("b") < 2.5
                DF t [a, b, s]
                  PROJECT 2/3 COLUMNS [a, b]
                  SELECTION col("a") > 3
                  LIMIT 10
        """);
    assertThat(PlanPrinter.print(new Distinct(new Union(List.of(SCAN, new Cache(SCAN, 7))), List.of("a"),
        Distinct.Keep.FIRST, false))).isEqualTo("""
        UNIQUE [a] KEEP FIRST
          UNION 2 INPUTS
            DF t [a, b, s]
            CACHE 7
              DF t [a, b, s]
        """);
  }
}
