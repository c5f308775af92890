package dev.floe.io.json;

import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ListBuilder;
import dev.floe.memory.column.StructBuilder;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoding tree built once per read, mirroring the builders: for an object (the top level or a
 * struct) its field names as UTF-8 bytes and child plans, for a list its element plan. Keys are
 * matched byte-wise against the field expected next, so ordered input costs one comparison a key.
 */
final class DecodePlan {
  final DataType type;
  final ColumnBuilder builder;
  final String path;
  final byte[][] names;
  final DecodePlan[] children;
  final DecodePlan element;
  private final Map<String, Integer> indexByName;

  private DecodePlan(DataType type, ColumnBuilder builder, String path, List<Field> fields,
      ColumnBuilder[] fieldBuilders) {
    this.type = type;
    this.builder = builder;
    this.path = path;
    if (fields != null) {
      names = new byte[fields.size()][];
      children = new DecodePlan[fields.size()];
      indexByName = HashMap.newHashMap(fields.size());
      for (int k = 0; k < fields.size(); k++) {
        String name = fields.get(k).name();
        names[k] = name.getBytes(StandardCharsets.UTF_8);
        indexByName.putIfAbsent(name, k);
        String childPath = path.isEmpty() ? name : path + "." + name;
        children[k] = of(fields.get(k).type(), fieldBuilders[k], childPath);
      }
    } else {
      names = null;
      children = null;
      indexByName = null;
    }
    this.element = builder instanceof ListBuilder list
        ? of(list.values().type(), list.values(), path + "[]")
        : null;
  }

  /** The plan of the top level: an object whose fields are the frame's columns. */
  static DecodePlan root(List<Field> fields, ColumnBuilder[] builders) {
    return new DecodePlan(new DataType.StructType(fields), null, "", fields, builders);
  }

  static DecodePlan of(DataType type, ColumnBuilder builder, String path) {
    if (builder instanceof StructBuilder struct) {
      List<Field> fields = ((DataType.StructType) type).fields();
      ColumnBuilder[] fieldBuilders = new ColumnBuilder[fields.size()];
      for (int k = 0; k < fieldBuilders.length; k++) {
        fieldBuilders[k] = struct.field(k);
      }
      return new DecodePlan(type, builder, path, fields, fieldBuilders);
    }
    return new DecodePlan(type, builder, path, null, null);
  }

  int fieldCount() {
    return names.length;
  }

  /** The field of the scanner's last (unescaped) key, trying {@code expected} first; -1 if none. */
  int find(JsonScanner scanner, int expected) {
    int length = (int) (scanner.tokenEnd - scanner.tokenStart);
    int count = names.length;
    if (count == 0) {
      return -1;
    }
    if (count <= 16) {
      for (int step = 0; step < count; step++) {
        int k = (expected + step) % count;
        if (matches(scanner, names[k], length)) {
          return k;
        }
      }
      return -1;
    }
    if (expected < count && matches(scanner, names[expected], length)) {
      return expected;
    }
    return find(scanner.tokenText());
  }

  /** The field named {@code name}; -1 if none. */
  int find(String name) {
    Integer index = indexByName.get(name);
    return index == null ? -1 : index;
  }

  private static boolean matches(JsonScanner scanner, byte[] name, int length) {
    if (name.length != length) {
      return false;
    }
    long start = scanner.tokenStart;
    for (int i = 0; i < length; i++) {
      if (scanner.at(start + i) != (name[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
