package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concatenation: every fast path, the builder fallback, slices at bit offsets, errors. */
class ConcatenationTest {

  /** Concatenates slices (at odd offsets) of columns of {@code values} and checks the result. */
  private static Column concatSlices(
      BufferAllocator allocator, DataType type, List<?> values, Class<?> expectedClass) {
    List<Object> expected = new ArrayList<>();
    List<Column> parts = new ArrayList<>();
    try (Column whole = JavaValues.toColumn(allocator, type, values);
        Column allValid = JavaValues.toColumn(allocator, type, values.stream()
            .filter(value -> value != null).toList())) {
      int[][] ranges = {{3, 70}, {0, 0}, {13, 101}, {1, 1}};
      for (int[] range : ranges) {
        parts.add(whole.slice(range[0], range[1]));
        expected.addAll(values.subList(range[0], range[0] + range[1]));
      }
      parts.add(allValid.slice(5, 9));
      expected.addAll(values.stream().filter(value -> value != null).toList().subList(5, 14));
      Column result = Concatenation.concat(allocator, parts);
      assertThat(result).isInstanceOf(expectedClass);
      assertThat(result.offset()).isZero();
      ColumnTesting.assertHoldsWithSlices(result, expected);
      return result;
    } finally {
      parts.forEach(Column::close);
    }
  }

  private static <T> List<T> sample(int size, java.util.function.IntFunction<T> value) {
    List<T> values = new ArrayList<>(size);
    for (int index = 0; index < size; index++) {
      values.add(index % 7 == 3 || index % 11 == 0 ? null : value.apply(index));
    }
    return values;
  }

  @Test
  void fixedWidthCopiesValuesAndShiftsValidityBits() {
    try (BufferAllocator allocator = allocator()) {
      concatSlices(allocator, DataType.INT32, sample(130, index -> index * 3), FixedWidthColumn.class)
          .close();
      concatSlices(allocator, new DataType.Decimal128(20, 1),
          sample(130, index -> new java.math.BigDecimal(index + ".5")), FixedWidthColumn.class)
          .close();
    }
  }

  @Test
  void booleansShiftValueBits() {
    try (BufferAllocator allocator = allocator()) {
      concatSlices(allocator, DataType.BOOLEAN, sample(130, index -> index % 3 == 0),
          BooleanColumn.class).close();
    }
  }

  @Test
  void fixedSizeBinaryCopiesValues() {
    try (BufferAllocator allocator = allocator()) {
      concatSlices(allocator, new DataType.FixedSizeBinary(2),
          sample(130, index -> new byte[] {(byte) index, 7}), FixedSizeBinaryColumn.class).close();
    }
  }

