package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decimal kernels; expected values are Polars 1.44.2 output for the same inputs. */
@LeakChecked
class DecimalArithmeticTest {
  private static final DataType.Decimal128 D2 = new DataType.Decimal128(38, 2);

  private static Column decimals(DataType type, String... values) {
    List<Object> list = Arrays.stream(values)
        .map(value -> value == null ? null : (Object) new BigDecimal(value)).toList();
    return JavaValues.toColumn(BufferAllocator.current(), type, list);
  }

  private static void check(Column left, Column right, ArithmeticOp op, String... expected) {
    try (Column result = Arithmetic.binary(left, right, op, BufferAllocator.current())) {
      assertThat(result.type()).isEqualTo(left.type());
      ColumnAssertions.assertColumnEquals(result, Arrays.stream(expected)
          .map(value -> value == null ? null : (Object) new BigDecimal(value)).toList());
    }
  }

  @Test
  void addAndSubtractAreExactWithNulls() {
    try (Column a = decimals(D2, "0.15", "-2.00", null, "99999999.99");
        Column b = decimals(D2, "0.50", "3.01", "1.00", "0.01")) {
      check(a, b, ArithmeticOp.ADD, "0.65", "1.01", null, "100000000.00");
      check(a, b, ArithmeticOp.SUB, "-0.35", "-5.01", null, "99999999.98");
    }
  }

  @Test
  void multiplyAndDivideRoundHalfToEven() {
    // Polars: 0.25 * 0.50 = 0.12, 0.35 * 0.50 = 0.18, 0.15 * 0.50 = 0.08, 0.05 / 2 = 0.02
    try (Column a = decimals(D2, "0.25", "0.35", "0.15", "-0.25", "0.05", "2.00", "-0.05");
        Column b = decimals(D2, "0.50", "0.50", "0.50", "0.50", "2.00", "3.00", "2.00")) {
      check(a, b, ArithmeticOp.MUL, "0.12", "0.18", "0.08", "-0.12", "0.10", "6.00", "-0.10");
      check(a, b, ArithmeticOp.DIV, "0.50", "0.70", "0.30", "-0.50", "0.02", "0.67", "-0.02");
    }
  }

