package dev.floe.memory.column;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link StructColumn}: one child builder per field. Either append whole rows with
 * {@link #appendObject} (a {@code Map<String, ?>} keyed by field name, missing keys meaning null,
 * or a Java record whose components are matched by name), or append one value to every
 * {@link #field(int)} builder and call {@link #appendValid()}. A null struct appends a null to
 * every field, so the children stay aligned with the struct's rows.
 */
public final class StructBuilder implements ColumnBuilder {
  private final DataType.StructType type;
  private final List<Field> fields;
  private final Map<String, Integer> fieldIndexByName;
  private final ColumnBuilder[] fieldBuilders;
  private final ValidityBuilder validity;
  private Class<?> lastRecordClass;
  private int[] lastComponentByField;
  private int length;

  public StructBuilder(DataType.StructType type, BufferAllocator allocator) {
    this(type, allocator, Growth.DEFAULT_CAPACITY);
  }

  /** {@code initialCapacity} is accepted for symmetry; the field builders size themselves. */
  public StructBuilder(DataType.StructType type, BufferAllocator allocator, int initialCapacity) {
    this.type = type;
    this.fields = type.fields();
    this.fieldIndexByName = HashMap.newHashMap(fields.size());
    this.fieldBuilders = new ColumnBuilder[fields.size()];
    this.validity = new ValidityBuilder(allocator);
    for (int fieldIndex = 0; fieldIndex < fields.size(); fieldIndex++) {
      Field field = fields.get(fieldIndex);
      fieldIndexByName.put(field.name(), fieldIndex);
      fieldBuilders[fieldIndex] = ColumnBuilders.forType(field.type(), allocator);
    }
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public int length() {
    return length;
  }

  /** The builder of field {@code k}; owned by this builder, do not close it. */
  public ColumnBuilder field(int k) {
    return fieldBuilders[k];
  }

  /**
   * Ends a valid struct after one value was appended to every field builder.
   *
   * @throws ShapeMismatchException naming the first field that did not get exactly one value
   */
  public void appendValid() {
    checkFieldLengths(length + 1, "appendValid()");
    validity.appendValid(length);
    length++;
  }

  @Override
  public void appendNull() {
    for (ColumnBuilder builder : fieldBuilders) {
      builder.appendNull();
    }
    validity.appendNull(length);
    length++;
  }

  /** Accepts a {@code Map<String, ?>} or a Java record; see the class comment. */
  @Override
  public void appendObject(Object value) {
    switch (value) {
      case null -> appendNull();
      case Map<?, ?> map -> appendMap(map);
      case Record record -> appendRecord(record);
      default -> throw ColumnBuilders.mismatch(type, value);
    }
  }

  @Override
  public StructColumn build() {
    checkFieldLengths(length, "build()");
    int nullCount = validity.nullCount();
    int builtLength = length;
    List<Column> children = new ArrayList<>(fieldBuilders.length);
    try {
      for (ColumnBuilder builder : fieldBuilders) {
        children.add(builder.build());
      }
    } catch (RuntimeException failure) {
      children.forEach(Column::close);
      throw failure;
    }
    length = 0;
    return new StructColumn(type, 0, builtLength, nullCount, validity.finish(builtLength), children);
  }

  @Override
  public void close() {
    validity.close();
    for (ColumnBuilder builder : fieldBuilders) {
      builder.close();
    }
    length = 0;
  }

  private void appendMap(Map<?, ?> map) {
    int known = 0;
    for (Field field : fields) {
      if (map.containsKey(field.name())) {
        known++;
      }
    }
    if (known != map.size()) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String name) || !fieldIndexByName.containsKey(name)) {
          throw new SchemaMismatchException(
              "key '" + key + "' of a row is not a field of " + type + " " + fields
                  + "; remove it or add the field to the type");
        }
      }
    }
    for (int fieldIndex = 0; fieldIndex < fields.size(); fieldIndex++) {
      fieldBuilders[fieldIndex].appendObject(map.get(fields.get(fieldIndex).name()));
    }
    validity.appendValid(length);
    length++;
  }

  private void appendRecord(Record record) {
    if (record.getClass() != lastRecordClass) {
      lastComponentByField = componentsByField(record);
      lastRecordClass = record.getClass();
    }
    RecordComponents components = RecordComponents.of(record);
    for (int fieldIndex = 0; fieldIndex < fields.size(); fieldIndex++) {
      int componentIndex = lastComponentByField[fieldIndex];
      Object fieldValue = componentIndex < 0 ? null : components.get(record, componentIndex);
      fieldBuilders[fieldIndex].appendObject(fieldValue);
    }
    validity.appendValid(length);
    length++;
  }

  /** For each field, the index of the record component of that name (-1 if none). */
  private int[] componentsByField(Record record) {
    RecordComponents components = RecordComponents.of(record);
    for (String name : components.names()) {
      if (!fieldIndexByName.containsKey(name)) {
        throw new SchemaMismatchException(
            "component '" + name + "' of record " + record.getClass().getSimpleName()
                + " is not a field of " + type + " " + fields);
      }
    }
    int[] componentByField = new int[fields.size()];
    for (int fieldIndex = 0; fieldIndex < fields.size(); fieldIndex++) {
      componentByField[fieldIndex] = components.indexOf(fields.get(fieldIndex).name());
    }
    return componentByField;
  }

  private void checkFieldLengths(int expected, String call) {
    for (int fieldIndex = 0; fieldIndex < fieldBuilders.length; fieldIndex++) {
      int actual = fieldBuilders[fieldIndex].length();
      if (actual != expected) {
        throw new ShapeMismatchException(
            call + " of a " + type + " builder: field '" + fields.get(fieldIndex).name()
                + "' holds " + actual + " values, but the struct needs " + expected
                + " (append exactly one value to every field per row)");
      }
    }
  }
}
