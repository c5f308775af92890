package dev.floe.kernels;

import java.util.Locale;

/**
 * Lowercasing with Rust's {@code str::to_lowercase} rules, which Polars uses: every code point maps
 * as in {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}, except that capital sigma
 * becomes final sigma (ς) only when the nearest non-case-ignorable code point before it is cased
 * and the nearest one after it is not (Unicode's Final_Sigma condition). Java applies a looser test:
 * it lowercases "a-Σ" to "a-ς" where Rust gives "a-σ".
 */
final class StringCase {
  private static final int CAPITAL_SIGMA = 0x03A3;

  private StringCase() {}

  static String lower(String text) {
    if (text.indexOf(CAPITAL_SIGMA) < 0) {
      return text.toLowerCase(Locale.ROOT);
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int at = 0; at < text.length(); ) {
      int cp = text.codePointAt(at);
      if (cp == CAPITAL_SIGMA) {
        out.append(isFinal(text, at) ? 'ς' : 'σ');
      } else {
        out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
      }
      at += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean isFinal(String text, int sigma) {
    int before = sigma;
    boolean casedBefore = false;
    while (before > 0) {
      int cp = text.codePointBefore(before);
      before -= Character.charCount(cp);
      if (!caseIgnorable(cp)) {
        casedBefore = cased(cp);
        break;
      }
    }
    if (!casedBefore) {
      return false;
    }
    for (int after = sigma + 1; after < text.length(); ) {
      int cp = text.codePointAt(after);
      after += Character.charCount(cp);
      if (!caseIgnorable(cp)) {
        return !cased(cp);
      }
    }
    return true;
  }

  /** Unicode's Cased property (Lowercase, Uppercase or titlecase letters). */
  private static boolean cased(int cp) {
    return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /** Unicode's Case_Ignorable property: marks, format characters, modifiers and mid-word marks. */
  private static boolean caseIgnorable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT,
          Character.MODIFIER_LETTER, Character.MODIFIER_SYMBOL -> true;
      default -> switch (cp) {
        case '\'', '.', ':', 0x00B7, 0x0387, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
            0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A -> true;
        default -> false;
      };
    };
  }
}
