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

@LeakChecked
class StringFunctionResolverTest {
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("s", DataType.UTF8),
          Field.of("large", DataType.LARGE_UTF8),
          Field.of("view", DataType.UTF8_VIEW),
          Field.of("n", DataType.INT64));

  private static ResolvedExpr one(Expr expr) {
    return new Resolver(SCHEMA).resolveOne(expr);
  }

  @Test
  void outputTypesFollowPolars() {
    assertThat(one(col("s").str().lenChars()).type()).isEqualTo(DataType.UINT32);
    assertThat(one(col("view").str().lenBytes()).type()).isEqualTo(DataType.UINT32);
    assertThat(one(col("s").str().contains("a", true)).type()).isEqualTo(DataType.BOOLEAN);
    assertThat(one(col("s").str().startsWith("a")).type()).isEqualTo(DataType.BOOLEAN);
    assertThat(one(col("s").str().endsWith("a")).type()).isEqualTo(DataType.BOOLEAN);
    assertThat(one(col("s").str().toUppercase()).type()).isEqualTo(DataType.UTF8);
    assertThat(one(col("view").str().strip()).type()).isEqualTo(DataType.UTF8);
    assertThat(one(col("large").str().slice(1, 2L)).type()).isEqualTo(DataType.LARGE_UTF8);
    assertThat(one(col("s").str().zfill(3)).name()).isEqualTo("s");
  }

  @Test
  void nonStringInputIsRejectedNamingTheExpression() {
    assertThatThrownBy(() -> one(col("n").str().lenChars()))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot apply str.lenChars() to i64 in col(\"n\").str().lenChars()");
    assertThatThrownBy(() -> one(col("n").add(1).str().replace("a", "b", true)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("(col(\"n\") + 1).str().replace(\"a\", \"b\", literal=true)");
  }

  @Test
  void invalidRegexIsRejectedBeforeEvaluation() {
    assertThatThrownBy(() -> one(col("s").str().contains("(a", false)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("invalid regular expression \"(a\"")
        .hasMessageContaining("in col(\"s\").str().contains(\"(a\")");
    assertThat(one(col("s").str().contains("(a", true)).type()).isEqualTo(DataType.BOOLEAN);
  }

  @Test
  void concatStrTypesAndRejectsNonStrings() {
    assertThat(one(Exprs.concatStr(java.util.List.of(col("s"), col("view")), "-")).type())
        .isEqualTo(DataType.UTF8);
    assertThatThrownBy(() -> one(Exprs.concatStr(java.util.List.of(col("s"), col("n")), "-")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("concatStr needs string inputs (cast first), got i64 from col(\"n\")")
        .hasMessageContaining("in concatStr([col(\"s\"), col(\"n\")], \"-\")");
  }

  @Test
  void printsPolarsLikeText() {
    assertThat(col("s").str().slice(-2, null).toString()).isEqualTo("col(\"s\").str().slice(-2)");
    assertThat(col("s").str().padStart(5, '*').toString())
        .isEqualTo("col(\"s\").str().padStart(5, \"*\")");
    assertThatThrownBy(() -> col("s").str().slice(0, -1L))
        .isInstanceOf(InvalidOperationException.class);
  }
}
