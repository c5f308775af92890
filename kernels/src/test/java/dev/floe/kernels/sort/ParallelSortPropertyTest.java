package dev.floe.kernels.sort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.Sort;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ParallelSort} against its scalar twin, the sequential {@link Sort#argSort} (radix for one
 * fixed-width key, index merge sort under the row comparator otherwise): random keys of several
 * types with nulls, NaN, -0.0, extremes and many duplicates, one to four keys, mixed directions,
 * nulls first and last, cut into 1 to 7 runs (runs forced small so small inputs merge too).
 */
@LeakCheckedProperty
class ParallelSortPropertyTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(3);
  private static final List<DataType> TYPES = List.of(DataType.INT64, DataType.INT32,
      DataType.FLOAT64, DataType.UTF8, DataType.BOOLEAN, DataType.UINT8, DataType.INT8,
      DataType.FLOAT32);

  @Property(tries = 400)
  void parallelSortEqualsTheSequentialSort(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int length,
      @ForAll @IntRange(min = 1, max = 4) int keyCount, @ForAll @IntRange(min = 1, max = 7) int runs,
      @ForAll boolean nullsLast, @ForAll boolean fixedOnly) {
    Random random = new Random(seed);
    List<Column> keys = new ArrayList<>();
    boolean[] descending = new boolean[keyCount];
    try {
      for (int index = 0; index < keyCount; index++) {
        DataType type = TYPES.get(random.nextInt(fixedOnly ? TYPES.size() - 1 : TYPES.size()));
        if (fixedOnly && type == DataType.UTF8) {
          type = DataType.FLOAT32;
        }
        keys.add(JavaValues.toColumn(BufferAllocator.current(), type, values(type, length, random)));
        descending[index] = random.nextBoolean();
      }
      int[] expected = sequential(keys, descending, nullsLast);
      int[] actual = ParallelSort.argSort(keys, descending, nullsLast, POOL, runs, 1);
      assertThat(actual).isEqualTo(expected);
      // the public entry point (pool of its own size, default run size) agrees too
      assertThat(ParallelSort.argSort(keys, descending, nullsLast, null)).isEqualTo(expected);
    } finally {
      keys.forEach(Column::close);
    }
  }

  /** Large inputs: runs of default size, each above the radix sort's bucketed (MSD) threshold. */
  @Property(tries = 6)
  void largeInputsWithDefaultRuns(@ForAll long seed, @ForAll boolean nullsLast, @ForAll boolean twoKeys) {
    Random random = new Random(seed);
    int length = 150_000 + random.nextInt(50_000);
    List<Object> wide = new ArrayList<>(length);
    List<Object> floats = new ArrayList<>(length);
    for (int row = 0; row < length; row++) {
      wide.add(random.nextInt(40) == 0 ? null : random.nextLong());
      floats.add(random.nextInt(40) == 0 ? null : random.nextInt(30) == 0 ? Double.NaN : random.nextInt(100) / 8.0);
    }
    try (Column first = JavaValues.toColumn(BufferAllocator.current(), DataType.FLOAT64, floats);
        Column second = JavaValues.toColumn(BufferAllocator.current(), DataType.INT64, wide)) {
      List<Column> keys = twoKeys ? List.of(first, second) : List.of(second);
      boolean[] descending = {random.nextBoolean(), random.nextBoolean()};
      assertThat(ParallelSort.argSort(keys, descending, nullsLast, POOL))
          .isEqualTo(sequential(keys, descending, nullsLast));
    }
  }

  /** Keys spanning all 64 bits with nulls need a null flag beside the value (65 bits). */
  @Property(tries = 100)
  void fullRangeKeysWithNulls(@ForAll long seed, @ForAll boolean descending, @ForAll boolean nullsLast,
      @ForAll @IntRange(min = 1, max = 5) int runs) {
    Random random = new Random(seed);
    List<Object> values = new ArrayList<>();
    values.add(Long.MIN_VALUE);
    values.add(Long.MAX_VALUE);
    for (int row = 0; row < 200; row++) {
      int pick = random.nextInt(6);
      values.add(pick == 0 ? null : pick == 1 ? Long.MIN_VALUE : pick == 2 ? Long.MAX_VALUE : random.nextLong(5));
    }
    java.util.Collections.shuffle(values, random);
    try (Column key = JavaValues.toColumn(BufferAllocator.current(), DataType.INT64, values);
        Column second = JavaValues.toColumn(BufferAllocator.current(), DataType.INT32,
            values.stream().map(value -> random.nextInt(3) == 0 ? null : (Object) random.nextInt(3)).toList())) {
      for (List<Column> keys : List.of(List.of(key), List.of(key, second), List.of(second, key))) {
        boolean[] directions = {descending, !descending};
        assertThat(ParallelSort.argSort(keys, directions, nullsLast, POOL, runs, 1))
            .isEqualTo(sequential(keys, directions, nullsLast));
      }
    }
  }

  private static int[] sequential(List<Column> keys, boolean[] descending, boolean nullsLast) {
    try (Column order = Sort.argSort(keys, descending, nullsLast, BufferAllocator.current())) {
      int[] rows = new int[order.length()];
      for (int row = 0; row < rows.length; row++) {
        rows[row] = ((FixedWidthColumn) order).getInt(row);
      }
      return rows;
    }
  }

  private static List<Object> values(DataType type, int length, Random random) {
    double nullDensity = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.4;
    int distinct = 1 + random.nextInt(random.nextBoolean() ? 4 : 1000);
    List<Object> values = new ArrayList<>(length);
    for (int row = 0; row < length; row++) {
      if (random.nextDouble() < nullDensity) {
        values.add(null);
        continue;
      }
      int pick = random.nextInt(16);
      int small = random.nextInt(distinct) - distinct / 2;
      values.add(switch (type) {
        case DataType.Int64 t -> pick == 0 ? Long.MIN_VALUE : pick == 1 ? Long.MAX_VALUE : (long) small;
        case DataType.Int32 t -> pick == 0 ? Integer.MIN_VALUE : pick == 1 ? Integer.MAX_VALUE : small;
        case DataType.Int8 t -> (byte) small;
        case DataType.UInt8 t -> (long) (small & 0xFF);
        case DataType.BooleanType t -> small % 2 == 0;
        case DataType.Float64 t -> switch (pick) {
          case 0 -> Double.NaN;
          case 1 -> -0.0;
          case 2 -> 0.0;
          case 3 -> Double.NEGATIVE_INFINITY;
          case 4 -> Double.POSITIVE_INFINITY;
          default -> small / 4.0;
        };
        case DataType.Float32 t -> switch (pick) {
          case 0 -> Float.NaN;
          case 1 -> -0.0f;
          case 2 -> Float.MAX_VALUE;
          default -> small / 2.0f;
        };
        case DataType.Utf8 t -> Arrays.asList("", "a", "b", "ab", "é", "z", "ä", "a\0")
            .get(Math.floorMod(small, 8));
        default -> throw new IllegalArgumentException(type.toString());
      });
    }
    return values;
  }
}
