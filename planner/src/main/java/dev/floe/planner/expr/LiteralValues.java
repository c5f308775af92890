package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;

/** Converts literal Java values to the exact Java class of a type (Int32 -> Integer, ...). */
public final class LiteralValues {
  private LiteralValues() {}

  /**
   * {@code value} as the Java class {@link dev.floe.memory.column.Column#getObject} uses for
   * {@code type}; values of other types pass unchanged.
   *
   * @throws InvalidOperationException when a number does not fit the type
   */
  public static Object convert(Object value, DataType type) {
    if (!(value instanceof Number number) || type instanceof DataType.NullType) {
      return value;
    }
    if (type.isFloatingPoint()) {
      return type.byteWidth() == 4 ? (Object) number.floatValue() : (Object) number.doubleValue();
    }
    if (type instanceof DataType.Decimal128 decimal) {
      return DecimalTyping.literal(number, decimal);
    }
    if (!type.isInteger()) {
      return value;
    }
    if ((number instanceof Double || number instanceof Float)
        && number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new InvalidOperationException("cannot use " + value + " as a value of type " + type);
    }
    long whole = number.longValue();
    return switch (type) {
      case DataType.Int8 t -> checked(whole, Byte.MIN_VALUE, Byte.MAX_VALUE, type, (byte) whole);
      case DataType.Int16 t -> checked(whole, Short.MIN_VALUE, Short.MAX_VALUE, type, (short) whole);
      case DataType.Int32 t ->
          checked(whole, Integer.MIN_VALUE, Integer.MAX_VALUE, type, (int) whole);
      case DataType.UInt8 t -> checked(whole, 0, 255, type, (short) whole);
      case DataType.UInt16 t -> checked(whole, 0, 65535, type, (int) whole);
      case DataType.UInt32 t -> checked(whole, 0, 0xFFFF_FFFFL, type, whole);
      case DataType.UInt64 t -> checked(whole, 0, Long.MAX_VALUE, type, whole);
      default -> whole;
    };
  }

  private static Object checked(long value, long min, long max, DataType type, Object converted) {
    if (value < min || value > max) {
      throw new InvalidOperationException(
          "the literal " + value + " does not fit in type " + type);
    }
    return converted;
  }
}
