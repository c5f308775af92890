package dev.floe.memory.column;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared assertions of the column tests: contents, null counts and every kind of slice. */
final class ColumnTesting {
  private static final int[] SLICE_OFFSETS = {0, 1, 3, 5, 8, 9, 13};

  private ColumnTesting() {}

  /** A fresh leak-checking allocator for one test. */
  static BufferAllocator allocator() {
    return BufferAllocator.newRoot("test", Long.MAX_VALUE);
  }

  /**
   * Builds {@code values} as {@code type} through JavaValues and through the type's builder, and
   * checks each column (and its slices) reads them back; also checks the empty column.
   */
  static void assertRoundTrip(BufferAllocator allocator, DataType type, List<?> values) {
    try (Column column = JavaValues.toColumn(allocator, type, values)) {
      assertThat(column.type()).isEqualTo(type);
      assertHoldsWithSlices(column, values);
    }
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      for (Object value : values) {
        builder.appendObject(value);
      }
      assertThat(builder.length()).isEqualTo(values.size());
      try (Column column = builder.build()) {
        assertHoldsWithSlices(column, values);
      }
    }
    try (Column empty = JavaValues.toColumn(allocator, type, List.of())) {
      assertHolds(empty, List.of());
      assertThat(empty.type()).isEqualTo(type);
    }
  }

  /** Checks {@code column} and slices at many offsets (bit offsets too), and slices of slices. */
  static void assertHoldsWithSlices(Column column, List<?> expected) {
    assertHolds(column, expected);
    int size = expected.size();
    for (int offset : SLICE_OFFSETS) {
      if (offset > size) {
        continue;
      }
      for (int length : new int[] {0, size - offset, (size - offset) / 2}) {
        try (Column slice = column.slice(offset, length)) {
          List<?> part = expected.subList(offset, offset + length);
          assertHolds(slice, part);
          if (length >= 2) {
            try (Column inner = slice.slice(1, length - 2)) {
              assertHolds(inner, part.subList(1, length - 1));
            }
          }
        }
      }
    }
    try (Column shared = column.share()) {
      assertHolds(shared, expected);
    }
  }

  /** Checks length, getObject, isNull and nullCount of {@code column} against {@code expected}. */
  static void assertHolds(Column column, List<?> expected) {
    assertThat(column.length()).isEqualTo(expected.size());
    assertThat(normalize(values(column))).isEqualTo(normalize(expected));
    int nulls = 0;
    for (int index = 0; index < expected.size(); index++) {
      assertThat(column.isNull(index)).as("isNull(%d)", index).isEqualTo(expected.get(index) == null);
      nulls += expected.get(index) == null ? 1 : 0;
    }
    assertThat(column.nullCount()).isEqualTo(nulls);
  }

  /** Every value of {@code column} through getObject. */
  static List<Object> values(Column column) {
    List<Object> values = new ArrayList<>(column.length());
    for (int index = 0; index < column.length(); index++) {
      values.add(column.getObject(index));
    }
    return values;
  }

  /** A comparable form: byte arrays become hex strings, lists and maps are normalized deeply. */
  static Object normalize(Object value) {
    return switch (value) {
      case null -> null;
      case byte[] bytes -> "0x" + HexFormat.of().formatHex(bytes);
      case List<?> list -> {
        List<Object> normalized = new ArrayList<>(list.size());
        list.forEach(element -> normalized.add(normalize(element)));
        yield normalized;
      }
      case Map<?, ?> map -> {
        Map<Object, Object> normalized = new LinkedHashMap<>();
        map.forEach((key, element) -> normalized.put(key, normalize(element)));
        yield normalized;
      }
      default -> value;
    };
  }

  /** {@code values} with nulls at positions 2, 7, 8 and 15 (when present) and cycling values. */
  @SafeVarargs
  static <T> List<T> withNulls(int size, T... cycle) {
    List<T> values = new ArrayList<>(size);
    for (int index = 0; index < size; index++) {
      boolean isNull = index == 2 || index == 7 || index == 8 || index == 15;
      values.add(isNull ? null : cycle[index % cycle.length]);
    }
    return values;
  }

  /** A list that allows nulls (List.of does not). */
  @SafeVarargs
  static <T> List<T> listOf(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T value : values) {
      list.add(value);
    }
    return list;
  }
}
