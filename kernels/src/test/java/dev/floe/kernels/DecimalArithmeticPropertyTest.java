package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Decimal kernels against a BigDecimal reference (exact, rounded half to even at the scale, more
 * than 38 digits an error), over values that take the long fast path, the exact fallback and the
 * switch between them (sums near 2^63, scales beyond 18).
 */
@LeakCheckedProperty
class DecimalArithmeticPropertyTest {
  private static final BigInteger LIMIT = BigInteger.TEN.pow(38);

  record Case(int scale, ArithmeticOp op, List<BigInteger> left, List<BigInteger> right) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<BigInteger> small = Arbitraries.longs().between(-1_000_000, 1_000_000)
        .map(BigInteger::valueOf);
    Arbitrary<BigInteger> wide = Arbitraries.longs().map(BigInteger::valueOf);
    Arbitrary<BigInteger> huge = Arbitraries.bigIntegers()
        .between(LIMIT.negate().add(BigInteger.ONE), LIMIT.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, small), net.jqwik.api.Tuple.of(3, wide),
        net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(1, Arbitraries.just(BigInteger.ZERO)));
    Arbitrary<List<BigInteger>> values = value.injectNull(0.1).list().ofSize(12);
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of(0, 2, 3, 18, 20),
            Arbitraries.of(ArithmeticOp.ADD, ArithmeticOp.SUB, ArithmeticOp.MUL, ArithmeticOp.DIV),
            values, values)
        .as(Case::new);
  }

  @Property(tries = 300)
  void kernelsMatchTheBigDecimalReference(@ForAll("cases") Case sample) {
    DataType.Decimal128 type = new DataType.Decimal128(38, sample.scale());
    BufferAllocator allocator = BufferAllocator.current();
    List<Object> expected = new ArrayList<>();
    boolean fails = false;
    for (int row = 0; row < sample.left().size(); row++) {
      BigInteger a = sample.left().get(row);
      BigInteger b = sample.right().get(row);
      if (a == null || b == null) {
        expected.add(null);
        continue;
      }
      BigDecimal x = new BigDecimal(a, sample.scale());
      BigDecimal y = new BigDecimal(b, sample.scale());
      if (sample.op() == ArithmeticOp.DIV && b.signum() == 0) {
        fails = true;
        break;
      }
      BigDecimal rounded = switch (sample.op()) {
        case ADD -> x.add(y);
        case SUB -> x.subtract(y);
        case MUL -> x.multiply(y).setScale(sample.scale(), RoundingMode.HALF_EVEN);
        default -> x.divide(y, sample.scale(), RoundingMode.HALF_EVEN);
      };
      if (rounded.unscaledValue().abs().compareTo(LIMIT) >= 0) {
        fails = true;
        break;
      }
      expected.add(rounded);
    }
    try (Column left = column(type, sample.left(), allocator);
        Column right = column(type, sample.right(), allocator)) {
      if (fails) {
        try (Column result = Arithmetic.binary(left, right, sample.op(), allocator)) {
          throw new AssertionError("expected a ComputeException, got " + result.getObject(0));
        } catch (ComputeException expectedFailure) {
          return;
        }
      }
      try (Column result = Arithmetic.binary(left, right, sample.op(), allocator)) {
        dev.floe.testkit.ColumnAssertions.assertColumnEquals(result, expected);
      }
    }
  }

  @Property(tries = 200)
  void sumMatchesTheBigDecimalReference(@ForAll("cases") Case sample) {
    DataType.Decimal128 type = new DataType.Decimal128(38, sample.scale());
    BigInteger total = BigInteger.ZERO;
    for (BigInteger value : sample.left()) {
      total = value == null ? total : total.add(value);
    }
    try (Column column = column(type, sample.left(), BufferAllocator.current())) {
      if (total.abs().compareTo(LIMIT) >= 0) {
        try {
          Aggregate.sum(column);
          throw new AssertionError("expected an overflow");
        } catch (ComputeException overflow) {
          return;
        }
      }
      assertThat(Aggregate.sum(column)).isEqualTo(new BigDecimal(total, sample.scale()));
    }
  }

  private static Column column(DataType type, List<BigInteger> unscaled, BufferAllocator allocator) {
    int scale = ((DataType.Decimal128) type).scale();
    List<Object> values = unscaled.stream()
        .map(value -> value == null ? null : (Object) new BigDecimal(value, scale)).toList();
    return JavaValues.toColumn(allocator, type, values);
  }
}
