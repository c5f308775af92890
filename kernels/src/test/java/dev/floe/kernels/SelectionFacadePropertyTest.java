package dev.floe.kernels;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Filter}, {@link Gather}, {@link IfThenElse}, {@link FillNull} and {@link Broadcast} on
 * columns of every type (strings of all layouts, views, lists, structs, fixed-size lists,
 * dictionaries), sliced or not, against references computed from the generated values.
 */
@LeakCheckedProperty
class SelectionFacadePropertyTest {

  @Provide
  Arbitrary<ColumnSample> anyColumns() {
    return ColumnArbitraries.columns();
  }

  @Property(tries = 400)
  void filterKeepsTheSelectedRows(@ForAll("anyColumns") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    double density = new double[] {0, 0.01, 0.5, 0.99, 1}[random.nextInt(5)];
    double nulls = random.nextBoolean() ? 0 : 0.2;
    try (Column column = sample.build();
        BooleanColumn mask = KernelTestData.mask(sample.length(), density, nulls, seed);
        Column filtered = Filter.filter(column, mask, BufferAllocator.current())) {
      List<Object> expected = new ArrayList<>();
      for (int row = 0; row < sample.length(); row++) {
        if (Boolean.TRUE.equals(mask.getObject(row))) {
          expected.add(sample.values().get(row));
        }
      }
      assertThat(Filter.countSelected(mask)).isEqualTo(expected.size());
      assertThat(filtered.type()).isEqualTo(sample.type());
      assertColumnEquals(filtered, expected);
    }
  }

  @Property(tries = 300)
  void takeGathersRowsAndNulls(@ForAll("anyColumns") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    int length = sample.length();
    int count = random.nextInt(2 * length + 2);
    DataType indexType = new DataType[] {DataType.INT32, DataType.UINT32, DataType.INT64}[
        random.nextInt(3)];
    List<Object> expected = new ArrayList<>();
    try (FixedWidthBuilder builder = new FixedWidthBuilder(indexType, BufferAllocator.current())) {
      for (int position = 0; position < count; position++) {
        if (length == 0 || random.nextInt(10) == 0) {
          builder.appendNull();
          expected.add(null);
        } else {
          int row = random.nextInt(length);
          if (indexType instanceof DataType.Int64) {
            builder.appendLong(row);
          } else {
            builder.appendInt(row);
          }
          expected.add(sample.values().get(row));
        }
      }
      try (Column indices = builder.build(); Column column = sample.build();
          Column taken = Gather.take(column, indices, BufferAllocator.current())) {
        assertColumnEquals(taken, expected);
      }
    }
  }

  @Property(tries = 300)
  void selectPicksThenOrOtherwise(@ForAll("anyColumns") ColumnSample sample, @ForAll long seed) {
    ColumnSample other = KernelTestData.partner(sample, seed);
    try (Column then = sample.build(); Column otherwise = other.build();
        BooleanColumn mask = KernelTestData.mask(sample.length(), 0.5, 0.2, seed);
        Column selected = IfThenElse.select(mask, then, otherwise, BufferAllocator.current())) {
      List<Object> expected = new ArrayList<>();
      for (int row = 0; row < sample.length(); row++) {
        expected.add(Boolean.TRUE.equals(mask.getObject(row))
            ? sample.values().get(row) : other.values().get(row));
      }
      assertColumnEquals(selected, expected);
    }
  }

  @Property(tries = 300)
  void fillNullAndBroadcast(@ForAll("anyColumns") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    List<Object> values = sample.values();
    Object value = values.stream().filter(x -> x != null).findFirst().orElse(null);
    int limit = random.nextInt(4) - 1;
    BufferAllocator allocator = BufferAllocator.current();
    try (Column column = sample.build();
        Column filled = FillNull.fill(column, value, allocator);
        Column forward = FillNull.forward(column, limit, allocator);
        Column backward = FillNull.backward(column, limit, allocator);
        Column constant = Broadcast.constant(value, sample.type(), values.size(), allocator);
        Column nulls = Broadcast.constant(null, sample.type(), values.size(), allocator)) {
      List<Object> expectedFilled = new ArrayList<>();
      List<Object> expectedForward = new ArrayList<>();
      List<Object> expectedBackward = new ArrayList<>(values);
      int last = -1;
      for (int row = 0; row < values.size(); row++) {
        Object x = values.get(row);
        expectedFilled.add(x == null ? value : x);
        if (x != null) {
          last = row;
        }
        expectedForward.add(x != null ? x
            : last >= 0 && (limit < 0 || row - last <= limit) ? values.get(last) : null);
      }
      int next = -1;
      for (int row = values.size() - 1; row >= 0; row--) {
        Object x = values.get(row);
        if (x != null) {
          next = row;
        } else if (next >= 0 && (limit < 0 || next - row <= limit)) {
          expectedBackward.set(row, values.get(next));
        }
      }
      assertColumnEquals(filled, expectedFilled);
      assertColumnEquals(forward, expectedForward);
      assertColumnEquals(backward, expectedBackward);
      List<Object> repeated = new ArrayList<>();
      List<Object> allNull = new ArrayList<>();
      for (int row = 0; row < values.size(); row++) {
        repeated.add(value);
        allNull.add(null);
      }
      assertColumnEquals(constant, repeated);
      assertColumnEquals(nulls, allNull);
    }
  }

  @Property(tries = 20)
  void takeOutOfRangeNamesTheIndexAndLength(@ForAll("anyColumns") ColumnSample sample) {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.INT64, BufferAllocator.current())) {
      builder.appendLong(sample.length());
      try (Column indices = builder.build(); Column column = sample.build()) {
        assertThatThrownBy(() -> Gather.take(column, indices, BufferAllocator.current()))
            .isInstanceOf(InvalidOperationException.class)
            .hasMessageContaining("index " + sample.length())
            .hasMessageContaining("length " + sample.length());
      }
    }
  }
}
