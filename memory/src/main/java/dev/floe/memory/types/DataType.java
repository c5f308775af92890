package dev.floe.memory.types;

import java.util.List;
import java.util.Objects;

/**
 * A Floe data type. Each variant matches one Arrow type exactly (same physical layout, same C Data
 * Interface format string), so columns can be handed to other Arrow engines as they are.
 *
 * <p>Parameterless types are records with no components; use the constants ({@link #INT64}, ...).
 * {@link #toString()} prints Polars' short names ({@code i64}, {@code str}, {@code datetime[μs, UTC]}).
 */
public sealed interface DataType {

  NullType NULL = new NullType();
  BooleanType BOOLEAN = new BooleanType();
  Int8 INT8 = new Int8();
  Int16 INT16 = new Int16();
  Int32 INT32 = new Int32();
  Int64 INT64 = new Int64();
  UInt8 UINT8 = new UInt8();
  UInt16 UINT16 = new UInt16();
  UInt32 UINT32 = new UInt32();
  UInt64 UINT64 = new UInt64();
  Float32 FLOAT32 = new Float32();
  Float64 FLOAT64 = new Float64();
  Utf8 UTF8 = new Utf8();
  LargeUtf8 LARGE_UTF8 = new LargeUtf8();
  Utf8View UTF8_VIEW = new Utf8View();
  Binary BINARY = new Binary();
  LargeBinary LARGE_BINARY = new LargeBinary();
  BinaryView BINARY_VIEW = new BinaryView();
  Date32 DATE32 = new Date32();
  /**
   * Polars' {@code pl.Categorical}: strings stored once in a dictionary, rows as u32 indices into it
   * (Polars exports {@code dictionary<values=large_string, indices=uint32>}; Floe keeps its usual
   * Utf8 layout for the values). Build one with {@code col("s").cast(DataType.CATEGORICAL)}.
   */
  Dictionary CATEGORICAL = new Dictionary(UINT32, UTF8, false);

  /** The Arrow physical layout of this type. */
  Layout layout();

  /** Bytes per value for fixed-width layouts (bit-packed booleans and variable types: 0). */
  default int byteWidth() {
    return 0;
  }

  /** The Arrow C Data Interface format string of this type. */
  String arrowFormat();

  /** True for integer and floating-point types (not decimals, not temporal types). */
  default boolean isNumeric() {
    return isInteger() || isFloatingPoint();
  }

  default boolean isInteger() {
    return false;
  }

  default boolean isSignedInteger() {
    return false;
  }

  default boolean isFloatingPoint() {
    return false;
  }

  /** True for date, time, timestamp and duration types. */
  default boolean isTemporal() {
    return false;
  }

  /** True for the three string layouts (Utf8, LargeUtf8, Utf8View). */
  default boolean isString() {
    return false;
  }

  /** True for list, large list, fixed-size list and struct. */
  default boolean isNested() {
    return false;
  }

  // ---- null and boolean ----

  record NullType() implements DataType {
    public Layout layout() { return Layout.NULL; }
    public String arrowFormat() { return "n"; }
    @Override public String toString() { return "null"; }
  }

  record BooleanType() implements DataType {
    public Layout layout() { return Layout.BOOLEAN; }
    public String arrowFormat() { return "b"; }
    @Override public String toString() { return "bool"; }
  }

  // ---- integers ----

