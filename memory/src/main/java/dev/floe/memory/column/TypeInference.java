package dev.floe.memory.column;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.TimeUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers one Floe type for the values seen at one position (the top level, the elements of lists,
 * one struct field), folding each value into Polars' supertype of what was seen so far. Lists and
 * structs get a child inference for their elements / fields, so a list's element type is inferred
 * over the elements of all lists. See {@link JavaValues#inferType} for the mapping.
 */
final class TypeInference {
  private static final DataType.Timestamp LOCAL_TIMESTAMP =
      new DataType.Timestamp(TimeUnit.MICROSECOND, null);

  private final String position;
  private DataType scalar = DataType.NULL;
  private String firstClass;
  private TypeInference elements;
  private Map<String, TypeInference> structFields;

  /** @param position where these values sit, for messages ("", "list elements of ...") */
  TypeInference(String position) {
    this.position = position;
  }

  /** Folds {@code value}, the value at top-level row {@code index}, into the inferred type. */
  void add(Object value, long index) {
    switch (value) {
      case null -> {}
      case List<?> list -> {
        kind(value, index, Kind.LIST);
        for (Object element : list) {
          elements.add(element, index);
        }
      }
      case Map<?, ?> map -> {
        kind(value, index, Kind.STRUCT);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!(entry.getKey() instanceof String name)) {
            throw new SchemaMismatchException(
                "cannot infer a struct type" + where(index) + ": map key " + entry.getKey()
                    + " (" + className(entry.getKey()) + ") is not a String");
          }
          structField(name).add(entry.getValue(), index);
        }
      }
      case Record record -> {
        kind(value, index, Kind.STRUCT);
        RecordComponents components = RecordComponents.of(record);
        for (int componentIndex = 0; componentIndex < components.size(); componentIndex++) {
          TypeInference field = structField(components.names().get(componentIndex));
          field.declare(components.types().get(componentIndex));
          field.add(components.get(record, componentIndex), index);
        }
      }
      default -> {
        DataType type = scalarType(value);
        if (type == null) {
          throw new SchemaMismatchException(
              "cannot infer a Floe type" + where(index) + " for a value of class "
                  + value.getClass().getName() + " (" + value + "); give the type explicitly");
        }
        kind(value, index, Kind.SCALAR);
        DataType merged = supertype(scalar, type);
        if (merged == null) {
          throw incompatible(value, index, scalar, type);
        }
        scalar = merged;
      }
    }
  }

  /** The inferred type: NULL when only nulls (or nothing) were seen. */
  DataType result() {
    if (elements != null) {
      return DataType.ListType.of(elements.result());
    }
    if (structFields != null) {
      List<Field> fields = new ArrayList<>(structFields.size());
      for (Map.Entry<String, TypeInference> entry : structFields.entrySet()) {
        fields.add(Field.of(entry.getKey(), entry.getValue().result()));
      }
      return new DataType.StructType(fields);
    }
    return scalar;
  }

  private enum Kind {
    SCALAR,
    LIST,
    STRUCT
  }

  /** Checks {@code value} is of the same kind (scalar, list, struct) as the values before. */
  private void kind(Object value, long index, Kind kind) {
    if (firstClass == null) {
      firstClass = className(value);
      if (kind == Kind.LIST) {
        elements = new TypeInference("list elements" + of());
      } else if (kind == Kind.STRUCT) {
        structFields = new LinkedHashMap<>();
      }
      return;
    }
    Kind seen = elements != null ? Kind.LIST : structFields != null ? Kind.STRUCT : Kind.SCALAR;
    if (seen != kind) {
      throw new SchemaMismatchException(
          "cannot infer one type" + where(index) + ": a value of class " + className(value)
              + " cannot be combined with the " + firstClass
              + " values before it; convert the values to one type or give the type explicitly");
    }
  }

  /** A record component's declared class gives the field a type even if every value is null. */
  private void declare(Class<?> declared) {
    if (firstClass == null && scalar == DataType.NULL) {
      DataType type = declaredType(declared);
      if (type != null) {
        scalar = type;
      }
    }
  }

  private TypeInference structField(String name) {
    return structFields.computeIfAbsent(
        name, key -> new TypeInference("field '" + key + "'" + of()));
  }

  private String of() {
    return position.isEmpty() ? "" : " of " + position;
  }

  private String where(long index) {
    return (position.isEmpty() ? "" : " for " + position) + " at index " + index;
  }

  private SchemaMismatchException incompatible(
      Object value, long index, DataType before, DataType type) {
    return new SchemaMismatchException(
        "cannot infer one type" + where(index) + ": a value of class " + className(value)
            + " (" + type + ") cannot be combined with the " + firstClass + " values before it ("
            + before + "); convert the values to one type or give the type explicitly");
  }

  /** The class name to show: List and Map for any implementation, else the simple name. */
  private static String className(Object value) {
    return switch (value) {
      case null -> "null";
      case List<?> list -> "List";
      case Map<?, ?> map -> "Map";
      default -> value.getClass().getSimpleName();
    };
  }

  /** The type of a non-nested Java value, or null if it has none. */
  static DataType scalarType(Object value) {
    return switch (value) {
      case Long v -> DataType.INT64;
      case Integer v -> DataType.INT32;
      case Short v -> DataType.INT16;
      case Byte v -> DataType.INT8;
      case Double v -> DataType.FLOAT64;
      case Float v -> DataType.FLOAT32;
      case Boolean v -> DataType.BOOLEAN;
      case String v -> DataType.UTF8;
      case byte[] v -> DataType.BINARY;
      case BigDecimal decimal -> decimalType(decimal);
      case LocalDate v -> DataType.DATE32;
      case LocalTime v -> new DataType.Time64(TimeUnit.NANOSECOND);
      case LocalDateTime v -> LOCAL_TIMESTAMP;
      case Instant v -> new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      case ZonedDateTime zoned ->
          new DataType.Timestamp(TimeUnit.MICROSECOND, zoneName(zoned.getZone().getId()));
      case OffsetDateTime offset ->
          new DataType.Timestamp(TimeUnit.MICROSECOND, zoneName(offset.getOffset().getId()));
      case Duration v -> new DataType.Duration(TimeUnit.MICROSECOND);
      default -> null;
    };
  }

  private static DataType declaredType(Class<?> declared) {
    if (declared == long.class || declared == Long.class) {
      return DataType.INT64;
    } else if (declared == int.class || declared == Integer.class) {
      return DataType.INT32;
    } else if (declared == short.class || declared == Short.class) {
      return DataType.INT16;
    } else if (declared == byte.class || declared == Byte.class) {
      return DataType.INT8;
    } else if (declared == double.class || declared == Double.class) {
      return DataType.FLOAT64;
    } else if (declared == float.class || declared == Float.class) {
      return DataType.FLOAT32;
    } else if (declared == boolean.class || declared == Boolean.class) {
      return DataType.BOOLEAN;
    } else if (declared == String.class) {
      return DataType.UTF8;
    } else if (declared == byte[].class) {
      return DataType.BINARY;
    } else if (declared == LocalDate.class) {
      return DataType.DATE32;
    } else if (declared == LocalTime.class) {
      return new DataType.Time64(TimeUnit.NANOSECOND);
    } else if (declared == LocalDateTime.class) {
      return LOCAL_TIMESTAMP;
    } else if (declared == Duration.class) {
      return new DataType.Duration(TimeUnit.MICROSECOND);
    }
    return null;
  }

  private static DataType decimalType(BigDecimal decimal) {
    int scale = Math.max(decimal.scale(), 0);
    if (scale > 38) {
      throw new SchemaMismatchException(
          "decimal " + decimal + " has scale " + scale + ", beyond the 38 digits of decimal128");
    }
    return new DataType.Decimal128(38, scale);
  }

  /** Polars' supertype of two inferred scalar types, or null if they have none. */
  static DataType supertype(DataType left, DataType right) {
    if (left.equals(right) || right == DataType.NULL) {
      return left;
    }
    if (left == DataType.NULL) {
      return right;
    }
    if (left.isInteger() && right.isInteger()) {
      return left.byteWidth() >= right.byteWidth() ? left : right;
    }
    if (left.isNumeric() && right.isNumeric()) {
      return left == DataType.FLOAT32 && right == DataType.FLOAT32
          ? DataType.FLOAT32
          : DataType.FLOAT64;
    }
    if (left instanceof DataType.Decimal128 a && right instanceof DataType.Decimal128 b) {
      return a.scale() >= b.scale() ? a : b;
    }
    if (left instanceof DataType.Decimal128 && right.isInteger()) {
      return left;
    }
    if (right instanceof DataType.Decimal128 && left.isInteger()) {
      return right;
    }
    if (left instanceof DataType.Timestamp a
        && right instanceof DataType.Timestamp b
        && a.timeZone() != null
        && b.timeZone() != null) {
      // Zoned values keep the zone of the first value seen (all denote instants).
      return a;
    }
    return null;
  }

  /** Java names UTC's offset "Z"; Arrow and Polars call that zone "UTC". */
  private static String zoneName(String javaZoneId) {
    return javaZoneId.equals("Z") ? "UTC" : javaZoneId;
  }
}
