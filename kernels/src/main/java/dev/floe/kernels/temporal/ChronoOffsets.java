package dev.floe.kernels.temporal;

/** chrono's {@code scan::timezone_offset}: {@code ±hh}, separators, {@code mm}; Zulu optional. */
final class ChronoOffsets {
  private ChronoOffsets() {}

  /**
   * Scans an offset at the parser's position and advances past it; returns the offset in seconds
   * or {@link ChronoParsed#NONE}. Between hours and minutes any colons and whitespace are skipped
   * (chrono's {@code colon_or_space}); {@code −} (U+2212) is a minus sign.
   */
  static long scan(ChronoParser parser, boolean allowZulu, boolean allowMissingMinutes) {
    String s = parser.text();
    int pos = parser.position();
    if (pos >= s.length()) {
      return ChronoParsed.NONE;
    }
    char sign = s.charAt(pos);
    if (allowZulu) {
      if (sign == 'Z' || sign == 'z') {
        parser.position(pos + 1);
        return 0;
      }
      if (sign == 'U' || sign == 'u') {
        if (s.regionMatches(true, pos, "utc", 0, 3)) {
          parser.position(pos + 3);
          return 0;
        }
        return ChronoParsed.NONE;
      }
    }
    boolean negative;
    if (sign == '+') {
      negative = false;
    } else if (sign == '-' || sign == '\u2212') {
      negative = true;
    } else {
      return ChronoParsed.NONE;
    }
    pos++;
    if (pos + 2 > s.length() || !isDigit(s.charAt(pos)) || !isDigit(s.charAt(pos + 1))) {
      return ChronoParsed.NONE;
    }
    int hours = (s.charAt(pos) - '0') * 10 + (s.charAt(pos + 1) - '0');
    pos += 2;
    while (pos < s.length()
        && (s.charAt(pos) == ':' || ChronoParser.isWhitespace(s.codePointAt(pos)))) {
      pos += Character.charCount(s.codePointAt(pos));
    }
    int minutes;
    int remaining = s.length() - pos;
    if (remaining >= 2) {
      char m1 = s.charAt(pos);
      char m2 = s.charAt(pos + 1);
      if (m1 >= '0' && m1 <= '5' && isDigit(m2)) {
        minutes = (m1 - '0') * 10 + (m2 - '0');
      } else {
        return ChronoParsed.NONE;
      }
      pos += 2;
    } else if (allowMissingMinutes) {
      minutes = 0;
      if (remaining == 1) {
        return ChronoParsed.NONE;
      }
    } else {
      return ChronoParsed.NONE;
    }
    parser.position(pos);
    long seconds = hours * 3600L + minutes * 60L;
    return negative ? -seconds : seconds;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
