package dev.floe;

import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Floe's side of the line format of {@code csv_interop.py}: per column {@code C<TAB>hex name<TAB>
 * Polars dtype}, then one line per value ({@code null}, {@code i:} integer or temporal physical
 * value, {@code f:} double bits, {@code s:} hex UTF-8, {@code b:} boolean).
 */
final class CsvDump {
  private CsvDump() {}

  static List<String> dump(DataFrame frame) {
    List<String> lines = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (Series series : frame.getColumns()) {
      lines.add("C\t" + hex.formatHex(series.name().getBytes(StandardCharsets.UTF_8)) + "\t"
          + polarsName(series.dtype()));
      for (Column chunk : series.chunks()) {
        for (int row = 0; row < chunk.length(); row++) {
          lines.add(value(chunk, row, hex));
        }
      }
    }
    return lines;
  }

  private static String value(Column column, int row, HexFormat hex) {
    if (column.isNull(row)) {
      return "null";
    }
    DataType type = column.type();
    return switch (column) {
      case BooleanColumn booleans -> "b:" + booleans.getBoolean(row);
      case VarBinaryColumn strings ->
          "s:" + hex.formatHex(strings.getString(row).getBytes(StandardCharsets.UTF_8));
      case FixedWidthColumn fixed when type instanceof DataType.Float64 ->
          "f:" + Double.doubleToRawLongBits(fixed.getDouble(row));
      case FixedWidthColumn fixed when type instanceof DataType.Float32 ->
          "f:" + Double.doubleToRawLongBits(fixed.getFloat(row));
      case FixedWidthColumn fixed when type.byteWidth() == 4 ->
          "i:" + (type instanceof DataType.UInt32 ? fixed.getInt(row) & 0xFFFF_FFFFL : fixed.getInt(row));
      case FixedWidthColumn fixed when type.byteWidth() == 8 -> "i:" + fixed.getLong(row);
      case Column other when type.isString() ->
          "s:" + hex.formatHex(String.valueOf(other.getObject(row)).getBytes(StandardCharsets.UTF_8));
      default -> "?:" + column.getObject(row);
    };
  }

  static String polarsName(DataType type) {
    return switch (type) {
      case DataType.Int32 t -> "Int32";
      case DataType.Int64 t -> "Int64";
      case DataType.UInt32 t -> "UInt32";
      case DataType.Float32 t -> "Float32";
      case DataType.Float64 t -> "Float64";
      case DataType.BooleanType t -> "Boolean";
      case DataType.Date32 t -> "Date";
      case DataType.Timestamp t -> "Datetime(time_unit='" + (switch (t.unit()) {
        case SECOND -> "s";
        case MILLISECOND -> "ms";
        case MICROSECOND -> "us";
        case NANOSECOND -> "ns";
      }) + "', time_zone=" + (t.timeZone() == null ? "None" : "'" + t.timeZone() + "'") + ")";
      default -> type.isString() ? "String" : type.toString();
    };
  }
}
