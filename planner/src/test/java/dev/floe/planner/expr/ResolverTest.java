package dev.floe.planner.expr;

import static dev.floe.planner.expr.Exprs.all;
import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.exclude;
import static dev.floe.planner.expr.Exprs.lit;
import static dev.floe.planner.expr.Exprs.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import org.junit.jupiter.api.Test;

@LeakChecked
class ResolverTest {
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("price", DataType.FLOAT64),
          Field.of("name", DataType.UTF8),
          Field.of("i32", DataType.INT32),
          Field.of("i64", DataType.INT64),
          Field.of("u32", DataType.UINT32),
          Field.of("u64", DataType.UINT64),
          Field.of("f32", DataType.FLOAT32),
          Field.of("i8", DataType.INT8),
          Field.of("flag", DataType.BOOLEAN),
          Field.of("day", DataType.DATE32));

  private static ResolvedExpr one(Expr expr) {
    return new Resolver(SCHEMA).resolveOne(expr);
  }

  private static DataType typeOf(Expr expr) {
    return one(expr).type();
  }

  @Test
  void supertypesFollowPolars() {
    assertThat(typeOf(col("i32").add(col("i64")))).isEqualTo(DataType.INT64);
    assertThat(typeOf(col("i32").add(col("price")))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("i64").add(col("u64")))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("i32").add(col("u32")))).isEqualTo(DataType.INT64);
    assertThat(typeOf(col("i8").add(col("f32")))).isEqualTo(DataType.FLOAT32);
    assertThat(typeOf(col("i32").add(col("f32")))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("i32").div(col("i32")))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("f32").div(col("f32")))).isEqualTo(DataType.FLOAT32);
    assertThat(typeOf(col("i32").floordiv(col("i64")))).isEqualTo(DataType.INT64);
    assertThat(typeOf(lit(null).add(col("i32")))).isEqualTo(DataType.INT32);
  }

  @Test
  void dynamicLiteralsTakeTheColumnType() {
    assertThat(typeOf(col("i32").add(1))).isEqualTo(DataType.INT32);
    assertThat(typeOf(col("f32").mul(2.5))).isEqualTo(DataType.FLOAT32);
    assertThat(typeOf(col("i32").mul(2.5))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(lit(1))).isEqualTo(DataType.INT32);
    assertThat(typeOf(col("i32").add(lit(1, DataType.INT64)))).isEqualTo(DataType.INT64);
    ResolvedExpr resolved = one(col("i32").add(1));
    assertThat(resolved.expr())
        .isEqualTo(new Binary(new ColumnRef("i32"), BinaryOp.ADD, Literal.typed(1, DataType.INT32)));
  }

  @Test
  void castsAreInsertedOnTheNarrowerSide() {
    ResolvedExpr resolved = one(col("i32").add(col("i64")));
    assertThat(resolved.expr())
        .isEqualTo(
            new Binary(
                new CastExpr(new ColumnRef("i32"), DataType.INT64, true),
                BinaryOp.ADD,
                new ColumnRef("i64")));
    assertThat(resolved.expr()).hasToString("col(\"i32\").cast(i64) + col(\"i64\")");
  }

  @Test
  void comparisonsAndBooleansAreBool() {
    assertThat(typeOf(col("i32").gt(1))).isEqualTo(DataType.BOOLEAN);
    assertThat(typeOf(col("name").eq("x"))).isEqualTo(DataType.BOOLEAN);
    assertThat(typeOf(col("flag").and(col("i32").lt(col("price"))))).isEqualTo(DataType.BOOLEAN);
    assertThat(typeOf(col("price").isNan())).isEqualTo(DataType.BOOLEAN);
    assertThat(typeOf(col("i32").isIn(1, 2))).isEqualTo(DataType.BOOLEAN);
    assertThat(typeOf(col("i32").isBetween(1, 5))).isEqualTo(DataType.BOOLEAN);
  }

  @Test
  void invalidOperationsNameTheExpression() {
    assertThatThrownBy(() -> one(col("price").mul(col("name"))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot multiply f64 by str in col(\"price\") * col(\"name\")");
    assertThatThrownBy(() -> one(col("name").sum()))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot compute the sum of str values in col(\"name\").sum()");
    assertThatThrownBy(() -> one(col("name").gt(col("i32"))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot compare str with i32 in col(\"name\") > col(\"i32\")");
    assertThatThrownBy(() -> one(col("i32").and(col("flag"))))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("in col(\"i32\") & col(\"flag\")");
    assertThatThrownBy(() -> one(col("name").sqrt()))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot apply sqrt() to str in col(\"name\").sqrt()");
    assertThatThrownBy(() -> one(when(col("i32")).then(1).otherwise(2)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("needs a bool condition, got i32");
  }

  @Test
  void unknownColumnsListTheValidNamesAndSuggestOne() {
    assertThatThrownBy(() -> one(col("prise").add(1)))
        .isInstanceOf(ColumnNotFoundException.class)
        .hasMessageContaining("no column 'prise'; columns are price, name")
        .hasMessageContaining("(did you mean 'price'?)");
  }

  @Test
  void outputNamesFollowPolars() {
    assertThat(one(col("i32").add(col("i64"))).name()).isEqualTo("i32");
    assertThat(one(lit(1).add(col("i64"))).name()).isEqualTo("literal");
    assertThat(one(col("i32").sum().alias("total")).name()).isEqualTo("total");
    assertThat(one(col("i32").name().suffix("_x")).name()).isEqualTo("i32_x");
    assertThat(one(col("i32").alias("z").name().prefix("p_")).name()).isEqualTo("p_i32");
    assertThat(one(when(col("flag")).then(lit(0)).otherwise(col("i32"))).name())
        .isEqualTo("literal");
    assertThat(one(when(col("flag")).then(col("i64")).otherwise(0)).name()).isEqualTo("i64");
  }

  @Test
  void selectorsExpandInSchemaOrder() {
    Resolver resolver = new Resolver(SCHEMA);
    assertThat(resolver.resolve(List.of(all())).stream().map(ResolvedExpr::name))
        .containsExactlyElementsOf(SCHEMA.names());
    assertThat(resolver.resolve(List.of(col("^i.*$"))).stream().map(ResolvedExpr::name))
        .containsExactly("i32", "i64", "i8");
    assertThat(resolver.resolve(List.of(exclude("name", "day", "flag"))).size()).isEqualTo(7);
    assertThat(
            resolver.resolve(List.of(Exprs.CS.numeric().exclude("price").mul(2))).stream()
                .map(ResolvedExpr::name))
        .containsExactly("i32", "i64", "u32", "u64", "f32", "i8");
    assertThat(resolver.resolve(List.of(Exprs.CS.string())).getFirst().name()).isEqualTo("name");
    assertThat(resolver.resolve(List.of(Exprs.CS.temporal())).getFirst().type())
        .isEqualTo(DataType.DATE32);
    assertThat(
            resolver.resolve(List.of(col("i32", "i64").sum().name().suffix("_sum"))).stream()
                .map(ResolvedExpr::name))
        .containsExactly("i32_sum", "i64_sum");
    assertThatThrownBy(() -> resolver.resolve(List.of(exclude("nope"))))
        .isInstanceOf(ColumnNotFoundException.class);
  }

  @Test
  void aggregationTypes() {
    assertThat(one(col("i8").sum()).type()).isEqualTo(DataType.INT64);
    assertThat(one(col("i32").sum()).type()).isEqualTo(DataType.INT32);
    assertThat(one(col("flag").sum()).type()).isEqualTo(DataType.UINT32);
    assertThat(one(col("i32").mean()).type()).isEqualTo(DataType.FLOAT64);
    assertThat(one(col("f32").std()).type()).isEqualTo(DataType.FLOAT32);
    assertThat(one(col("name").min()).type()).isEqualTo(DataType.UTF8);
    assertThat(one(col("name").count()).type()).isEqualTo(DataType.UINT32);
    assertThat(one(col("i32").sum()).scalar()).isTrue();
    assertThat(one(col("i32").add(col("i32").sum())).scalar()).isFalse();
  }

  @Test
  void whenThenOtherwiseUsesTheSupertypeOfItsValues() {
    ResolvedExpr resolved =
        one(when(col("flag")).then(col("i32")).when(col("i64").gt(3)).then(col("price")).otherwise(0));
    assertThat(resolved.type()).isEqualTo(DataType.FLOAT64);
    assertThat(one(when(col("flag")).then(col("i32")).otherwise(lit(null))).type())
        .isEqualTo(DataType.INT32);
  }

  @Test
  void fillNullAndMath() {
    assertThat(typeOf(col("i32").fillNull(0))).isEqualTo(DataType.INT32);
    assertThat(typeOf(col("i32").fillNull(0.5))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("i32").fillNull(FillStrategy.FORWARD))).isEqualTo(DataType.INT32);
    assertThat(typeOf(col("i32").sqrt())).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("f32").sqrt())).isEqualTo(DataType.FLOAT32);
    assertThat(one(col("i32").floor()).expr()).isEqualTo(new ColumnRef("i32"));
    assertThat(typeOf(col("price").round(2))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("i32").clip(0, 10))).isEqualTo(DataType.INT32);
    assertThat(typeOf(col("i64").cast(new DataType.Timestamp(TimeUnit.MICROSECOND, null))))
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, null));
  }

  @Test
  void printsPolarsLikeText() {
    assertThat(col("a").add(col("b")).mul(2).alias("c"))
        .hasToString("((col(\"a\") + col(\"b\")) * 2).alias(\"c\")");
    assertThat(col("a").sum()).hasToString("col(\"a\").sum()");
    assertThat(when(col("x").isNull()).then(lit(0)).otherwise(col("x")))
        .hasToString("when(col(\"x\").isNull()).then(0).otherwise(col(\"x\"))");
    assertThat(col("s").eq("it's \"q\"")).hasToString("col(\"s\") == \"it's \\\"q\\\"\"");
    assertThat(all().exclude("a")).hasToString("all().exclude(\"a\")");
    assertThat(col("a").isIn(1, 2)).hasToString("col(\"a\").isIn([1, 2])");
    assertThat(col("a").std(0)).hasToString("col(\"a\").std(ddof=0)");
    assertThat(col("a").name().suffix("_x")).hasToString("col(\"a\").name().suffix(\"_x\")");
  }
}
