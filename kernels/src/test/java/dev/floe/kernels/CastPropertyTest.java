package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Casts between numeric types against a BigDecimal reference built from getObject values. */
@LeakCheckedProperty
class CastPropertyTest {
  private static final DataType[] NUMERIC = {
    DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.UINT8, DataType.UINT16,
    DataType.UINT32, DataType.UINT64, DataType.FLOAT32, DataType.FLOAT64
  };

  @Provide
  Arbitrary<ColumnSample> numericColumns() {
    return Arbitraries.of(NUMERIC)
        .flatMap(type -> ColumnArbitraries.columns(type, AggregateTwinPropertyTest.lengths()));
  }

  @Provide
  Arbitrary<DataType> numericTypes() {
    return Arbitraries.of(NUMERIC);
  }

  @Property(tries = 400)
  void nonStrictNumericCastsKeepWhatFitsAndNullTheRest(
      @ForAll("numericColumns") ColumnSample sample, @ForAll("numericTypes") DataType target) {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column column = sample.build();
        Column result = Cast.cast(column, target, false, allocator)) {
      assertThat(result.type()).isEqualTo(target);
      for (int row = 0; row < column.length(); row++) {
        Object expected = expected(sample.values().get(row), sample.type(), target);
        Object actual = result.getObject(row);
        if (expected instanceof Double d && actual instanceof Double a) {
          assertThat(Double.doubleToLongBits(a)).as("row %d", row).isEqualTo(Double.doubleToLongBits(d));
        } else if (expected instanceof Float f && actual instanceof Float a) {
          // i64 -> f32 goes through f64 (double rounding): allow one float ulp.
          if (Float.floatToIntBits(a) != Float.floatToIntBits(f)) {
            assertThat(Math.abs(a - f)).as("row %d", row).isLessThanOrEqualTo(Math.ulp(f));
          }
        } else {
          assertThat(actual).as("row %d of %s -> %s", row, sample.type(), target).isEqualTo(expected);
        }
      }
    }
  }

  private static Object expected(Object value, DataType source, DataType target) {
    if (value == null) {
      return null;
    }
    BigDecimal exact;
    if (source.isFloatingPoint()) {
      double d = ((Number) value).doubleValue();
      if (target.isFloatingPoint()) {
        return target instanceof DataType.Float32 ? (Object) (float) d : (Object) d;
      }
      if (!Double.isFinite(d)) {
        return null;
      }
      exact = new BigDecimal(d).setScale(0, java.math.RoundingMode.DOWN);
    } else {
      long bits = ((Number) value).longValue();
      exact = source instanceof DataType.UInt64
          ? new BigDecimal(new BigInteger(Long.toUnsignedString(bits))) : BigDecimal.valueOf(bits);
    }
    if (target.isFloatingPoint()) {
      return target instanceof DataType.Float32 ? (Object) exact.floatValue() : (Object) exact.doubleValue();
    }
    BigInteger whole = exact.toBigInteger();
    int bits = target.byteWidth() * 8;
    BigInteger min = target.isSignedInteger() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max = target.isSignedInteger()
        ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
      return null;
    }
    return switch (target) {
      case DataType.Int8 t -> whole.byteValue();
      case DataType.Int16 t -> whole.shortValue();
      case DataType.Int32 t -> whole.intValue();
      case DataType.UInt8 t -> whole.shortValue();
      case DataType.UInt16 t -> whole.intValue();
      default -> whole.longValue();
    };
  }
}
