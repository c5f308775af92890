package dev.floe.io.ipc;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The frame the cross-process tests exchange with pyarrow: numerics, strings, booleans, a list and a
 * struct, each with nulls. {@link #PYTHON} builds the same values in Python from the same formulas,
 * and {@link #json} renders a column as Python's {@code json.dumps(..., sort_keys=True,
 * separators=(",", ":"))} does, so the two sides compare as text.
 */
final class SharedFrame {
  static final Schema SCHEMA = Schema.of(
      Field.of("id", DataType.INT64),
      Field.of("score", DataType.FLOAT64),
      Field.of("name", DataType.UTF8),
      Field.of("flag", DataType.BOOLEAN),
      Field.of("tags", DataType.ListType.of(DataType.INT32)),
      Field.of("point", DataType.StructType.of(Field.of("x", DataType.FLOAT64), Field.of("label", DataType.UTF8))));

  /** {@code value(column, row)} and {@code schema} in Python; {@code pa} is pyarrow. */
  static final String PYTHON = """
      def value(column, row):
          if column == 0:
              return None if row % 7 == 3 else row * 1000003
          if column == 1:
              return None if row % 5 == 4 else row * 0.25
          if column == 2:
              return None if row % 6 == 5 else ("" if row % 10 == 0 else "name-%d" % row)
          if column == 3:
              return None if row % 4 == 1 else row % 3 == 0
          if column == 4:
              return None if row % 9 == 8 else [row, -row, 2 * row][: row % 4]
          return None if row % 8 == 7 else {"x": row * 0.5, "label": "p%d" % row}

      schema = pa.schema([
          ("id", pa.int64()), ("score", pa.float64()), ("name", pa.string()), ("flag", pa.bool_()),
          ("tags", pa.list_(pa.int32())),
          ("point", pa.struct([("x", pa.float64()), ("label", pa.string())])),
      ])
      """;

  private SharedFrame() {}

  static Object value(int column, int row) {
    return switch (column) {
      case 0 -> row % 7 == 3 ? null : row * 1_000_003L;
      case 1 -> row % 5 == 4 ? null : row * 0.25;
      case 2 -> row % 6 == 5 ? null : row % 10 == 0 ? "" : "name-" + row;
      case 3 -> row % 4 == 1 ? null : row % 3 == 0;
      case 4 -> row % 9 == 8 ? null : List.of(row, -row, 2 * row).subList(0, row % 4);
      default -> row % 8 == 7 ? null : Map.of("x", row * 0.5, "label", "p" + row);
    };
  }

  /** The frame's columns of {@code rows} rows, each in {@code chunks} chunks. */
  static List<ChunkedColumn> columns(int rows, int chunks, BufferAllocator allocator) {
    return IpcSamples.columns(SCHEMA, SharedFrame::value, rows, chunks, allocator);
  }

  /** Column {@code column} of {@code rows} rows as one JSON array, as Python prints it. */
  static String json(int column, int rows) {
    List<String> values = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      values.add(json(value(column, row)));
    }
    return String.join(",", values).transform(joined -> "[" + joined + "]");
  }

  private static String json(Object value) {
    return switch (value) {
      case null -> "null";
      case String text -> "\"" + text + "\"";
      case List<?> list -> list.stream().map(SharedFrame::json).collect(Collectors.joining(",", "[", "]"));
      case Map<?, ?> map -> new TreeMap<>(map).entrySet().stream()
          .map(entry -> "\"" + entry.getKey() + "\":" + json(entry.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
      default -> value.toString(); // Long, Integer, Double (as Python prints them here), Boolean
    };
  }
}
