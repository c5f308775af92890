package dev.floe.planner.expr;

import static dev.floe.planner.expr.Exprs.col;
import static dev.floe.planner.expr.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Result types of decimals, booleans and dynamic literals in arithmetic; each expected type is
 * Polars 1.44.2's for the same expression.
 */
@LeakChecked
class NumericTypingTest {
  private static final DataType.Decimal128 D10_2 = new DataType.Decimal128(10, 2);
  private static final DataType.Decimal128 D38_2 = new DataType.Decimal128(38, 2);
  private static final DataType.Decimal128 D38_3 = new DataType.Decimal128(38, 3);
  private static final Schema SCHEMA =
      Schema.of(
          Field.of("d", D10_2),
          Field.of("e", new DataType.Decimal128(12, 3)),
          Field.of("i8", DataType.INT8),
          Field.of("u8", DataType.UINT8),
          Field.of("u16", DataType.UINT16),
          Field.of("u32", DataType.UINT32),
          Field.of("u64", DataType.UINT64),
          Field.of("f32", DataType.FLOAT32),
          Field.of("b", DataType.BOOLEAN),
          Field.of("c", DataType.BOOLEAN));

  private static DataType typeOf(Expr expr) {
    return new Resolver(SCHEMA).resolveOne(expr).type();
  }

  private static void rejects(Expr expr) {
    assertThatThrownBy(() -> typeOf(expr))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining(expr.toString());
  }

  @Test
  void decimalArithmeticTakesTheLargerScaleAtPrecision38() {
    assertThat(typeOf(col("d").add(col("e")))).isEqualTo(D38_3);
    assertThat(typeOf(col("d").mul(col("d")))).isEqualTo(D38_2);
    assertThat(typeOf(col("e").div(col("d")))).isEqualTo(D38_3);
    assertThat(typeOf(col("d").mul(col("i8")))).isEqualTo(D38_2);
    assertThat(typeOf(lit(3).div(col("d")))).isEqualTo(D38_2);
    assertThat(typeOf(col("d").sub(col("u64")))).isEqualTo(D38_2);
    assertThat(typeOf(col("d").add(lit(null)))).isEqualTo(D38_2);
  }

