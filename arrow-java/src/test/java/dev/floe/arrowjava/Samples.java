package dev.floe.arrowjava;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.memory.Buffer;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Test frames covering the types the adapter must carry, and the buffer addresses on each side. */
final class Samples {
  static final DataType TIMESTAMP = new DataType.Timestamp(TimeUnit.MICROSECOND, "Europe/Berlin");
  static final DataType DECIMAL = new DataType.Decimal128(18, 3);
  static final DataType POINT = DataType.StructType.of(Field.of("x", DataType.FLOAT64), Field.of("label", DataType.UTF8));

  private Samples() {}

  /**
   * {@code rows} rows starting at id {@code first}: int64, float64, utf8, boolean, date32,
   * timestamp with a time zone, decimal128, list of int32, struct and categorical, each with nulls.
   */
  static DataFrame allTypes(long first, int rows) {
    Object[][] values = new Object[10][rows];
    for (int row = 0; row < rows; row++) {
      long id = first + row;
      values[0][row] = id % 5 == 2 ? null : id;
      values[1][row] = id % 6 == 1 ? null : id * 0.25;
      values[2][row] = id % 7 == 3 ? null : "name " + id;
      values[3][row] = id % 8 == 5 ? null : id % 3 == 0;
      values[4][row] = id % 9 == 4 ? null : LocalDate.of(2024, 1, 1).plusDays(id);
      values[5][row] = id % 10 == 6 ? null : Instant.parse("2025-03-30T00:00:00Z").plusSeconds(id * 3_607);
      values[6][row] = id % 11 == 7 ? null : BigDecimal.valueOf(id * 1_001 - 50_000, 3);
      values[7][row] = id % 4 == 1 ? null : List.of((int) id, (int) id + 1);
      values[8][row] = id % 12 == 5 ? null : Map.of("x", id * 0.5, "label", "p" + id);
      values[9][row] = id % 13 == 4 ? null : "tag" + id % 3;
    }
    return DataFrame.of(Series.of("id", DataType.INT64, values[0]),
        Series.of("score", DataType.FLOAT64, values[1]),
        Series.of("name", DataType.UTF8, values[2]),
        Series.of("flag", DataType.BOOLEAN, values[3]),
        Series.of("day", DataType.DATE32, values[4]),
        Series.of("at", TIMESTAMP, values[5]),
        Series.of("amount", DECIMAL, values[6]),
        Series.of("pair", DataType.ListType.of(DataType.INT32), values[7]),
        Series.of("point", POINT, values[8]),
        Series.of("tag", DataType.CATEGORICAL, values[9]));
  }

  /** {@link #allTypes} without the categorical column. */
  static DataFrame plainTypes(long first, int rows) {
    try (DataFrame all = allTypes(first, rows)) {
      return all.drop("tag");
    }
  }

  /** Addresses of the buffers of {@code column}'s chunk {@code chunk} and its children (nulls left out). */
  static List<Long> floeAddresses(Series column, int chunk) {
    List<Long> addresses = new ArrayList<>();
    collect(column.chunks().get(chunk), addresses);
    return addresses;
  }

  private static void collect(Column column, List<Long> out) {
    for (Buffer buffer : column.buffers()) {
      if (buffer != null) {
        out.add(buffer.address());
      }
    }
    for (Column child : column.children()) {
      collect(child, out);
    }
  }

  /** Addresses of the buffers of {@code vector} and its children (zero-length buffers left out). */
  static List<Long> arrowAddresses(FieldVector vector) {
    List<Long> addresses = new ArrayList<>();
    collect(vector, addresses);
    return addresses;
  }

  private static void collect(FieldVector vector, List<Long> out) {
    for (ArrowBuf buffer : vector.getFieldBuffers()) {
      if (buffer != null && buffer.capacity() > 0) {
        out.add(buffer.memoryAddress());
      }
    }
    for (FieldVector child : vector.getChildrenFromFields()) {
      collect(child, out);
    }
  }

  /** The addresses of every vector of {@code root}, in column order. */
  static List<Long> arrowAddresses(VectorSchemaRoot root) {
    List<Long> addresses = new ArrayList<>();
    root.getFieldVectors().forEach(vector -> collect(vector, addresses));
    return addresses;
  }

  /** The addresses of chunk {@code chunk} of every column of {@code frame}, in column order. */
  static List<Long> floeAddresses(DataFrame frame, int chunk) {
    List<Long> addresses = new ArrayList<>();
    frame.getColumns().forEach(series -> collect(series.chunks().get(chunk), addresses));
    return addresses;
  }
}
