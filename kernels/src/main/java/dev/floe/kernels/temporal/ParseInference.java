package dev.floe.kernels.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polars' format inference for {@code to_date}/{@code to_datetime} without a format: the first
 * value that parses with one of a family's formats picks the family (day-month-year dates,
 * year-month-day dates, and for datetimes also year-month-day with an offset); every value is
 * then tried with the format that worked last, else, when it looks like the family (Polars'
 * regexes), with each of the family's formats in order.
 */
enum ParseInference {
  DATE_DMY(false, null, "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"),
  DATE_YMD(false, null, "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"),
  DATETIME_DMY(false, regex(false, false), datetimes("%d", "%m", "%Y", false)),
  DATETIME_YMD(false, regex(true, false), datetimes("%Y", "%m", "%d", false)),
  DATETIME_YMDZ(true, regex(true, true), datetimes("%Y", "%m", "%d", true));

  final boolean offset;
  private final Pattern gate;
  final List<ChronoFormat> formats;

  ParseInference(boolean offset, Pattern gate, String... formats) {
    this.offset = offset;
    this.gate = gate;
    List<ChronoFormat> compiled = new ArrayList<>();
    for (String format : formats) {
      compiled.add(ChronoFormat.compile(format));
    }
    this.formats = List.copyOf(compiled);
  }

  /** Whether {@code value} may be tried with all formats (Polars' {@code is_inferable}). */
  boolean inferable(String value) {
    if (gate == null) {
      return true;
    }
    Matcher matcher = gate.matcher(value);
    if (!matcher.matches()) {
      return false;
    }
    int month = Integer.parseInt(matcher.group("month"));
    return month >= 1 && month <= 12;
  }

  /** The families a target tries, in Polars' order. */
  static List<ParseInference> candidates(boolean date) {
    return date
        ? List.of(DATE_DMY, DATE_YMD)
        : List.of(DATETIME_DMY, DATETIME_YMD, DATETIME_YMDZ);
  }

  private static String[] datetimes(String first, String second, String third, boolean zoned) {
    List<String> formats = new ArrayList<>();
    String zone = zoned ? "%#z" : "";
    for (String separator : new String[] {"-", "/", "."}) {
      String date = first + separator + second + separator + third;
      for (String between : new String[] {"T", " "}) {
        formats.add(date + between + "%H:%M:%S%.f" + zone);
        formats.add(date + between + "%H%M%S%.f" + zone);
        formats.add(date + between + "%H:%M" + zone);
        formats.add(date + between + "%H%M" + zone);
      }
      if (!zoned) {
        formats.add(date);
      }
    }
    if (first.equals("%Y")) {
      formats.add("%Y%m%dT%H%M%S%.f" + zone);
      if (zoned) {
        formats.add("%Y%m%dT%H%M%S%.fZ");
        formats.add("%+");
      } else {
        formats.add("%Y-%m-%dT%H:%M:%S%.f");
      }
    }
    return formats.toArray(String[]::new);
  }

  private static Pattern regex(boolean yearFirst, boolean zoned) {
    String time = zoned
        ? "[T ]\\d{2}:?\\d{2}(?::?\\d{2}(?:\\.\\d{1,9})?)?(?:[+-]\\d{2}(?::?\\d{2})?|Z)"
        : "(?:[T ]\\d{1,2}:?\\d{1,2}(?::?\\d{1,2}(?:\\.\\d{1,9})?)?)?";
    String date = yearFirst
        ? "\\d{4,}[-/.]?(?<month>[01]?\\d)[-/.]?\\d{1,2}"
        : "\\d{1,2}[-/.](?<month>[01]?\\d)[-/.]\\d{4,}";
    return Pattern.compile("['\"]?" + date + time + "['\"]?");
  }
}
