package dev.floe.kernels.temporal;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.util.List;

/**
 * Polars' {@code str.strptime} / {@code to_date} / {@code to_datetime} over a string column (any
 * layout): chrono formats ({@link ChronoFormat}) with Polars' fast path, or with a null format
 * Polars' inference ({@link ParseInference}). A value that does not parse is null, or with
 * {@code strict} a {@link ComputeException} naming the first such value, its row and the format.
 * A format with an offset ({@code %z}) gives UTC instants, typed in {@code timeZone} or UTC, as
 * does an inferred offset format; otherwise wall times are localized to the target's time zone
 * (a non-existent or ambiguous time raises).
 */
public final class ParseTemporal {
  private ParseTemporal() {}

  /**
   * Parses {@code input} into {@code target}: {@link DataType.Date32},
   * {@link DataType.Timestamp} or {@link DataType.Time64} (nanoseconds).
   */
  public static FixedWidthColumn strptime(
      Column input, DataType target, String format, boolean strict, boolean exact,
      BufferAllocator allocator) {
    if (target instanceof DataType.Time64) {
      return ParseTime.parse(input, format, strict, allocator);
    }
    ParseValues values = new ParseValues(input);
    boolean date = switch (target) {
      case DataType.Date32 d -> true;
      case DataType.Timestamp t -> false;
      default -> throw new InvalidOperationException(
          "strptime parses into date, datetime or time, not " + target);
    };
    ChronoFormat compiled;
    ParseInference family = null;
    if (format == null && !exact) {
      format = sniff(values, date);
    }
    if (format != null) {
      compiled = ChronoFormat.compile(format);
    } else {
      family = infer(values, date, exact);
      if (family == null) {
        return allNull(input, target, values, allocator);
      }
      compiled = family.formats.getFirst();
      if (family.offset && target instanceof DataType.Timestamp ts && ts.timeZone() == null) {
        throw new ComputeException(
            "strptime/toDatetime was called with no format and no time zone, but a time zone"
                + " is part of the data; give a format or a time zone");
      }
    }
    boolean zoned = family != null ? family.offset : compiled.hasOffset();
    DataType outputType = target;
    if (target instanceof DataType.Timestamp ts && zoned && ts.timeZone() == null) {
      outputType = new DataType.Timestamp(ts.unit(), "UTC");
    }
    ParseFastPath fast = format != null ? ParseFastPath.of(format) : null;
    ParseRow row = new ParseRow();
    ParseLocalizer localizer = outputType instanceof DataType.Timestamp ts && !zoned
        ? ParseLocalizer.of(ts.timeZone()) : null;
    TimeUnit unit = outputType instanceof DataType.Timestamp ts ? ts.unit() : null;
    int rows = input.length();
    try (FixedWidthBuilder out = new FixedWidthBuilder(outputType, allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        String value = values.get(i);
        if (value == null) {
          out.appendNull();
          continue;
        }
        boolean parsed;
        if (date) {
          long day;
          if (family == null) {
            day = row.date(value, compiled, fast, exact);
          } else {
            day = ChronoParsed.NONE;
            for (ChronoFormat candidate : tries(family, compiled, value)) {
              day = row.date(value, candidate, null, true);
              if (day != ChronoParsed.NONE) {
                compiled = candidate;
                break;
              }
            }
          }
          parsed = day != ChronoParsed.NONE && day >= Integer.MIN_VALUE && day <= Integer.MAX_VALUE;
          out.appendInt((int) day, parsed);
        } else {
          long[] instant = null;
          if (family == null) {
            instant = row.dateTime(value, compiled, fast, exact, zoned);
          } else {
            for (ChronoFormat candidate : tries(family, compiled, value)) {
              instant = row.dateTime(value, candidate, null, true, zoned);
              if (instant != null) {
                compiled = candidate;
                break;
              }
            }
          }
          parsed = instant != null;
          long units = parsed ? toUnit(instant, unit) : 0;
          if (parsed && localizer != null) {
            units = localizer.toUtc(units, unit, value);
          }
          out.appendLong(units, parsed);
        }
        if (!parsed && strict) {
          throw new ComputeException(
              "strict conversion from str to " + outputType + " failed for value \"" + value
                  + "\" at row " + i + (format != null ? " with format \"" + format + "\""
                      : " with the inferred format \"" + compiled.text() + "\"")
                  + " (consider strict=false)");
        }
      }
      return out.build();
    }
  }