  record Int8() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 1; }
    public String arrowFormat() { return "c"; }
    public boolean isInteger() { return true; }
    public boolean isSignedInteger() { return true; }
    @Override public String toString() { return "i8"; }
  }

  record Int16() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 2; }
    public String arrowFormat() { return "s"; }
    public boolean isInteger() { return true; }
    public boolean isSignedInteger() { return true; }
    @Override public String toString() { return "i16"; }
  }

  record Int32() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 4; }
    public String arrowFormat() { return "i"; }
    public boolean isInteger() { return true; }
    public boolean isSignedInteger() { return true; }
    @Override public String toString() { return "i32"; }
  }

  record Int64() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 8; }
    public String arrowFormat() { return "l"; }
    public boolean isInteger() { return true; }
    public boolean isSignedInteger() { return true; }
    @Override public String toString() { return "i64"; }
  }

  record UInt8() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 1; }
    public String arrowFormat() { return "C"; }
    public boolean isInteger() { return true; }
    @Override public String toString() { return "u8"; }
  }

  record UInt16() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 2; }
    public String arrowFormat() { return "S"; }
    public boolean isInteger() { return true; }
    @Override public String toString() { return "u16"; }
  }

  record UInt32() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 4; }
    public String arrowFormat() { return "I"; }
    public boolean isInteger() { return true; }
    @Override public String toString() { return "u32"; }
  }

  record UInt64() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 8; }
    public String arrowFormat() { return "L"; }
    public boolean isInteger() { return true; }
    @Override public String toString() { return "u64"; }
  }

  // ---- floating point and decimal ----

  record Float32() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 4; }
    public String arrowFormat() { return "f"; }
    public boolean isFloatingPoint() { return true; }
    @Override public String toString() { return "f32"; }
  }

  record Float64() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 8; }
    public String arrowFormat() { return "g"; }
    public boolean isFloatingPoint() { return true; }
    @Override public String toString() { return "f64"; }
  }

  /** A 128-bit two's complement decimal (little-endian), {@code precision} 1..38 digits. */
  record Decimal128(int precision, int scale) implements DataType {
    public Decimal128 {
      if (precision < 1 || precision > 38) {
        throw new IllegalArgumentException("decimal precision must be 1..38, got " + precision);
      }
      if (scale > precision) {
        throw new IllegalArgumentException(
            "decimal scale " + scale + " exceeds precision " + precision);
      }
    }
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 16; }
    public String arrowFormat() { return "d:" + precision + "," + scale; }
    @Override public String toString() { return "decimal[" + precision + "," + scale + "]"; }
  }

  // ---- strings and binary ----

  record Utf8() implements DataType {
    public Layout layout() { return Layout.VARIABLE; }
    public String arrowFormat() { return "u"; }
    public boolean isString() { return true; }
    @Override public String toString() { return "str"; }
  }

  record LargeUtf8() implements DataType {
    public Layout layout() { return Layout.LARGE_VARIABLE; }
    public String arrowFormat() { return "U"; }
    public boolean isString() { return true; }
    @Override public String toString() { return "str"; }
  }

  /** Strings as 16-byte views (length, prefix, buffer index, offset), as Polars stores them. */
  record Utf8View() implements DataType {
    public Layout layout() { return Layout.VIEW; }
    public String arrowFormat() { return "vu"; }
    public boolean isString() { return true; }
    @Override public String toString() { return "str"; }
  }

  record Binary() implements DataType {
    public Layout layout() { return Layout.VARIABLE; }
    public String arrowFormat() { return "z"; }
    @Override public String toString() { return "binary"; }
  }

  record LargeBinary() implements DataType {
    public Layout layout() { return Layout.LARGE_VARIABLE; }
    public String arrowFormat() { return "Z"; }
    @Override public String toString() { return "binary"; }
  }

  record BinaryView() implements DataType {
    public Layout layout() { return Layout.VIEW; }
    public String arrowFormat() { return "vz"; }
    @Override public String toString() { return "binary"; }
  }

  record FixedSizeBinary(int byteWidth) implements DataType {
    public FixedSizeBinary {
      if (byteWidth < 0) {
        throw new IllegalArgumentException("fixed-size binary width must be >= 0, got " + byteWidth);
      }
    }
    public Layout layout() { return Layout.FIXED_SIZE_BINARY; }
    public String arrowFormat() { return "w:" + byteWidth; }
    @Override public String toString() { return "binary[" + byteWidth + "]"; }
  }

  // ---- temporal ----

  /** Days since 1970-01-01 as int32. */
  record Date32() implements DataType {
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 4; }
    public String arrowFormat() { return "tdD"; }
    public boolean isTemporal() { return true; }
    @Override public String toString() { return "date"; }
  }

  /** Time of day as int64 in micro- or nanoseconds since midnight. */
  record Time64(TimeUnit unit) implements DataType {
    public Time64 {
      if (unit != TimeUnit.MICROSECOND && unit != TimeUnit.NANOSECOND) {
        throw new IllegalArgumentException("Time64 takes MICROSECOND or NANOSECOND, got " + unit);
      }
    }
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 8; }
    public String arrowFormat() { return unit == TimeUnit.MICROSECOND ? "ttu" : "ttn"; }
    public boolean isTemporal() { return true; }
    @Override public String toString() { return "time"; }
  }

  /** An int64 count of {@code unit}s since the epoch; {@code timeZone} is an IANA name or null. */
  record Timestamp(TimeUnit unit, String timeZone) implements DataType {
    public Timestamp {
      Objects.requireNonNull(unit, "unit");
    }
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 8; }
    public String arrowFormat() {
      return "ts" + unitLetter(unit) + ":" + (timeZone == null ? "" : timeZone);
    }
    public boolean isTemporal() { return true; }
    @Override public String toString() {
      return "datetime[" + unit.suffix() + (timeZone == null ? "" : ", " + timeZone) + "]";
    }
  }

  record Duration(TimeUnit unit) implements DataType {
    public Duration {
      Objects.requireNonNull(unit, "unit");
    }
    public Layout layout() { return Layout.FIXED_WIDTH; }
    public int byteWidth() { return 8; }
    public String arrowFormat() { return "tD" + unitLetter(unit); }
    public boolean isTemporal() { return true; }
    @Override public String toString() { return "duration[" + unit.suffix() + "]"; }
  }

  // ---- nested ----

  /** Variable-length lists with int32 offsets; the child field is conventionally named "item". */
  record ListType(Field valueField) implements DataType {
    public ListType {
      Objects.requireNonNull(valueField, "valueField");
    }
    public static ListType of(DataType valueType) {
      return new ListType(Field.of("item", valueType));
    }
    public DataType valueType() { return valueField.type(); }
    public Layout layout() { return Layout.LIST; }
    public String arrowFormat() { return "+l"; }
    public boolean isNested() { return true; }
    @Override public String toString() { return "list[" + valueField.type() + "]"; }
  }

  record LargeListType(Field valueField) implements DataType {
    public LargeListType {
      Objects.requireNonNull(valueField, "valueField");
    }
    public static LargeListType of(DataType valueType) {
      return new LargeListType(Field.of("item", valueType));
    }
    public DataType valueType() { return valueField.type(); }
    public Layout layout() { return Layout.LARGE_LIST; }
    public String arrowFormat() { return "+L"; }
    public boolean isNested() { return true; }
    @Override public String toString() { return "list[" + valueField.type() + "]"; }
  }

  /** Lists of exactly {@code listSize} values (Polars' Array type). */
  record FixedSizeListType(Field valueField, int listSize) implements DataType {
    public FixedSizeListType {
      Objects.requireNonNull(valueField, "valueField");
      if (listSize < 0) {
        throw new IllegalArgumentException("fixed-size list size must be >= 0, got " + listSize);
      }
    }
    public static FixedSizeListType of(DataType valueType, int listSize) {
      return new FixedSizeListType(Field.of("item", valueType), listSize);
    }
    public DataType valueType() { return valueField.type(); }
    public Layout layout() { return Layout.FIXED_SIZE_LIST; }
    public String arrowFormat() { return "+w:" + listSize; }
    public boolean isNested() { return true; }
    @Override public String toString() { return "array[" + valueField.type() + ", " + listSize + "]"; }
  }

  record StructType(List<Field> fields) implements DataType {
    public StructType {
      fields = List.copyOf(fields);
    }
    public static StructType of(Field... fields) {
      return new StructType(List.of(fields));
    }
    public Layout layout() { return Layout.STRUCT; }
    public String arrowFormat() { return "+s"; }
    public boolean isNested() { return true; }
    @Override public String toString() { return "struct[" + fields.size() + "]"; }
  }

  /**
   * Dictionary-encoded values (Polars' categorical): integer indices into a dictionary column of
   * {@code valueType}. The Arrow format string is the index type's; the dictionary travels apart.
   */
  record Dictionary(DataType indexType, DataType valueType, boolean ordered) implements DataType {
    public Dictionary {
      Objects.requireNonNull(indexType, "indexType");
      Objects.requireNonNull(valueType, "valueType");
      if (!indexType.isInteger()) {
        throw new IllegalArgumentException("dictionary index type must be an integer, got " + indexType);
      }
    }
    public Layout layout() { return Layout.DICTIONARY; }
    public int byteWidth() { return indexType.byteWidth(); }
    public String arrowFormat() { return indexType.arrowFormat(); }
    @Override public String toString() { return valueType.isString() ? "cat" : "dict[" + valueType + "]"; }
  }

  private static String unitLetter(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> "s";
      case MILLISECOND -> "m";
      case MICROSECOND -> "u";
      case NANOSECOND -> "n";
    };
  }
}
