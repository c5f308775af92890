package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.io.ipc.FlatBufferBuilder.Table;
import dev.floe.io.ipc.FlatBufferBuilder.TableVector;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Floe schemas and Arrow's Schema/Field/type tables (Schema.fbs). */
final class IpcSchemas {
  private static final int MAX_DEPTH = 64;

  private IpcSchemas() {}

  // ---- reading ----

  /**
   * The schema; the ids of its dictionary-encoded fields are added to {@code dictionaryIds} in
   * depth-first order (the order their columns appear in record batches).
   */
  static Schema readSchema(FlatBuffer fb, long schema, List<Long> dictionaryIds) {
    long fields = fb.getRef(schema, 1);
    List<Field> result = new ArrayList<>();
    if (fields >= 0) {
      int count = fb.vectorLength(fields, 4);
      for (int index = 0; index < count; index++) {
        result.add(readField(fb, fb.vectorTable(fields, index), 0, dictionaryIds));
      }
    }
    return new Schema(result, readMetadata(fb, schema, 2));
  }

  private static Map<String, String> readMetadata(FlatBuffer fb, long table, int slot) {
    long vector = fb.getRef(table, slot);
    Map<String, String> metadata = new LinkedHashMap<>();
    if (vector >= 0) {
      int count = fb.vectorLength(vector, 4);
      for (int index = 0; index < count; index++) {
        long pair = fb.vectorTable(vector, index);
        String key = fb.getString(pair, 0);
        String value = fb.getString(pair, 1);
        metadata.put(key == null ? "" : key, value == null ? "" : value);
      }
    }
    return metadata;
  }

  private static Field readField(FlatBuffer fb, long field, int depth, List<Long> dictionaryIds) {
    if (depth > MAX_DEPTH) {
      throw fb.malformed("types are nested more than " + MAX_DEPTH + " levels deep", field);
    }
    String name = fb.getString(field, 0);
    name = name == null ? "" : name;
    boolean nullable = fb.getBool(field, 1, false);
    int typeType = fb.getUByte(field, 2, 0);
    long type = fb.getRef(field, 3);
    long dictionary = fb.getRef(field, 4);
    if (dictionary >= 0) {
      dictionaryIds.add(fb.getLong(dictionary, 0, 0));
    }
    int idsBefore = dictionaryIds.size();
    List<Field> children = new ArrayList<>();
    long childVector = fb.getRef(field, 5);
    if (childVector >= 0) {
      int count = fb.vectorLength(childVector, 4);
      for (int index = 0; index < count; index++) {
        children.add(readField(fb, fb.vectorTable(childVector, index), depth + 1, dictionaryIds));
      }
    }
    DataType dataType;
    try {
      dataType = readType(fb, name, typeType, type, children);
      if (dictionary >= 0) {
        if (dictionaryIds.size() != idsBefore) {
          throw unsupported(name, "dictionary of dictionary-encoded values");
        }
        long indexType = fb.getRef(dictionary, 1);
        DataType indices = indexType < 0 ? DataType.INT32
            : intType(name, fb.getInt(indexType, 0, 0), fb.getBool(indexType, 1, false));
        dataType = new DataType.Dictionary(indices, dataType, fb.getBool(dictionary, 2, false));
      }
    } catch (IllegalArgumentException invalid) {
      throw new FloeIoException("column '" + name + "': " + invalid.getMessage(), invalid);
    }
    return new Field(name, dataType, nullable, readMetadata(fb, field, 6));
  }

  private static DataType readType(
      FlatBuffer fb, String name, int typeType, long type, List<Field> children) {
    if (type < 0 && typeType != 1) {
      throw new FloeIoException("column '" + name + "' has no type table (type id " + typeType + ")");
    }
    return switch (typeType) {
      case 1 -> DataType.NULL;
      case 2 -> intType(name, fb.getInt(type, 0, 0), fb.getBool(type, 1, false));
      case 3 -> switch (fb.getShort(type, 0, 0)) {
        case 1 -> DataType.FLOAT32;
        case 2 -> DataType.FLOAT64;
        default -> throw unsupported(name, "half-precision float");
      };
      case 4 -> DataType.BINARY;
      case 5 -> DataType.UTF8;
      case 6 -> DataType.BOOLEAN;
      case 7 -> {
        int bitWidth = fb.getInt(type, 2, 128);
        if (bitWidth != 128) {
          throw unsupported(name, "decimal" + bitWidth);
        }
        yield new DataType.Decimal128(fb.getInt(type, 0, 0), fb.getInt(type, 1, 0));
      }
      case 8 -> {
        if (fb.getShort(type, 0, 1) != 0) {
          throw unsupported(name, "date64");
        }
        yield DataType.DATE32;
      }
      case 9 -> {
        int bitWidth = fb.getInt(type, 1, 32);
        if (bitWidth != 64) {
          throw unsupported(name, "time32");
        }
        yield new DataType.Time64(unit(name, fb.getShort(type, 0, 1)));
      }
      case 10 -> new DataType.Timestamp(unit(name, fb.getShort(type, 0, 0)), fb.getString(type, 1));
      case 12 -> new DataType.ListType(onlyChild(name, children));
      case 13 -> new DataType.StructType(children);
      case 15 -> new DataType.FixedSizeBinary(fb.getInt(type, 0, 0));
      case 16 -> new DataType.FixedSizeListType(onlyChild(name, children), fb.getInt(type, 0, 0));
      case 18 -> new DataType.Duration(unit(name, fb.getShort(type, 0, 1)));
      case 19 -> DataType.LARGE_BINARY;
      case 20 -> DataType.LARGE_UTF8;
      case 21 -> new DataType.LargeListType(onlyChild(name, children));
      case 23 -> DataType.BINARY_VIEW;
      case 24 -> DataType.UTF8_VIEW;
      default -> throw unsupported(name, "Arrow type id " + typeType);
    };
  }