  private static List<ChronoFormat> tries(ParseInference family, ChronoFormat latest, String v) {
    if (!family.inferable(v)) {
      return List.of(latest);
    }
    java.util.ArrayList<ChronoFormat> all = new java.util.ArrayList<>(family.formats.size() + 1);
    all.add(latest);
    all.addAll(family.formats);
    return all;
  }

  private static long toUnit(long[] instant, TimeUnit unit) {
    long perSecond = unit.perSecond();
    return instant[0] * perSecond + instant[1] / (1_000_000_000L / perSecond);
  }

  /**
   * The family of the first value one of whose formats parses it, or null when none does; with
   * {@code exact=false} only the first non-null value is tried (as Polars does).
   */
  private static ParseInference infer(ParseValues values, boolean date, boolean exact) {
    ParseRow row = new ParseRow();
    ChronoParser parser = new ChronoParser();
    for (int i = 0; i < values.length(); i++) {
      String value = values.get(i);
      if (value == null) {
        continue;
      }
      for (ParseInference family : ParseInference.candidates(date)) {
        for (ChronoFormat format : family.formats) {
          boolean ok;
          if (date) {
            ok = row.date(value, format, null, true) != ChronoParsed.NONE;
          } else if (!family.offset) {
            ok = row.dateTime(value, format, null, true, false) != null;
          } else {
            ok = parser.parse(value, format) && parser.parsed().toEpochSecondAndNanos() != null;
          }
          if (ok) {
            return family;
          }
        }
      }
      if (!exact) {
        break;
      }
    }
    return null;
  }

  /**
   * Without a format and with {@code exact=false}, Polars takes the first year-month-day, then
   * day-month-year format (offsets aside) that parses the first non-null value exactly (for
   * datetimes: as a full datetime, else as a date) and parses every value with it; none is an
   * error.
   */
  private static String sniff(ParseValues values, boolean date) {
    ParseRow row = new ParseRow();
    ChronoParser parser = new ChronoParser();
    List<ParseInference> families = date
        ? List.of(ParseInference.DATE_YMD, ParseInference.DATE_DMY)
        : List.of(ParseInference.DATETIME_YMD, ParseInference.DATETIME_DMY);
    for (int i = 0; i < values.length(); i++) {
      String value = values.get(i);
      if (value == null) {
        continue;
      }
      for (int pass = date ? 1 : 0; pass < 2; pass++) {
        for (ParseInference family : families) {
          for (ChronoFormat format : family.formats) {
            boolean ok = pass == 0
                ? parser.parse(value, format) && parser.parsed().toEpochSecondAndNanos() != null
                : row.date(value, format, null, true) != ChronoParsed.NONE;
            if (ok) {
              return format.text();
            }
          }
        }
      }
      throw new ComputeException(
          "could not find an appropriate format to parse " + (date ? "dates" : "datetimes")
              + ", please define a format (first value \"" + value + "\" at row " + i + ")");
    }
    return null;
  }

  private static FixedWidthColumn allNull(
      Column input, DataType target, ParseValues values, BufferAllocator allocator) {
    for (int i = 0; i < values.length(); i++) {
      if (values.get(i) != null) {
        // Polars fails here even when not strict
        throw new ComputeException(
            "could not find an appropriate format to parse dates, please define a format"
                + " (first value \"" + values.get(i) + "\" at row " + i + ")");
      }
    }
    try (FixedWidthBuilder out = new FixedWidthBuilder(target, allocator, input.length())) {
      for (int i = 0; i < input.length(); i++) {
        out.appendNull();
      }
      return out.build();
    }
  }
}
