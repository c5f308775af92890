package dev.floe.ffi.cdata;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.TimeUnit;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code ArrowSchema} structures into Floe fields: the inverse of {@link
 * DataType#arrowFormat()} (format strings as listed in the spec's "Data type description -- format
 * strings" section). Names and nullability ({@code ARROW_FLAG_NULLABLE}) round-trip; metadata is
 * ignored (Floe fields come back with empty metadata). A schema with a {@code dictionary} becomes a
 * {@link DataType.Dictionary} whose index type is the format's integer type, ordered when {@code
 * ARROW_FLAG_DICTIONARY_ORDERED} is set.
 */
public final class ArrowFormats {
  /** The formats Floe reads, for error messages. */
  public static final String SUPPORTED =
      "n b c C s S i I l L f g d:P,S[,128] w:N u U vu z Z vz tdD ttu ttn tss: tsm: tsu: tsn: (with"
          + " an optional time zone) tDs tDm tDu tDn +l +L +w:N +s, and dictionaries with integer"
          + " indices";

  /** Deeper nesting than this is refused (it would only come from a corrupt schema). */
  static final int MAX_DEPTH = 64;

  private ArrowFormats() {}

  /** Reads the schema at {@code schema} (not released, not modified) as a field. */
  public static Field readField(MemorySegment schema) {
    return readField(schema.address(), "", 0);
  }

  static Field readField(long address, String parent, int depth) {
    if (address == 0) {
      throw new InvalidOperationException(
          "ArrowSchema" + (parent.isEmpty() ? "" : " child of '" + parent + "'") + " is NULL");
    }
    MemorySegment schema = NativeHeap.view(address, ArrowStructs.SCHEMA_SIZE);
    if ((long) ArrowStructs.SCHEMA_RELEASE.get(schema, 0L) == 0) {
      throw new InvalidOperationException(
          "ArrowSchema" + (parent.isEmpty() ? "" : " child of '" + parent + "'")
              + " is already released (its release callback is NULL)");
    }
    String name = NativeHeap.readString((long) ArrowStructs.SCHEMA_NAME.get(schema, 0L));
    name = name == null ? "" : name;
    String path = parent.isEmpty() ? name : parent + "." + name;
    String format = NativeHeap.readString((long) ArrowStructs.SCHEMA_FORMAT.get(schema, 0L));
    if (format == null) {
      throw new InvalidOperationException("field '" + path + "': the ArrowSchema format is NULL");
    }
    if (depth > MAX_DEPTH) {
      throw new InvalidOperationException(
          "field '" + path + "' (format '" + format + "'): nested deeper than " + MAX_DEPTH);
    }
    long flags = (long) ArrowStructs.SCHEMA_FLAGS.get(schema, 0L);
    long count = (long) ArrowStructs.SCHEMA_N_CHILDREN.get(schema, 0L);
    long children = (long) ArrowStructs.SCHEMA_CHILDREN.get(schema, 0L);
    if (count < 0 || count > 1 << 20 || (count > 0 && children == 0)) {
      throw new InvalidOperationException(
          "field '" + path + "' (format '" + format + "'): n_children is " + count
              + " with children pointer 0x" + Long.toHexString(children));
    }
    List<Field> childFields = new ArrayList<>((int) count);
    if (count > 0) {
      MemorySegment pointers = NativeHeap.view(children, count * 8);
      for (long index = 0; index < count; index++) {
        childFields.add(
            readField(pointers.getAtIndex(ValueLayout.JAVA_LONG, index), path, depth + 1));
      }
    }
    DataType type = parse(path, format, childFields);
    long dictionary = (long) ArrowStructs.SCHEMA_DICTIONARY.get(schema, 0L);
    if (dictionary != 0) {
      if (!type.isInteger()) {
        throw new InvalidOperationException(
            "field '" + path + "' is dictionary-encoded with index format '" + format
                + "'; dictionary indices must be an integer type (c C s S i I l L)");
      }
      DataType values = readField(dictionary, path, depth + 1).type();
      type = new DataType.Dictionary(
          type, values, (flags & ArrowStructs.FLAG_DICTIONARY_ORDERED) != 0);
    }
    return new Field(name, type, (flags & ArrowStructs.FLAG_NULLABLE) != 0, Map.of());
  }