  @Test
  void varBinaryRebasesOffsetsToStartAtZero() {
    try (BufferAllocator allocator = allocator()) {
      for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.BINARY)) {
        List<Object> values = sample(130, index -> type == DataType.BINARY
            ? new byte[index % 5] : (Object) ("v" + index));
        try (VarBinaryColumn result =
            (VarBinaryColumn) concatSlices(allocator, type, values, VarBinaryColumn.class)) {
          assertThat(result.valueStart(0)).isZero();
          long end = result.isLarge()
              ? result.offsetsBuffer().segment().get(ValueLayout.JAVA_LONG_UNALIGNED, 0)
              : result.offsetsBuffer().segment().get(ValueLayout.JAVA_INT_UNALIGNED, 0);
          assertThat(end).isZero();
        }
      }
    }
  }

  @Test
  void viewsShareDataBuffersAndRebaseBufferIndexes() {
    List<String> values = sample(130, index -> "a long enough string number " + index);
    try (BufferAllocator allocator = allocator();
        ViewColumn first = (ViewColumn) JavaValues.toColumn(allocator, DataType.UTF8_VIEW, values);
        ViewColumn second = (ViewColumn) JavaValues.toColumn(allocator, DataType.UTF8_VIEW,
            listOf("short", "another string that is long"));
        ViewColumn result = (ViewColumn) Concatenation.concat(allocator, List.of(first, second))) {
      assertThat(result.dataBuffers()).hasSize(2);
      assertThat(result.dataBuffers().get(0)).isSameAs(first.dataBuffers().get(0));
      assertThat(result.dataBuffers().get(1)).isSameAs(second.dataBuffers().get(0));
      assertThat(first.dataBuffers().get(0).referenceCount()).isEqualTo(2);
      int lastView = (130 + 1) * ViewColumn.VIEW_SIZE;
      assertThat(result.viewsBuffer().segment().get(ValueLayout.JAVA_INT_UNALIGNED, lastView + 8))
          .isEqualTo(1);
      List<Object> expected = new ArrayList<>(values);
      expected.addAll(List.of("short", "another string that is long"));
      ColumnTesting.assertHoldsWithSlices(result, expected);
      concatSlices(allocator, DataType.UTF8_VIEW, values, ViewColumn.class).close();
    }
  }

  @Test
  void nestedTypesGoThroughBuilders() {
    try (BufferAllocator allocator = allocator()) {
      concatSlices(allocator, DataType.ListType.of(DataType.INT64),
          sample(130, index -> List.of((long) index, 1L)), ListColumn.class).close();
      concatSlices(allocator, JavaValues.inferType(List.of(Map.of("k", 1L))),
          sample(130, index -> Map.of("k", (long) index)), StructColumn.class).close();
      concatSlices(allocator, new DataType.Dictionary(DataType.INT16, DataType.UTF8, false),
          sample(130, index -> "c" + index % 4), DictionaryColumn.class).close();
    }
  }

  @Test
  void nullColumnsAddUp() {
    try (BufferAllocator allocator = allocator();
        Column result = Concatenation.concat(allocator, List.of(new NullColumn(2), new NullColumn(3)))) {
      assertThat(result).isInstanceOf(NullColumn.class);
      assertThat(result.length()).isEqualTo(5);
      assertThat(result.nullCount()).isEqualTo(5);
    }
  }

  @Test
  void oneColumnIsShared() {
    try (BufferAllocator allocator = allocator();
        FixedWidthColumn only = (FixedWidthColumn) JavaValues.toColumn(allocator, listOf(1, 2));
        FixedWidthColumn result =
            (FixedWidthColumn) Concatenation.concat(allocator, List.of(only))) {
      assertThat(result.valuesBuffer()).isSameAs(only.valuesBuffer());
    }
  }

  @Test
  void rejectsNothingAndMixedTypes() {
    try (BufferAllocator allocator = allocator();
        Column longs = JavaValues.toColumn(allocator, listOf(1L));
        Column strings = JavaValues.toColumn(allocator, listOf("a"))) {
      assertThatThrownBy(() -> Concatenation.concat(allocator, List.of()))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("zero columns");
      assertThatThrownBy(() -> Concatenation.concat(allocator, List.of(longs, strings)))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("column 1")
          .hasMessageContaining("str")
          .hasMessageContaining("i64");
    }
  }

  @Test
  void aFailedAllocationLeaksNothing() {
    try (BufferAllocator allocator = allocator();
        Column first = JavaValues.toColumn(allocator, listOf(1, null, 3, 4, 5, 6, 7, 8));
        Column second = JavaValues.toColumn(allocator, listOf(9, 10, 11, 12, 13, 14, 15, 16))) {
      // 16 int32 values fill the 64-byte limit exactly, so the validity bitmap cannot be had.
      try (BufferAllocator limited = allocator.newChild("limited", 64)) {
        assertThatThrownBy(() -> Concatenation.concat(limited, List.of(first, second)))
            .isInstanceOf(dev.floe.errors.FloeOutOfMemoryException.class)
            .hasMessageContaining("limited");
        assertThat(limited.allocatedBytes()).isZero();
      }
    }
  }
}