  @Test
  void divisionByZeroFails() {
    try (Column a = decimals(D2, "1.00"); Column b = decimals(D2, "0.00")) {
      assertThatThrownBy(() -> Arithmetic.binary(a, b, ArithmeticOp.DIV, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class).hasMessageContaining("division by zero");
    }
  }

  @Test
  void floorDivisionAndModuloAreNotDefined() {
    try (Column a = decimals(D2, "1.00"); Column b = decimals(D2, "3.00")) {
      assertThatThrownBy(
              () -> Arithmetic.binary(a, b, ArithmeticOp.FLOOR_DIV, BufferAllocator.current()))
          .isInstanceOf(InvalidOperationException.class);
      assertThatThrownBy(() -> Arithmetic.binary(a, b, ArithmeticOp.MOD, BufferAllocator.current()))
          .isInstanceOf(InvalidOperationException.class);
    }
  }

  @Test
  void mismatchedScalesAreRejected() {
    try (Column a = decimals(D2, "1.00");
        Column b = decimals(new DataType.Decimal128(38, 3), "1.000")) {
      assertThatThrownBy(() -> Arithmetic.binary(a, b, ArithmeticOp.ADD, BufferAllocator.current()))
          .isInstanceOf(SchemaMismatchException.class);
    }
  }

  @Test
  void valuesBeyondLongTakeTheExactPath() {
    String big = "12345678901234567890123.45"; // unscaled beyond 2^63
    try (Column a = decimals(D2, big, "-" + big, "92233720368547758.07");
        Column b = decimals(D2, big, "2.00", "92233720368547758.07")) {
      check(a, b, ArithmeticOp.ADD, "24691357802469135780246.90", "-12345678901234567890121.45",
          "184467440737095516.14");
      check(a, b, ArithmeticOp.DIV, "1.00", "-6172839450617283945061.72", "1.00");
      assertThatThrownBy(() -> Arithmetic.binary(a, b, ArithmeticOp.MUL, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class).hasMessageContaining("38 digits");
    }
  }

  @Test
  void overflowBeyond38DigitsFails() {
    DataType.Decimal128 d0 = new DataType.Decimal128(38, 0);
    try (Column a = decimals(d0, "10000000000000000000000000000000000000");
        Column b = decimals(d0, "90000000000000000000000000000000000000")) {
      assertThatThrownBy(() -> Arithmetic.binary(a, b, ArithmeticOp.ADD, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class).hasMessageContaining("38 digits");
    }
  }

  @Test
  void largeScalesUseTheExactPathAndStillRound() {
    DataType.Decimal128 d20 = new DataType.Decimal128(38, 20);
    try (Column a = decimals(d20, "0.00000000000000000025", "1.5", "1.5");
        Column b = decimals(d20, "0.5", "0.00000000000000000003", "0.003")) {
      check(a, b, ArithmeticOp.MUL, "0.00000000000000000012", "0.00000000000000000004",
          "0.00450000000000000000");
      assertThatThrownBy(() -> Arithmetic.binary(a, b, ArithmeticOp.DIV, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class).hasMessageContaining("38 digits");
    }
    try (Column a = decimals(d20, "0.00000000000000000025", "1.5");
        Column b = decimals(d20, "0.5", "0.003")) {
      check(a, b, ArithmeticOp.DIV, "0.00000000000000000050", "500.00000000000000000000");
    }
  }

  @Test
  void negateAndAbsKeepTheTypeForEveryWidth() {
    DataType.Decimal128 d10 = new DataType.Decimal128(10, 2);
    String huge = "-18446744073709551616.00"; // unscaled -2^64 * 100: low word zero (a carry)
    try (Column a = decimals(d10, "0.15", "-2.00", null, "0.00");
        Column b = decimals(D2, huge, "18446744073709551616", "-1")) {
      try (Column negated = Arithmetic.negate(a, BufferAllocator.current());
          Column absolute = Arithmetic.abs(a, BufferAllocator.current())) {
        assertThat(negated.type()).isEqualTo(d10);
        ColumnAssertions.assertColumnEquals(negated,
            Arrays.asList(new BigDecimal("-0.15"), new BigDecimal("2.00"), null, new BigDecimal("0.00")));
        ColumnAssertions.assertColumnEquals(absolute,
            Arrays.asList(new BigDecimal("0.15"), new BigDecimal("2.00"), null, new BigDecimal("0.00")));
      }
      try (Column negated = Arithmetic.negate(b, BufferAllocator.current());
          Column absolute = Arithmetic.abs(b, BufferAllocator.current())) {
        ColumnAssertions.assertColumnEquals(negated, Arrays.asList(
            new BigDecimal("18446744073709551616.00"), new BigDecimal("-18446744073709551616.00"),
            new BigDecimal("1.00")));
        ColumnAssertions.assertColumnEquals(absolute, Arrays.asList(
            new BigDecimal("18446744073709551616.00"), new BigDecimal("18446744073709551616.00"),
            new BigDecimal("1.00")));
      }
    }
  }

  @Test
  void slicedColumnsAndScalars() {
    try (Column a = decimals(D2, "9.99", "0.25", "-0.35", null);
        Column b = decimals(D2, "1.00", "0.50", "0.50", "0.50");
        Column left = a.slice(1, 3);
        Column right = b.slice(1, 3)) {
      check(left, right, ArithmeticOp.MUL, "0.12", "-0.18", null);
      try (Column scaled = Arithmetic.binaryScalar(
              left, new BigDecimal("0.50"), ArithmeticOp.MUL, BufferAllocator.current());
          Column divided = Arithmetic.scalarBinary(
              new BigDecimal("1.00"), left, ArithmeticOp.DIV, BufferAllocator.current())) {
        ColumnAssertions.assertColumnEquals(scaled,
            Arrays.asList(new BigDecimal("0.12"), new BigDecimal("-0.18"), null));
        ColumnAssertions.assertColumnEquals(divided,
            Arrays.asList(new BigDecimal("4.00"), new BigDecimal("-2.86"), null));
      }
    }
  }

  @Test
  void sumIsExactBeyondLongAndFailsBeyond38Digits() {
    try (Column small = decimals(D2, "0.25", null, "-1.10", "9.99");
        Column sliced = small.slice(1, 3);
        Column large = decimals(D2, "92233720368547758.07", "92233720368547758.07", "-0.14");
        Column huge = decimals(new DataType.Decimal128(38, 0),
            "90000000000000000000000000000000000000", "90000000000000000000000000000000000000")) {
      assertThat(Aggregate.sum(small)).isEqualTo(new BigDecimal("9.14"));
      assertThat(Aggregate.sum(sliced)).isEqualTo(new BigDecimal("8.89"));
      assertThat(Aggregate.sum(large)).isEqualTo(new BigDecimal("184467440737095516.00"));
      // Polars: "overflow in decimal addition in sum"
      assertThatThrownBy(() -> Aggregate.sum(huge))
          .isInstanceOf(ComputeException.class).hasMessageContaining("overflow");
    }
  }

  @Test
  void clipKeepsTheTypeAndLeavesNulls() {
    try (Column values = decimals(D2, "0.25", "0.35", "-0.25", null, "-18446744073709551616.00");
        Column clipped = Arithmetic.clip(values, new BigDecimal("0.00"), new BigDecimal("0.30"),
            BufferAllocator.current());
        Column lowerOnly = Arithmetic.clip(values, new BigDecimal("-1.00"), null,
            BufferAllocator.current())) {
      assertThat(clipped.type()).isEqualTo(D2);
      ColumnAssertions.assertColumnEquals(clipped, Arrays.asList(new BigDecimal("0.25"),
          new BigDecimal("0.30"), new BigDecimal("0.00"), null, new BigDecimal("0.00")));
      ColumnAssertions.assertColumnEquals(lowerOnly, Arrays.asList(new BigDecimal("0.25"),
          new BigDecimal("0.35"), new BigDecimal("-0.25"), null, new BigDecimal("-1.00")));
    }
  }

  @Test
  void comparisonsOrderSignedValuesAcrossBothWords() {
    String big = "18446744073709551616.00"; // 2^64: only the high word set
    try (Column a = decimals(D2, "-0.01", big, "-" + big, "0.50", null);
        Column b = decimals(D2, "0.01", "1.00", "-1.00", "0.50", "1.00");
        Column less = Compare.compare(a, b, CompareOp.LT, BufferAllocator.current());
        Column equal = Compare.compareScalar(a, new BigDecimal("0.50"), CompareOp.EQ,
            BufferAllocator.current())) {
      ColumnAssertions.assertColumnEquals(less, Arrays.asList(true, false, true, false, null));
      ColumnAssertions.assertColumnEquals(equal, Arrays.asList(false, false, false, true, null));
    }
  }

  @Test
  void longRoundingHelperHandlesSignsAndTies() {
    assertThat(DecimalArithmetic.divideHalfEven(125, 10)).isEqualTo(12);
    assertThat(DecimalArithmetic.divideHalfEven(135, 10)).isEqualTo(14);
    assertThat(DecimalArithmetic.divideHalfEven(-125, 10)).isEqualTo(-12);
    assertThat(DecimalArithmetic.divideHalfEven(-135, 10)).isEqualTo(-14);
    assertThat(DecimalArithmetic.divideHalfEven(7, -2)).isEqualTo(-4);
    assertThat(DecimalArithmetic.divideHalfEven(5, -2)).isEqualTo(-2);
    assertThat(DecimalArithmetic.divideHalfEven(Long.MAX_VALUE, Long.MAX_VALUE - 1)).isEqualTo(1);
    assertThat(DecimalArithmetic.divideHalfEven(BigInteger.valueOf(-135), BigInteger.TEN))
        .isEqualTo(BigInteger.valueOf(-14));
    assertThat(DecimalArithmetic.divideHalfEven(BigInteger.valueOf(-125), BigInteger.TEN))
        .isEqualTo(BigInteger.valueOf(-12));
  }
}
