package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.assertRoundTrip;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lists, large lists, fixed-size lists, structs and dictionaries: round trips and slices. */
class NestedRoundTripTest {
  private static final DataType.StructType POINT =
      DataType.StructType.of(Field.of("x", DataType.INT64), Field.of("label", DataType.UTF8));

  record Point(long x, String label) {}

  @Test
  void listOfListOfLongs() {
    DataType type = DataType.ListType.of(DataType.ListType.of(DataType.INT64));
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < 20; row++) {
      values.add(row % 6 == 2 ? null
          : listOf(listOf((long) row, null), null, List.of(), List.of(-1L, 2L, (long) row * 3)));
    }
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, type, values);
      assertRoundTrip(allocator, DataType.LargeListType.of(DataType.INT64),
          listOf(List.of(1L), null, List.of(), listOf(2L, null, 3L), List.of(4L), null, List.of(5L),
              List.of(6L), List.of(7L), List.of(8L, 9L)));
      try (Column inferred = JavaValues.toColumn(allocator, values)) {
        assertThat(inferred.type()).isEqualTo(type);
      }
    }
  }

  @Test
  void listOfStructs() {
    DataType type = DataType.ListType.of(POINT);
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < 18; row++) {
      values.add(row % 5 == 3 ? null
          : listOf(point(row, "p" + row), null, point(-row, null)));
    }
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, type, values);
    }
  }

  @Test
  void structWithAListField() {
    DataType.StructType type = DataType.StructType.of(
        Field.of("name", DataType.UTF8), Field.of("scores", DataType.ListType.of(DataType.INT32)));
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < 19; row++) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", row % 4 == 0 ? null : "n" + row);
      map.put("scores", row % 3 == 0 ? null : listOf(row, null, row + 1));
      values.add(row == 2 || row == 9 ? null : map);
    }
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, type, values);
      try (StructColumn column = (StructColumn) JavaValues.toColumn(allocator, values);
          StructColumn slice = column.slice(5, 10);
          Column names = slice.field(0)) {
        assertThat(column.type()).isEqualTo(type);
        assertThat(names.length()).isEqualTo(10);
        assertThat(names.getObject(0)).isEqualTo("n5");
        assertThat(slice.fieldColumn(0).length()).isEqualTo(19);
        assertThat(slice.getStruct(0).keySet()).containsExactly("name", "scores");
      }
    }
  }

  @Test
  void nullStructKeepsItsFieldsAligned() {
    try (BufferAllocator allocator = allocator();
        StructColumn column = (StructColumn) JavaValues.toColumn(
            allocator, POINT, listOf(point(1, "a"), null, point(3, "c")));
        Column x = column.field(0)) {
      assertThat(x.length()).isEqualTo(3);
      assertThat(x.getObject(2)).isEqualTo(3L);
      assertThat(column.isNull(1)).isTrue();
      assertThat(column.nullCount()).isEqualTo(1);
      assertThat(column.getObject(1)).isNull();
    }
  }

  @Test
  void structsFromRecordsAndMapsAreTheSame() {
    List<Object> records = listOf(new Point(1, "a"), null, new Point(2, null));
    List<Object> maps = listOf(point(1, "a"), null, point(2, null));
    try (BufferAllocator allocator = allocator();
        Column fromRecords = JavaValues.toColumn(allocator, records);
        Column fromMaps = JavaValues.toColumn(allocator, POINT, maps)) {
      assertThat(fromRecords.type()).isEqualTo(POINT);
      ColumnTesting.assertHoldsWithSlices(fromRecords, maps);
      ColumnTesting.assertHoldsWithSlices(fromMaps, maps);
      assertRoundTrip(allocator, POINT, maps);
    }
  }

  @Test
  void fixedSizeLists() {
    DataType.FixedSizeListType type = DataType.FixedSizeListType.of(DataType.FLOAT64, 3);
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < 20; row++) {
      values.add(row % 7 == 1 ? null : listOf((double) row, null, row / 2.0));
    }
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, type, values);
      try (FixedSizeListColumn column =
          (FixedSizeListColumn) JavaValues.toColumn(allocator, type, values)) {
        assertThat(column.values().length()).isEqualTo(60);
        assertThat(column.getList(3)).containsExactly(3.0, null, 1.5);
      }
    }
  }

  @Test
  void dictionaryOfStrings() {
    DataType.Dictionary type = new DataType.Dictionary(DataType.UINT8, DataType.UTF8, false);
    List<String> values = ColumnTesting.withNulls(25, "red", "green", "red", "blue", "green");
    try (BufferAllocator allocator = allocator()) {
      assertRoundTrip(allocator, type, values);
      try (DictionaryColumn column = (DictionaryColumn) JavaValues.toColumn(allocator, type, values)) {
        assertThat(ColumnTesting.values(column.dictionary())).containsExactly("red", "green", "blue");
        assertThat(column.getIndex(0)).isEqualTo(0);
        assertThat(column.getIndex(3)).isEqualTo(2);
        assertThat(column.children()).containsExactly(column.dictionary());
      }
    }
  }

  @Test
  void dictionaryIndexTypes() {
    List<Long> values = ColumnTesting.withNulls(20, 10L, 20L, 10L, 30L);
    try (BufferAllocator allocator = allocator()) {
      for (DataType indexType : List.of(DataType.INT8, DataType.INT16, DataType.UINT16,
          DataType.INT32, DataType.UINT32, DataType.INT64, DataType.UINT64)) {
        assertRoundTrip(allocator, new DataType.Dictionary(indexType, DataType.INT64, false), values);
      }
    }
  }

  private static Map<String, Object> point(long x, String label) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("x", x);
    map.put("label", label);
    return map;
  }

  private static Map<String, Object> toMap(Point point) {
    return point(point.x(), point.label());
  }
}