  @Test
  void decimalsWithFloatsAreF64AndComparisonsWork() {
    assertThat(typeOf(col("d").mul(1.5))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("d").floordiv(col("f32")))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("d").mod(1.5))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("d").gt(col("e")))).isEqualTo(DataType.BOOLEAN);
    assertThat(typeOf(col("d").le(-1))).isEqualTo(DataType.BOOLEAN);
    assertThat(typeOf(col("d").eq(col("f32")))).isEqualTo(DataType.BOOLEAN);
  }

  @Test
  void decimalFloorDivisionModuloAndBooleansAreRejected() {
    rejects(col("d").floordiv(col("e")));
    rejects(col("d").mod(col("i8")));
    rejects(col("d").add(col("b")));
    rejects(col("b").mul(col("d")));
    rejects(col("d").div(col("b")));
    assertThat(typeOf(col("b").div(col("d")))).isEqualTo(DataType.FLOAT64);
  }

  @Test
  void decimalUnaryReductionsAndFills() {
    assertThat(typeOf(col("d").neg())).isEqualTo(D10_2);
    assertThat(typeOf(col("d").abs())).isEqualTo(D10_2);
    assertThat(typeOf(col("d").clip(0, 1))).isEqualTo(D10_2);
    assertThat(typeOf(col("d").sum())).isEqualTo(D38_2);
    assertThat(typeOf(col("d").mean())).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("d").max())).isEqualTo(D10_2);
    assertThat(typeOf(col("d").fillNull(0))).isEqualTo(D38_2);
    assertThat(typeOf(col("d").fillNull(1.5))).isEqualTo(DataType.FLOAT64);
  }

  @Test
  void literalsBecomeDecimalsOfTheScale() {
    assertThat(LiteralValues.convert(3L, D10_2)).isEqualTo(new BigDecimal("3.00"));
    assertThat(LiteralValues.convert(0.125, D10_2)).isEqualTo(new BigDecimal("0.12"));
    assertThatThrownBy(() -> LiteralValues.convert(100_000_000_000L, D10_2))
        .isInstanceOf(InvalidOperationException.class);
  }

  @Test
  void booleansInArithmetic() {
    assertThat(typeOf(col("b").add(col("c")))).isEqualTo(DataType.UINT32);
    assertThat(typeOf(col("b").div(col("c")))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("b").add(lit(null)))).isEqualTo(DataType.UINT32);
    assertThat(typeOf(col("b").sub(col("i8")))).isEqualTo(DataType.INT8);
    assertThat(typeOf(col("u8").mod(col("b")))).isEqualTo(DataType.UINT8);
    assertThat(typeOf(col("b").floordiv(col("f32")))).isEqualTo(DataType.FLOAT32);
    assertThat(typeOf(col("b").div(col("i8")))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("b").sub(1))).isEqualTo(DataType.INT32);
    assertThat(typeOf(col("b").add(3_000_000_000L))).isEqualTo(DataType.INT64);
    assertThat(typeOf(col("b").mul(1.5))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(col("b").mod(1.5))).isEqualTo(DataType.FLOAT64);
    rejects(col("b").sub(col("c")));
    rejects(col("b").mul(col("c")));
    rejects(col("b").floordiv(col("c")));
    rejects(col("b").mod(col("c")));
    rejects(col("b").floordiv(1.5));
    rejects(col("b").neg());
    rejects(col("b").abs());
  }

  @Test
  void dynamicIntegersThatDoNotFitTakeTheSmallestHoldingType() {
    assertThat(typeOf(col("u8").add(300))).isEqualTo(DataType.UINT16);
    assertThat(typeOf(col("u8").add(-300))).isEqualTo(DataType.INT16);
    assertThat(typeOf(col("u8").sub(-1))).isEqualTo(DataType.INT16);
    assertThat(typeOf(col("i8").add(300))).isEqualTo(DataType.INT16);
    assertThat(typeOf(col("u8").add(3_000_000_000L))).isEqualTo(DataType.UINT32);
    assertThat(typeOf(col("u32").mul(-1))).isEqualTo(DataType.INT64);
    assertThat(typeOf(lit(-2).add(col("u64")))).isEqualTo(DataType.INT64);
    assertThat(typeOf(col("u64").add(col("i8")))).isEqualTo(DataType.FLOAT64);
  }

  @Test
  void negatedAndFoldedDynamicLiteralsStayDynamic() {
    // typed by the literal's own value: u16 * lit(1).neg() is u16 (its -1 becomes null)
    ResolvedExpr negated = new Resolver(SCHEMA).resolveOne(col("u16").mul(lit(1).neg()));
    assertThat(negated.type()).isEqualTo(DataType.UINT16);
    assertThat(negated.expr().toString()).contains("strict=false");
    assertThat(typeOf(col("i8").mul(lit(-3).abs()))).isEqualTo(DataType.INT8);
    assertThat(typeOf(lit(-3).abs().mul(col("u64")))).isEqualTo(DataType.INT64);
    assertThat(typeOf(col("f32").mul(lit(1.5).neg()))).isEqualTo(DataType.FLOAT32);
    // folded: u8 * (1 - 2) is u8 * -1
    assertThat(typeOf(col("u8").mul(lit(1).sub(lit(2))))).isEqualTo(DataType.INT16);
    assertThat(typeOf(col("u8").mul(lit(1).add(lit(2))))).isEqualTo(DataType.UINT8);
    assertThat(typeOf(col("f32").mul(lit(1.5).mul(lit(2))))).isEqualTo(DataType.FLOAT32);
    assertThat(typeOf(col("f32").mul(lit(1).div(lit(2))))).isEqualTo(DataType.FLOAT64);
    assertThat(typeOf(lit(2).mod(lit(-3)))).isEqualTo(DataType.INT32);
    // a division by zero is not folded: typed by its left value
    assertThat(typeOf(lit(-1).floordiv(lit(0)).add(col("u8")))).isEqualTo(DataType.INT16);
    assertThat(typeOf(lit(1).floordiv(lit(0)).add(col("u8")))).isEqualTo(DataType.UINT8);
    assertThat(typeOf(lit(3).mod(lit(0)).abs())).isEqualTo(DataType.INT32);
  }
}