  private static FloeIoException unsupported(String name, String what) {
    return new FloeIoException("column '" + name + "' has type " + what + ", which Floe does not support");
  }

  private static DataType intType(String name, int bitWidth, boolean signed) {
    return switch (bitWidth) {
      case 8 -> signed ? DataType.INT8 : DataType.UINT8;
      case 16 -> signed ? DataType.INT16 : DataType.UINT16;
      case 32 -> signed ? DataType.INT32 : DataType.UINT32;
      case 64 -> signed ? DataType.INT64 : DataType.UINT64;
      default -> throw unsupported(name, "int of " + bitWidth + " bits");
    };
  }

  private static TimeUnit unit(String name, int code) {
    return switch (code) {
      case 0 -> TimeUnit.SECOND;
      case 1 -> TimeUnit.MILLISECOND;
      case 2 -> TimeUnit.MICROSECOND;
      case 3 -> TimeUnit.NANOSECOND;
      default -> throw new FloeIoException("column '" + name + "' has an unknown time unit " + code);
    };
  }

  private static Field onlyChild(String name, List<Field> children) {
    if (children.size() != 1) {
      throw new FloeIoException(
          "list column '" + name + "' must have exactly one child field, has " + children.size());
    }
    return children.getFirst();
  }

  // ---- writing ----

  /** The Schema table; dictionary-encoded fields get ids 0, 1, ... in depth-first order. */
  static Table schemaTable(Schema schema) {
    List<Table> fields = new ArrayList<>();
    long[] nextId = {0};
    for (Field field : schema.fields()) {
      fields.add(fieldTable(field, nextId));
    }
    return new Table().addShort(0, 0).add(1, new TableVector(fields)).add(2, metadata(schema.metadata()));
  }

  private static TableVector metadata(Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return null;
    }
    List<Table> pairs = new ArrayList<>();
    metadata.forEach((key, value) -> pairs.add(new Table().addString(0, key).addString(1, value)));
    return new TableVector(pairs);
  }

  private static Table fieldTable(Field field, long[] nextId) {
    DataType type = field.type();
    Table dictionary = null;
    if (type instanceof DataType.Dictionary encoded) {
      if (encoded.valueType() instanceof DataType.Dictionary) {
        throw new FloeIoException("column '" + field.name() + "': a dictionary of dictionaries cannot be written");
      }
      DataType index = encoded.indexType();
      dictionary = new Table()
          .addLong(0, nextId[0]++)
          .add(1, new Table().addInt(0, index.byteWidth() * 8).addBool(1, index.isSignedInteger()))
          .addBool(2, encoded.ordered());
      type = encoded.valueType();
    }
    List<Table> children = new ArrayList<>();
    switch (type) {
      case DataType.ListType list -> children.add(fieldTable(list.valueField(), nextId));
      case DataType.LargeListType list -> children.add(fieldTable(list.valueField(), nextId));
      case DataType.FixedSizeListType list -> children.add(fieldTable(list.valueField(), nextId));
      case DataType.StructType struct -> struct.fields().forEach(f -> children.add(fieldTable(f, nextId)));
      default -> { }
    }
    Table typeTable = new Table();
    int typeId = typeId(type, typeTable);
    return new Table()
        .add(4, dictionary)
        .addString(0, field.name())
        .addBool(1, field.nullable())
        .addByte(2, typeId)
        .add(3, typeTable)
        .add(5, new TableVector(children))
        .add(6, metadata(field.metadata()));
  }

  /** Fills the type table's fields and returns the Type union id. */
  private static int typeId(DataType type, Table table) {
    return switch (type) {
      case DataType.NullType t -> 1;
      case DataType.BooleanType t -> 6;
      case DataType.Float32 t -> { table.addShort(0, 1); yield 3; }
      case DataType.Float64 t -> { table.addShort(0, 2); yield 3; }
      case DataType.Utf8 t -> 5;
      case DataType.Binary t -> 4;
      case DataType.LargeUtf8 t -> 20;
      case DataType.LargeBinary t -> 19;
      case DataType.Utf8View t -> 24;
      case DataType.BinaryView t -> 23;
      case DataType.Decimal128 d -> {
        table.addInt(0, d.precision()).addInt(1, d.scale()).addInt(2, 128);
        yield 7;
      }
      case DataType.Date32 t -> { table.addShort(0, 0); yield 8; }
      case DataType.Time64 t -> { table.addShort(0, unitCode(t.unit())).addInt(1, 64); yield 9; }
      case DataType.Timestamp t -> {
        table.addShort(0, unitCode(t.unit())).addString(1, t.timeZone());
        yield 10;
      }
      case DataType.Duration t -> { table.addShort(0, unitCode(t.unit())); yield 18; }
      case DataType.FixedSizeBinary t -> { table.addInt(0, t.byteWidth()); yield 15; }
      case DataType.ListType t -> 12;
      case DataType.LargeListType t -> 21;
      case DataType.FixedSizeListType t -> { table.addInt(0, t.listSize()); yield 16; }
      case DataType.StructType t -> 13;
      case DataType.Dictionary t ->
          throw new FloeIoException("a dictionary of dictionary-encoded values cannot be written");
      default -> {
        if (!type.isInteger()) {
          throw new FloeIoException("cannot write a column of " + type + " to Arrow IPC");
        }
        table.addInt(0, type.byteWidth() * 8).addBool(1, type.isSignedInteger());
        yield 2;
      }
    };
  }

  private static int unitCode(TimeUnit unit) {
    return unit.ordinal();
  }
}
