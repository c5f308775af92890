package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constructors reject inconsistent buffers (and release them); accessors check bounds. */
class ColumnValidationTest {

  @Test
  void accessorsCheckBounds() {
    try (BufferAllocator allocator = allocator();
        Column strings = JavaValues.toColumn(allocator, listOf("a", "b"));
        Column lists = JavaValues.toColumn(allocator, listOf(List.of(1), List.of()))) {
      for (Column column : List.of(strings, lists)) {
        assertThatThrownBy(() -> column.getObject(2))
            .isInstanceOf(InvalidOperationException.class)
            .hasMessageContaining("index 2 is out of bounds")
            .hasMessageContaining("length 2");
        assertThatThrownBy(() -> column.isNull(-1)).isInstanceOf(InvalidOperationException.class);
        assertThatThrownBy(() -> column.slice(1, 2)).isInstanceOf(InvalidOperationException.class);
      }
    }
  }

  @Test
  void tooSmallOffsetsAreRejectedAndReleased() {
    try (BufferAllocator allocator = allocator()) {
      Buffer offsets = allocator.allocateZeroed(64);
      Buffer data = allocator.allocate(64);
      assertThatThrownBy(() -> new VarBinaryColumn(DataType.UTF8, 0, 16, 0, null, offsets, data))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("68 bytes of offsets");
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }

  @Test
  void offsetsBeyondTheDataAreRejected() {
    try (BufferAllocator allocator = allocator()) {
      Buffer offsets = allocator.allocateZeroed(64);
      offsets.segment().set(ValueLayout.JAVA_INT_UNALIGNED, 4, 100);
      Buffer data = allocator.allocate(64);
      assertThatThrownBy(() -> new VarBinaryColumn(DataType.BINARY, 0, 1, 0, null, offsets, data))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("last offset 100");
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }

  @Test
  void wrongLayoutTypesAreRejected() {
    try (BufferAllocator allocator = allocator()) {
      Buffer offsets = allocator.allocateZeroed(64);
      Buffer data = allocator.allocate(64);
      assertThatThrownBy(() -> new VarBinaryColumn(DataType.INT32, 0, 0, 0, null, offsets, data))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("i32");
      assertThatThrownBy(() -> new FixedWidthBuilder(new DataType.FixedSizeBinary(4), allocator))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("binary[4]");
      Buffer values = allocator.allocate(64);
      assertThatThrownBy(() -> new FixedWidthColumn(
              new DataType.Dictionary(DataType.INT8, DataType.UTF8, false), 0, 1, 0, null, values))
          .isInstanceOf(InvalidOperationException.class);
      assertThatThrownBy(() -> new ViewBuilder(DataType.UTF8, allocator))
          .isInstanceOf(InvalidOperationException.class);
      assertThatThrownBy(() -> new ListBuilder(DataType.UTF8, allocator))
          .isInstanceOf(InvalidOperationException.class);
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }

  @Test
  void nestedChildrenMustMatchTheirType() {
    try (BufferAllocator allocator = allocator()) {
      Column strings = JavaValues.toColumn(allocator, listOf("a"));
      Buffer offsets = allocator.allocateZeroed(64);
      assertThatThrownBy(() -> new ListColumn(
              DataType.ListType.of(DataType.INT64), 0, 0, 0, null, offsets, strings))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("i64")
          .hasMessageContaining("str");
      assertThat(strings.isClosed()).isTrue();

      DataType.StructType struct = DataType.StructType.of(
          Field.of("a", DataType.INT64), Field.of("b", DataType.INT64));
      Column longs = JavaValues.toColumn(allocator, listOf(1L));
      assertThatThrownBy(() -> new StructColumn(struct, 0, 1, 0, null, List.of(longs)))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("needs 2 field columns, got 1");

      Column shortChild = JavaValues.toColumn(allocator, listOf(1L));
      assertThatThrownBy(() -> new StructColumn(
              DataType.StructType.of(Field.of("a", DataType.INT64)), 0, 2, 0, null,
              List.of(shortChild)))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("field 'a' has 1 values");
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }

  @Test
  void unsignedDictionaryIndicesReadUnsigned() {
    DataType.Dictionary type = new DataType.Dictionary(DataType.UINT8, DataType.INT32, false);
    List<Integer> values = new java.util.ArrayList<>();
    for (int value = 0; value < 256; value++) {
      values.add(value);
    }
    try (BufferAllocator allocator = allocator();
        DictionaryColumn column = (DictionaryColumn) JavaValues.toColumn(allocator, type, values)) {
      assertThat(column.getIndex(255)).isEqualTo(255);
      assertThat(column.getObject(200)).isEqualTo(200);
      assertThat(column.dictionary().length()).isEqualTo(256);
    }
  }

  @Test
  void estimatedSizeCountsChildren() {
    try (BufferAllocator allocator = allocator();
        ListColumn column = (ListColumn) JavaValues.toColumn(allocator, listOf(List.of(1L, 2L)))) {
      assertThat(column.estimatedSize())
          .isEqualTo(column.offsetsBuffer().capacity() + column.values().estimatedSize());
    }
  }

  @Test
  void nullColumnsSliceAndShare() {
    try (NullColumn column = new NullColumn(10);
        Column slice = column.slice(3, 4)) {
      assertThat(slice.length()).isEqualTo(4);
      assertThat(slice.nullCount()).isEqualTo(4);
      assertThat(slice.isNull(3)).isTrue();
      assertThat(slice.getObject(0)).isNull();
      assertThat(column.estimatedSize()).isZero();
    }
  }
}
