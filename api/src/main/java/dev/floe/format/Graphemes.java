package dev.floe.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A small grapheme-cluster splitter, enough for cutting table cells: a cluster is a code point
 * followed by its combining marks, variation selectors, emoji skin-tone modifiers and zero-width
 * joined successors, or a pair of regional indicators (a flag).
 */
final class Graphemes {
  private Graphemes() {}

  static List<String> of(String text) {
    List<String> clusters = new ArrayList<>();
    int start = 0;
    int index = 0;
    while (index < text.length()) {
      int codePoint = text.codePointAt(index);
      int end = index + Character.charCount(codePoint);
      boolean regional = isRegionalIndicator(codePoint);
      while (end < text.length()) {
        int next = text.codePointAt(end);
        if (next == 0x200D && end + 1 < text.length()) {
          int joined = text.codePointAt(end + 1);
          end += 1 + Character.charCount(joined);
        } else if (extendsCluster(next)) {
          end += Character.charCount(next);
        } else if (regional && isRegionalIndicator(next)) {
          end += Character.charCount(next);
          regional = false;
        } else {
          break;
        }
      }
      clusters.add(text.substring(start, end));
      start = end;
      index = end;
    }
    return clusters;
  }

  private static boolean extendsCluster(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
        || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
        || codePoint == 0x200D;
  }

  private static boolean isRegionalIndicator(int codePoint) {
    return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
  }
}
