package dev.floe.io.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows that {@link TestParquetWriter} writes and the tests expect back, as Java values:
 * a: optional int32 (null every 5th), b: required int64, s: optional string, dictionary-encoded
 * (null every 7th), d: optional double, t: optional boolean, l: optional 3-level list of optional
 * int32 (null lists, empty lists, null elements).
 */
final class TestParquetData {
  private TestParquetData() {}

  static Integer a(int row) {
    return row % 5 == 0 ? null : row * 3 - 7;
  }

  static long b(int row) {
    return row * 1_000_000_007L;
  }

  static String s(int row) {
    return row % 7 == 0 ? null : "v" + row % 4 + "-ü";
  }

  static Double d(int row) {
    return row % 3 == 0 ? null : row / 8.0;
  }

  static Boolean t(int row) {
    return row % 11 == 0 ? null : row % 2 == 0;
  }

  /** The list of row {@code row}: null every 6th, empty after that, else 1..3 elements. */
  static List<Integer> l(int row) {
    if (row % 6 == 0) {
      return null;
    }
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < (row % 6 == 1 ? 0 : row % 3 + 1); j++) {
      out.add((row + j) % 4 == 0 ? null : row * 10 + j);
    }
    return out;
  }

  static List<String> dictionary() {
    return List.of("v0-ü", "v1-ü", "v2-ü", "v3-ü");
  }

  /** Levels and PLAIN (or dictionary index) values of rows [from, to) of a column. */
  record Page(int[] defs, int[] reps, int count, byte[] values) {}

  static Page page(String column, int from, int to) {
    List<Integer> defs = new ArrayList<>();
    List<Integer> reps = new ArrayList<>();
    ByteBuffer values = ByteBuffer.allocate(64 + (to - from) * 64).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> indices = new ArrayList<>();
    List<Boolean> bits = new ArrayList<>();
    for (int next = from; next < to; next++) {
      int row = next;
      switch (column) {
        case "a" -> optional(defs, a(row), () -> values.putInt(a(row)));
        case "b" -> values.putLong(b(row));
        case "s" -> optional(defs, s(row), () -> indices.add(dictionary().indexOf(s(row))));
        case "d" -> optional(defs, d(row), () -> values.putDouble(d(row)));
        case "t" -> optional(defs, t(row), () -> bits.add(t(row)));
        case "l" -> {
          List<Integer> list = l(row);
          if (list == null || list.isEmpty()) {
            defs.add(list == null ? 0 : 1);
            reps.add(0);
          }
          for (int j = 0; list != null && j < list.size(); j++) {
            reps.add(j == 0 ? 0 : 1);
            defs.add(list.get(j) == null ? 2 : 3);
            if (list.get(j) != null) {
              values.putInt(list.get(j));
            }
          }
        }
        default -> throw new IllegalArgumentException(column);
      }
    }
    byte[] body;
    if (column.equals("s")) {
      int[] array = indices.stream().mapToInt(Integer::intValue).toArray();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(2);
      out.writeBytes(RleEncoder.encode(array, array.length, 2));
      body = out.toByteArray();
    } else if (column.equals("t")) {
      body = new byte[(bits.size() + 7) / 8];
      for (int k = 0; k < bits.size(); k++) {
        body[k / 8] |= (byte) (bits.get(k) ? 1 << (k % 8) : 0);
      }
    } else {
      body = Arrays.copyOf(values.array(), values.position());
    }
    int count = column.equals("b") ? to - from : defs.size();
    return new Page(defs.stream().mapToInt(Integer::intValue).toArray(),
        reps.stream().mapToInt(Integer::intValue).toArray(), count, body);
  }

  /** The PLAIN dictionary page body of column s. */
  static byte[] dictionaryPage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String value : dictionary()) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static void optional(List<Integer> defs, Object value, Runnable write) {
    defs.add(value == null ? 0 : 1);
    if (value != null) {
      write.run();
    }
  }
}
