package dev.floe.testkit;

import java.util.Random;

/**
 * Strings and byte arrays. Lengths cluster around 12 and 13 bytes, the inline limit of the view
 * layouts, and include the empty value. Strings are valid UTF-16 (no lone surrogates), drawn from
 * ASCII, control characters, Latin, Greek/Cyrillic, kana, CJK and supplementary planes (emoji), so
 * their UTF-8 forms are 1 to 4 bytes per character.
 */
final class TextGenerators {
  /** Inclusive code point ranges; the first is printable ASCII. None touches the surrogates. */
  private static final int[][] CODE_POINT_RANGES = {
    {0x20, 0x7E}, {0x00, 0x1F}, {0xA0, 0x24F}, {0x370, 0x4FF}, {0x3040, 0x30FF},
    {0x4E00, 0x9FFF}, {0x1F300, 0x1F64F}, {0x10000, 0x10FFF}
  };

  private static final Object[] STRING_EDGES = {
    "", "a", "\u0000", "é", "日本語", "😀", "abcdefghijkl", "abcdefghijklm", "ab😀cdefghi", "ab😀cdefgh",
    " leading and trailing spaces ", "a,b;\"c\"\n"
  };

  private static final Object[] BINARY_EDGES = {
    new byte[0], new byte[] {0}, new byte[] {-1}, new byte[12], new byte[13],
    new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}
  };

  private TextGenerators() {}

  static ValueGenerator strings() {
    return ValueGenerators.withEdges(TextGenerators::nextString, STRING_EDGES);
  }

  static ValueGenerator binaries() {
    return ValueGenerators.withEdges(random -> nextBytes(random, nextLength(random)), BINARY_EDGES);
  }

  static ValueGenerator fixedSizeBinaries(int byteWidth) {
    return random -> nextBytes(random, byteWidth);
  }

  /** 0, 12, 13, short or long; in characters for strings, which equals bytes for ASCII strings. */
  private static int nextLength(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> 0;
      case 1 -> 12;
      case 2 -> 13;
      case 3 -> 12 + random.nextInt(60);
      default -> random.nextInt(14);
    };
  }

  private static String nextString(Random random) {
    int length = nextLength(random);
    boolean asciiOnly = random.nextBoolean();
    StringBuilder text = new StringBuilder(length);
    for (int index = 0; index < length; index++) {
      int[] range = CODE_POINT_RANGES[asciiOnly ? 0 : random.nextInt(CODE_POINT_RANGES.length)];
      text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return text.toString();
  }

  private static byte[] nextBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
