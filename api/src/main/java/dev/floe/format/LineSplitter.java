package dev.floe.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Wraps one line of a table cell into lines of at most a given width, exactly as the Rust
 * {@code comfy-table} crate (which renders Polars' tables) does: words split at spaces are packed
 * greedily; a line with at most two free columns left is closed; a word longer than a line is cut
 * at the width (by grapheme clusters, never inside a wide character).
 */
final class LineSplitter {
  /** comfy-table's {@code MIN_FREE_CHARS}. */
  private static final int MIN_FREE = 2;

  private LineSplitter() {}

  static List<String> split(String line, int contentWidth) {
    List<String> lines = new ArrayList<>();
    Deque<String> elements = new ArrayDeque<>();
    List<String> words = splitKeepingEmpty(line, ' ');
    for (int index = words.size() - 1; index >= 0; index--) {
      elements.push(words.get(index));
    }
    StringBuilder current = new StringBuilder();
    while (!elements.isEmpty()) {
      String next = elements.pop();
      int currentLength = DisplayWidth.of(current.toString());
      int nextLength = DisplayWidth.of(next);
      boolean fresh = current.isEmpty();
      int addedLength = nextLength + currentLength + (fresh ? 0 : 1);
      int remaining = Math.max(0, contentWidth - currentLength - (fresh ? 0 : 1));
      if (addedLength <= contentWidth) {
        if (!fresh) {
          current.append(' ');
        }
        current.append(next);
        closeIfFull(lines, contentWidth, current);
        continue;
      }
      if (!fresh && remaining <= MIN_FREE) {
        elements.push(next);
        lines.add(current.toString());
        current.setLength(0);
        continue;
      }
      if (nextLength > contentWidth) {
        if (!fresh) {
          current.append(' ');
        }
        String[] parts = splitLongWord(remaining, next);
        if (fresh && parts[0].isEmpty()) {
          // A wide character in a one-column line: place it anyway rather than loop forever.
          int first = parts[1].offsetByCodePoints(0, 1);
          parts = new String[] {parts[1].substring(0, first), parts[1].substring(first)};
        }
        current.append(parts[0]);
        elements.push(parts[1]);
        lines.add(current.toString());
        current.setLength(0);
        continue;
      }
      lines.add(current.toString());
      current.setLength(0);
      current.append(next);
      closeIfFull(lines, contentWidth, current);
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  /** Rust's {@code str::split}: keeps empty pieces, including leading and trailing ones. */
  static List<String> splitKeepingEmpty(String text, char delimiter) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int index = 0; index < text.length(); index++) {
      if (text.charAt(index) == delimiter) {
        pieces.add(text.substring(start, index));
        start = index + 1;
      }
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  /** The longest prefix of whole graphemes that fits {@code allowedWidth}, and the rest. */
  static String[] splitLongWord(int allowedWidth, String word) {
    int width = 0;
    int end = 0;
    for (String grapheme : Graphemes.of(word)) {
      int graphemeWidth = DisplayWidth.of(grapheme);
      if (width + graphemeWidth > allowedWidth) {
        break;
      }
      width += graphemeWidth;
      end += grapheme.length();
    }
    return new String[] {word.substring(0, end), word.substring(end)};
  }

  private static void closeIfFull(List<String> lines, int contentWidth, StringBuilder current) {
    if (DisplayWidth.of(current.toString()) > Math.max(0, contentWidth - MIN_FREE)) {
      lines.add(current.toString());
      current.setLength(0);
    }
  }
}
