package dev.floe.kernels.temporal;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.util.List;

/**
 * Polars' {@code str.to_time} / {@code strptime(pl.Time)}: chrono's {@code NaiveTime} parsing of
 * the whole string (date fields are parsed and ignored; {@code exact} has no effect), as
 * nanoseconds since midnight; a leap second rolls over to the next minute, except past the end
 * of the day. Without a format the first non-null value picks {@code %T%.f} or {@code %R}, used
 * for every value.
 */
final class ParseTime {
  private ParseTime() {}

  private static final long DAY_NANOS = 86_400_000_000_000L;
  private static final List<ChronoFormat> INFERRED =
      List.of(ChronoFormat.compile("%T%.f"), ChronoFormat.compile("%R"));

  static FixedWidthColumn parse(
      Column input, String format, boolean strict, BufferAllocator allocator) {
    ParseValues values = new ParseValues(input);
    ChronoParser parser = new ChronoParser();
    ChronoFormat compiled =
        format != null ? ChronoFormat.compileLenient(format) : infer(values, parser);
    int rows = input.length();
    try (FixedWidthBuilder out =
        new FixedWidthBuilder(new DataType.Time64(TimeUnit.NANOSECOND), allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        String value = values.get(i);
        if (value == null) {
          out.appendNull();
          continue;
        }
        long nanos = compiled == null ? ChronoParsed.NONE : nanos(parser, value, compiled);
        boolean parsed = nanos != ChronoParsed.NONE;
        out.appendLong(parsed ? nanos : 0, parsed);
        if (!parsed && strict) {
          throw new ComputeException(
              "strict conversion from str to time failed for value \"" + value + "\" at row "
                  + i + " with format \"" + compiled.text() + "\" (consider strict=false)");
        }
      }
      return out.build();
    }
  }

  private static long nanos(ChronoParser parser, String value, ChronoFormat format) {
    if (!parser.parse(value, format)) {
      return ChronoParsed.NONE;
    }
    long nanos = parser.parsed().toNanosOfDay();
    return nanos >= DAY_NANOS ? ChronoParsed.NONE : nanos;
  }

  private static ChronoFormat infer(ParseValues values, ChronoParser parser) {
    for (int i = 0; i < values.length(); i++) {
      String value = values.get(i);
      if (value == null) {
        continue;
      }
      for (ChronoFormat format : INFERRED) {
        // chrono accepts 23:59:60 (a leap second) here; only the conversion rejects it
        if (parser.parse(value, format) && parser.parsed().toNanosOfDay() != ChronoParsed.NONE) {
          return format;
        }
      }
      throw new ComputeException(
          "could not find an appropriate format to parse times, please define a format (first"
              + " value \"" + value + "\" at row " + i + ")");
    }
    return null;
  }
}
