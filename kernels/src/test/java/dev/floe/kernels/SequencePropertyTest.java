package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The sequence kernels (cumulative reductions, shift, diff) against simple list-based references
 * written from Polars' documented semantics, on generated columns (random nulls, slices at non-zero
 * offsets, edge values: MIN/MAX, NaN, infinities, -0.0).
 */
@LeakCheckedProperty
class SequencePropertyTest {

  @Provide
  Arbitrary<ColumnSample> numbers() {
    return Arbitraries.of(DataType.INT32, DataType.INT64, DataType.UINT32, DataType.FLOAT64)
        .flatMap(type -> ColumnArbitraries.columns(type, Arbitraries.integers().between(0, 300)));
  }

  @Property(tries = 400)
  void cumulativeMatchesTheReference(
      @ForAll("numbers") ColumnSample sample,
      @ForAll Cumulative.Op op,
      @ForAll boolean reverse) {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column column = sample.build();
        Column result = Cumulative.apply(column, op, reverse, allocator)) {
      assertThat(result.type()).isEqualTo(column.type());
      ColumnAssertions.assertColumnEquals(result, cumulative(sample, op, reverse));
    }
  }

  @Property(tries = 200)
  void cumCountCountsValidRows(@ForAll("numbers") ColumnSample sample, @ForAll boolean reverse) {
    List<Object> values = sample.values();
    List<Object> expected = new ArrayList<>(values);
    long count = 0;
    for (int step = 0; step < values.size(); step++) {
      int row = reverse ? values.size() - 1 - step : step;
      count += values.get(row) != null ? 1 : 0;
      expected.set(row, count);
    }
    try (Column column = sample.build();
        Column result = Cumulative.count(column, reverse, BufferAllocator.current())) {
      assertThat(result.nullCount()).isZero();
      ColumnAssertions.assertColumnEquals(result, expected);
    }
  }

  @Property(tries = 300)
  void shiftMovesValues(
      @ForAll("numbers") ColumnSample sample, @ForAll @IntRange(min = -320, max = 320) int n) {
    List<Object> values = sample.values();
    List<Object> expected = new ArrayList<>();
    for (int row = 0; row < values.size(); row++) {
      int from = row - n;
      expected.add(from >= 0 && from < values.size() ? values.get(from) : null);
    }
    try (Column column = sample.build();
        Column result = Shift.shift(column, n, null, BufferAllocator.current())) {
      ColumnAssertions.assertColumnEquals(result, expected);
    }
  }

  @Property(tries = 300)
  void diffSubtractsWithWrapping(
      @ForAll("numbers") ColumnSample sample, @ForAll @IntRange(min = -5, max = 5) int n) {
    DataType type = sample.type();
    List<Object> values = sample.values();
    List<Object> expected = new ArrayList<>();
    for (int row = 0; row < values.size(); row++) {
      int other = row - n;
      Object value = values.get(row);
      Object previous = other >= 0 && other < values.size() ? values.get(other) : null;
      expected.add(value == null || previous == null ? null : subtract(type, value, previous));
    }
    try (Column column = sample.build();
        Column result = Diff.diff(column, n, type, BufferAllocator.current())) {
      ColumnAssertions.assertColumnEquals(result, expected);
    }
  }

  private static Object subtract(DataType type, Object left, Object right) {
    return switch (type) {
      case DataType.Float64 t -> (Double) left - (Double) right;
      case DataType.Int32 t -> ((Number) left).intValue() - ((Number) right).intValue();
      case DataType.UInt32 t ->
          (((Number) left).longValue() - ((Number) right).longValue()) & 0xFFFF_FFFFL;
      default -> ((Number) left).longValue() - ((Number) right).longValue();
    };
  }

  /** The reference: a running value over the non-null values, in the input's Java class. */
  static List<Object> cumulative(ColumnSample sample, Cumulative.Op op, boolean reverse) {
    List<Object> values = sample.values();
    List<Object> expected = new ArrayList<>(values);
    boolean floating = sample.type().isFloatingPoint();
    Object state = null;
    for (int step = 0; step < values.size(); step++) {
      int row = reverse ? values.size() - 1 - step : step;
      Object value = values.get(row);
      if (value == null) {
        continue;
      }
      state = state == null ? value
          : floating ? floatStep(op, (Double) state, (Double) value)
          : integerStep(sample.type(), op, ((Number) state).longValue(), ((Number) value).longValue());
      expected.set(row, state);
    }
    return expected;
  }

  private static Object floatStep(Cumulative.Op op, double state, double value) {
    return switch (op) {
      case SUM -> state + value;
      case PROD -> state * value;
      case MIN -> Double.isNaN(value) ? state : Double.isNaN(state) ? value : value <= state ? value : state;
      case MAX -> Double.isNaN(value) ? state : Double.isNaN(state) ? value : value >= state ? value : state;
    };
  }

  private static Object integerStep(DataType type, Cumulative.Op op, long state, long value) {
    long result = switch (op) {
      case SUM -> state + value;
      case PROD -> state * value;
      case MIN -> Math.min(state, value);
      case MAX -> Math.max(state, value);
    };
    return switch (type) {
      case DataType.Int32 t -> (int) result;
      case DataType.UInt32 t -> result & 0xFFFF_FFFFL;
      default -> result;
    };
  }
}
