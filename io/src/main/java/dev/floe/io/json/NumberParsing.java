package dev.floe.io.json;

/** Scanning number tokens, and integers and floats from the last one without intermediate strings. */
final class NumberParsing {
  private NumberParsing() {}

  /** True if the last (integral) number fits a long. */
  static boolean fitsLong(JsonScanner scanner) {
    long digits = scanner.tokenEnd - scanner.tokenStart;
    boolean negative = scanner.at(scanner.tokenStart) == '-';
    if (negative) {
      digits--;
    }
    if (digits < 19) {
      return true;
    }
    if (digits > 19) {
      return false;
    }
    String text = scanner.tokenText();
    String limit = negative ? "-9223372036854775808" : "9223372036854775807";
    return text.compareTo(limit) <= 0 || text.length() < limit.length();
  }

  /** The last integral number as a long (the caller checked {@link #fitsLong}). */
  static long toLong(JsonScanner scanner) {
    long i = scanner.tokenStart;
    boolean negative = scanner.at(i) == '-';
    if (negative) {
      i++;
    }
    long value = 0;
    for (; i < scanner.tokenEnd; i++) {
      value = value * 10 - (scanner.at(i) - '0'); // accumulate negatively: reaches Long.MIN_VALUE
    }
    return negative ? value : -value;
  }

  /** The last number as a double (correctly rounded). */
  static double toDouble(JsonScanner scanner) {
    if (scanner.integral && scanner.tokenEnd - scanner.tokenStart <= 15) {
      return toLong(scanner);
    }
    return Double.parseDouble(scanner.tokenText());
  }

  /** Scans a number at the position (JSON grammar: no leading zeros, no '+', digits required). */
  static void scan(JsonScanner s) {
    long start = s.pos;
    if (s.pos < s.end() && s.at(s.pos) == '-') {
      s.pos++;
    }
    if (s.pos < s.end() && s.at(s.pos) == '0') {
      s.pos++;
    } else if (!digits(s)) {
      s.pos = start;
      throw s.error("invalid number");
    }
    boolean whole = true;
    if (s.pos < s.end() && s.at(s.pos) == '.') {
      s.pos++;
      whole = false;
      if (!digits(s)) {
        s.pos = start;
        throw s.error("invalid number (no digits after '.')");
      }
    }
    if (s.pos < s.end() && (s.at(s.pos) == 'e' || s.at(s.pos) == 'E')) {
      s.pos++;
      whole = false;
      if (s.pos < s.end() && (s.at(s.pos) == '+' || s.at(s.pos) == '-')) {
        s.pos++;
      }
      if (!digits(s)) {
        s.pos = start;
        throw s.error("invalid number (no exponent digits)");
      }
    }
    s.tokenStart = start;
    s.tokenEnd = s.pos;
    s.integral = whole;
  }

  private static boolean digits(JsonScanner s) {
    long start = s.pos;
    while (s.pos < s.end() && s.at(s.pos) >= '0' && s.at(s.pos) <= '9') {
      s.pos++;
    }
    return s.pos > start;
  }
}
