package dev.floe.kernels.hashing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The grouping {@link GroupIds} must produce, computed with a {@link HashMap} over Java values. */
final class GroupIdsReference {
  final int[] ids;
  final List<Integer> firstRows = new ArrayList<>();
  final List<Integer> counts = new ArrayList<>();

  /** Groups rows given as one list of values per key column. */
  GroupIdsReference(List<List<Object>> columns, int length) {
    ids = new int[length];
    Map<List<Object>, Integer> groups = new HashMap<>();
    for (int row = 0; row < length; row++) {
      List<Object> key = new ArrayList<>();
      for (List<Object> column : columns) {
        key.add(normalize(column.get(row)));
      }
      Integer id = groups.get(key);
      if (id == null) {
        id = groups.size();
        groups.put(key, id);
        firstRows.add(row);
        counts.add(0);
      }
      ids[row] = id;
      counts.set(id, counts.get(id) + 1);
    }
  }

  /** Key equality in Java terms: -0.0 is 0.0, every NaN one NaN, bytes by content, at every level. */
  static Object normalize(Object value) {
    return switch (value) {
      case Double number when number == 0.0 -> 0.0;
      case Double number when number.isNaN() -> Double.NaN;
      case Float number when number == 0.0f -> 0.0f;
      case Float number when number.isNaN() -> Float.NaN;
      case byte[] bytes -> HexFormat.of().formatHex(bytes);
      case List<?> list -> list.stream().map(GroupIdsReference::normalize).toList();
      case Map<?, ?> map -> {
        Map<Object, Object> normalized = new java.util.LinkedHashMap<>();
        map.forEach((key, element) -> normalized.put(key, normalize(element)));
        yield normalized;
      }
      case null, default -> value;
    };
  }

  int[] firstRowsArray() {
    return firstRows.stream().mapToInt(Integer::intValue).toArray();
  }

  int[] countsArray() {
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  int[] lastRowsArray() {
    int[] last = new int[firstRows.size()];
    Arrays.fill(last, -1);
    for (int row = 0; row < ids.length; row++) {
      last[ids[row]] = row;
    }
    return last;
  }
}
