package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.types.DataType;

/**
 * Arithmetic on the physical values of temporal columns whose units the planner has already
 * aligned. A result is null where either side is null (and for a division by zero).
 */
public final class TemporalArithmetic {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private TemporalArithmetic() {}

  /** The operations, by the operands' physical kinds. */
  public enum Kind {
    /** Same-unit datetimes/durations added: datetime + duration, duration + duration. */
    ADD,
    /** Same-unit values subtracted: datetime - datetime, datetime - duration, ... */
    SUB,
    /** Date (days) plus a duration of any unit, floored to days. */
    DATE_ADD,
    /** Date (days) minus a duration, floored to days. */
    DATE_SUB,
    /** Date minus date, as a duration in microseconds. */
    DATE_DIFF,
    /** Duration times an i64. */
    MUL,
    /** Duration times an f64, truncated toward zero. */
    MUL_FLOAT,
    /** Duration divided by an i64, floored; null for a zero divisor. */
    DIV,
    /** Duration divided by an f64, truncated toward zero; null when not finite. */
    DIV_FLOAT,
    /** Duration divided by a duration of the same unit, as f64. */
    RATIO
  }

  /** {@code left kind right} into a column of {@code output}; both sides have one length. */
  public static Column apply(
      Column left, Column right, Kind kind, DataType output, BufferAllocator allocator) {
    if (left.length() != right.length()) {
      throw new ShapeMismatchException(
          "temporal " + kind + " of lengths " + left.length() + " and " + right.length());
    }
    int rows = left.length();
    try (FixedWidthBuilder out = new FixedWidthBuilder(output, allocator, rows)) {
      if (left instanceof NullColumn || right instanceof NullColumn) {
        for (int row = 0; row < rows; row++) {
          out.appendNull();
        }
        return out.build();
      }
      FixedWidthColumn l = TemporalColumns.fixed(left);
      FixedWidthColumn r = TemporalColumns.fixed(right);
      long rightPerDay = right.type() instanceof DataType.Duration duration
          ? NANOS_PER_DAY / TemporalColumns.nanos(duration.unit())
          : 1;
      boolean floatRight = right.type().isFloatingPoint();
      for (int row = 0; row < rows; row++) {
        if (l.isNull(row) || r.isNull(row)) {
          out.appendNull();
          continue;
        }
        long a = TemporalColumns.read(l, row);
        if (kind == Kind.RATIO) {
          out.appendDouble((double) a / TemporalColumns.read(r, row));
          continue;
        }
        long result = floatRight
            ? floating(kind, a, r.getDouble(row))
            : integral(kind, a, TemporalColumns.read(r, row), rightPerDay);
        if (result == TemporalColumns.NULL) {
          out.appendNull();
        } else {
          TemporalColumns.append(out, output, result);
        }
      }
      return out.build();
    }
  }

  private static long integral(Kind kind, long a, long b, long perDay) {
    return switch (kind) {
      case ADD -> a + b;
      case SUB -> a - b;
      case DATE_ADD -> Math.floorDiv(a * perDay + b, perDay);
      case DATE_SUB -> Math.floorDiv(a * perDay - b, perDay);
      case DATE_DIFF -> (a - b) * 86_400_000_000L;
      case MUL -> a * b;
      case DIV -> b == 0 ? TemporalColumns.NULL : Math.floorDiv(a, b);
      default -> throw new InvalidOperationException("temporal " + kind + " needs a float operand");
    };
  }

  private static long floating(Kind kind, long a, double b) {
    double result = switch (kind) {
      case MUL_FLOAT -> a * b;
      case DIV_FLOAT -> a / b;
      default -> throw new InvalidOperationException("temporal " + kind + " needs an integer operand");
    };
    return Double.isFinite(result) ? (long) result : TemporalColumns.NULL;
  }
}
