package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionaries of one IPC read: the ids of the schema's dictionary-encoded fields (depth-first),
 * their value types, and the current dictionary column per id (a later non-delta DictionaryBatch
 * replaces it). Record batch columns share these; {@link #close()} drops the reader's handles.
 */
final class Dictionaries implements AutoCloseable {
  final List<Long> ids = new ArrayList<>();
  final Map<Long, Column> columns = new HashMap<>();
  private final Map<Long, DataType> valueTypes = new HashMap<>();

  /** Call after the schema was read with {@link #ids}: pairs each id with its value type. */
  void bind(Schema schema) {
    List<DataType.Dictionary> encoded = new ArrayList<>();
    for (Field field : schema.fields()) {
      collect(field.type(), encoded);
    }
    if (encoded.size() != ids.size()) {
      throw new FloeIoException("the schema has " + ids.size() + " dictionary ids for " + encoded.size()
          + " dictionary-encoded fields");
    }
    for (int index = 0; index < ids.size(); index++) {
      valueTypes.put(ids.get(index), encoded.get(index).valueType());
    }
  }

  private static void collect(DataType type, List<DataType.Dictionary> out) {
    switch (type) {
      case DataType.Dictionary dictionary -> out.add(dictionary);
      case DataType.ListType list -> collect(list.valueType(), out);
      case DataType.LargeListType list -> collect(list.valueType(), out);
      case DataType.FixedSizeListType list -> collect(list.valueType(), out);
      case DataType.StructType struct -> struct.fields().forEach(field -> collect(field.type(), out));
      default -> { }
    }
  }

  /** Decodes a DictionaryBatch message and makes it the current dictionary of its id. */
  void read(MappedFile file, boolean zeroCopy, BufferAllocator allocator, IpcMessage message, String where) {
    FlatBuffer fb = message.metadata();
    long id = fb.getLong(message.header(), 0, 0);
    String context = where + " (dictionary " + id + ")";
    DataType valueType = valueTypes.get(id);
    if (valueType == null) {
      throw new FloeIoException(context + ": no field of the schema uses dictionary " + id);
    }
    if (fb.getBool(message.header(), 2, false)) {
      throw new FloeIoException(context + ": delta dictionary batches are not supported yet");
    }
    long data = fb.getRef(message.header(), 1);
    if (data < 0) {
      throw new FloeIoException(context + ": the dictionary batch has no data");
    }
    long length = fb.getLong(data, 0, 0);
    BatchDecoder decoder =
        new BatchDecoder(file, zeroCopy, IpcReadOptions.Validation.FULL, allocator, message, data, context,
            List.of(), Map.of());
    Column values = decoder.next(Field.of("dictionary", valueType), true);
    if (values.length() != length) {
      values.close();
      throw new FloeIoException(context + ": the dictionary batch says " + length + " values, its column has "
          + values.length());
    }
    Column previous = columns.put(id, values);
    if (previous != null) {
      previous.close();
    }
  }

  @Override
  public void close() {
    columns.values().forEach(Column::close);
    columns.clear();
  }
}
