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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@link Compare} and {@link BooleanOps} facades against a reference computed from
 * {@code getObject} values with Polars' semantics (nulls propagate, float total order, byte-wise
 * strings, Kleene logic), over every comparable type, slices and null densities.
 */
@LeakCheckedProperty
class CompareFacadePropertyTest {
  static final List<DataType> COMPARABLE = List.of(
      DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.UINT8,
      DataType.UINT16, DataType.UINT32, DataType.UINT64, DataType.FLOAT32, DataType.FLOAT64,
      DataType.BOOLEAN, new DataType.Decimal128(20, 3), DataType.DATE32,
      new DataType.Time64(TimeUnit.NANOSECOND), new DataType.Timestamp(TimeUnit.MICROSECOND, null),
      new DataType.Timestamp(TimeUnit.MILLISECOND, "Europe/Paris"),
      new DataType.Duration(TimeUnit.SECOND), DataType.UTF8, DataType.LARGE_UTF8,
      DataType.UTF8_VIEW, DataType.BINARY, DataType.LARGE_BINARY, DataType.BINARY_VIEW,
      new DataType.FixedSizeBinary(3));

  @Provide
  Arbitrary<ColumnSample> comparable() {
    return Arbitraries.of(COMPARABLE)
        .flatMap(type -> ColumnArbitraries.columns(type, KernelTestData.lengths()));
  }

  @Property(tries = 300)
  void compareMatchesTheReference(@ForAll("comparable") ColumnSample sample, @ForAll long seed) {
    ColumnSample other = KernelTestData.partner(sample, seed);
    BufferAllocator allocator = BufferAllocator.current();
    try (Column left = sample.build(); Column right = other.build()) {
      for (CompareOp op : CompareOp.values()) {
        List<Boolean> expected = new ArrayList<>();
        for (int row = 0; row < left.length(); row++) {
          Object x = sample.values().get(row);
          Object y = other.values().get(row);
          expected.add(x == null || y == null ? null : test(op, order(sample.type(), x, y)));
        }
        try (BooleanColumn actual = Compare.compare(left, right, op, allocator)) {
          assertColumnEquals(actual, expected);
        }
      }
      List<Boolean> missing = new ArrayList<>();
      for (int row = 0; row < left.length(); row++) {
        Object x = sample.values().get(row);
        Object y = other.values().get(row);
        missing.add(x == null || y == null ? x == y : order(sample.type(), x, y) == 0);
      }
      try (BooleanColumn actual = Compare.eqMissing(left, right, allocator)) {
        assertColumnEquals(actual, missing);
      }
    }
  }

  @Property(tries = 300)
  void compareScalarMatchesTheReference(
      @ForAll("comparable") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    List<Object> values = sample.values();
    Object constant = values.isEmpty() ? null : values.get(random.nextInt(values.size()));
    BufferAllocator allocator = BufferAllocator.current();
    try (Column left = sample.build()) {
      for (CompareOp op : CompareOp.values()) {
        List<Boolean> expected = new ArrayList<>();
        for (Object x : values) {
          expected.add(x == null || constant == null ? null
              : test(op, order(sample.type(), x, constant)));
        }
        try (BooleanColumn actual = Compare.compareScalar(left, constant, op, allocator)) {
          assertColumnEquals(actual, expected);
        }
      }
      Object lower = values.isEmpty() ? null : values.get(random.nextInt(values.size()));
      Object upper = values.isEmpty() ? null : values.get(random.nextInt(values.size()));
      boolean lowerInclusive = random.nextBoolean();
      boolean upperInclusive = random.nextBoolean();
      List<Boolean> between = new ArrayList<>();
      for (Object x : values) {
        Boolean above = x == null || lower == null ? null
            : test(lowerInclusive ? CompareOp.GE : CompareOp.GT, order(sample.type(), x, lower));
        Boolean below = x == null || upper == null ? null
            : test(upperInclusive ? CompareOp.LE : CompareOp.LT, order(sample.type(), x, upper));
        between.add(kleeneAnd(above, below));
      }
      try (BooleanColumn actual = Compare.isBetween(
          left, lower, upper, lowerInclusive, upperInclusive, allocator)) {
        assertColumnEquals(actual, between);
      }
    }
  }

