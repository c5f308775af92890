package dev.floe.kernels.sort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.Sort;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sort.argSort against a reference (a stable sort of boxed indices under Polars' order) for radix
 * and merge paths, with nulls, NaN, -0.0, MIN/MAX and ties; and small cases checked in Polars.
 */
@LeakChecked
class SortTest {
  private static final int[] LENGTHS = {0, 1, 7, 8, 63, 64, 65, 255, 256, 1023, 4098};

  private static Column column(DataType type, List<?> values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, values);
  }

  private static List<Integer> argSort(List<Column> keys, boolean[] descending, boolean nullsLast) {
    try (Column indices = Sort.argSort(keys, descending, nullsLast, BufferAllocator.current())) {
      assertThat(indices.type()).isEqualTo(DataType.INT32);
      FixedWidthColumn ints = (FixedWidthColumn) indices;
      List<Integer> order = new ArrayList<>();
      for (int row = 0; row < ints.length(); row++) {
        order.add(ints.getInt(row));
      }
      return order;
    }
  }

  /** Polars' order of one key's Java values: nulls first/last, NaN above numbers, -0.0 == 0.0. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Integer> reference(List<?> values, boolean descending, boolean nullsLast) {
    Comparator<Object> valueOrder =
        (left, right) -> {
          if (left instanceof Double l && right instanceof Double r) {
            return l.isNaN() || r.isNaN() ? Boolean.compare(l.isNaN(), r.isNaN()) : Double.compare(l + 0.0, r + 0.0);
          }
          if (left instanceof String l && right instanceof String r) {
            return Arrays.compareUnsigned(
                l.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                r.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
          return ((Comparable) left).compareTo(right);
        };
    Comparator<Object> directed = descending ? valueOrder.reversed() : valueOrder;
    return (left, right) -> {
      Object l = values.get(left);
      Object r = values.get(right);
      if (l == null || r == null) {
        return l == r ? 0 : (l == null) == nullsLast ? 1 : -1;
      }
      return directed.compare(l, r);
    };
  }

  private static List<Integer> referenceOrder(int length, Comparator<Integer> comparator) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, length).boxed().toList());
    order.sort(comparator); // List.sort is a stable merge sort
    return order;
  }

  private static List<Object> randomValues(DataType type, int length, Random random) {
    List<Object> values = new ArrayList<>(length);
    double nullDensity = random.nextDouble() * 0.3;
    for (int row = 0; row < length; row++) {
      if (random.nextDouble() < nullDensity) {
        values.add(null);
        continue;
      }
      int pick = random.nextInt(20);
      values.add(
          switch (type) {
            case DataType.Int32 t ->
                pick == 0 ? Integer.MIN_VALUE : pick == 1 ? Integer.MAX_VALUE : random.nextInt(50) - 25;
            case DataType.Int64 t ->
                pick == 0 ? Long.MIN_VALUE : pick == 1 ? Long.MAX_VALUE : random.nextLong(100) - 50;
            case DataType.Float64 t ->
                switch (pick) {
                  case 0 -> Double.NaN;
                  case 1 -> -0.0;
                  case 2 -> 0.0;
                  case 3 -> Double.NEGATIVE_INFINITY;
                  case 4 -> Double.POSITIVE_INFINITY;
                  default -> (double) (random.nextInt(40) - 20) / 4;
                };
            case DataType.Utf8 t -> List.of("", "a", "b", "ab", "é", "z", "ä")
                .get(random.nextInt(7));
            default -> throw new IllegalArgumentException(type.toString());
          });
    }
    return values;
  }

  /**
   * Above 65,536 keys the radix sort takes a most-significant-digit pass first: wide and narrow
   * ranges, ties (stability), negative values, nulls both ways, both directions.
   */
  @Test
  void largeInputsTakeTheBucketedRadixPathAndStayStable() {
    Random random = new Random(7);
    for (long range : new long[] {1L << 20, 1L << 40, 3, Long.MAX_VALUE}) {
      for (boolean descending : new boolean[] {false, true}) {
        int length = 70_000 + random.nextInt(5_000);
        List<Object> values = new ArrayList<>(length);
        for (int row = 0; row < length; row++) {
          values.add(random.nextInt(50) == 0 ? null : random.nextLong(range) - range / 2);
        }
        boolean nullsLast = random.nextBoolean();
        try (Column key = column(DataType.INT64, values)) {
          assertThat(argSort(List.of(key), new boolean[] {descending}, nullsLast))
              .as("range %d descending %s", range, descending)
              .isEqualTo(referenceOrder(length, reference(values, descending, nullsLast)));
        }
      }
    }
  }

  /** Sorting values directly equals gathering by the argsort, for every integer width and sign. */
  @Test
  void valueSortEqualsGatherByArgSort() {
    Random random = new Random(11);
    List<DataType> types = List.of(DataType.INT64, DataType.INT32, DataType.INT16, DataType.INT8,
        DataType.UINT64, DataType.UINT32, DataType.UINT8, DataType.DATE32);
    for (DataType type : types) {
      for (int length : new int[] {0, 1, 63, 4098, 70_000}) {
        List<Object> values = new ArrayList<>(length);
        for (int row = 0; row < length; row++) {
          long raw = random.nextInt(9) == 0 ? Long.MIN_VALUE : random.nextInt(9) == 0 ? Long.MAX_VALUE
              : random.nextLong();
          values.add(random.nextInt(10) == 0 ? null : narrow(raw, type));
        }
        for (boolean descending : new boolean[] {false, true}) {
          boolean nullsLast = random.nextBoolean();
          try (Column column = column(type, values);
              Column sorted = Sort.sortValues(column, descending, nullsLast, BufferAllocator.current());
              Column order = Sort.argSort(column, descending, nullsLast, BufferAllocator.current());
              Column expected = dev.floe.kernels.Gather.take(column, order, BufferAllocator.current())) {
            dev.floe.testkit.ColumnAssertions.assertColumnEquals(sorted, expected);
          }
        }
      }
    }
  }

  private static Object narrow(long raw, DataType type) {
    return switch (type) {
      case DataType.Int32 t -> (int) raw;
      case DataType.Int16 t -> (short) raw;
      case DataType.Int8 t -> (byte) raw;
      case DataType.UInt32 t -> raw & 0xFFFF_FFFFL;
      case DataType.UInt8 t -> raw & 0xFFL;
      case DataType.Date32 t -> java.time.LocalDate.ofEpochDay((raw % 3_000_000L));
      default -> raw;
    };
  }

  @Test
  void singleKeysMatchTheReferenceAtEveryLength() {
    Random random = new Random(42);
    for (DataType type : List.of(DataType.INT32, DataType.INT64, DataType.FLOAT64, DataType.UTF8)) {
      for (int length : LENGTHS) {
        List<Object> values = randomValues(type, length, random);
        for (boolean descending : new boolean[] {false, true}) {
          for (boolean nullsLast : new boolean[] {false, true}) {
            try (Column key = column(type, values)) {
              assertThat(argSort(List.of(key), new boolean[] {descending}, nullsLast))
                  .as("%s length %d descending %s nullsLast %s", type, length, descending, nullsLast)
                  .isEqualTo(referenceOrder(length, reference(values, descending, nullsLast)));
            }
          }
        }
      }
    }
  }

  @Test
  void multipleKeysMatchTheReference() {
    Random random = new Random(7);
    for (int length : LENGTHS) {
      List<Object> first = randomValues(DataType.UTF8, length, random);
      List<Object> second = randomValues(DataType.FLOAT64, length, random);
      boolean[] descending = {random.nextBoolean(), random.nextBoolean()};
      boolean nullsLast = random.nextBoolean();
      Comparator<Integer> expected =
          reference(first, descending[0], nullsLast)
              .thenComparing(reference(second, descending[1], nullsLast));
      try (Column a = column(DataType.UTF8, first); Column b = column(DataType.FLOAT64, second)) {
        assertThat(argSort(List.of(a, b), descending, nullsLast))
            .isEqualTo(referenceOrder(length, expected));
      }
    }
  }

  @Test
  void slicedKeysSortTheirOwnRows() {
    try (Column whole = column(DataType.INT64, Arrays.asList(9L, 5L, null, 1L, 3L, 0L));
        Column slice = whole.slice(1, 4)) {
      assertThat(argSort(List.of(slice), new boolean[] {false}, false)).containsExactly(1, 2, 3, 0);
    }
  }

  @Test
  void polarsOrderOfFloats() {
    // pl.Series([1.5, None, nan, -2.0, 0.0]).arg_sort() -> [1, 3, 4, 0, 2]
    List<Double> values = Arrays.asList(1.5, null, Double.NaN, -2.0, 0.0);
    try (Column key = column(DataType.FLOAT64, values)) {
      assertThat(argSort(List.of(key), null, false)).containsExactly(1, 3, 4, 0, 2);
      // arg_sort(descending=True) -> [1, 2, 0, 4, 3]; nulls_last=True -> [3, 4, 0, 2, 1]
      assertThat(argSort(List.of(key), new boolean[] {true}, false)).containsExactly(1, 2, 0, 4, 3);
      assertThat(argSort(List.of(key), new boolean[] {false}, true)).containsExactly(3, 4, 0, 2, 1);
    }
  }

  @Test
  void unsignedAndNarrowIntegersUseTheirOwnOrder() {
    try (Column unsigned = column(DataType.UINT8, Arrays.asList((short) 200, (short) 3, (short) 255));
        Column small = column(DataType.INT16, Arrays.asList((short) -5, (short) 7, (short) -300))) {
      assertThat(argSort(List.of(unsigned), null, false)).containsExactly(1, 0, 2);
      assertThat(argSort(List.of(small), null, false)).containsExactly(2, 0, 1);
    }
  }

  @Test
  void normalizedFloatKeysAreOrderPreserving() {
    double[] ascending = {Double.NEGATIVE_INFINITY, -1e300, -1.0, -Double.MIN_VALUE, 0.0,
        Double.MIN_VALUE, 1.0, 1e300, Double.POSITIVE_INFINITY, Double.NaN};
    for (int index = 1; index < ascending.length; index++) {
      assertThat(Long.compareUnsigned(
              NormalizedKeys.floatKey(ascending[index - 1]), NormalizedKeys.floatKey(ascending[index])))
          .isNegative();
    }
    assertThat(NormalizedKeys.floatKey(-0.0)).isEqualTo(NormalizedKeys.floatKey(0.0));
  }
}
