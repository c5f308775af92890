package dev.floe.io.ipc;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small table of several types with nulls, written as IPC files for the io tests. */
final class IpcSamples {
  static final Schema SCHEMA =
      Schema.of(
          Field.of("id", DataType.INT64),
          Field.of("flag", DataType.BOOLEAN),
          Field.of("name", DataType.UTF8),
          Field.of("view", DataType.UTF8_VIEW),
          Field.of("price", new DataType.Decimal128(9, 2)),
          Field.of("at", new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
          Field.of("tags", DataType.ListType.of(DataType.INT32)),
          Field.of("point", DataType.StructType.of(Field.of("x", DataType.FLOAT64), Field.of("label", DataType.UTF8))),
          Field.of("cat", new DataType.Dictionary(DataType.UINT8, DataType.UTF8, false)));

  private IpcSamples() {}

  static Object value(int column, int row) {
    if (row % 4 == 3) {
      return null;
    }
    return switch (column) {
      case 0 -> (long) row * 1_000_003L;
      case 1 -> row % 2 == 0;
      case 2 -> "name-" + row;
      case 3 -> row % 2 == 0 ? "short" + row : "a longer string value " + row;
      case 4 -> BigDecimal.valueOf(row * 101L - 50, 2);
      case 5 -> null;
      case 6 -> List.of(row, -row, row * 2).subList(0, row % 3);
      case 7 -> Map.of("x", row * 0.5, "label", "p" + row);
      default -> "c" + row % 5;
    };
  }

  /** The sample columns of {@code rows} rows, in {@code chunks} chunks (slices of one column). */
  static List<ChunkedColumn> columns(int rows, int chunks, BufferAllocator allocator) {
    return columns(SCHEMA, IpcSamples::value, rows, chunks, allocator);
  }

  /**
   * Columns of {@code schema} whose value at (column, row) is {@code value.apply(column, row)}, each
   * in {@code chunks} chunks (slices of one built column).
   */
  static List<ChunkedColumn> columns(Schema schema, java.util.function.BiFunction<Integer, Integer, Object> value,
      int rows, int chunks, BufferAllocator allocator) {
    List<ChunkedColumn> result = new ArrayList<>();
    for (int column = 0; column < schema.size(); column++) {
      DataType type = schema.field(column).type();
      List<Column> parts = new ArrayList<>();
      try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
        for (int row = 0; row < rows; row++) {
          builder.appendObject(value.apply(column, row));
        }
        try (Column whole = builder.build()) {
          int perChunk = Math.max(1, (rows + chunks - 1) / chunks);
          for (int start = 0; start < rows; start += perChunk) {
            parts.add(whole.slice(start, Math.min(perChunk, rows - start)));
          }
        }
      }
      result.add(new ChunkedColumn(type, parts));
    }
    return result;
  }

  /** Writes the sample as a file or stream with {@code options}. */
  static void write(Path path, boolean stream, int rows, IpcWriteOptions options, BufferAllocator allocator) {
    List<ChunkedColumn> columns = columns(rows, 3, allocator);
    try {
      if (stream) {
        IpcWriter.writeStream(path, SCHEMA, columns, options, allocator);
      } else {
        IpcWriter.writeFile(path, SCHEMA, columns, options, allocator);
      }
    } finally {
      columns.forEach(ChunkedColumn::close);
    }
  }
}
