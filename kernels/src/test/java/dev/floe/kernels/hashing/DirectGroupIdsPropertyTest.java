package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DirectGroupIds} against its hashing twin {@link GroupIds#of}: on integer and date keys of
 * small ranges (with nulls, sliced or not, near the type's limits) the ids, first rows and group
 * count are identical; keys of a wide range are declined.
 */
@LeakCheckedProperty
class DirectGroupIdsPropertyTest {
  @Provide
  Arbitrary<DataType> types() {
    return Arbitraries.of(DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.UINT8,
        DataType.UINT16, DataType.UINT32, DataType.UINT64, DataType.DATE32);
  }

  @Property(tries = 400)
  void smallRangeKeysGroupLikeTheHashTable(@ForAll("types") DataType type, @ForAll long seed) {
    Random random = new Random(seed);
    int length = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(3000);
    long span = highest(type) - lowest(type); // negative (overflow) only for 64-bit types
    int range = (int) Math.min(1 + random.nextInt(random.nextBoolean() ? 10 : 2000), span < 0 || span >= Integer.MAX_VALUE ? Long.MAX_VALUE : span + 1);
    long base = switch (random.nextInt(3)) {
      case 0 -> 0;
      case 1 -> lowest(type);
      default -> highest(type) - range + 1;
    };
    List<Object> values = new ArrayList<>();
    double nulls = random.nextDouble() * 0.3;
    for (int row = 0; row < length; row++) {
      values.add(random.nextDouble() < nulls ? null : box(type, base + random.nextInt(range)));
    }
    ColumnSample sample = random.nextBoolean() ? ColumnSample.of(type, values)
        : new ColumnSample(type, values, List.of(box(type, base)), List.of(box(type, base)));
    try (Column column = sample.build()) {
      GroupIds direct = DirectGroupIds.tryOf(column);
      GroupIds hashed = GroupIds.of(List.of(column), BufferAllocator.current());
      assertThat(direct).as("a range of %d is indexed directly", range).isNotNull();
      assertThat(direct.ids()).containsExactly(hashed.ids());
      assertThat(direct.firstRows()).containsExactly(hashed.firstRows());
      assertThat(direct.groupCount()).isEqualTo(hashed.groupCount());
    }
  }

  @Property(tries = 50)
  void wideRangesAreLeftToHashing(@ForAll long seed) {
    Random random = new Random(seed);
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < 100; row++) {
      values.add(random.nextLong());
    }
    values.set(0, Long.MIN_VALUE);
    values.set(1, Long.MAX_VALUE);
    try (Column column = ColumnSample.of(DataType.INT64, values).build()) {
      assertThat(DirectGroupIds.tryOf(column)).isNull();
    }
  }

  private static long lowest(DataType type) {
    return switch (type) {
      case DataType.Int8 t -> Byte.MIN_VALUE;
      case DataType.Int16 t -> Short.MIN_VALUE;
      case DataType.Int32 t -> Integer.MIN_VALUE;
      case DataType.Int64 t -> Long.MIN_VALUE;
      case DataType.Date32 t -> -100_000;
      default -> 0;
    };
  }

  private static long highest(DataType type) {
    return switch (type) {
      case DataType.Int8 t -> Byte.MAX_VALUE;
      case DataType.Int16 t -> Short.MAX_VALUE;
      case DataType.Int32 t -> Integer.MAX_VALUE;
      case DataType.Int64 t -> Long.MAX_VALUE;
      case DataType.UInt8 t -> 255;
      case DataType.UInt16 t -> 65_535;
      case DataType.UInt32 t -> 0xFFFF_FFFFL;
      case DataType.UInt64 t -> Long.MAX_VALUE;
      default -> 100_000;
    };
  }

  /** {@code value} as the Java object a column of {@code type} takes. */
  static Object box(DataType type, long value) {
    return switch (type) {
      case DataType.Int8 t -> (byte) value;
      case DataType.Int16 t -> (short) value;
      case DataType.Int32 t -> (int) value;
      case DataType.UInt8 t -> (short) value;
      case DataType.UInt16 t -> (int) value;
      case DataType.Date32 t -> LocalDate.ofEpochDay(value);
      default -> value;
    };
  }
}
