package dev.floe.planner.expr;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.optimizer.RowWise;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resolving window expressions ({@code over}): result types and names, printing, errors naming the
 * expression, and that a window is never row-wise. (Values are compared with Polars in the api
 * module's WindowDifferentialTest.)
 */
@LeakChecked
class WindowResolverTest {
  private static final Schema SCHEMA = Schema.of(
      Field.of("g", DataType.UTF8), Field.of("x", DataType.INT32), Field.of("t", DataType.INT64),
      Field.of("l", DataType.ListType.of(DataType.INT64)));

  private static ResolvedExpr one(Expr expr) {
    return new Resolver(SCHEMA).resolveOne(expr);
  }

  @Test
  void anAggregateKeepsItsTypeAndALengthKeepingFunctionItsOwn() {
    assertThat(one(col("t").sum().over("g")).type()).isEqualTo(DataType.INT64);
    assertThat(one(col("x").mean().over("g")).type()).isEqualTo(DataType.FLOAT64);
    assertThat(one(col("x").rank("dense").over("g")).type()).isEqualTo(DataType.UINT32);
    assertThat(one(col("x").shift(1).over("g")).type()).isEqualTo(DataType.INT32);
    ResolvedExpr window = one(col("x").cumSum().over("g"));
    assertThat(window.name()).isEqualTo("x");
    assertThat(window.scalar()).isFalse();
  }

  @Test
  void joinGivesAListPerRowExceptForAnAggregate() {
    WindowOptions join = WindowOptions.DEFAULT.withMapping(WindowOptions.Mapping.JOIN);
    assertThat(one(col("t").cumSum().over(join, "g")).type())
        .isEqualTo(DataType.ListType.of(DataType.INT64));
    assertThat(one(col("x").max().over(join, "g")).type()).isEqualTo(DataType.INT32);
  }

  @Test
  void printsLikePolars() {
    assertThat(col("x").sum().over("g").toString()).isEqualTo("col(\"x\").sum().over([col(\"g\")])");
    Expr ordered = col("x").add(1).cumSum().over(List.of(col("g"), col("t")),
        WindowOptions.DEFAULT.withOrderBy("t").withDescending(true).withNullsLast(true)
            .withMapping(WindowOptions.Mapping.JOIN));
    assertThat(ordered.toString()).isEqualTo(
        "(col(\"x\") + 1).cumSum(false).over([col(\"g\"), col(\"t\")], orderBy=[col(\"t\")],"
            + " descending=true, nullsLast=true, mapping=\"join\")");
  }

  @Test
  void errorsNameTheExpression() {
    assertThatThrownBy(() -> one(col("x").sum().over("nope")))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> col("x").sum().over(new Expr[0]))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("col(\"x\").sum().over([])");
    assertThatThrownBy(() -> one(col("x").sum().over("l")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot partition a window by list[i64] values of col(\"l\") in"
            + " col(\"x\").sum().over([col(\"l\")])");
    assertThatThrownBy(() -> one(col("x").sum().over("g").over("t")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("cannot contain another window");
  }

  @Test
  void aWindowIsNeverRowWiseAndReadsItsKeys() {
    Expr window = col("x").cumSum().over(WindowOptions.DEFAULT.withOrderBy("t"), "g");
    assertThat(RowWise.isRowWise(window)).isFalse();
    assertThat(RowWise.isRowWise(col("x").add(col("x").sum().over("g")))).isFalse();
    assertThat(ExprTrees.columnNames(window)).containsExactly("x", "g", "t");
    assertThat(ExprTrees.replace(window, col("t"), col("x")).toString())
        .isEqualTo("col(\"x\").cumSum(false).over([col(\"g\")], orderBy=[col(\"x\")])");
  }
}
