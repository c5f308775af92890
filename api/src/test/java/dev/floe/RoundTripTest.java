package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.internal.Values;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakCheckExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Java values to Series and DataFrames and back, for every type, with nulls, empty and sliced. */
@ExtendWith(LeakCheckExtension.class)
class RoundTripTest {
  record Point(long x, String label) {}

  record Person(String name, Integer age, LocalDate born) {}

  static Stream<Arguments> typedValues() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    return Stream.of(
        Arguments.of(DataType.INT8, Arrays.asList((byte) 1, null, Byte.MIN_VALUE)),
        Arguments.of(DataType.INT16, Arrays.asList((short) 1, null, Short.MAX_VALUE)),
        Arguments.of(DataType.INT32, Arrays.asList(1, null, Integer.MIN_VALUE)),
        Arguments.of(DataType.INT64, Arrays.asList(1L, null, Long.MAX_VALUE)),
        Arguments.of(DataType.UINT8, Arrays.asList((short) 255, null, (short) 0)),
        Arguments.of(DataType.UINT16, Arrays.asList(65_535, null, 0)),
        Arguments.of(DataType.UINT32, Arrays.asList(4_294_967_295L, null, 0L)),
        Arguments.of(DataType.UINT64, Arrays.asList(Long.MAX_VALUE, null, 0L)),
        Arguments.of(DataType.FLOAT32, Arrays.asList(1.5f, null, Float.NaN)),
        Arguments.of(DataType.FLOAT64, Arrays.asList(1.5, null, Double.NEGATIVE_INFINITY)),
        Arguments.of(new DataType.Decimal128(38, 2), Arrays.asList(new BigDecimal("1.50"), null, new BigDecimal("-2.25"))),
        Arguments.of(DataType.BOOLEAN, Arrays.asList(true, null, false)),
        Arguments.of(DataType.UTF8, Arrays.asList("héllo", null, "日本")),
        Arguments.of(DataType.BINARY, Arrays.asList("ab".getBytes(StandardCharsets.UTF_8), null, new byte[0])),
        Arguments.of(DataType.DATE32, Arrays.asList(LocalDate.of(2024, 2, 29), null, LocalDate.of(1900, 1, 1))),
        Arguments.of(new DataType.Time64(TimeUnit.NANOSECOND), Arrays.asList(LocalTime.of(1, 2, 3, 4), null)),
        Arguments.of(new DataType.Timestamp(TimeUnit.MICROSECOND, null),
            Arrays.asList(LocalDateTime.of(2024, 1, 5, 12, 30, 0, 123_000), null)),
        Arguments.of(new DataType.Timestamp(TimeUnit.MICROSECOND, "Asia/Tokyo"),
            Arrays.asList(ZonedDateTime.of(2024, 1, 5, 12, 30, 0, 0, tokyo), null)),
        Arguments.of(new DataType.Duration(TimeUnit.MICROSECOND), Arrays.asList(Duration.ofMillis(-1500), null)),
        Arguments.of(DataType.ListType.of(DataType.INT64), Arrays.asList(List.of(1L, 2L), null, List.of(), Arrays.asList(null, 3L))),
        Arguments.of(
            DataType.StructType.of(Field.of("x", DataType.INT64), Field.of("label", DataType.UTF8)),
            Arrays.asList(struct("x", 1L, "label", "a"), null, struct("x", null, "label", null))));
  }

  @ParameterizedTest
  @MethodSource("typedValues")
  void seriesRoundTripsEveryType(DataType type, List<Object> values) {
    try (Series series = Series.ofList("v", type, values);
        Series sliced = series.slice(1);
        DataFrame frame = DataFrame.of(series.share());
        DataFrame empty = frame.head(0)) {
      assertThat(series.dtype()).isEqualTo(type);
      assertEqualValues(series.toList(), values);
      assertEqualValues(sliced.toList(), values.subList(1, values.size()));
      assertEqualValues(frame.toMap().get("v"), values);
      assertThat(empty.shape()).isEqualTo(new Shape(0, 1));
      assertThat(empty.column("v").dtype()).isEqualTo(type);
    }
  }

  @ParameterizedTest
  @MethodSource("typedValues")
  void inferredTypesRoundTripToo(DataType type, List<Object> values) {
    boolean inferable = !(type.isInteger() && !type.isSignedInteger()) && type.byteWidth() != 2
        && type.byteWidth() != 1;
    if (!inferable) {
      return; // unsigned and small integers only come from an explicit type
    }
    try (Series series = Series.ofList("v", values)) {
      assertEqualValues(series.toList(), values);
    }
  }

  @Test
  void recordsAndInstantsUseTheirJavaMapping() {
    Instant instant = Instant.parse("2024-01-05T12:30:00Z");
    try (Series points = Series.of("p", new Point(1, "a"), null);
        Series instants = Series.of("i", instant)) {
      assertThat(points.dtype()).isEqualTo(
          DataType.StructType.of(Field.of("x", DataType.INT64), Field.of("label", DataType.UTF8)));
      assertThat(points.toList()).containsExactly(struct("x", 1L, "label", "a"), null);
      assertThat(instants.dtype()).isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
      assertThat(instants.get(0)).isEqualTo(instant.atZone(ZoneId.of("UTC")));
    }
    try (Series big = Series.of("u", DataType.UINT64, new BigInteger("18446744073709551615"))) {
      assertThat(big.get(0)).isEqualTo(-1L); // unsigned bits in a Long, as Column.getObject says
    }
  }

  @Test
  void fromRowsUsesFirstSeenKeysAndNullsForMissingOnes() {
    List<Map<String, Object>> rows = List.of(
        struct("a", 1L, "b", "x"), struct("b", "y", "c", 2.5), struct("a", null));
    try (DataFrame frame = DataFrame.fromRows(rows)) {
      assertThat(frame.columns()).containsExactly("a", "b", "c");
      assertThat(frame.rows()).containsExactly(
          Arrays.asList(1L, "x", null), Arrays.asList(null, "y", 2.5), Arrays.asList(null, null, null));
      assertThat(frame.dtypes()).containsExactly(DataType.INT64, DataType.UTF8, DataType.FLOAT64);
    }
    assertThatThrownBy(() -> DataFrame.fromRows(List.of(struct("a", 1L), struct("a", "x"))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageStartingWith("column 'a': ");
  }

  @Test
  void fromRecordsUsesComponentsAndDeclaredTypesForAllNullColumns() {
    List<Person> people = List.of(
        new Person("Ann", null, LocalDate.of(1990, 1, 1)), new Person("Bob", null, null));
    try (DataFrame frame = DataFrame.fromRecords(people);
        DataFrame empty = DataFrame.fromRecords(Person.class, List.of());
        DataFrame unknown = DataFrame.fromRecords(List.of())) {
      assertThat(frame.columns()).containsExactly("name", "age", "born");
      assertThat(frame.dtypes()).containsExactly(DataType.UTF8, DataType.INT32, DataType.DATE32);
      assertThat(frame.rowNamed(0)).containsEntry("name", "Ann").containsEntry("age", null);
      assertThat(empty.shape()).isEqualTo(new Shape(0, 3));
      assertThat(empty.dtypes()).containsExactly(DataType.UTF8, DataType.INT32, DataType.DATE32);
      assertThat(unknown.shape()).isEqualTo(new Shape(0, 0));
    }
  }

  @Test
  void fromBatchSharesTheBatchColumns() {
    BufferAllocator allocator = BufferAllocator.current();
    Schema schema = Schema.of(Field.of("a", DataType.INT64), Field.of("s", DataType.UTF8));
    List<Column> columns = List.of(
        JavaValues.toColumn(allocator, DataType.INT64, List.of(1L, 2L)),
        JavaValues.toColumn(allocator, DataType.UTF8, Arrays.asList("x", null)));
    try (RecordBatch batch = new RecordBatch(schema, columns, 2);
        DataFrame frame = DataFrame.fromBatch(batch)) {
      assertThat(frame.schema()).isEqualTo(schema);
      assertThat(frame.rows()).containsExactly(List.of(1L, "x"), Arrays.asList(2L, null));
    }
  }

  @Test
  void rowsSurviveAFrameRoundTrip() {
    List<Map<String, Object>> rows = List.of(
        struct("i", 1L, "d", LocalDate.of(2024, 1, 1), "l", List.of("a"), "t", LocalDateTime.of(2024, 1, 1, 1, 1),
            "z", ZonedDateTime.of(2024, 1, 1, 1, 1, 0, 0, ZoneId.of("UTC")), "s", struct("k", 1L)),
        struct("i", null, "d", null, "l", null, "t", null, "z", null, "s", null));
    try (DataFrame frame = DataFrame.fromRows(rows)) {
      for (int row = 0; row < rows.size(); row++) {
        assertEqualValues(new ArrayList<>(frame.rowNamed(row).values()), new ArrayList<>(rows.get(row).values()));
      }
    }
  }

  static Map<String, Object> struct(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int index = 0; index < keysAndValues.length; index += 2) {
      map.put((String) keysAndValues[index], keysAndValues[index + 1]);
    }
    return map;
  }

  private static void assertEqualValues(List<Object> actual, List<Object> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int index = 0; index < expected.size(); index++) {
      assertThat(Values.equal(actual.get(index), expected.get(index)))
          .as("value %d: %s vs %s", index, actual.get(index), expected.get(index))
          .isTrue();
    }
  }
}
