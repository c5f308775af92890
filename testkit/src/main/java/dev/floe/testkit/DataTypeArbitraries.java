package dev.floe.testkit;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Random data types: every leaf type with its parameters, and nested types built over them. */
public final class DataTypeArbitraries {
  /** Zones with whole-hour, half-hour, 45-minute and 30-minute-DST offsets, plus a fixed offset. */
  public static final List<String> TIME_ZONES =
      List.of("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham",
          "Australia/Lord_Howe", "+05:30");

  private static final List<DataType> CONSTANT_TYPES =
      List.of(DataType.NULL, DataType.BOOLEAN, DataType.INT8, DataType.INT16, DataType.INT32,
          DataType.INT64, DataType.UINT8, DataType.UINT16, DataType.UINT32, DataType.UINT64,
          DataType.FLOAT32, DataType.FLOAT64, DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW,
          DataType.BINARY, DataType.LARGE_BINARY, DataType.BINARY_VIEW, DataType.DATE32);

  private static final List<DataType> INDEX_TYPES =
      List.of(DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.UINT8,
          DataType.UINT16, DataType.UINT32);

  private DataTypeArbitraries() {}

  /** Every non-nested type, parameters included (decimal precision/scale, units, zones, widths). */
  public static Arbitrary<DataType> leafTypes() {
    return Arbitraries.frequencyOf(List.of(
        weighted(12, Arbitraries.of(CONSTANT_TYPES)),
        weighted(2, decimals()),
        weighted(1, Arbitraries.integers().between(1, 40).<DataType>map(DataType.FixedSizeBinary::new)),
        weighted(1, Arbitraries.of(TimeUnit.MICROSECOND, TimeUnit.NANOSECOND).<DataType>map(DataType.Time64::new)),
        weighted(3, timestamps()),
        weighted(1, Arbitraries.of(TimeUnit.class).<DataType>map(DataType.Duration::new))));
  }

  /** Leaf and nested types (lists, fixed-size lists, structs, dictionaries) up to depth 2. */
  public static Arbitrary<DataType> dataTypes() {
    return dataTypes(2);
  }

  /** Leaf and nested types with at most {@code maxDepth} levels of nesting. */
  public static Arbitrary<DataType> dataTypes(int maxDepth) {
    if (maxDepth <= 0) {
      return leafTypes();
    }
    return Arbitraries.frequencyOf(List.of(
        weighted(3, leafTypes()),
        weighted(2, Arbitraries.lazy(() -> nestedTypes(dataTypes(maxDepth - 1))))));
  }

  /** A nested type whose children are drawn from {@code child}. */
  public static Arbitrary<DataType> nestedTypes(Arbitrary<DataType> child) {
    List<Arbitrary<DataType>> shapes = List.of(
        child.<DataType>map(DataType.ListType::of),
        child.<DataType>map(DataType.LargeListType::of),
        Combinators.combine(child, Arbitraries.integers().between(0, 4))
            .<DataType>as(DataType.FixedSizeListType::of),
        child.list().ofMinSize(1).ofMaxSize(4).map(DataTypeArbitraries::struct),
        dictionaries());
    return Arbitraries.oneOf(shapes);
  }

  /** Dictionaries of every index type over any non-null leaf value type. */
  public static Arbitrary<DataType> dictionaries() {
    Arbitrary<DataType> values = leafTypes().filter(type -> !(type instanceof DataType.NullType));
    return Combinators.combine(Arbitraries.of(INDEX_TYPES), values, Arbitraries.of(true, false))
        .<DataType>as(DataType.Dictionary::new);
  }

  /**
   * One instance of every {@link DataType} variant, and of every time unit and a zone for the
   * temporal types: a fixed list for exhaustive tests.
   */
  public static List<DataType> representativeTypes() {
    List<DataType> types = new ArrayList<>(CONSTANT_TYPES);
    types.add(new DataType.Decimal128(38, 10));
    types.add(new DataType.Decimal128(5, 0));
    types.add(new DataType.FixedSizeBinary(16));
    types.add(new DataType.Time64(TimeUnit.MICROSECOND));
    types.add(new DataType.Time64(TimeUnit.NANOSECOND));
    for (TimeUnit unit : TimeUnit.values()) {
      types.add(new DataType.Timestamp(unit, null));
      types.add(new DataType.Timestamp(unit, "America/New_York"));
      types.add(new DataType.Duration(unit));
    }
    types.add(DataType.ListType.of(DataType.INT32));
    types.add(DataType.LargeListType.of(DataType.UTF8));
    types.add(DataType.FixedSizeListType.of(DataType.FLOAT64, 3));
    types.add(DataType.StructType.of(Field.of("a", DataType.INT64), Field.of("b", DataType.UTF8_VIEW)));
    types.add(new DataType.Dictionary(DataType.INT32, DataType.UTF8, false));
    types.add(DataType.ListType.of(DataType.StructType.of(Field.of("x", DataType.ListType.of(DataType.BOOLEAN)))));
    return List.copyOf(types);
  }

  private static Arbitrary<DataType> decimals() {
    return Arbitraries.integers().between(1, 38)
        .flatMap(precision -> Arbitraries.integers().between(0, precision)
            .<DataType>map(scale -> new DataType.Decimal128(precision, scale)));
  }

  private static Arbitrary<DataType> timestamps() {
    Arbitrary<String> zones = Arbitraries.of(TIME_ZONES).injectNull(0.4);
    return Combinators.combine(Arbitraries.of(TimeUnit.class), zones).<DataType>as(DataType.Timestamp::new);
  }

  private static DataType struct(List<DataType> fieldTypes) {
    List<Field> fields = new ArrayList<>(fieldTypes.size());
    for (int index = 0; index < fieldTypes.size(); index++) {
      fields.add(Field.of("f" + index, fieldTypes.get(index)));
    }
    return new DataType.StructType(fields);
  }

  static <T> Tuple2<Integer, Arbitrary<T>> weighted(int weight, Arbitrary<T> arbitrary) {
    return Tuple.of(weight, arbitrary);
  }
}
