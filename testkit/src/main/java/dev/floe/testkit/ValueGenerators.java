package dev.floe.testkit;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random Java values per data type, in the representation {@code Column.getObject} returns. About a
 * quarter of the values are the type's edge values (MIN/MAX, 0, -1, NaN, -0.0, infinities, empty
 * strings, 12/13-byte strings at the view inline limit, the extreme representable instants).
 *
 * <p>Values come from a seeded {@link Random} consumed front to back, so a shorter column drawn
 * from the same seed is a prefix of a longer one: jqwik shrinks a failing column by its length.
 */
final class ValueGenerators {
  /** Probability that a value nested inside a list or struct is null. */
  private static final int NESTED_NULL_ONE_IN = 5;
  /** Dictionary values come from a pool this small, so every index type can address it. */
  private static final int DICTIONARY_POOL = 16;

  private ValueGenerators() {}

  /** Draws {@code length} values, each null with probability {@code nullDensity}. */
  static List<Object> column(DataType type, int length, double nullDensity, Random random) {
    ValueGenerator generator = forType(type);
    List<Object> values = new ArrayList<>(length);
    for (int index = 0; index < length; index++) {
      values.add(random.nextDouble() < nullDensity ? null : generator.next(random));
    }
    return Collections.unmodifiableList(values);
  }

  static ValueGenerator forType(DataType type) {
    return switch (type) {
      case DataType.NullType t -> random -> null;
      case DataType.BooleanType t -> Random::nextBoolean;
      case DataType.Int8 t ->
          withEdges(random -> (byte) small(random, random.nextInt()),
              Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0, (byte) -1, (byte) 1);
      case DataType.Int16 t ->
          withEdges(random -> (short) small(random, random.nextInt()),
              Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) -1);
      case DataType.Int32 t ->
          withEdges(random -> (int) small(random, random.nextInt()),
              Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
      case DataType.Int64 t ->
          withEdges(random -> small(random, random.nextLong()), Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
      case DataType.UInt8 t ->
          withEdges(random -> (short) random.nextInt(256), (short) 0, (short) 255, (short) 128);
      case DataType.UInt16 t ->
          withEdges(random -> random.nextInt(65536), 0, 65535, 32768);
      case DataType.UInt32 t ->
          withEdges(random -> random.nextLong() >>> 32, 0L, 0xFFFF_FFFFL, 0x8000_0000L);
      case DataType.UInt64 t ->
          // The unsigned bits in a Long: -1L is 2^64 - 1 and Long.MIN_VALUE is 2^63.
          withEdges(random -> small(random, random.nextLong()), 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
      case DataType.Float32 t -> withEdges(ValueGenerators::nextFloat, FloatEdges.FLOATS);
      case DataType.Float64 t -> withEdges(ValueGenerators::nextDouble, FloatEdges.DOUBLES);
      case DataType.Decimal128 decimal -> decimal(decimal);
      case DataType.Utf8 t -> TextGenerators.strings();
      case DataType.LargeUtf8 t -> TextGenerators.strings();
      case DataType.Utf8View t -> TextGenerators.strings();
      case DataType.Binary t -> TextGenerators.binaries();
      case DataType.LargeBinary t -> TextGenerators.binaries();
      case DataType.BinaryView t -> TextGenerators.binaries();
      case DataType.FixedSizeBinary binary -> TextGenerators.fixedSizeBinaries(binary.byteWidth());
      case DataType.Date32 t -> TemporalGenerators.dates();
      case DataType.Time64 time -> TemporalGenerators.times(time.unit());
      case DataType.Timestamp stamp -> TemporalGenerators.timestamps(stamp.unit(), stamp.timeZone());
      case DataType.Duration duration -> TemporalGenerators.durations(duration.unit());
      case DataType.ListType list -> lists(list.valueType());
      case DataType.LargeListType list -> lists(list.valueType());
      case DataType.FixedSizeListType list -> fixedSizeLists(list.valueType(), list.listSize());
      case DataType.StructType struct -> structs(struct.fields());
      case DataType.Dictionary dictionary -> dictionaryValues(dictionary.valueType());
    };
  }

  /** Mostly the value as drawn; one time in three a small number near zero. */
  private static long small(Random random, long full) {
    return random.nextInt(3) == 0 ? random.nextInt(201) - 100 : full;
  }

  /** One value in four from {@code edges}, else from {@code base}. */
  static ValueGenerator withEdges(ValueGenerator base, Object... edges) {
    List<Object> edgeList = List.of(edges);
    return random ->
        random.nextInt(4) == 0 ? copyOf(edgeList.get(random.nextInt(edgeList.size()))) : base.next(random);
  }

  /** Edge values may be shared arrays; hand out copies so no caller can change the next sample. */
  private static Object copyOf(Object value) {
    return value instanceof byte[] bytes ? bytes.clone() : value;
  }

  private static Object nextFloat(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> Float.intBitsToFloat(random.nextInt()); // any bit pattern, NaN payloads included
      case 1 -> (float) (random.nextGaussian() * 1000);
      default -> (float) (random.nextInt(2001) - 1000);
    };
  }

  private static Object nextDouble(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> Double.longBitsToDouble(random.nextLong());
      case 1 -> random.nextGaussian() * 1e6;
      default -> (double) (random.nextInt(2001) - 1000);
    };
  }

