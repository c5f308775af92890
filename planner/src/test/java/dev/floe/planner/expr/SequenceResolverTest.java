package dev.floe.planner.expr;

import static dev.floe.planner.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import org.junit.jupiter.api.Test;

/**
 * Resolving the sequence functions and the new reductions: errors before any data is touched,
 * naming the expression; the casts the kernels rely on; printing. (Result types and values are
 * compared with Polars in the api module's SequenceDifferentialTest.)
 */
@LeakChecked
class SequenceResolverTest {
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("i", DataType.INT64),
          Field.of("u8", DataType.UINT8),
          Field.of("f", DataType.FLOAT64),
          Field.of("s", DataType.UTF8),
          Field.of("b", DataType.BOOLEAN),
          Field.of("d", DataType.DATE32));

  private static ResolvedExpr one(Expr expr) {
    return new Resolver(SCHEMA).resolveOne(expr);
  }

  @Test
  void quantileOutsideZeroToOneFailsAtResolveTime() {
    assertThatThrownBy(() -> one(col("f").quantile(1.5, "linear")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("quantile should be between 0.0 and 1.0, got 1.5 in col(\"f\").quantile(1.5, \"linear\")");
    assertThatThrownBy(() -> one(col("i").quantile(-0.1)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("got -0.1");
    assertThatThrownBy(() -> one(col("i").quantile(Double.NaN)))
        .isInstanceOf(InvalidOperationException.class);
  }

  @Test
  void unsupportedInputTypesAreRejectedNamingTheExpression() {
    assertThatThrownBy(() -> one(col("s").cumSum()))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot apply cumSum to str values in col(\"s\").cumSum(false)");
    assertThatThrownBy(() -> one(col("d").cumProd(true)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("cumProd to date");
    assertThatThrownBy(() -> one(col("b").diff()))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("diff to bool");
    assertThatThrownBy(() -> one(col("s").fillNan(0)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("fillNan to str");
    assertThatThrownBy(() -> one(col("s").median()))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("median of str");
    assertThatThrownBy(() -> one(col("b").quantile(0.5)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("quantile of bool");
    assertThatThrownBy(() -> one(col("b").shift(1, 2.5)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot fill bool values with the float 2.5 in col(\"b\").shift(1, 2.5)");
    assertThatThrownBy(() -> one(col("i").shift(1, col("i"))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("must be a scalar");
  }

  @Test
  void badOptionsFailWhenTheExpressionIsBuilt() {
    assertThatThrownBy(() -> col("i").rank("random"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("\"random\"");
    assertThatThrownBy(() -> col("i").quantile(0.5, "cubic"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("\"cubic\"");
    assertThatThrownBy(() -> col("i").diff(1, "keep"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("\"keep\"");
  }

  @Test
  void kernelsGetTheirComputingTypes() {
    assertThat(one(col("u8").cumSum()).expr().toString()).isEqualTo("col(\"u8\").cast(i64).cumSum(false)");
    assertThat(one(col("u8").diff()).expr().toString()).isEqualTo("col(\"u8\").cast(i16).diff(1, \"ignore\")");
    assertThat(one(col("d").median()).expr().toString()).isEqualTo("col(\"d\").cast(datetime[μs]).median()");
    assertThat(one(col("f").fillNan(col("i"))).scalar()).isFalse();
    assertThat(one(col("i").sum().rank()).scalar()).isTrue();
    assertThat(one(col("i").cumCount(true)).name()).isEqualTo("i");
  }

  @Test
  void printingShowsTheJavaCalls() {
    assertThat(col("a").cumMax(true).sub(col("a").shift(-2, 0)).toString())
        .isEqualTo("col(\"a\").cumMax(true) - col(\"a\").shift(-2, 0)");
    assertThat(col("a").rank("dense", true).toString()).isEqualTo("col(\"a\").rank(\"dense\", true)");
    assertThat(col("a").quantile(0.3, "linear").toString())
        .isEqualTo("col(\"a\").quantile(0.3, \"linear\")");
    assertThat(col("a").hash(7).toString()).isEqualTo("col(\"a\").hash(7)");
    assertThat(col("a").fillNan(col("b")).argMax().toString())
        .isEqualTo("col(\"a\").fillNan(col(\"b\")).argMax()");
    assertThat(ExprTrees.replace(col("a").quantile(0.2, "higher"), col("a"), col("z")).toString())
        .isEqualTo("col(\"z\").quantile(0.2, \"higher\")");
  }
}
