package dev.floe.planner.expr;

import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import java.util.Collections;

/**
 * A constant. A Java {@code int}/{@code long} or {@code double} given without a type is
 * <em>dynamic</em> (Polars' "dyn int"/"dyn float"): it takes the type of the column it meets, so
 * {@code col("i32").add(1)} stays i32 and {@code col("f32").mul(2.0)} stays f32. Alone it is i32
 * (if it fits) or i64, and f64.
 *
 * @param value the Java value (as {@link dev.floe.memory.column.Column#getObject}), or null
 * @param type its type ({@link DataType#NULL} for a null)
 * @param dynamic whether the type may still adapt to the other operand
 */
public record Literal(Object value, DataType type, boolean dynamic) implements Expr {

  /** A literal of a Java value, with the type Floe infers for it. */
  public static Literal of(Object value) {
    return switch (value) {
      case null -> new Literal(null, DataType.NULL, false);
      case Integer integer -> new Literal(integer.longValue(), DataType.INT32, true);
      case Long number ->
          new Literal(
              number,
              number == number.intValue() ? DataType.INT32 : DataType.INT64,
              true);
      case Short number -> new Literal(number.longValue(), DataType.INT32, true);
      case Byte number -> new Literal(number.longValue(), DataType.INT32, true);
      case Double number -> new Literal(number, DataType.FLOAT64, true);
      case Float number -> new Literal(number.doubleValue(), DataType.FLOAT64, true);
      case Expr expr -> throw new IllegalArgumentException("already an expression: " + expr);
      default -> new Literal(value, JavaValues.inferType(Collections.singletonList(value)), false);
    };
  }

  /** A literal of {@code value} with a fixed type. */
  public static Literal typed(Object value, DataType type) {
    return new Literal(value, type, false);
  }

  @Override
  public String toString() {
    return ExprPrinter.print(this);
  }
}
