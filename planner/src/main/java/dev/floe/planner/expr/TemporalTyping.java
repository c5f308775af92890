package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Types the dt functions ({@link TemporalFunction}): checks input types, inserts casts, names the result type. */
final class TemporalTyping {
  /** The shape of a Polars duration string; the kernels parse it (and check the amounts). */
  private static final java.util.regex.Pattern DURATION =
      java.util.regex.Pattern.compile("-?([0-9]+(ns|us|µs|ms|s|m|h|d|w|mo|q|y))+");
  private static final Set<String> EPOCH_UNITS = Set.of("s", "ms", "us", "ns", "d");
  private static final Set<String> TIMESTAMP_UNITS = Set.of("ms", "us", "ns");
  private static final Set<String> AMBIGUOUS = Set.of("raise", "earliest", "latest", "null");
  private static final Set<String> NON_EXISTENT = Set.of("raise", "null");

  private final Typing typing;

  TemporalTyping(Typing typing) {
    this.typing = typing;
  }

  /**
   * Arithmetic and comparison with temporal operands (date - date, datetime + duration, ...), or
   * null when neither side is temporal and the numeric rules apply.
   */
  static Typing.Typed binary(Binary binary, Typing.Typed left, Typing.Typed right) {
    return TemporalBinaryTyping.binary(binary, left, right);
  }

  Typing.Typed type(TemporalFunction function) {
    Typing.Typed input = typing.type(function.input());
    TemporalOp op = function.op();
    if (op == TemporalOp.ARITHMETIC) {
      Typing.Typed right = typing.type(function.operands().getFirst());
      return new Typing.Typed(
          new TemporalFunction(op, input.expr(), List.of(right.expr()), function.arguments()),
          (DataType) function.arguments().get(1),
          input.scalar() && right.scalar());
    }
    DataType output = output(function, input.type());
    return new Typing.Typed(
        new TemporalFunction(op, input.expr(), List.of(), function.arguments()),
        output,
        input.scalar());
  }

  private static DataType output(TemporalFunction function, DataType type) {
    TemporalOp op = function.op();
    List<Object> arguments = function.arguments();
    boolean date = type instanceof DataType.Date32;
    boolean datetime = type instanceof DataType.Timestamp;
    boolean time = type instanceof DataType.Time64;
    if (op.isField()) {
      boolean allowed = datetime
          || (date && op.isCalendarField())
          || (time && op.isClockField());
      if (!allowed) {
        throw unsupported(function, type);
      }
      return fieldType(op);
    }
    return switch (op) {
      case MONTH_START, MONTH_END -> require(function, type, date || datetime);
      case TRUNCATE, ROUND, OFFSET_BY -> {
        String duration = requireText(function, arguments.getFirst(), "a duration string");
        require(function, type, date || datetime);
        if (!DURATION.matcher(duration).matches()) {
          throw new InvalidOperationException(
              "invalid duration string " + ExprPrinter.quote(duration) + " (integers each followed"
                  + " by a unit: 'y', 'mo', 'q', 'w', 'd', 'h', 'm', 's', 'ms', 'us', 'ns';"
                  + " one leading minus at most) in " + function);
        }
        yield type;
      }
      case EPOCH, TIMESTAMP -> {
        require(function, type, date || datetime);
        String unit = requireText(function, arguments.getFirst(), "a time unit");
        Set<String> valid = op == TemporalOp.EPOCH ? EPOCH_UNITS : TIMESTAMP_UNITS;
        if (!valid.contains(unit)) {
          throw new InvalidOperationException(
              "invalid time unit " + ExprPrinter.quote(unit) + " (valid: " + valid.stream().sorted().toList()
                  + ") in " + function);
        }
        yield unit.equals("d") ? DataType.INT32 : DataType.INT64;
      }
      case STRFTIME -> {
        requireText(function, arguments.getFirst(), "a format");
        require(function, type, date || datetime || time);
        yield DataType.UTF8;
      }
      case CONVERT_TIME_ZONE -> {
        require(function, type, datetime);
        String zone = requireText(function, arguments.getFirst(), "a time zone");
        yield new DataType.Timestamp(((DataType.Timestamp) type).unit(), zone(function, zone));
      }
      case REPLACE_TIME_ZONE -> {
        require(function, type, datetime);
        String zone = (String) arguments.get(0);
        option(function, arguments.get(1), AMBIGUOUS, "ambiguous");
        option(function, arguments.get(2), NON_EXISTENT, "nonExistent");
        yield new DataType.Timestamp(
            ((DataType.Timestamp) type).unit(), zone == null ? null : zone(function, zone));
      }
      default -> {
        if (!op.isTotal() || !(type instanceof DataType.Duration)) {
          throw unsupported(function, type);
        }
        yield Boolean.TRUE.equals(arguments.getFirst()) ? DataType.FLOAT64 : DataType.INT64;
      }
    };
  }

  private static DataType fieldType(TemporalOp op) {
    return switch (op) {
      case YEAR, ISO_YEAR, CENTURY, MILLENNIUM, MILLISECOND, MICROSECOND, NANOSECOND ->
          DataType.INT32;
      case IS_LEAP_YEAR -> DataType.BOOLEAN;
      case ORDINAL_DAY -> DataType.INT16;
      case DATE -> DataType.DATE32;
      case TIME -> new DataType.Time64(TimeUnit.NANOSECOND);
      default -> DataType.INT8;
    };
  }

  private static DataType require(TemporalFunction function, DataType type, boolean allowed) {
    if (!allowed) {
      throw unsupported(function, type);
    }
    return type;
  }

  private static InvalidOperationException unsupported(TemporalFunction function, DataType type) {
    return new InvalidOperationException(
        "cannot apply dt." + function.op().method() + "() to " + describe(type) + " in " + function);
  }

  /** The type's name as users know it: {@code String} for the string layouts. */
  private static String describe(DataType type) {
    return type.isString() ? "String" : type.toString();
  }

  private static String requireText(TemporalFunction function, Object argument, String what) {
    if (argument instanceof String text) {
      return text;
    }
    throw new InvalidOperationException(
        "dt." + function.op().method() + "() needs " + what + ", got " + argument + " in " + function);
  }

  private static void option(TemporalFunction function, Object value, Set<String> valid, String name) {
    if (!(value instanceof String text) || !valid.contains(text)) {
      throw new InvalidOperationException(
          "invalid " + name + " " + ExprPrinter.value(value) + " (valid: " + valid.stream().sorted().toList()
              + ") in " + function);
    }
  }

  private static String zone(TemporalFunction function, String zone) {
    try {
      ZoneId.of(zone);
      return zone;
    } catch (DateTimeException unknown) {
      throw new InvalidOperationException(
          "unknown time zone " + ExprPrinter.quote(zone) + " (an IANA name such as"
              + " \"Europe/Amsterdam\" or \"UTC\") in " + function);
    }
  }
}