  @Property(tries = 200)
  void nullNanAndMembershipTests(@ForAll("comparable") ColumnSample sample, @ForAll long seed) {
    BufferAllocator allocator = BufferAllocator.current();
    List<Object> values = sample.values();
    ColumnSample setSample = KernelTestData.partner(sample, seed);
    try (Column column = sample.build(); Column set = setSample.build();
        BooleanColumn isNull = Compare.isNull(column, allocator);
        BooleanColumn isNotNull = Compare.isNotNull(column, allocator);
        BooleanColumn isIn = Compare.isIn(column, set, allocator)) {
      assertColumnEquals(isNull, values.stream().map(value -> value == null).toList());
      assertColumnEquals(isNotNull, values.stream().map(value -> value != null).toList());
      List<Boolean> membership = new ArrayList<>();
      for (Object x : values) {
        membership.add(x == null ? null : setSample.values().stream()
            .anyMatch(y -> y != null && order(sample.type(), x, y) == 0));
      }
      assertColumnEquals(isIn, membership);
      if (sample.type().isNumeric()) {
        try (BooleanColumn nan = Compare.isNan(column, allocator);
            BooleanColumn finite = Compare.isFinite(column, allocator)) {
          assertColumnEquals(nan, values.stream().map(x -> x == null ? null
              : x instanceof Double d ? (Boolean) d.isNaN()
              : x instanceof Float f ? (Boolean) f.isNaN() : Boolean.FALSE).toList());
          assertColumnEquals(finite, values.stream().map(x -> x == null ? null
              : x instanceof Double d ? (Boolean) Double.isFinite(d)
              : x instanceof Float f ? (Boolean) Float.isFinite(f) : Boolean.TRUE).toList());
        }
      }
    }
  }

  @Provide
  Arbitrary<ColumnSample> booleans() {
    return ColumnArbitraries.columns(DataType.BOOLEAN, KernelTestData.lengths());
  }

  @Property(tries = 300)
  void kleeneLogicMatchesTheReference(@ForAll("booleans") ColumnSample sample, @ForAll long seed) {
    ColumnSample other = KernelTestData.partner(sample, seed);
    BufferAllocator allocator = BufferAllocator.current();
    try (BooleanColumn a = (BooleanColumn) sample.build();
        BooleanColumn b = (BooleanColumn) other.build();
        BooleanColumn and = BooleanOps.and(a, b, allocator);
        BooleanColumn or = BooleanOps.or(a, b, allocator);
        BooleanColumn xor = BooleanOps.xor(a, b, allocator);
        BooleanColumn not = BooleanOps.not(a, allocator)) {
      List<Boolean> andExpected = new ArrayList<>();
      List<Boolean> orExpected = new ArrayList<>();
      List<Boolean> xorExpected = new ArrayList<>();
      List<Boolean> notExpected = new ArrayList<>();
      for (int row = 0; row < a.length(); row++) {
        Boolean x = (Boolean) sample.values().get(row);
        Boolean y = (Boolean) other.values().get(row);
        andExpected.add(kleeneAnd(x, y));
        Boolean orValue = Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y) ? Boolean.TRUE
            : x == null || y == null ? null : Boolean.FALSE;
        orExpected.add(orValue);
        xorExpected.add(x == null || y == null ? null : x ^ y);
        notExpected.add(x == null ? null : !x);
      }
      assertColumnEquals(and, andExpected);
      assertColumnEquals(or, orExpected);
      assertColumnEquals(xor, xorExpected);
      assertColumnEquals(not, notExpected);
    }
  }

  static Boolean kleeneAnd(Boolean x, Boolean y) {
    if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
      return Boolean.FALSE;
    }
    return x == null || y == null ? null : Boolean.TRUE;
  }

  static boolean test(CompareOp op, int order) {
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    };
  }

  /** The reference order of two non-null getObject values of {@code type}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int order(DataType type, Object x, Object y) {
    return switch (x) {
      case Double d -> CompareRows.totalOrder(d, (Double) y);
      case Float f -> CompareRows.totalOrder(f, (Float) y);
      case Long l when type instanceof DataType.UInt64 -> Long.compareUnsigned(l, (Long) y);
      case String s -> Arrays.compareUnsigned(s.getBytes(StandardCharsets.UTF_8),
          ((String) y).getBytes(StandardCharsets.UTF_8));
      case byte[] bytes -> Arrays.compareUnsigned(bytes, (byte[]) y);
      case BigDecimal decimal -> decimal.compareTo((BigDecimal) y);
      case ZonedDateTime zoned -> zoned.toInstant().compareTo(((ZonedDateTime) y).toInstant());
      case Comparable comparable -> Integer.signum(comparable.compareTo(y));
      default -> throw new AssertionError("no reference order for " + x.getClass());
    };
  }
}
