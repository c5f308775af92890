package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JavaValues.inferType: the Java class mapping, Polars' supertypes and mismatch messages. */
class TypeInferenceTest {
  record Person(String name, int age, List<String> tags) {}

  @Test
  void mapsEachJavaClass() {
    assertThat(infer(1L)).isEqualTo(DataType.INT64);
    assertThat(infer(1)).isEqualTo(DataType.INT32);
    assertThat(infer((short) 1)).isEqualTo(DataType.INT16);
    assertThat(infer((byte) 1)).isEqualTo(DataType.INT8);
    assertThat(infer(1.0)).isEqualTo(DataType.FLOAT64);
    assertThat(infer(1.0f)).isEqualTo(DataType.FLOAT32);
    assertThat(infer(true)).isEqualTo(DataType.BOOLEAN);
    assertThat(infer("s")).isEqualTo(DataType.UTF8);
    assertThat(infer(new byte[1])).isEqualTo(DataType.BINARY);
    assertThat(infer(LocalDate.EPOCH)).isEqualTo(DataType.DATE32);
    assertThat(infer(LocalTime.NOON)).isEqualTo(new DataType.Time64(TimeUnit.NANOSECOND));
    assertThat(infer(LocalDateTime.MIN))
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, null));
    assertThat(infer(Instant.EPOCH)).isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
    assertThat(infer(Duration.ZERO)).isEqualTo(new DataType.Duration(TimeUnit.MICROSECOND));
    assertThat(infer(OffsetDateTime.of(LocalDateTime.MIN, ZoneOffset.ofHours(2))))
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "+02:00"));
    // Java calls UTC's offset "Z"; Arrow and Polars call the zone "UTC".
    assertThat(infer(OffsetDateTime.of(LocalDateTime.MIN, ZoneOffset.UTC)))
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
    assertThat(infer(Instant.EPOCH.atZone(ZoneOffset.UTC)))
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
  }

  @Test
  void decimalsTakeTheLargestScale() {
    assertThat(JavaValues.inferType(listOf(new BigDecimal("1.5"), new BigDecimal("2.125"), 3L)))
        .isEqualTo(new DataType.Decimal128(38, 3));
    assertThat(infer(new BigDecimal("1E+3"))).isEqualTo(new DataType.Decimal128(38, 0));
  }

  @Test
  void zonedValuesTakeTheZoneOfTheFirst() {
    ZonedDateTime paris = ZonedDateTime.of(LocalDateTime.MIN, ZoneId.of("Europe/Paris"));
    assertThat(JavaValues.inferType(listOf(null, paris, Instant.EPOCH)))
        .isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"));
  }

  @Test
  void numericSupertypes() {
    assertThat(JavaValues.inferType(listOf(1, 2L))).isEqualTo(DataType.INT64);
    assertThat(JavaValues.inferType(listOf((byte) 1, (short) 2))).isEqualTo(DataType.INT16);
    assertThat(JavaValues.inferType(listOf(1, 2.5f))).isEqualTo(DataType.FLOAT64);
    assertThat(JavaValues.inferType(listOf(1.5f, 2.5f))).isEqualTo(DataType.FLOAT32);
    assertThat(JavaValues.inferType(listOf(1.5f, 2.5))).isEqualTo(DataType.FLOAT64);
    assertThat(JavaValues.inferType(listOf(null, 1, null))).isEqualTo(DataType.INT32);
  }

  @Test
  void emptyAndAllNullAreTheNullType() {
    assertThat(JavaValues.inferType(List.of())).isEqualTo(DataType.NULL);
    assertThat(JavaValues.inferType(listOf(null, null))).isEqualTo(DataType.NULL);
    assertThat(JavaValues.inferType(listOf(List.of(), null)))
        .isEqualTo(DataType.ListType.of(DataType.NULL));
  }

  @Test
  void listElementsAreInferredOverAllLists() {
    assertThat(JavaValues.inferType(listOf(List.of(1), null, listOf(null, 2L), List.of())))
        .isEqualTo(DataType.ListType.of(DataType.INT64));
    assertThat(JavaValues.inferType(listOf(List.of(List.of("a")), List.of(List.of()))))
        .isEqualTo(DataType.ListType.of(DataType.ListType.of(DataType.UTF8)));
  }

  @Test
  void mapsBecomeStructsWithFieldsInFirstSeenOrder() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("b", 1);
    first.put("a", null);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("a", "x");
    second.put("c", 2.0);
    second.put("b", 5L);
    assertThat(JavaValues.inferType(listOf(first, null, second)))
        .isEqualTo(DataType.StructType.of(
            Field.of("b", DataType.INT64), Field.of("a", DataType.UTF8),
            Field.of("c", DataType.FLOAT64)));
  }

  @Test
  void recordsBecomeStructsOfTheirComponents() {
    assertThat(JavaValues.inferType(listOf(new Person(null, 3, null), null)))
        .isEqualTo(DataType.StructType.of(
            Field.of("name", DataType.UTF8), Field.of("age", DataType.INT32),
            Field.of("tags", DataType.NULL)));
    try (BufferAllocator allocator = allocator();
        Column column = JavaValues.toColumn(
            allocator, listOf(new Person("ann", 31, List.of("x", "y")), null))) {
      assertThat(column.type()).isEqualTo(DataType.StructType.of(
          Field.of("name", DataType.UTF8), Field.of("age", DataType.INT32),
          Field.of("tags", DataType.ListType.of(DataType.UTF8))));
      assertThat(column.getObject(0))
          .isEqualTo(Map.of("name", "ann", "age", 31, "tags", List.of("x", "y")));
    }
  }

  @Test
  void incompatibleValuesNameBothClassesAndTheIndex() {
    assertThatThrownBy(() -> JavaValues.inferType(listOf("a", null, "b", 42L)))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("index 3")
        .hasMessageContaining("Long")
        .hasMessageContaining("String");
    assertThatThrownBy(() -> JavaValues.inferType(listOf(LocalDateTime.MIN, Instant.EPOCH)))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("Instant")
        .hasMessageContaining("LocalDateTime");
    assertThatThrownBy(() -> JavaValues.inferType(listOf(List.of(1), 2)))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("index 1")
        .hasMessageContaining("Integer")
        .hasMessageContaining("List");
    assertThatThrownBy(() -> JavaValues.inferType(listOf(List.of(1), List.of(true))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("list elements")
        .hasMessageContaining("Boolean")
        .hasMessageContaining("Integer");
  }

  @Test
  void unsupportedClassesAreRejected() {
    assertThatThrownBy(() -> JavaValues.inferType(listOf(new Object())))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void toColumnNamesTheIndexOfAValueTheTypeCannotHold() {
    try (BufferAllocator allocator = allocator()) {
      assertThatThrownBy(() -> JavaValues.toColumn(allocator, DataType.INT8, listOf(1, 2, 300)))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("index 2")
          .hasMessageContaining("300");
      assertThatThrownBy(() -> JavaValues.toColumn(allocator, DataType.UTF8, listOf("a", 1)))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("index 1")
          .hasMessageContaining("Integer");
    }
  }

  private static DataType infer(Object value) {
    return JavaValues.inferType(List.of(value));
  }
}
