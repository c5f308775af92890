package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.scalar.AggregateScalar;
import dev.floe.kernels.simd.AggregateSimd;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each SIMD aggregate kernel equals its scalar twin, called directly, on generated columns (lengths
 * around the vector width, random null density, slices at non-zero offsets, edge values).
 *
 * <p>Integer sums, all min/max: exactly (a zero min/max may differ in sign, as the order of equal
 * zeros decides it). Float64 sums differ only by association (lanes and two
 * accumulators, then a reduction), so they are held to the classic bound for recursive summation:
 * each order is within {@code (n - 1) * u * sum|x|} of the exact sum ({@code u = 2^-53}), so the
 * two are within {@code (n - 1) * 2^-52 * sum|x|} of each other. When {@code sum|x|} overflows the
 * result depends on where overflow happens and only NaN-ness is compared.
 */
@LeakCheckedProperty
class AggregateTwinPropertyTest {
  static final List<Integer> LENGTHS = List.of(0, 1, 7, 8, 63, 64, 65, 255, 256, 1023, 4098);

  static Arbitrary<Integer> lengths() {
    return Arbitraries.oneOf(Arbitraries.of(LENGTHS), Arbitraries.integers().between(0, 5000));
  }

  @Provide
  Arbitrary<ColumnSample> int64s() {
    return ColumnArbitraries.columns(DataType.INT64, lengths());
  }

  @Provide
  Arbitrary<ColumnSample> int32s() {
    return ColumnArbitraries.columns(DataType.INT32, lengths());
  }

  @Provide
  Arbitrary<ColumnSample> float64s() {
    return ColumnArbitraries.columns(DataType.FLOAT64, lengths());
  }

  @Property(tries = 300)
  void int64KernelsEqualTheirScalarTwins(@ForAll("int64s") ColumnSample sample) {
    try (Column column = sample.build()) {
      MemorySegment values = values(column);
      int offset = column.offset();
      int length = column.length();
      assertThat(AggregateSimd.sumLong(values, offset, length))
          .isEqualTo(AggregateScalar.sumLong(values, offset, length));
      assertThat(AggregateSimd.minLong(values, offset, length))
          .isEqualTo(AggregateScalar.minLong(values, offset, length));
      assertThat(AggregateSimd.maxLong(values, offset, length))
          .isEqualTo(AggregateScalar.maxLong(values, offset, length));
      if (column.validity() != null) {
        MemorySegment validity = column.validity().segment();
        assertThat(AggregateSimd.sumLongMasked(values, validity, offset, length))
            .isEqualTo(AggregateScalar.sumLongMasked(values, validity, offset, length));
        assertThat(AggregateSimd.minLongMasked(values, validity, offset, length))
            .isEqualTo(AggregateScalar.minLongMasked(values, validity, offset, length));
        assertThat(AggregateSimd.maxLongMasked(values, validity, offset, length))
            .isEqualTo(AggregateScalar.maxLongMasked(values, validity, offset, length));
      }
    }
  }

  @Property(tries = 300)
  void int32SumsEqualTheirScalarTwins(@ForAll("int32s") ColumnSample sample) {
    try (Column column = sample.build()) {
      MemorySegment values = values(column);
      int offset = column.offset();
      int length = column.length();
      assertThat(AggregateSimd.sumInt(values, offset, length))
          .isEqualTo(AggregateScalar.sumInt(values, offset, length));
      if (column.validity() != null) {
        MemorySegment validity = column.validity().segment();
        assertThat(AggregateSimd.sumIntMasked(values, validity, offset, length))
            .isEqualTo(AggregateScalar.sumIntMasked(values, validity, offset, length));
      }
    }
  }

  @Property(tries = 300)
  void float64KernelsEqualTheirScalarTwins(@ForAll("float64s") ColumnSample sample) {
    try (Column column = sample.build()) {
      checkFloat64(column);
    }
  }

  /** Without edge values most sums stay finite, so the ulp bound is really exercised. */
  @Property(tries = 200)
  void float64SumsOfOrdinaryValuesStayWithinTheBound(
      @ForAll("lengthsProvided") int length, @ForAll long seed, @ForAll boolean withNulls) {
    Random random = new Random(seed);
    int before = random.nextInt(3) == 0 ? 0 : random.nextInt(70);
    BufferAllocator allocator = BufferAllocator.current();
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.FLOAT64, allocator)) {
      for (int row = 0; row < before + length; row++) {
        double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(12) - 4);
        builder.appendDouble(value, !withNulls || random.nextInt(10) != 0);
      }
      try (FixedWidthColumn whole = builder.build();
          FixedWidthColumn column = whole.slice(before, length)) {
        checkFloat64(column);
      }
    }
  }

  @Provide
  Arbitrary<Integer> lengthsProvided() {
    return lengths();
  }

  private static void checkFloat64(Column column) {
    MemorySegment values = values(column);
    int offset = column.offset();
    int length = column.length();
    assertSumsClose(
        AggregateSimd.sumDouble(values, offset, length),
        AggregateScalar.sumDouble(values, offset, length),
        column, false);
    assertSameExtreme(AggregateSimd.minDouble(values, offset, length),
        AggregateScalar.minDouble(values, offset, length));
    assertSameExtreme(AggregateSimd.maxDouble(values, offset, length),
        AggregateScalar.maxDouble(values, offset, length));
    if (column.validity() != null) {
      MemorySegment validity = column.validity().segment();
      assertSumsClose(
          AggregateSimd.sumDoubleMasked(values, validity, offset, length),
          AggregateScalar.sumDoubleMasked(values, validity, offset, length),
          column, true);
      assertSameExtreme(AggregateSimd.minDoubleMasked(values, validity, offset, length),
          AggregateScalar.minDoubleMasked(values, validity, offset, length));
      assertSameExtreme(AggregateSimd.maxDoubleMasked(values, validity, offset, length),
          AggregateScalar.maxDoubleMasked(values, validity, offset, length));
    }
  }

  private static void assertSumsClose(double simd, double scalar, Column column, boolean masked) {
    FixedWidthColumn doubles = (FixedWidthColumn) column;
    double magnitudes = 0;
    boolean nan = false;
    int n = 0;
    for (int row = 0; row < doubles.length(); row++) {
      if (masked && doubles.isNull(row)) {
        continue;
      }
      double value = doubles.getDouble(row);
      nan |= Double.isNaN(value);
      magnitudes += Math.abs(value);
      n++;
    }
    if (nan) {
      assertThat(simd).isNaN();
      assertThat(scalar).isNaN();
      return;
    }
    if (!Double.isFinite(magnitudes)) {
      return; // overflow (or +inf and -inf) depends on the order of additions
    }
    double bound = Math.max(n - 1, 0) * Math.ulp(1.0) * magnitudes;
    assertThat(Math.abs(simd - scalar)).isLessThanOrEqualTo(bound);
  }

  /** Equal as numbers: a zero result may be -0.0 or 0.0 depending on order (see AggregateScalar). */
  private static void assertSameExtreme(double simd, double scalar) {
    assertThat(simd == scalar).as("SIMD %s vs scalar %s", simd, scalar).isTrue();
  }

  private static MemorySegment values(Column column) {
    return ((FixedWidthColumn) column).valuesBuffer().segment();
  }
}
