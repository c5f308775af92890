package dev.floe;

import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedSizeListColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * The canonical text of a value that ipc_interop.py writes for pyarrow's values: temporal values as
 * their physical integers, strings and binaries as hex, floats as the shortest repr, nested values
 * recursively.
 */
final class IpcCanonical {
  private IpcCanonical() {}

  static String of(Column column, int index) {
    if (column.isNull(index)) {
      return "null";
    }
    DataType type = column.type();
    int row = column.offset() + index;
    return switch (column) {
      case ListColumn list -> {
        StringJoiner joiner = new StringJoiner(",", "[", "]");
        long start = list.valueStart(index);
        for (int k = 0; k < list.valueLength(index); k++) {
          joiner.add(of(list.values(), (int) (start + k)));
        }
        yield joiner.toString();
      }
      case FixedSizeListColumn list -> {
        StringJoiner joiner = new StringJoiner(",", "[", "]");
        for (int k = 0; k < list.listSize(); k++) {
          joiner.add(of(list.values(), row * list.listSize() + k));
        }
        yield joiner.toString();
      }
      case StructColumn struct -> {
        StringJoiner joiner = new StringJoiner(",", "{", "}");
        DataType.StructType structType = (DataType.StructType) type;
        for (int k = 0; k < struct.fieldCount(); k++) {
          joiner.add(structType.fields().get(k).name() + "=" + of(struct.fieldColumn(k), row));
        }
        yield joiner.toString();
      }
      case BooleanColumn bool -> bool.getBoolean(index) ? "true" : "false";
      case FixedWidthColumn fixed when type.isTemporal() ->
          Long.toString(type.byteWidth() == 4 ? fixed.getInt(index) : fixed.getLong(index));
      case FixedWidthColumn fixed when type instanceof DataType.UInt64 ->
          Long.toUnsignedString(fixed.getLong(index));
      case FixedWidthColumn fixed when type instanceof DataType.Float32 ->
          Double.toString(fixed.getFloat(index));
      default -> {
        Object value = column.getObject(index);
        yield switch (value) {
          case String text -> "s:" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
          case byte[] bytes -> "b:" + HexFormat.of().formatHex(bytes);
          case BigDecimal decimal -> decimal.toPlainString();
          default -> value.toString();
        };
      }
    };
  }
}
