package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structs: a validity bitmap and one child column per field, kept whole as Arrow keeps them: row
 * {@code i} of this struct is row {@code offset() + i} of every child. Slicing moves only this
 * column's offset. A struct slot is null only per its own validity; a valid struct may hold null
 * fields.
 */
public final class StructColumn extends AbstractColumn implements Column {
  private final List<Field> fields;

  /**
   * Takes ownership of one reference to {@code validity} (nullable) and of each field column;
   * releases them and throws if the field count, a field's type or a field's length does not fit.
   */
  public StructColumn(
      DataType.StructType type, int offset, int length, int nullCount, Buffer validity,
      List<Column> fields) {
    super(type, offset, length, nullCount, fields, validity);
    this.fields = type.fields();
    if (fields.size() != this.fields.size()) {
      close();
      throw new SchemaMismatchException(
          "a column of " + type + " " + this.fields + " needs " + this.fields.size()
              + " field columns, got " + fields.size());
    }
    for (int fieldIndex = 0; fieldIndex < fields.size(); fieldIndex++) {
      Field field = this.fields.get(fieldIndex);
      Column child = fields.get(fieldIndex);
      if (!field.type().equals(child.type())) {
        close();
        throw new SchemaMismatchException(
            "struct field '" + field.name() + "' is " + field.type() + ", but its column is "
                + child.type());
      }
      if (child.length() < offset + (long) length) {
        close();
        throw new InvalidOperationException(
            "struct field '" + field.name() + "' has " + child.length() + " values, but a struct"
                + " column with offset " + offset + " and length " + length + " needs "
                + (offset + (long) length));
      }
    }
  }

  public int fieldCount() {
    return fields.size();
  }

  /** The whole child column of field {@code k} (row i of this struct is its row offset() + i). */
  public Column fieldColumn(int k) {
    checkOpen();
    return children().get(k);
  }

  /**
   * Field {@code k} as a new zero-copy column aligned with this struct's rows (row i is this
   * struct's row i); the caller closes it. Nulls are the field's own: a null struct slot does not
   * make its fields null.
   */
  public Column field(int k) {
    return fieldColumn(k).slice(offset, length);
  }

  /** Row {@code index} as a map from field name to value, in field order, ignoring validity. */
  public Map<String, Object> getStruct(int index) {
    checkAccess(index);
    Map<String, Object> row = LinkedHashMap.newLinkedHashMap(fields.size());
    List<Column> children = children();
    for (int fieldIndex = 0; fieldIndex < fields.size(); fieldIndex++) {
      row.put(fields.get(fieldIndex).name(), children.get(fieldIndex).getObject(offset + index));
    }
    return row;
  }

  @Override
  public StructColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new StructColumn(
        (DataType.StructType) type, offset + sliceOffset, sliceLength,
        nullCountForSlice(sliceOffset, sliceLength), retained[0], sharedChildren());
  }

  @Override
  public Object getObject(int index) {
    return isNull(index) ? null : getStruct(index);
  }
}
