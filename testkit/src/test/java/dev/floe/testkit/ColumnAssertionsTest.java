package dev.floe.testkit;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static dev.floe.testkit.ColumnAssertions.valuesEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.types.DataType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LeakChecked
class ColumnAssertionsTest {

  private static Column doubles(BufferAllocator allocator, Double... values) {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.FLOAT64, allocator)) {
      for (Double value : values) {
        builder.appendObject(value);
      }
      return builder.build();
    }
  }

  @Test
  void equalColumnsPassIncludingNaNAndNulls(BufferAllocator allocator) {
    try (Column column = doubles(allocator, 1.0, Double.NaN, null, -0.0)) {
      assertColumnEquals(column, Arrays.asList(1.0, Double.NaN, null, -0.0));
      try (Column same = doubles(allocator, 1.0, Double.NaN, null, -0.0)) {
        assertColumnEquals(column, same);
      }
    }
  }

  @Test
  void theMessageNamesIndexValuesAndType(BufferAllocator allocator) {
    try (Column column = doubles(allocator, 1.0, 2.0, 3.0)) {
      assertThatThrownBy(() -> assertColumnEquals(column, List.of(1.0, 2.5, 3.0)))
          .isInstanceOf(AssertionError.class)
          .hasMessage("column of f64 (length 3, offset 0) differs at index 1: expected 2.5 (Double)"
              + " but was 2.0 (Double)");
    }
  }

  @Test
  void nullsAndLengthsAreCompared(BufferAllocator allocator) {
    try (Column column = doubles(allocator, 1.0, null)) {
      assertThatThrownBy(() -> assertColumnEquals(column, List.of(1.0, 0.0)))
          .hasMessageContaining("differs at index 1: expected 0.0 (Double) but was null");
      assertThatThrownBy(() -> assertColumnEquals(column, List.of(1.0)))
          .hasMessageContaining("expected 1 values but has 2");
    }
  }

  @Test
  void zeroSignsDiffer(BufferAllocator allocator) {
    try (Column column = doubles(allocator, 0.0)) {
      assertThatThrownBy(() -> assertColumnEquals(column, List.of(-0.0)))
          .hasMessageContaining("expected -0.0 (Double) but was 0.0 (Double)");
    }
  }

  @Test
  void typesMustMatchBetweenColumns(BufferAllocator allocator) {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.INT64, allocator);
        Column doubles = doubles(allocator, 1.0)) {
      builder.appendLong(1);
      try (Column longs = builder.build()) {
        assertThatThrownBy(() -> assertColumnEquals(longs, doubles))
            .hasMessage("column type differs: expected f64 but was i64");
      }
    }
  }

  @Test
  void bytesCompareByContentAndNestedValuesRecursively() {
    assertThat(valuesEqual(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    assertThat(valuesEqual(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
    assertThat(valuesEqual(List.of(new byte[] {1}, Float.NaN), List.of(new byte[] {1}, Float.NaN))).isTrue();
    assertThat(valuesEqual(Map.of("a", new byte[] {7}), Map.of("a", new byte[] {7}))).isTrue();
    assertThat(valuesEqual(1.0f, 1.0d)).isFalse();
  }

  @Test
  void structFieldOrderMatters() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", 2);
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", 2);
    ba.put("a", 1);
    assertThat(valuesEqual(ab, ba)).isFalse();
  }

  @Test
  void describeShowsBytesInHexAndQuotesStrings() {
    assertThat(ColumnAssertions.describe(new byte[] {0x0A, (byte) 0xFF})).isEqualTo("0x0aff");
    assertThat(ColumnAssertions.describe(Arrays.asList("x", null))).isEqualTo("[\"x\", null]");
  }
}