  /**
   * The Floe type of {@code format} with the already-read {@code children}; {@code field} names
   * the field in error messages.
   *
   * @throws InvalidOperationException for a format Floe does not support or a malformed one
   */
  public static DataType parse(String field, String format, List<Field> children) {
    DataType type = switch (format) {
      case "n" -> DataType.NULL;
      case "b" -> DataType.BOOLEAN;
      case "c" -> DataType.INT8;
      case "C" -> DataType.UINT8;
      case "s" -> DataType.INT16;
      case "S" -> DataType.UINT16;
      case "i" -> DataType.INT32;
      case "I" -> DataType.UINT32;
      case "l" -> DataType.INT64;
      case "L" -> DataType.UINT64;
      case "f" -> DataType.FLOAT32;
      case "g" -> DataType.FLOAT64;
      case "u" -> DataType.UTF8;
      case "U" -> DataType.LARGE_UTF8;
      case "vu" -> DataType.UTF8_VIEW;
      case "z" -> DataType.BINARY;
      case "Z" -> DataType.LARGE_BINARY;
      case "vz" -> DataType.BINARY_VIEW;
      case "tdD" -> DataType.DATE32;
      case "ttu" -> new DataType.Time64(TimeUnit.MICROSECOND);
      case "ttn" -> new DataType.Time64(TimeUnit.NANOSECOND);
      case "tDs" -> new DataType.Duration(TimeUnit.SECOND);
      case "tDm" -> new DataType.Duration(TimeUnit.MILLISECOND);
      case "tDu" -> new DataType.Duration(TimeUnit.MICROSECOND);
      case "tDn" -> new DataType.Duration(TimeUnit.NANOSECOND);
      case "+l" -> new DataType.ListType(single(field, format, children));
      case "+L" -> new DataType.LargeListType(single(field, format, children));
      case "+s" -> new DataType.StructType(children);
      default -> parameterized(field, format, children);
    };
    int expected = switch (type) {
      case DataType.ListType ignored -> 1;
      case DataType.LargeListType ignored -> 1;
      case DataType.FixedSizeListType ignored -> 1;
      case DataType.StructType struct -> struct.fields().size();
      default -> 0;
    };
    if (children.size() != expected) {
      throw malformed(field, format, "has " + children.size() + " children, expected " + expected);
    }
    return type;
  }

  private static DataType parameterized(String field, String format, List<Field> children) {
    if (format.startsWith("d:")) {
      String[] parts = format.substring(2).split(",", -1);
      if (parts.length == 3 && !parts[2].equals("128")) {
        throw unsupported(field, format, "only 128-bit decimals are supported");
      }
      if (parts.length != 2 && parts.length != 3) {
        throw malformed(field, format, "a decimal is d:precision,scale[,bitwidth]");
      }
      int precision = number(field, format, parts[0]);
      int scale = integer(field, format, parts[1]);
      try {
        return new DataType.Decimal128(precision, scale);
      } catch (IllegalArgumentException invalid) {
        throw malformed(field, format, invalid.getMessage());
      }
    }
    if (format.startsWith("w:")) {
      return new DataType.FixedSizeBinary(number(field, format, format.substring(2)));
    }
    if (format.startsWith("+w:")) {
      return new DataType.FixedSizeListType(
          single(field, format, children), number(field, format, format.substring(3)));
    }
    if (format.startsWith("ts") && format.length() >= 4 && format.charAt(3) == ':') {
      TimeUnit unit = unit(field, format, format.charAt(2));
      String zone = format.substring(4);
      return new DataType.Timestamp(unit, zone.isEmpty() ? null : zone);
    }
    throw unsupported(field, format, null);
  }

  private static Field single(String field, String format, List<Field> children) {
    if (children.size() != 1) {
      throw malformed(field, format, "has " + children.size() + " children, expected 1");
    }
    return children.getFirst();
  }

  private static TimeUnit unit(String field, String format, char letter) {
    return switch (letter) {
      case 's' -> TimeUnit.SECOND;
      case 'm' -> TimeUnit.MILLISECOND;
      case 'u' -> TimeUnit.MICROSECOND;
      case 'n' -> TimeUnit.NANOSECOND;
      default -> throw malformed(field, format, "unknown time unit '" + letter + "'");
    };
  }

  /** A non-negative decimal number. */
  private static int number(String field, String format, String text) {
    int value = integer(field, format, text);
    if (value < 0) {
      throw malformed(field, format, "'" + text + "' must not be negative");
    }
    return value;
  }

  private static int integer(String field, String format, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException notNumber) {
      throw malformed(field, format, "'" + text + "' is not a number");
    }
  }

  private static InvalidOperationException malformed(String field, String format, String problem) {
    return new InvalidOperationException(
        "field '" + field + "': malformed Arrow format '" + format + "': " + problem);
  }

  private static InvalidOperationException unsupported(String field, String format, String note) {
    return new InvalidOperationException(
        "field '" + field + "': Arrow format '" + format + "' is not supported by Floe"
            + (note == null ? "" : " (" + note + ")") + "; supported: " + SUPPORTED);
  }
}
