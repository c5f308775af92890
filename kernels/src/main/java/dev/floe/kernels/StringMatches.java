package dev.floe.kernels;

import dev.floe.errors.InvalidOperationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular-expression matching with the behaviour of Rust's regex crate (which Polars uses) on
 * java.util.regex: Unicode-aware classes ({@code \d}, {@code \w}, {@code \s}, {@code \b}), only
 * {@code \n} ends a line, and in iteration an empty match never splits a character nor touches
 * the end of the previous match.
 */
final class StringMatches {
  private StringMatches() {}

  /** Receives the {@code [start, end)} char range of each match. */
  interface MatchConsumer {
    void accept(int start, int end);
  }

  /** {@code pattern} compiled as a regex, or quoted when {@code literal}. */
  static Pattern compile(String pattern, boolean literal) {
    if (literal) {
      return Pattern.compile(Pattern.quote(pattern));
    }
    try {
      return Pattern.compile(
          dev.floe.memory.text.RustRegexSyntax.toJava(pattern), Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    } catch (java.util.regex.PatternSyntaxException invalid) {
      throw new InvalidOperationException(
          "invalid regular expression \"" + pattern + "\": " + invalid.getDescription());
    }
  }

  /** Calls {@code consumer} for every match in {@code text}, left to right, as Rust finds them. */
  static void forEach(Matcher matcher, String text, MatchConsumer consumer) {
    matcher.reset(text);
    int position = 0;
    int previousEnd = -1;
    while (position <= text.length() && matcher.find(position)) {
      int start = matcher.start();
      int end = matcher.end();
      if (start == end && (start == previousEnd || splitsSurrogate(text, start))) {
        position = start + 1;
        continue;
      }
      consumer.accept(start, end);
      previousEnd = end;
      position = end;
    }
  }

  private static boolean splitsSurrogate(String text, int index) {
    return index > 0
        && index < text.length()
        && Character.isHighSurrogate(text.charAt(index - 1))
        && Character.isLowSurrogate(text.charAt(index));
  }
}
