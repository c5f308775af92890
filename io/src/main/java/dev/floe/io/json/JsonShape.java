package dev.floe.io.json;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inferred shape of JSON values at one position, merged with Polars 1.44's rules. Between rows
 * (Polars' supertypes): null yields to anything, int + float is f64, a scalar with a string is str,
 * a list or object with a string is str (the value's JSON text), lists merge their elements,
 * objects take the union of fields with the longer object's order first, bool + int is i64, and a
 * list or object with a scalar is an error. Within one array (Polars' {@code coerce_dtype}) objects
 * take the union in first-seen order and a scalar with a list becomes a list.
 */
final class JsonShape {
  enum Kind {
    NULL,
    BOOL,
    INT,
    FLOAT,
    STR,
    LIST,
    STRUCT
  }

  static final JsonShape NULL = new JsonShape(Kind.NULL, null, null);
  static final JsonShape BOOL = new JsonShape(Kind.BOOL, null, null);
  static final JsonShape INT = new JsonShape(Kind.INT, null, null);
  static final JsonShape FLOAT = new JsonShape(Kind.FLOAT, null, null);
  static final JsonShape STR = new JsonShape(Kind.STR, null, null);

  final Kind kind;
  final JsonShape element;
  final LinkedHashMap<String, JsonShape> fields;

  private JsonShape(Kind kind, JsonShape element, LinkedHashMap<String, JsonShape> fields) {
    this.kind = kind;
    this.element = element;
    this.fields = fields;
  }

  static JsonShape list(JsonShape element) {
    return new JsonShape(Kind.LIST, element, null);
  }

  static JsonShape struct(LinkedHashMap<String, JsonShape> fields) {
    return new JsonShape(Kind.STRUCT, null, fields);
  }

  /** Merges two shapes; null when they have no common type. {@code inArray}: Polars' array rules. */
  static JsonShape merge(JsonShape a, JsonShape b, boolean inArray) {
    if (a.kind == Kind.NULL) {
      return b;
    }
    if (b.kind == Kind.NULL) {
      return a;
    }
    if (a.kind == Kind.LIST && b.kind == Kind.LIST) {
      JsonShape inner = merge(a.element, b.element, inArray);
      return inner == null ? null : list(inner);
    }
    if (a.kind == Kind.STRUCT && b.kind == Kind.STRUCT) {
      return mergeStructs(a, b, inArray);
    }
    if (inArray && (a.kind == Kind.LIST) != (b.kind == Kind.LIST)
        && a.kind != Kind.STRUCT && b.kind != Kind.STRUCT) {
      JsonShape list = a.kind == Kind.LIST ? a : b;
      JsonShape scalar = a.kind == Kind.LIST ? b : a;
      JsonShape inner = merge(scalar, list.element, true);
      return inner == null ? null : list(inner);
    }
    if (a.kind == b.kind) {
      return a;
    }
    if (a.kind == Kind.STR || b.kind == Kind.STR) {
      return STR;
    }
    if (a.kind == Kind.LIST || b.kind == Kind.LIST || a.kind == Kind.STRUCT
        || b.kind == Kind.STRUCT) {
      return inArray ? STR : null;
    }
    if (a.kind == Kind.FLOAT || b.kind == Kind.FLOAT) {
      return a.kind == Kind.BOOL || b.kind == Kind.BOOL ? (inArray ? STR : FLOAT) : FLOAT;
    }
    return INT; // bool with int
  }

  private static JsonShape mergeStructs(JsonShape a, JsonShape b, boolean inArray) {
    JsonShape base = a;
    JsonShape other = b;
    if (!inArray && b.fields.size() > a.fields.size()) {
      base = b;
      other = a;
    }
    LinkedHashMap<String, JsonShape> union = new LinkedHashMap<>(base.fields);
    for (Map.Entry<String, JsonShape> field : other.fields.entrySet()) {
      JsonShape present = union.get(field.getKey());
      if (present == null) {
        union.put(field.getKey(), field.getValue());
      } else {
        JsonShape merged = merge(present, field.getValue(), inArray);
        if (merged == null) {
          return null;
        }
        union.put(field.getKey(), merged);
      }
    }
    return struct(union);
  }

  /** The Floe type of this shape (strings as Utf8, lists as List). */
  DataType toType() {
    return switch (kind) {
      case NULL -> DataType.NULL;
      case BOOL -> DataType.BOOLEAN;
      case INT -> DataType.INT64;
      case FLOAT -> DataType.FLOAT64;
      case STR -> DataType.UTF8;
      case LIST -> DataType.ListType.of(element.toType());
      case STRUCT -> new DataType.StructType(toFields());
    };
  }

  List<Field> toFields() {
    List<Field> result = new ArrayList<>(fields.size());
    fields.forEach((name, shape) -> result.add(Field.of(name, shape.toType())));
    return result;
  }

  @Override
  public String toString() {
    return toType().toString();
  }
}
