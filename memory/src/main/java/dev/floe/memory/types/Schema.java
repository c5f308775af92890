package dev.floe.memory.types;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.SchemaMismatchException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of uniquely named fields, with metadata. Immutable; lookups by name are O(1).
 */
public final class Schema {
  private final List<Field> fields;
  private final Map<String, Integer> indexByName;
  private final Map<String, String> metadata;

  public Schema(List<Field> fields, Map<String, String> metadata) {
    this.fields = List.copyOf(fields);
    this.metadata = Map.copyOf(metadata);
    this.indexByName = HashMap.newHashMap(fields.size());
    for (int index = 0; index < this.fields.size(); index++) {
      String name = this.fields.get(index).name();
      if (indexByName.putIfAbsent(name, index) != null) {
        throw new SchemaMismatchException(
            "duplicate column name '" + name + "' in schema " + fieldsText(this.fields)
                + "; rename one of them (e.g. with rename or a suffix)");
      }
    }
  }

  public Schema(List<Field> fields) {
    this(fields, Map.of());
  }

  public static Schema of(Field... fields) {
    return new Schema(List.of(fields));
  }

  public List<Field> fields() {
    return fields;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  public int size() {
    return fields.size();
  }

  public Field field(int index) {
    return fields.get(index);
  }

  /** The field called {@code name}; throws {@link ColumnNotFoundException} listing the names. */
  public Field field(String name) {
    return fields.get(indexOf(name));
  }

  /** The position of {@code name}; throws {@link ColumnNotFoundException} listing the names. */
  public int indexOf(String name) {
    Integer index = indexByName.get(name);
    if (index == null) {
      throw new ColumnNotFoundException(name, names());
    }
    return index;
  }

  public boolean contains(String name) {
    return indexByName.containsKey(name);
  }

  public List<String> names() {
    List<String> names = new ArrayList<>(fields.size());
    for (Field field : fields) {
      names.add(field.name());
    }
    return names;
  }

  public List<DataType> types() {
    List<DataType> types = new ArrayList<>(fields.size());
    for (Field field : fields) {
      types.add(field.type());
    }
    return types;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Schema that
        && fields.equals(that.fields)
        && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return fields.hashCode() * 31 + metadata.hashCode();
  }

  @Override
  public String toString() {
    return "Schema" + fieldsText(fields);
  }

  private static String fieldsText(List<Field> fields) {
    StringBuilder text = new StringBuilder("[");
    for (int index = 0; index < fields.size(); index++) {
      if (index > 0) {
        text.append(", ");
      }
      text.append(fields.get(index));
    }
    return text.append(']').toString();
  }
}
