package dev.floe.io.json;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one value of a column as Polars writes it in JSON: numbers bare (floats see
 * {@link NumberFormat}), strings escaped as serde_json does, temporal values and decimals as
 * strings ({@link TemporalText}), lists as arrays, structs as objects with every field, nulls as
 * null. Reads the off-heap buffers directly; no row objects.
 */
final class JsonValueWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final ByteSink out;

  JsonValueWriter(ByteSink out) {
    this.out = out;
  }

  void value(Column column, int index) {
    if (column.isNull(index)) {
      out.ascii("null");
      return;
    }
    DataType type = column.type();
    switch (type) {
      case DataType.NullType t -> out.ascii("null");
      case DataType.BooleanType t -> out.ascii(((BooleanColumn) column).getBoolean(index) ? "true" : "false");
      case DataType.Int8 t -> out.ascii(Long.toString(fixed(column).getByte(index)));
      case DataType.Int16 t -> out.ascii(Long.toString(fixed(column).getShort(index)));
      case DataType.Int32 t -> out.ascii(Long.toString(fixed(column).getInt(index)));
      case DataType.Int64 t -> out.ascii(Long.toString(fixed(column).getLong(index)));
      case DataType.UInt8 t -> out.ascii(Long.toString(fixed(column).getByte(index) & 0xFFL));
      case DataType.UInt16 t -> out.ascii(Long.toString(fixed(column).getShort(index) & 0xFFFFL));
      case DataType.UInt32 t -> out.ascii(Long.toString(fixed(column).getInt(index) & 0xFFFF_FFFFL));
      case DataType.UInt64 t -> out.ascii(Long.toUnsignedString(fixed(column).getLong(index)));
      case DataType.Float32 t -> NumberFormat.writeFloat(out, fixed(column).getFloat(index));
      case DataType.Float64 t -> NumberFormat.writeDouble(out, fixed(column).getDouble(index));
      case DataType.Decimal128 decimal -> quoted(
          new BigDecimal(fixed(column).getUnscaledDecimal(index), decimal.scale()).toPlainString());
      case DataType.Date32 t -> quoted(TemporalText.date(fixed(column).getInt(index)));
      case DataType.Timestamp stamp -> quoted(TemporalText.timestamp(fixed(column).getLong(index), stamp));
      case DataType.Time64 time -> quoted(TemporalText.time(fixed(column).getLong(index), time.unit()));
      case DataType.Duration duration ->
          quoted(TemporalText.duration(fixed(column).getLong(index), duration.unit()));
      case DataType.ListType t -> list((ListColumn) column, index);
      case DataType.LargeListType t -> list((ListColumn) column, index);
      case DataType.StructType struct -> struct((StructColumn) column, struct.fields(), index);
      default -> {
        if (column instanceof VarBinaryColumn text && type.isString()) {
          string(text.dataBuffer().segment(), text.valueStart(index), text.valueLength(index));
        } else if (column instanceof ViewColumn view && type.isString()) {
          byte[] bytes = view.getBytes(index);
          string(MemorySegment.ofArray(bytes), 0, bytes.length);
        } else {
          throw new InvalidOperationException("cannot write a column of " + type + " as JSON");
        }
      }
    }
  }

  private static FixedWidthColumn fixed(Column column) {
    return (FixedWidthColumn) column;
  }

  private void list(ListColumn column, int index) {
    long start = column.valueStart(index);
    int length = column.valueLength(index);
    Column values = column.values();
    out.put('[');
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        out.put(',');
      }
      value(values, (int) (start + i));
    }
    out.put(']');
  }

  private void struct(StructColumn column, List<Field> fields, int index) {
    int child = column.offset() + index;
    out.put('{');
    for (int k = 0; k < fields.size(); k++) {
      if (k > 0) {
        out.put(',');
      }
      key(fields.get(k).name());
      value(column.fieldColumn(k), child);
    }
    out.put('}');
  }

  /** An object key with its colon. */
  void key(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    string(MemorySegment.ofArray(bytes), 0, bytes.length);
    out.put(':');
  }

  private void quoted(String text) {
    out.put('"');
    out.ascii(text);
    out.put('"');
  }

  /** A JSON string of UTF-8 bytes: quotes, backslashes and control characters escaped. */
  private void string(MemorySegment bytes, long start, int length) {
    out.put('"');
    long runStart = start;
    long end = start + length;
    for (long i = start; i < end; i++) {
      int b = bytes.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
      if (b >= 0x20 && b != '"' && b != '\\') {
        continue;
      }
      out.copy(bytes, runStart, (int) (i - runStart));
      runStart = i + 1;
      switch (b) {
        case '"' -> out.ascii("\\\"");
        case '\\' -> out.ascii("\\\\");
        case '\n' -> out.ascii("\\n");
        case '\r' -> out.ascii("\\r");
        case '\t' -> out.ascii("\\t");
        case '\b' -> out.ascii("\\b");
        case '\f' -> out.ascii("\\f");
        default -> {
          out.ascii("\\u00");
          out.put(HEX[b >> 4]);
          out.put(HEX[b & 0xF]);
        }
      }
    }
    out.copy(bytes, runStart, (int) (end - runStart));
    out.put('"');
  }
}
