package dev.floe.kernels;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/** Per-value string functions on Java strings with Polars' (Rust's) semantics. */
final class StringText {
  private StringText() {}

  /** Rust's {@code char::is_whitespace}: the Unicode White_Space property. */
  static boolean isWhiteSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 ->
          true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  static boolean isAsciiPunctuation(int c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  static String strip(String text) {
    int begin = 0;
    int end = text.length();
    while (begin < end && isWhiteSpace(text.charAt(begin))) {
      begin++;
    }
    while (end > begin && isWhiteSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(begin, end);
  }

  static String slice(String text, long offset, Long length) {
    int chars = text.codePointCount(0, text.length());
    long begin = offset < 0 ? chars + offset : offset;
    long end = length == null ? Long.MAX_VALUE : begin + length;
    begin = Math.clamp(begin, 0, chars);
    end = Math.clamp(end, 0, chars);
    if (end <= begin) {
      return "";
    }
    int from = text.offsetByCodePoints(0, (int) begin);
    int to = text.offsetByCodePoints(from, (int) (end - begin));
    return text.substring(from, to);
  }

  static String pad(String text, int width, char fill, boolean start) {
    int chars = text.codePointCount(0, text.length());
    if (chars >= width) {
      return text;
    }
    String padding = String.valueOf(fill).repeat(width - chars);
    return start ? padding + text : text + padding;
  }

  static String zfill(String text, int width) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= width) {
      return text;
    }
    String zeros = "0".repeat(width - bytes);
    if (!text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      return text.charAt(0) + zeros + text.substring(1);
    }
    return zeros + text;
  }

  static String replace(Matcher matcher, String text, String value, boolean literal, boolean all) {
    StringBuilder out = null;
    int copied = 0;
    int position = 0;
    int previousEnd = -1;
    while (position <= text.length() && matcher.find(position)) {
      int start = matcher.start();
      int end = matcher.end();
      if (start == end && (start == previousEnd || splitsSurrogate(text, start))) {
        position = start + 1;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + value.length());
      }
      out.append(text, copied, start);
      if (literal) {
        out.append(value);
      } else {
        expand(matcher, value, out);
      }
      copied = end;
      previousEnd = end;
      position = end;
      if (!all) {
        break;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean splitsSurrogate(String text, int index) {
    return index > 0
        && index < text.length()
        && Character.isHighSurrogate(text.charAt(index - 1))
        && Character.isLowSurrogate(text.charAt(index));
  }

  /** Rust regex replacement syntax: {@code $$}, {@code $name}, {@code ${name}}. */
  private static void expand(Matcher matcher, String value, StringBuilder out) {
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$' || i + 1 >= value.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = value.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int after;
      if (next == '{') {
        int close = value.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        name = value.substring(i + 2, close);
        after = close + 1;
      } else {
        int end = i + 1;
        while (end < value.length() && isNameChar(value.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          out.append(c);
          i++;
          continue;
        }
        name = value.substring(i + 1, end);
        after = end;
      }
      String group = group(matcher, name);
      if (group != null) {
        out.append(group);
      }
      i = after;
    }
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String group(Matcher matcher, String name) {
    if (!name.isEmpty() && name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      try {
        int number = Integer.parseInt(name);
        return number <= matcher.groupCount() ? matcher.group(number) : null;
      } catch (NumberFormatException tooLarge) {
        return null;
      }
    }
    try {
      return matcher.group(name);
    } catch (IllegalArgumentException noSuchGroup) {
      return null;
    }
  }
}
