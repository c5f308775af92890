package dev.floe.testkit;

import dev.floe.memory.column.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Assertions on columns by value. Values compare as {@code getObject} returns them, with: NaN equal
 * to NaN (and -0.0 unlike 0.0, as {@link Double#equals} has it), byte arrays by content, lists by
 * element and structs (maps) by field in order, recursively. A failure names the first differing
 * row (and the path inside it), both values with their classes, and the column's type.
 */
public final class ColumnAssertions {
  private static final int MAX_SHOWN = 20;

  private ColumnAssertions() {}

  /** Asserts {@code actual} holds exactly {@code expected}, with matching nulls and null count. */
  public static void assertColumnEquals(Column actual, List<?> expected) {
    String what = "column of " + actual.type() + " (length " + actual.length() + ", offset "
        + actual.offset() + ")";
    if (actual.length() != expected.size()) {
      throw new AssertionError(what + ": expected " + expected.size() + " values but has "
          + actual.length());
    }
    int expectedNulls = 0;
    for (int index = 0; index < expected.size(); index++) {
      Object expectedValue = expected.get(index);
      Object actualValue = actual.getObject(index);
      String difference = difference(expectedValue, actualValue, "");
      if (difference != null) {
        throw new AssertionError(what + " differs at index " + index + difference);
      }
      if (actual.isNull(index) != (expectedValue == null)) {
        throw new AssertionError(what + ": isNull(" + index + ") is " + actual.isNull(index)
            + " but getObject returned " + describe(actualValue));
      }
      expectedNulls += expectedValue == null ? 1 : 0;
    }
    if (actual.nullCount() != expectedNulls) {
      throw new AssertionError(what + ": nullCount() is " + actual.nullCount() + " but "
          + expectedNulls + " values are null");
    }
  }

  /** Asserts both columns have the same type and the same values. */
  public static void assertColumnEquals(Column actual, Column expected) {
    if (!actual.type().equals(expected.type())) {
      throw new AssertionError("column type differs: expected " + expected.type() + " but was "
          + actual.type());
    }
    assertColumnEquals(actual, toList(expected));
  }

  /** The column's values through {@code getObject}. */
  public static List<Object> toList(Column column) {
    List<Object> values = new ArrayList<>(column.length());
    for (int index = 0; index < column.length(); index++) {
      values.add(column.getObject(index));
    }
    return values;
  }

  /** Equality as these assertions define it. */
  public static boolean valuesEqual(Object expected, Object actual) {
    return difference(expected, actual, "") == null;
  }

  /** Null when equal; else where and how they differ, e.g. " [2].name: expected ... but was ...". */
  private static String difference(Object expected, Object actual, String path) {
    if (expected == actual) {
      return null;
    }
    if (expected == null || actual == null) {
      return mismatch(path, expected, actual);
    }
    if (expected instanceof byte[] expectedBytes && actual instanceof byte[] actualBytes) {
      return Arrays.equals(expectedBytes, actualBytes) ? null : mismatch(path, expected, actual);
    }
    if (expected instanceof List<?> expectedList && actual instanceof List<?> actualList) {
      if (expectedList.size() != actualList.size()) {
        return mismatch(path + " (list sizes " + expectedList.size() + " vs " + actualList.size() + ")",
            expected, actual);
      }
      for (int index = 0; index < expectedList.size(); index++) {
        String inner = difference(expectedList.get(index), actualList.get(index), path + "[" + index + "]");
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (expected instanceof Map<?, ?> expectedMap && actual instanceof Map<?, ?> actualMap) {
      return mapDifference(expectedMap, actualMap, path);
    }
    return expected.equals(actual) ? null : mismatch(path, expected, actual);
  }

  private static String mapDifference(Map<?, ?> expected, Map<?, ?> actual, String path) {
    if (!List.copyOf(expected.keySet()).equals(List.copyOf(actual.keySet()))) {
      return mismatch(path + " (fields " + expected.keySet() + " vs " + actual.keySet() + ")",
          expected, actual);
    }
    Iterator<? extends Map.Entry<?, ?>> actualEntries = actual.entrySet().iterator();
    for (Map.Entry<?, ?> entry : expected.entrySet()) {
      String inner = difference(entry.getValue(), actualEntries.next().getValue(), path + "." + entry.getKey());
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static String mismatch(String path, Object expected, Object actual) {
    return path + ": expected " + describeTyped(expected) + " but was " + describeTyped(actual);
  }

  private static String describeTyped(Object value) {
    return value == null ? "null" : describe(value) + " (" + value.getClass().getSimpleName() + ")";
  }

  /** A readable form: strings quoted, byte arrays in hex, long lists cut after 20 values. */
  public static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case String text -> '"' + text + '"';
      case byte[] bytes -> "0x" + HexFormat.of().formatHex(bytes);
      case List<?> list -> describeList(list);
      case Map<?, ?> map -> describeMap(map);
      default -> value.toString();
    };
  }

  private static String describeList(List<?> list) {
    StringBuilder text = new StringBuilder("[");
    for (int index = 0; index < Math.min(list.size(), MAX_SHOWN); index++) {
      text.append(index == 0 ? "" : ", ").append(describe(list.get(index)));
    }
    return text.append(list.size() > MAX_SHOWN ? ", ... (" + list.size() + " values)]" : "]").toString();
  }

  private static String describeMap(Map<?, ?> map) {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      text.append(text.length() == 1 ? "" : ", ").append(entry.getKey()).append('=')
          .append(describe(entry.getValue()));
    }
    return text.append('}').toString();
  }
}
