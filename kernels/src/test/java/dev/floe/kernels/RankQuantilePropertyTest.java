package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * rank, quantile, nUnique, argMin and argMax against naive references (quadratic ranks, a full
 * sort for quantiles, a {@code HashSet} of values) in Polars' order: NaN above every number, -0.0
 * equal to 0.0, strings byte-wise; on generated columns with nulls and slices.
 */
@LeakCheckedProperty
class RankQuantilePropertyTest {

  @Provide
  Arbitrary<ColumnSample> numbers() {
    return Arbitraries.of(DataType.INT32, DataType.INT64, DataType.UINT32, DataType.FLOAT64)
        .flatMap(type -> ColumnArbitraries.columns(type, Arbitraries.integers().between(0, 200)));
  }

  @Provide
  Arbitrary<ColumnSample> orderable() {
    return Arbitraries.of(DataType.INT64, DataType.FLOAT64, DataType.UTF8, DataType.BOOLEAN)
        .flatMap(type -> ColumnArbitraries.columns(type, Arbitraries.integers().between(0, 200)));
  }

  @Property(tries = 300)
  void rankMatchesTheQuadraticReference(
      @ForAll("orderable") ColumnSample sample,
      @ForAll Rank.Method method,
      @ForAll boolean descending) {
    List<Object> values = sample.values();
    Comparator<Object> order = descending ? ORDER.reversed() : ORDER;
    List<Object> expected = new ArrayList<>();
    for (int row = 0; row < values.size(); row++) {
      Object value = values.get(row);
      if (value == null) {
        expected.add(null);
        continue;
      }
      int less = 0;
      int equal = 0;
      int equalBefore = 0;
      Set<Object> smallerDistinct = new java.util.TreeSet<>(order);
      for (int other = 0; other < values.size(); other++) {
        Object candidate = values.get(other);
        if (candidate == null) {
          continue;
        }
        int comparison = order.compare(candidate, value);
        if (comparison < 0) {
          less++;
          smallerDistinct.add(candidate);
        } else if (comparison == 0) {
          equal++;
          equalBefore += other < row ? 1 : 0;
        }
      }
      expected.add(switch (method) {
        case AVERAGE -> less + (equal + 1) / 2.0;
        case MIN -> (long) less + 1;
        case MAX -> (long) less + equal;
        case DENSE -> (long) smallerDistinct.size() + 1;
        case ORDINAL -> (long) less + equalBefore + 1;
      });
    }
    try (Column column = sample.build();
        Column result = Rank.rank(column, method, descending, BufferAllocator.current())) {
      ColumnAssertions.assertColumnEquals(result, expected);
    }
  }

  @Property(tries = 300)
  void quantileMatchesASortedReference(
      @ForAll("numbers") ColumnSample sample,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double quantile,
      @ForAll AggregateQuantile.Method method) {
    List<Double> sorted = new ArrayList<>();
    for (Object value : sample.values()) {
      if (value != null) {
        sorted.add(((Number) value).doubleValue());
      }
    }
    sorted.sort(Double::compare);
    try (Column column = sample.build()) {
      Double actual = AggregateQuantile.quantile(column, quantile, method);
      if (sorted.isEmpty()) {
        assertThat(actual).isNull();
        return;
      }
      int n = sorted.size();
      double position = (n - 1) * quantile;
      int floor = (int) position;
      int ceil = (int) Math.ceil(position);
      double low = sorted.get(floor);
      double high = sorted.get(ceil);
      double expected = switch (method) {
        case NEAREST -> sorted.get((int) Math.round(position));
        case LOWER -> low;
        case HIGHER -> high;
        case EQUIPROBABLE -> sorted.get((int) Math.max(Math.ceil(n * quantile) - 1, 0));
        case MIDPOINT -> low == high ? low : (low + high) / 2;
        case LINEAR -> low == high ? low : low + (high - low) * (position - floor);
      };
      if (Double.isNaN(expected)) {
        assertThat(actual).isNaN();
      } else {
        assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(
            1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  @Property(tries = 300)
  void nUniqueArgMinArgMaxMatchTheReference(@ForAll("orderable") ColumnSample sample) {
    List<Object> values = sample.values();
    Set<Object> distinct = new HashSet<>();
    values.forEach(value -> distinct.add(value instanceof Double d ? (Object) (d + 0.0) : value));
    try (Column column = sample.build()) {
      assertThat(AggregateUnique.nUnique(column)).isEqualTo(distinct.size());
      assertThat(AggregateArg.argMin(column)).isEqualTo(arg(values, true));
      assertThat(AggregateArg.argMax(column)).isEqualTo(arg(values, false));
    }
  }

  private static Long arg(List<Object> values, boolean min) {
    int best = -1;
    int firstNaN = -1;
    for (int row = 0; row < values.size(); row++) {
      Object value = values.get(row);
      if (value == null) {
        continue;
      }
      if (value instanceof Double d && d.isNaN()) {
        firstNaN = firstNaN < 0 ? row : firstNaN;
        continue;
      }
      int comparison = best < 0 ? 0 : ORDER.compare(value, values.get(best));
      boolean lastOnTies = value instanceof String;
      if (best < 0 || (min ? comparison < 0 : comparison > 0 || (comparison == 0 && lastOnTies))) {
        best = row;
      }
    }
    int row = best >= 0 ? best : firstNaN;
    return row < 0 ? null : (long) row;
  }

  /** Polars' ascending order of non-null values. */
  private static final Comparator<Object> ORDER = (left, right) -> switch (left) {
    case Double d -> Double.compare(d + 0.0, (Double) right + 0.0);
    case String s -> Arrays.compareUnsigned(
        s.getBytes(StandardCharsets.UTF_8), ((String) right).getBytes(StandardCharsets.UTF_8));
    case Boolean b -> Boolean.compare(b, (Boolean) right);
    default -> Long.compare(((Number) left).longValue(), ((Number) right).longValue());
  };
}
