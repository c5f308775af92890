package dev.floe.io.json;

/** Decoding the escapes of a scanned string, and the positions and snippets of error messages. */
final class JsonEscapes {
  private JsonEscapes() {}

  /** Decodes the scanner's last string (with escapes) into {@code scratch}; the byte count. */
  static int decode(JsonScanner scanner, Scratch scratch) {
    scratch.reset();
    long i = scanner.tokenStart;
    while (i < scanner.tokenEnd) {
      int b = scanner.at(i);
      if (b != '\\') {
        scratch.add(b);
        i++;
        continue;
      }
      int c = scanner.at(i + 1);
      switch (c) {
        case 'b' -> scratch.add('\b');
        case 'f' -> scratch.add('\f');
        case 'n' -> scratch.add('\n');
        case 'r' -> scratch.add('\r');
        case 't' -> scratch.add('\t');
        case 'u' -> {
          int cp = scanner.hex4(i + 2);
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (scanner.hex4(i + 8) - 0xDC00);
            i += 6;
          }
          scratch.addCodePoint(cp);
          i += 4;
        }
        default -> scratch.add(c);
      }
      i += 2;
    }
    return scratch.size();
  }

  /** "line L, column C (byte offset O)" of a byte offset. */
  static String where(JsonScanner scanner, long offset) {
    long line = 1;
    long lineStart = 0;
    long limit = Math.min(offset, scanner.end());
    for (long i = 0; i < limit; i++) {
      if (scanner.at(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (offset - lineStart + 1) + " (byte offset " + offset + ")";
  }

  /** Up to 20 bytes from {@code offset}, quoted, non-printable bytes escaped; "end of input". */
  static String snippet(JsonScanner scanner, long offset) {
    if (offset >= scanner.end()) {
      return "end of input";
    }
    StringBuilder text = new StringBuilder("'");
    for (long i = offset; i < Math.min(scanner.end(), offset + 20); i++) {
      int b = scanner.at(i);
      if (b >= 0x20 && b < 0x7F) {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    return text.append(offset + 20 < scanner.end() ? "...'" : "'").toString();
  }
}
