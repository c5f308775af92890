package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;

/** Types the {@code str} namespace functions ({@link StringFunction}). */
final class StringTyping {
  private final Typing typing;

  StringTyping(Typing typing) {
    this.typing = typing;
  }

  Typing.Typed type(StringFunction function) {
    Typing.Typed input = typing.type(function.input());
    if (!input.type().isString()) {
      throw new InvalidOperationException(
          "cannot apply str." + function.op().method() + "() to " + input.type() + " in "
              + function);
    }
    boolean regex = function.op() == StringOp.SPLIT
        ? function.options().strict()
        : function.op() != StringOp.STRPTIME;
    if (regex && !function.literal() && function.pattern() != null) {
      try {
        java.util.regex.Pattern.compile(dev.floe.memory.text.RustRegexSyntax.toJava(function.pattern()));
      } catch (java.util.regex.PatternSyntaxException invalid) {
        throw new InvalidOperationException(
            "invalid regular expression " + ExprPrinter.quote(function.pattern()) + ": "
                + invalid.getDescription() + " in " + function);
      }
    }
    return new Typing.Typed(
        function.withInput(input.expr()), outputType(function, input.type()), input.scalar());
  }

  private static DataType outputType(StringFunction function, DataType input) {
    StringOptions options = function.options();
    return switch (function.op()) {
      case TO_INTEGER -> {
        if (options.base() < 2 || options.base() > 36) {
          throw invalid("str.toInteger() needs a base in 2..36, got " + options.base(), function);
        }
        DataType target = options.target() == null ? DataType.INT64 : options.target();
        if (!target.isInteger() || target.byteWidth() > 8) {
          throw invalid("str.toInteger() produces an integer type, not " + target, function);
        }
        yield target;
      }
      case TO_DECIMAL -> {
        if (options.scale() < 0 || options.scale() > 38) {
          throw invalid("str.toDecimal() needs a scale in 0..38, got " + options.scale(), function);
        }
        yield new DataType.Decimal128(38, options.scale());
      }
      case EXTRACT -> {
        if (options.groupIndex() < 0) {
          throw invalid(
              "str.extract() needs a group index >= 0, got " + options.groupIndex(), function);
        }
        yield function.op().outputType(input);
      }
      case STRPTIME -> temporalType(function);
      default -> function.op().outputType(input);
    };
  }

  /** Date, time, or datetime (in UTC when the format parses an offset and no zone is given). */
  private static DataType temporalType(StringFunction function) {
    DataType target = function.options().target();
    return switch (target) {
      case DataType.Date32 date -> date;
      case DataType.Time64 time -> new DataType.Time64(TimeUnit.NANOSECOND);
      case DataType.Timestamp timestamp -> {
        if (timestamp.timeZone() != null) {
          try {
            java.time.ZoneId.of(timestamp.timeZone());
          } catch (java.time.DateTimeException unknown) {
            throw invalid("unknown time zone " + ExprPrinter.quote(timestamp.timeZone()), function);
          }
          yield timestamp;
        }
        String format = function.pattern();
        boolean offset = format != null && hasOffsetDirective(format);
        yield offset ? new DataType.Timestamp(timestamp.unit(), "UTC") : timestamp;
      }
      case null -> throw invalid("str.strptime() needs a target type", function);
      default ->
          throw invalid(
              "str.strptime() parses into date, datetime or time, not " + target, function);
    };
  }

  /** Whether a chrono format has {@code %z}, {@code %:z}, {@code %::z} or {@code %#z}. */
  static boolean hasOffsetDirective(String format) {
    for (int i = 0; i + 1 < format.length(); i++) {
      if (format.charAt(i) != '%') {
        continue;
      }
      int j = i + 1;
      while (j < format.length() && (format.charAt(j) == ':' || format.charAt(j) == '#')) {
        j++;
      }
      if (j < format.length() && format.charAt(j) == 'z') {
        return true;
      }
      i = j;
    }
    return false;
  }

  private static InvalidOperationException invalid(String message, StringFunction function) {
    return new InvalidOperationException(message + " in " + function);
  }
}
