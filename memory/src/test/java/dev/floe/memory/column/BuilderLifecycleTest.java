package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Builders: reuse after build, releasing unbuilt memory, streaming appends and their errors. */
class BuilderLifecycleTest {
  private static final List<DataType> TYPES = List.of(
      DataType.NULL, DataType.BOOLEAN, DataType.INT16, DataType.UTF8, DataType.LARGE_BINARY,
      DataType.UTF8_VIEW, new DataType.FixedSizeBinary(4), DataType.ListType.of(DataType.UTF8),
      DataType.FixedSizeListType.of(DataType.INT8, 2),
      DataType.StructType.of(Field.of("a", DataType.BOOLEAN)),
      new DataType.Dictionary(DataType.INT32, DataType.UTF8, false));

  @Test
  void everyBuilderReleasesUnbuiltMemoryOnClose() {
    try (BufferAllocator allocator = allocator()) {
      for (DataType type : TYPES) {
        ColumnBuilder builder = ColumnBuilders.forType(type, allocator);
        builder.appendNull();
        builder.appendNull();
        builder.close();
        builder.close();
        assertThat(allocator.allocatedBytes()).as("after closing a builder of %s", type).isZero();
      }
    }
  }

  @Test
  void everyBuilderIsEmptyAndReusableAfterBuild() {
    try (BufferAllocator allocator = allocator()) {
      for (DataType type : TYPES) {
        try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
          builder.appendNull();
          try (Column first = builder.build()) {
            assertThat(builder.length()).isZero();
            builder.appendNull();
            builder.appendNull();
            try (Column second = builder.build(); Column empty = builder.build()) {
              assertThat(first.length()).isEqualTo(1);
              assertThat(second.length()).isEqualTo(2);
              assertThat(second.nullCount()).isEqualTo(2);
              assertThat(empty.length()).isZero();
              assertThat(empty.type()).isEqualTo(type);
            }
          }
        }
      }
    }
  }

  @Test
  void builtColumnsOutliveTheirBuilder() {
    try (BufferAllocator allocator = allocator()) {
      Column column;
      try (VarBinaryBuilder builder = new VarBinaryBuilder(DataType.UTF8, allocator)) {
        builder.append("kept");
        column = builder.build();
        builder.append("dropped");
      }
      try (column) {
        assertThat(column.getObject(0)).isEqualTo("kept");
      }
    }
  }

  @Test
  void columnsThrowAfterClose() {
    try (BufferAllocator allocator = allocator()) {
      for (DataType type : TYPES) {
        Column column;
        try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
          builder.appendNull();
          column = builder.build();
        }
        column.close();
        column.close();
        assertThat(column.isClosed()).isTrue();
        assertThatThrownBy(() -> column.getObject(0))
            .as("getObject after close of %s", type)
            .isInstanceOf(InvalidOperationException.class)
            .hasMessageContaining("after close");
        assertThatThrownBy(() -> column.slice(0, 1)).isInstanceOf(InvalidOperationException.class);
      }
    }
  }

  @Test
  void streamingListsAndTheirMisuse() {
    try (BufferAllocator allocator = allocator();
        ListBuilder builder = new ListBuilder(DataType.ListType.of(DataType.INT64), allocator)) {
      FixedWidthBuilder values = (FixedWidthBuilder) builder.values();
      builder.startList();
      values.appendLong(1);
      values.appendLong(2);
      assertThatThrownBy(builder::startList).isInstanceOf(InvalidOperationException.class);
      assertThatThrownBy(builder::build).isInstanceOf(InvalidOperationException.class);
      builder.endList();
      assertThatThrownBy(builder::endList).isInstanceOf(InvalidOperationException.class);
      builder.appendNull();
      try (Column column = builder.build()) {
        assertThat(ColumnTesting.values(column)).containsExactly(List.of(1L, 2L), null);
      }
    }
  }

  @Test
  void fixedSizeListsNeedExactlyListSizeValues() {
    try (BufferAllocator allocator = allocator();
        FixedSizeListBuilder builder =
            new FixedSizeListBuilder(DataType.FixedSizeListType.of(DataType.INT64, 2), allocator)) {
      assertThatThrownBy(() -> builder.appendObject(List.of(1L, 2L, 3L)))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("3 values")
          .hasMessageContaining("exactly 2");
      builder.values().appendObject(5L);
      assertThatThrownBy(builder::appendValid).isInstanceOf(ShapeMismatchException.class);
      builder.values().appendObject(6L);
      builder.appendValid();
      try (Column column = builder.build()) {
        assertThat(column.getObject(0)).isEqualTo(List.of(5L, 6L));
      }
    }
  }

  @Test
  void structsNeedOneValuePerFieldAndKnownKeys() {
    DataType.StructType type = DataType.StructType.of(
        Field.of("a", DataType.INT64), Field.of("b", DataType.UTF8));
    try (BufferAllocator allocator = allocator();
        StructBuilder builder = new StructBuilder(type, allocator)) {
      builder.field(0).appendObject(1L);
      assertThatThrownBy(builder::appendValid)
          .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("'b'");
      builder.field(1).appendObject("x");
      builder.appendValid();
      assertThatThrownBy(() -> builder.appendObject(Map.of("a", 1L, "zzz", 2)))
          .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'zzz'");
      builder.appendObject(Map.of("b", "only b"));
      try (Column column = builder.build()) {
        assertThat(column.getObject(1)).isEqualTo(mapOf("a", null, "b", "only b"));
      }
    }
  }

  @Test
  void dictionaryIndexOverflowIsAClearError() {
    try (BufferAllocator allocator = allocator();
        DictionaryBuilder builder = new DictionaryBuilder(
            new DataType.Dictionary(DataType.INT8, DataType.INT64, false), allocator)) {
      for (long value = 0; value < 128; value++) {
        builder.appendObject(value);
        builder.appendObject(value);
      }
      assertThat(builder.dictionarySize()).isEqualTo(128);
      assertThatThrownBy(() -> builder.appendObject(1000L))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("at most 128 distinct values")
          .hasMessageContaining("i8");
    }
  }

  @Test
  void segmentAppendsCopyTheBytes() {
    MemorySegment source = MemorySegment.ofArray("xxhello, segment world".getBytes(StandardCharsets.UTF_8));
    try (BufferAllocator allocator = allocator();
        VarBinaryBuilder offsets = new VarBinaryBuilder(DataType.UTF8, allocator);
        ViewBuilder views = new ViewBuilder(DataType.UTF8_VIEW, allocator)) {
      offsets.append(source, 2, 5);
      views.append(source, 2, 20);
      try (Column first = offsets.build(); Column second = views.build()) {
        assertThat(first.getObject(0)).isEqualTo("hello");
        assertThat(second.getObject(0)).isEqualTo("hello, segment world");
      }
    }
  }

  @Test
  void buildersRejectValuesOfOtherClasses() {
    try (BufferAllocator allocator = allocator()) {
      for (DataType type : TYPES) {
        try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
          assertThatThrownBy(() -> builder.appendObject(new Object()))
              .as("appendObject(Object) into %s", type)
              .isInstanceOf(SchemaMismatchException.class)
              .hasMessageContaining("Object");
        }
      }
    }
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
