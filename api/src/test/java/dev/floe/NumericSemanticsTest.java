package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values of decimal, boolean, u64 and dynamic-literal arithmetic end to end; every expected value
 * is Polars 1.44.2's output for the same frame and expression.
 */
@LeakChecked
class NumericSemanticsTest {
  private static DataFrame frame() {
    return DataFrame.of(
        Series.ofList("d", new DataType.Decimal128(10, 2), decimals("0.25", "0.35", "-0.25", null)),
        Series.ofList("e", new DataType.Decimal128(12, 3), decimals("0.500", "0.500", "3.000", "1.000")),
        Series.of("b", DataType.BOOLEAN, true, false, true, null),
        Series.of("c", DataType.BOOLEAN, true, true, false, false),
        Series.of("u8", DataType.UINT8, (short) 1, (short) 2, (short) 3, (short) 4),
        Series.of("u64", DataType.UINT64, BigInteger.ONE, new BigInteger("18446744073709551615"),
            BigInteger.TWO, null),
        Series.of("f", DataType.FLOAT64, 0.3, 0.7, -3.5, 2.015));
  }

  private static List<Object> decimals(String... values) {
    return Arrays.stream(values).map(v -> v == null ? null : (Object) new BigDecimal(v)).toList();
  }

  private static List<Object> values(Expr expr) {
    try (DataFrame frame = frame(); DataFrame result = frame.select(expr.alias("r"))) {
      return result.column(0).toList();
    }
  }

  private static DataType type(Expr expr) {
    try (DataFrame frame = frame(); DataFrame result = frame.select(expr.alias("r"))) {
      return result.column(0).dtype();
    }
  }

  @Test
  void decimalArithmeticRoundsHalfToEven() {
    assertThat(values(col("d").mul(col("e"))))
        .containsExactlyElementsOf(decimals("0.125", "0.175", "-0.750", null));
    assertThat(values(col("d").mul(col("e").cast(new DataType.Decimal128(10, 2)))))
        .containsExactlyElementsOf(decimals("0.12", "0.18", "-0.75", null));
    assertThat(values(col("d").div(3))).containsExactlyElementsOf(decimals("0.08", "0.12", "-0.08", null));
    assertThat(values(col("e").sub(col("d")))).containsExactlyElementsOf(decimals("0.250", "0.150", "3.250", null));
    assertThat(values(col("d").mul(1.5)).get(0)).isEqualTo(0.375);
  }

  @Test
  void decimalUnaryReductionsFillsAndErrors() {
    assertThat(values(col("d").neg())).containsExactlyElementsOf(decimals("-0.25", "-0.35", "0.25", null));
    assertThat(values(col("d").abs())).containsExactlyElementsOf(decimals("0.25", "0.35", "0.25", null));
    assertThat(values(col("d").clip(0, 0.3))).containsExactlyElementsOf(decimals("0.25", "0.30", "0.00", null));
    assertThat(values(col("d").sum())).containsExactly(new BigDecimal("0.35"));
    assertThat(type(col("d").sum())).isEqualTo(new DataType.Decimal128(38, 2));
    assertThat((Double) values(col("d").mean()).get(0)).isCloseTo(0.1166666, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(values(col("d").fillNull(0))).containsExactlyElementsOf(decimals("0.25", "0.35", "-0.25", "0.00"));
    assertThat(values(col("d").fillNull(1.5))).containsExactly(0.25, 0.35, -0.25, 1.5);
    assertThat(values(col("d").gt(col("u8").sub(1)))).containsExactly(true, false, false, null);
    assertThatThrownBy(() -> values(col("d").div(col("d").mul(0))))
        .isInstanceOf(ComputeException.class).hasMessageContaining("division by zero");
    assertThatThrownBy(() -> values(col("d").floordiv(col("e"))))
        .isInstanceOf(InvalidOperationException.class);
  }

  @Test
  void booleansCountAsZeroAndOne() {
    assertThat(values(col("b").add(col("c")))).containsExactly(2L, 1L, 1L, null);
    assertThat(type(col("b").add(col("c")))).isEqualTo(DataType.UINT32);
    assertThat(values(col("b").div(col("c")))).containsExactly(1.0, 0.0, Double.POSITIVE_INFINITY, null);
    assertThat(values(col("b").sub(col("u8")))).containsExactly((short) 0, (short) 254, (short) 254, null);
    assertThat(values(col("b").sub(1))).containsExactly(0, -1, 0, null);
    assertThatThrownBy(() -> values(col("b").sub(col("c"))))
        .isInstanceOf(InvalidOperationException.class);
  }

  @Test
  void unsigned64ValuesAndReductions() {
    assertThat(values(col("u64").max())).containsExactly(-1L); // 2^64 - 1 as unsigned bits
    assertThat(values(col("u64").max().mul(1.5)).get(0)).isEqualTo(2.7670116110564327e19);
    // u64 + -2 is i64 in Polars; 2^64 - 1 does not fit i64 and becomes null
    assertThat(values(lit(-2).add(col("u64")))).containsExactly(-1L, null, 0L, null);
  }

  @Test
  void floatDivisionByAScalarUsesTheReciprocal() {
    assertThat(values(col("f").div(0.1)).subList(0, 2)).containsExactly(3.0, 7.0);
    assertThat(values(col("f").floordiv(col("f").max().mul(0).add(0.1))).subList(0, 2))
        .containsExactly(3.0, 7.0);
    assertThat(values(col("f").cast(new DataType.Decimal128(10, 2))).get(3))
        .isEqualTo(new BigDecimal("2.02"));
  }

  @Test
  void negatedLiteralsAdaptToTheColumnAndBecomeNull() {
    assertThat(type(col("u8").mul(lit(1).neg()))).isEqualTo(DataType.UINT8);
    assertThat(values(col("u8").mul(lit(1).neg()))).containsExactly(null, null, null, null);
    assertThat(values(col("u8").mul(lit(1).sub(lit(2)))))
        .containsExactly((short) -1, (short) -2, (short) -3, (short) -4);
  }
}
