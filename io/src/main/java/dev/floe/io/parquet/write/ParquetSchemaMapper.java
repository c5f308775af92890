package dev.floe.io.parquet.write;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Maps a Floe schema to the Parquet schema Polars 1.44 writes (checked with
 * {@code pyarrow.parquet.read_metadata} on Polars-written files): every field optional; 8- and
 * 16-bit and unsigned integers as INT32/INT64 with an INTEGER annotation; decimals as INT32 up to
 * precision 9, INT64 up to 18, else FIXED_LEN_BYTE_ARRAY(16); strings as BYTE_ARRAY STRING;
 * timestamps with isAdjustedToUTC when they have a time zone (seconds become milliseconds, as
 * pyarrow does: Parquet has no seconds unit); durations as plain INT64 (the {@code ARROW:schema}
 * metadata restores them); the null type as INT32 with the UNKNOWN (Null) annotation; lists of
 * every kind as the 3-level LIST ({@code list}/{@code element}); structs as groups.
 */
final class ParquetSchemaMapper {
  private ParquetSchemaMapper() {}

  /** The message type of {@code schema} (root named "schema", as pyarrow names it). */
  static MessageType messageType(Schema schema) {
    List<Type> fields = new ArrayList<>();
    for (Field field : schema.fields()) {
      fields.add(type(field.name(), field.type(), field.name()));
    }
    return new MessageType("schema", fields);
  }

  private static Type type(String name, DataType type, String path) {
    Repetition optional = Repetition.OPTIONAL;
    return switch (type) {
      case DataType.NullType t ->
          Types.primitive(PrimitiveTypeName.INT32, optional).as(LogicalTypeAnnotation.unknownType()).named(name);
      case DataType.BooleanType t -> Types.primitive(PrimitiveTypeName.BOOLEAN, optional).named(name);
      case DataType.Int8 t -> integer(name, PrimitiveTypeName.INT32, 8, true);
      case DataType.Int16 t -> integer(name, PrimitiveTypeName.INT32, 16, true);
      case DataType.Int32 t -> Types.primitive(PrimitiveTypeName.INT32, optional).named(name);
      case DataType.Int64 t -> Types.primitive(PrimitiveTypeName.INT64, optional).named(name);
      case DataType.UInt8 t -> integer(name, PrimitiveTypeName.INT32, 8, false);
      case DataType.UInt16 t -> integer(name, PrimitiveTypeName.INT32, 16, false);
      case DataType.UInt32 t -> integer(name, PrimitiveTypeName.INT32, 32, false);
      case DataType.UInt64 t -> integer(name, PrimitiveTypeName.INT64, 64, false);
      case DataType.Float32 t -> Types.primitive(PrimitiveTypeName.FLOAT, optional).named(name);
      case DataType.Float64 t -> Types.primitive(PrimitiveTypeName.DOUBLE, optional).named(name);
      case DataType.Decimal128 d -> decimal(name, d);
      case DataType.Utf8 t -> string(name);
      case DataType.LargeUtf8 t -> string(name);
      case DataType.Utf8View t -> string(name);
      case DataType.Binary t -> Types.primitive(PrimitiveTypeName.BINARY, optional).named(name);
      case DataType.LargeBinary t -> Types.primitive(PrimitiveTypeName.BINARY, optional).named(name);
      case DataType.BinaryView t -> Types.primitive(PrimitiveTypeName.BINARY, optional).named(name);
      case DataType.FixedSizeBinary f -> {
        if (f.byteWidth() < 1) {
          throw new InvalidOperationException("column '" + path + "': " + f + " cannot be written to Parquet,"
              + " whose FIXED_LEN_BYTE_ARRAY needs a width of at least 1; cast it to binary");
        }
        yield Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, optional).length(f.byteWidth()).named(name);
      }
      case DataType.Date32 t ->
          Types.primitive(PrimitiveTypeName.INT32, optional).as(LogicalTypeAnnotation.dateType()).named(name);
      case DataType.Time64 t -> Types.primitive(PrimitiveTypeName.INT64, optional)
          .as(LogicalTypeAnnotation.timeType(false, unit(t.unit()))).named(name);
      case DataType.Timestamp t -> Types.primitive(PrimitiveTypeName.INT64, optional)
          .as(LogicalTypeAnnotation.timestampType(t.timeZone() != null, unit(t.unit()))).named(name);
      case DataType.Duration t -> Types.primitive(PrimitiveTypeName.INT64, optional).named(name);
      case DataType.ListType l -> list(name, l.valueType(), path);
      case DataType.LargeListType l -> list(name, l.valueType(), path);
      case DataType.FixedSizeListType l -> list(name, l.valueType(), path);
      case DataType.StructType s -> {
        if (s.fields().isEmpty()) {
          throw new InvalidOperationException("column '" + path + "': a struct with no fields cannot be"
              + " written to Parquet (a group needs at least one field); drop the column or add a field");
        }
        Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(optional);
        for (Field field : s.fields()) {
          group.addField(type(field.name(), field.type(), path + "." + field.name()));
        }
        yield group.named(name);
      }
      case DataType.Dictionary d -> {
        if (d.valueType().isNested() || d.valueType() instanceof DataType.Dictionary) {
          throw new InvalidOperationException("column '" + path + "': " + d + " with " + d.valueType()
              + " values cannot be written to Parquet; dictionary values must be strings, binaries,"
              + " numbers or temporal values (cast the column to its value type first)");
        }
        yield type(name, d.valueType(), path);
      }
    };
  }

  private static Type integer(String name, PrimitiveTypeName physical, int bits, boolean signed) {
    return Types.primitive(physical, Repetition.OPTIONAL).as(LogicalTypeAnnotation.intType(bits, signed)).named(name);
  }

  private static Type string(String name) {
    return Types.primitive(PrimitiveTypeName.BINARY, Repetition.OPTIONAL)
        .as(LogicalTypeAnnotation.stringType()).named(name);
  }

  private static Type decimal(String name, DataType.Decimal128 d) {
    LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
    if (d.precision() <= 9) {
      return Types.primitive(PrimitiveTypeName.INT32, Repetition.OPTIONAL).as(annotation).named(name);
    }
    if (d.precision() <= 18) {
      return Types.primitive(PrimitiveTypeName.INT64, Repetition.OPTIONAL).as(annotation).named(name);
    }
    return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, Repetition.OPTIONAL).length(16)
        .as(annotation).named(name);
  }

  private static Type list(String name, DataType element, String path) {
    Type item = type("element", element, path + "[]");
    return Types.buildGroup(Repetition.OPTIONAL).as(LogicalTypeAnnotation.listType())
        .addField(Types.repeatedGroup().addField(item).named("list"))
        .named(name);
  }

  private static LogicalTypeAnnotation.TimeUnit unit(TimeUnit unit) {
    return switch (unit) {
      case SECOND, MILLISECOND -> LogicalTypeAnnotation.TimeUnit.MILLIS;
      case MICROSECOND -> LogicalTypeAnnotation.TimeUnit.MICROS;
      case NANOSECOND -> LogicalTypeAnnotation.TimeUnit.NANOS;
    };
  }
}