  private static ValueGenerator decimal(DataType.Decimal128 type) {
    int precision = type.precision();
    int scale = type.scale();
    BigInteger largest = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    return withEdges(
        random -> {
          BigInteger bound = BigInteger.TEN.pow(1 + random.nextInt(precision));
          BigInteger unscaled = new BigInteger(bound.bitLength() + 8, random).mod(bound);
          return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
        },
        new BigDecimal(BigInteger.ZERO, scale),
        new BigDecimal(BigInteger.ONE, scale),
        new BigDecimal(BigInteger.ONE.negate(), scale),
        new BigDecimal(largest, scale),
        new BigDecimal(largest.negate(), scale));
  }

  /** A value of {@code type} that is null one time in five (always for the null type). */
  private static Object nested(ValueGenerator generator, Random random) {
    return random.nextInt(NESTED_NULL_ONE_IN) == 0 ? null : generator.next(random);
  }

  private static ValueGenerator lists(DataType valueType) {
    ValueGenerator element = forType(valueType);
    return random -> {
      int size = random.nextInt(8) == 0 ? random.nextInt(40) : random.nextInt(5);
      return drawList(element, size, random);
    };
  }

  private static ValueGenerator fixedSizeLists(DataType valueType, int listSize) {
    ValueGenerator element = forType(valueType);
    return random -> drawList(element, listSize, random);
  }

  private static List<Object> drawList(ValueGenerator element, int size, Random random) {
    List<Object> list = new ArrayList<>(size);
    for (int index = 0; index < size; index++) {
      list.add(nested(element, random));
    }
    return Collections.unmodifiableList(list);
  }

  private static ValueGenerator structs(List<Field> fields) {
    List<ValueGenerator> generators = new ArrayList<>(fields.size());
    for (Field field : fields) {
      generators.add(forType(field.type()));
    }
    return random -> {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int index = 0; index < fields.size(); index++) {
        row.put(fields.get(index).name(), nested(generators.get(index), random));
      }
      return Collections.unmodifiableMap(row);
    };
  }

  /**
   * Values drawn from a fixed pool of {@value #DICTIONARY_POOL} (pool entry {@code k} is the value
   * the type's generator draws from seed {@code k}), so columns repeat values as dictionaries do.
   */
  private static ValueGenerator dictionaryValues(DataType valueType) {
    ValueGenerator generator = forType(valueType);
    return random -> generator.next(new Random(0x5EED_0000L + random.nextInt(DICTIONARY_POOL)));
  }
}
