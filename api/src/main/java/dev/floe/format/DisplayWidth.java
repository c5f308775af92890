package dev.floe.format;

import java.nio.charset.StandardCharsets;

/**
 * Terminal column widths of text, following the Rust {@code unicode-width} crate that Polars' table
 * renderer uses: East Asian Wide and Fullwidth characters (CJK, most emoji) take two columns,
 * combining marks and format characters take none, everything else takes one. An emoji variation
 * selector (U+FE0F) widens the preceding character to two columns, and an emoji joined by a
 * zero-width joiner adds nothing to the sequence it joins.
 *
 * <p>Also holds Polars' own rough estimate ({@link #estimate}), which Polars uses for column width
 * limits; it overestimates accented text, and Floe copies that so its tables match Polars'.
 */
public final class DisplayWidth {
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int EMOJI_PRESENTATION = 0xFE0F;

  /** Inclusive code point ranges of East Asian Wide (W) and Fullwidth (F) characters, sorted. */
  private static final int[] WIDE = {
    0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0,
    0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F,
    0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
    0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
    0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728,
    0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
    0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
    0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFF, 0x3000, 0x303E,
    0x3041, 0x3096, 0x3099, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E5,
    0x31EF, 0x321E, 0x3220, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA48C, 0xA490, 0xA4C6,
    0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE52,
    0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4,
    0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFFE,
    0x1B000, 0x1B122, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B167,
    0x1B170, 0x1B2FB, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A,
    0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265,
    0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
    0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
    0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A,
    0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC,
    0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC,
    0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
    0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA89, 0x1FA8F, 0x1FAC6, 0x1FACE, 0x1FADC, 0x1FADF, 0x1FAE9,
    0x1FAF0, 0x1FAF8, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD
  };

  private DisplayWidth() {}

  /** The columns one code point takes on its own (0, 1 or 2). */
  public static int of(int codePoint) {
    if (codePoint < 0x7F) {
      return codePoint >= 0x20 ? 1 : 0;
    }
    if (isZeroWidth(codePoint)) {
      return 0;
    }
    return isWide(codePoint) ? 2 : 1;
  }

  /** The columns {@code text} takes in a terminal. */
  public static int of(String text) {
    int width = 0;
    int previousWidth = 0;
    boolean joined = false;
    for (int index = 0; index < text.length(); ) {
      int codePoint = text.codePointAt(index);
      index += Character.charCount(codePoint);
      if (codePoint == EMOJI_PRESENTATION && previousWidth == 1) {
        width += 1;
        previousWidth = 2;
        continue;
      }
      int own = of(codePoint);
      if (joined && own == 2) {
        own = 0; // the joined emoji renders inside the preceding glyph
      }
      joined = codePoint == ZERO_WIDTH_JOINER;
      width += own;
      if (own > 0) {
        previousWidth = own;
      }
    }
    return width;
  }

  /**
   * Polars' estimate of a string's width ({@code estimate_string_width} in {@code polars-core}):
   * the code point count for ASCII, else {@code min(2 * chars, ceil(chars * bytes / chars))},
   * computed in doubles exactly as Polars does.
   */
  public static int estimate(String text) {
    int chars = text.codePointCount(0, text.length());
    int bytes = utf8Length(text);
    if (bytes == chars) {
      return chars;
    }
    double adjust = (double) bytes / chars;
    return (int) Math.min(chars * 2L, (long) Math.ceil(chars * adjust));
  }

  /** The number of bytes of {@code text} in UTF-8. */
  public static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The first {@code maxCodePoints} code points of {@code text} (all of it if shorter). */
  public static String prefix(String text, int maxCodePoints) {
    if (maxCodePoints < 0 || text.length() <= maxCodePoints) {
      return text;
    }
    int count = text.codePointCount(0, text.length());
    if (count <= maxCodePoints) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
  }

  private static boolean isZeroWidth(int codePoint) {
    if (codePoint >= 0x1160 && codePoint <= 0x11FF) {
      return true; // Hangul medial vowels and final consonants join the preceding syllable
    }
    if (codePoint == 0x00AD) {
      return false; // the soft hyphen is shown
    }
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || type == Character.CONTROL
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F);
  }

  private static boolean isWide(int codePoint) {
    int low = 0;
    int high = WIDE.length / 2 - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (codePoint < WIDE[2 * middle]) {
        high = middle - 1;
      } else if (codePoint > WIDE[2 * middle + 1]) {
        low = middle + 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
