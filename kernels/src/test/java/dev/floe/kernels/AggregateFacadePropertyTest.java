package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The facade against references computed from {@code getObject} values with Polars semantics. */
@LeakCheckedProperty
class AggregateFacadePropertyTest {

  @Provide
  Arbitrary<ColumnSample> integers() {
    return Arbitraries.of(DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64,
            DataType.UINT8, DataType.UINT16, DataType.UINT32)
        .flatMap(type -> ColumnArbitraries.columns(type, AggregateTwinPropertyTest.lengths()));
  }

  @Provide
  Arbitrary<ColumnSample> doubles() {
    return ColumnArbitraries.columns(DataType.FLOAT64, AggregateTwinPropertyTest.lengths());
  }

  @Property(tries = 300)
  void integerSumMinMaxCount(@ForAll("integers") ColumnSample sample) {
    List<Long> values = AggregateTest.nonNull(sample.values()).stream()
        .map(value -> ((Number) value).longValue()).toList();
    long sum = 0;
    for (long value : values) {
      sum += value;
    }
    long expected = switch (sample.type()) {
      case DataType.Int32 t -> (int) sum;
      case DataType.UInt32 t -> sum & 0xFFFF_FFFFL;
      default -> sum;
    };
    try (Column column = sample.build()) {
      assertThat(Aggregate.sum(column)).isEqualTo(expected);
      assertThat(Aggregate.count(column)).isEqualTo(values.size());
      Object min = Aggregate.min(column);
      Object max = Aggregate.max(column);
      if (values.isEmpty()) {
        assertThat(min).isNull();
        assertThat(max).isNull();
      } else {
        assertThat(((Number) min).longValue()).isEqualTo(values.stream().min(Comparator.naturalOrder()).orElseThrow());
        assertThat(((Number) max).longValue()).isEqualTo(values.stream().max(Comparator.naturalOrder()).orElseThrow());
        assertThat(min.getClass()).isEqualTo(sample.values().stream().filter(v -> v != null).findFirst().orElseThrow().getClass());
      }
    }
  }

  @Property(tries = 300)
  void doubleMinMaxIgnoreNaN(@ForAll("doubles") ColumnSample sample) {
    List<Double> values = AggregateTest.nonNull(sample.values()).stream()
        .map(value -> (Double) value).toList();
    List<Double> numbers = values.stream().filter(value -> !Double.isNaN(value)).toList();
    try (Column column = sample.build()) {
      Object min = Aggregate.min(column);
      Object max = Aggregate.max(column);
      if (values.isEmpty()) {
        assertThat(min).isNull();
      } else if (numbers.isEmpty()) {
        assertThat((Double) min).isNaN();
        assertThat((Double) max).isNaN();
      } else {
        // == : a zero result's sign depends on the order of equal zeros.
        assertThat((double) (Double) min == numbers.stream().mapToDouble(v -> v).reduce(Double.POSITIVE_INFINITY, Math::min)).isTrue();
        assertThat((double) (Double) max == numbers.stream().mapToDouble(v -> v).reduce(Double.NEGATIVE_INFINITY, Math::max)).isTrue();
      }
      double sum = 0;
      for (double value : values) {
        sum += value;
      }
      double actual = (Double) Aggregate.sum(column);
      boolean nanInput = values.stream().anyMatch(value -> Double.isNaN(value))
          || (values.contains(Double.POSITIVE_INFINITY) && values.contains(Double.NEGATIVE_INFINITY));
      if (nanInput) {
        assertThat(actual).isNaN();
      } else if (Double.isFinite(sum)) {
        // Overflow to +-inf (and inf - inf) depends on the order of additions: only finite sums
        // are compared, within the bound stated in AggregateTwinPropertyTest.
        double magnitudes = values.stream().mapToDouble(Math::abs).sum();
        if (Double.isFinite(magnitudes)) {
          assertThat(Math.abs(actual - sum))
              .isLessThanOrEqualTo(Math.max(values.size() - 1, 0) * Math.ulp(1.0) * magnitudes);
        }
      }
    }
  }
}
