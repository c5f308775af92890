package dev.floe.planner.expr;

import dev.floe.memory.types.DataType;

/**
 * The keyword arguments of {@code str().toInteger(...)}:
 * {@code IntegerParseOptions.DEFAULT.withBase(16).withStrict(false)}.
 *
 * @param base 2 to 36; an optional sign is accepted, as Rust's {@code from_str_radix}
 * @param dtype the result type, a signed or unsigned integer type of up to 64 bits
 * @param strict a value that does not parse or overflows raises (else it becomes null)
 */
public record IntegerParseOptions(int base, DataType dtype, boolean strict) {
  /** Base 10, i64, strict. */
  public static final IntegerParseOptions DEFAULT =
      new IntegerParseOptions(10, DataType.INT64, true);

  public IntegerParseOptions withBase(int newBase) {
    return new IntegerParseOptions(newBase, dtype, strict);
  }

  public IntegerParseOptions withDtype(DataType newDtype) {
    return new IntegerParseOptions(base, newDtype, strict);
  }

  public IntegerParseOptions withStrict(boolean newStrict) {
    return new IntegerParseOptions(base, dtype, newStrict);
  }
}
