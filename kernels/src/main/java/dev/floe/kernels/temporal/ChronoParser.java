package dev.floe.kernels.temporal;

import dev.floe.kernels.temporal.ChronoItem.Field;
import dev.floe.kernels.temporal.ChronoItem.Kind;
import java.util.List;

/**
 * Parses text with a {@link ChronoFormat} exactly as chrono's {@code parse} does: numbers skip
 * leading whitespace and take 1 to their width in ASCII digits ({@code %Y} any count after a
 * sign), format whitespace skips any input whitespace, literals match exactly, month and weekday
 * names match ASCII case-insensitively ({@code %B}/{@code %A} accept the short name too),
 * {@code %.f} takes an optional dot and 1+ digits (digits past the ninth ignored), offsets are
 * {@code ±hh[:]mm} ({@code %#z} also {@code Z}, {@code UTC} and {@code ±hh}). Each field is
 * range-checked when set ({@link ChronoParsed}). Stateless apart from its scratch fields, so one
 * parser per thread.
 */
public final class ChronoParser {
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  private static final String[] MONTH_SUFFIXES = {
    "uary", "ruary", "ch", "il", "", "e", "y", "ust", "tember", "ober", "ember", "ember"
  };
  private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  private static final String[] WEEKDAY_SUFFIXES = {
    "day", "sday", "nesday", "rsday", "day", "urday", "day"
  };

  private final ChronoParsed parsed = new ChronoParsed();
  private String text;
  private int pos;

  /** The fields of the last successful parse. */
  ChronoParsed parsed() {
    return parsed;
  }

  /** Whether the whole of {@code value} matches {@code format}; then {@link #parsed()} holds it. */
  public boolean parse(String value, ChronoFormat format) {
    return parsePrefix(value, 0, format) == value.length();
  }

  /**
   * Parses from {@code start}; returns where parsing stopped (the remainder begins), or -1 when
   * the format does not match there.
   */
  int parsePrefix(String value, int start, ChronoFormat format) {
    parsed.reset();
    text = value;
    pos = start;
    return items(format.items()) ? pos : -1;
  }

  private boolean items(List<ChronoItem> items) {
    for (ChronoItem item : items) {
      boolean ok = switch (item) {
        case ChronoItem.Literal literal -> literal(literal.text());
        case ChronoItem.Space space -> {
          skipWhitespace();
          yield true;
        }
        case ChronoItem.Numeric numeric -> numeric(numeric);
        case ChronoItem.Fixed fixed -> fixed(fixed.kind());
        case ChronoItem.Error error -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean literal(String expected) {
    if (!text.startsWith(expected, pos)) {
      return false;
    }
    pos += expected.length();
    return true;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      int cp = text.codePointAt(pos);
      if (!isWhitespace(cp)) {
        return;
      }
      pos += Character.charCount(cp);
    }
  }

  /** Rust's {@code char::is_whitespace} (the Unicode White_Space property). */
  static boolean isWhitespace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  private boolean numeric(ChronoItem.Numeric numeric) {
    skipWhitespace();
    long value;
    if (numeric.signed() && pos < text.length()
        && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      boolean negative = text.charAt(pos) == '-';
      pos++;
      value = number(1, Integer.MAX_VALUE);
      if (value == ChronoParsed.NONE) {
        return false;
      }
      value = negative ? -value : value;
    } else {
      value = number(1, numeric.maxDigits());
      if (value == ChronoParsed.NONE) {
        return false;
      }
    }
    return parsed.set(numeric.field(), value);
  }

  /** chrono's {@code scan::number}: min..max ASCII digits; NONE on failure or i64 overflow. */
  private long number(int min, int max) {
    long value = 0;
    int digits = 0;
    while (digits < max && pos < text.length()) {
      char c = text.charAt(pos);
      if (c < '0' || c > '9') {
        break;
      }
      if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
        return ChronoParsed.NONE;
      }
      value = value * 10 + (c - '0');
      pos++;
      digits++;
    }
    return digits < min ? ChronoParsed.NONE : value;
  }

  private boolean fixed(Kind kind) {
    return switch (kind) {
      case SHORT_MONTH -> name(MONTHS, null, true);
      case LONG_MONTH -> name(MONTHS, MONTH_SUFFIXES, true);
      case SHORT_WEEKDAY -> name(WEEKDAYS, null, false);
      case LONG_WEEKDAY -> name(WEEKDAYS, WEEKDAY_SUFFIXES, false);
      case AM_PM -> amPm();
      case FRACTION -> !dot() || fraction(1, 9, true);
      case FRACTION3 -> !dot() || fraction(3, 3, false);
      case FRACTION6 -> !dot() || fraction(6, 6, false);
      case FRACTION9 -> !dot() || fraction(9, 9, false);
      case DIGITS3 -> fraction(3, 3, false);
      case DIGITS6 -> fraction(6, 6, false);
      case DIGITS9 -> fraction(9, 9, false);
      case OFFSET -> offset(false, false);
      case OFFSET_PERMISSIVE -> offset(true, true);
      case ZONE_NAME -> {
        while (pos < text.length() && !isWhitespace(text.codePointAt(pos))) {
          pos += Character.charCount(text.codePointAt(pos));
        }
        yield true;
      }
      case RFC3339 -> ChronoRfc3339.parse(this);
    };
  }

  private boolean name(String[] shortNames, String[] suffixes, boolean month) {
    if (pos + 3 > text.length()) {
      return false;
    }
    String head = text.substring(pos, pos + 3);
    for (int index = 0; index < shortNames.length; index++) {
      if (head.equalsIgnoreCase(shortNames[index])) {
        pos += 3;
        if (suffixes != null && text.regionMatches(true, pos, suffixes[index], 0,
            suffixes[index].length())) {
          pos += suffixes[index].length();
        }
        return month ? parsed.set(Field.MONTH, index + 1) : parsed.setWeekday(index + 1);
      }
    }
    return false;
  }

  private boolean amPm() {
    if (pos + 2 > text.length()) {
      return false;
    }
    char first = Character.toLowerCase(text.charAt(pos));
    char second = Character.toLowerCase(text.charAt(pos + 1));
    if ((first != 'a' && first != 'p') || second != 'm') {
      return false;
    }
    pos += 2;
    return parsed.setHourDiv12(first == 'p' ? 1 : 0);
  }

  private boolean dot() {
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      return true;
    }
    return false;
  }

  private boolean fraction(int min, int max, boolean skipExtraDigits) {
    int start = pos;
    long value = number(min, max);
    if (value == ChronoParsed.NONE) {
      return false;
    }
    for (int digits = pos - start; digits < 9; digits++) {
      value *= 10;
    }
    if (skipExtraDigits) {
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
    }
    return parsed.set(Field.NANOSECOND, value);
  }

  /** chrono's {@code timezone_offset} after skipping whitespace. */
  private boolean offset(boolean allowZulu, boolean allowMissingMinutes) {
    skipWhitespace();
    long seconds = ChronoOffsets.scan(this, allowZulu, allowMissingMinutes);
    return seconds != ChronoParsed.NONE && parsed.setOffset(seconds);
  }

  // ---- access for the helpers of this package ----

  String text() {
    return text;
  }

  int position() {
    return pos;
  }

  void position(int newPosition) {
    pos = newPosition;
  }

  boolean runItems(List<ChronoItem> items) {
    return items(items);
  }
}
