package dev.floe.kernels;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link IsInNumbers} (keys from the bits, no boxing) equals the boxed HashSet path
 * ({@link CompareMissing#isInBoxed}) for every integer, float and temporal type: sets of 0 to ~40
 * members (scanned and hashed), drawn from the column and from edges (0, -0.0, NaN, MIN/MAX),
 * nulls in both, sliced columns.
 */
@LeakCheckedProperty
class IsInNumbersPropertyTest {
  private static final List<DataType> TYPES = List.of(DataType.INT8, DataType.INT16,
      DataType.INT32, DataType.INT64, DataType.UINT8, DataType.UINT16, DataType.UINT32,
      DataType.UINT64, DataType.FLOAT32, DataType.FLOAT64, DataType.DATE32,
      new DataType.Time64(TimeUnit.NANOSECOND), new DataType.Timestamp(TimeUnit.MICROSECOND, null),
      new DataType.Duration(TimeUnit.SECOND));

  @Provide
  Arbitrary<ColumnSample> numbers() {
    return Arbitraries.of(TYPES).flatMap(type -> ColumnArbitraries.columns(type));
  }

  @Property(tries = 400)
  void isInEqualsTheBoxedPath(@ForAll("numbers") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    List<Object> members = new ArrayList<>();
    int size = random.nextInt(3) == 0 ? random.nextInt(40) : random.nextInt(9);
    List<Object> values = sample.values();
    for (int index = 0; index < size; index++) {
      Object member = values.isEmpty() || random.nextInt(4) == 0
          ? edge(sample.type(), random) : values.get(random.nextInt(values.size()));
      members.add(member);
    }
    BufferAllocator allocator = BufferAllocator.current();
    try (Column column = sample.build();
        Column set = ColumnSample.of(sample.type(), members).build()) {
      org.assertj.core.api.Assertions.assertThat(IsInNumbers.supports(column)).isTrue();
      try (BooleanColumn actual = IsInNumbers.isIn(column, set, allocator);
          BooleanColumn expected = CompareMissing.isInBoxed(column, set, allocator)) {
        assertColumnEquals(actual, expected);
      }
    }
  }

  /** An edge value of {@code type} as getObject returns it, or null. */
  private static Object edge(DataType type, Random random) {
    return switch (type) {
      case DataType.Float64 t -> new Double[] {0.0, -0.0, Double.NaN, -Double.NaN,
          Double.NEGATIVE_INFINITY, Double.MAX_VALUE, null}[random.nextInt(7)];
      case DataType.Float32 t -> new Float[] {0.0f, -0.0f, Float.NaN,
          Float.POSITIVE_INFINITY, Float.MIN_VALUE, null}[random.nextInt(6)];
      default -> null;
    };
  }
}
