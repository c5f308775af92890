package dev.floe.io.json;

import dev.floe.errors.FloeIoException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A streaming JSON tokenizer over the bytes of a file (a memory-mapped segment). It checks the
 * grammar (RFC 8259), string escapes and UTF-8 as it goes and never reads outside the segment; the
 * last string or number scanned is described by {@link #tokenStart}/{@link #tokenEnd} so decoders
 * copy straight from the segment. Nesting deeper than {@link #MAX_DEPTH} is an error, not a stack
 * overflow. Every failure is a {@link FloeIoException} naming the file, line, byte offset and the
 * offending bytes.
 */
final class JsonScanner {
  /** The deepest nesting of arrays and objects accepted. */
  static final int MAX_DEPTH = 256;

  private final MemorySegment bytes;
  private final long end;
  private final String file;
  long pos;
  /** Content of the last string (without quotes, raw escapes) or the text of the last number. */
  long tokenStart;
  long tokenEnd;
  /** The last string had escapes (decode with {@link #decodeString}). */
  boolean escaped;
  /** The last number had no fraction and no exponent. */
  boolean integral;

  JsonScanner(MemorySegment bytes, String file) {
    this(bytes, file, 0, bytes.byteSize());
  }

  /** A scanner over bytes {@code from} (inclusive) to {@code to} of the file; offsets stay absolute. */
  JsonScanner(MemorySegment bytes, String file, long from, long to) {
    this.bytes = bytes;
    this.end = to;
    this.file = file;
    this.pos = from;
    if (from == 0 && end >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {
      pos = 3; // UTF-8 byte order mark
    }
  }

  MemorySegment bytes() {
    return bytes;
  }

  long end() {
    return end;
  }

  int at(long index) {
    return bytes.get(ValueLayout.JAVA_BYTE, index) & 0xFF;
  }

  /** Skips whitespace; answers the next byte or -1 at the end. */
  int peek() {
    while (pos < end) {
      int b = at(pos);
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b;
      }
      pos++;
    }
    return -1;
  }

  /** Skips spaces and tabs (not line breaks); answers the next byte or -1. */
  int peekInLine() {
    while (pos < end) {
      int b = at(pos);
      if (b != ' ' && b != '\t' && b != '\r') {
        return b;
      }
      pos++;
    }
    return -1;
  }

  void expect(int b, String what) {
    if (peek() != b) {
      throw error("expected " + what);
    }
    pos++;
  }

  /** Scans the literal {@code word} (true, false, null) at the position. */
  void literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (pos + i >= end || at(pos + i) != word.charAt(i)) {
        throw error("invalid literal, expected '" + word + "'");
      }
    }
    pos += word.length();
  }

  /** Scans a string starting at its opening quote. */
  void string() {
    long start = ++pos;
    boolean sawEscape = false;
    while (true) {
      if (pos >= end) {
        pos = start - 1;
        throw error("unterminated string");
      }
      int b = at(pos);
      if (b == '"') {
        break;
      } else if (b == '\\') {
        sawEscape = true;
        escape();
      } else if (b < 0x20) {
        throw error("unescaped control character U+" + String.format("%04X", b) + " in a string");
      } else if (b < 0x80) {
        pos++;
      } else {
        utf8(b);
      }
    }
    tokenStart = start;
    tokenEnd = pos++;
    escaped = sawEscape;
  }

  private void escape() {
    if (pos + 1 >= end) {
      throw error("unterminated escape");
    }
    int c = at(pos + 1);
    switch (c) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> pos += 2;
      case 'u' -> {
        int unit = hex4(pos + 2);
        pos += 6;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          if (pos + 1 < end && at(pos) == '\\' && at(pos + 1) == 'u') {
            int low = hex4(pos + 2);
            if (low < 0xDC00 || low > 0xDFFF) {
              throw error("a high surrogate \\u" + Integer.toHexString(unit)
                  + " not followed by a low surrogate");
            }
            pos += 6;
          } else {
            pos -= 6;
            throw error("unpaired surrogate in \\u escape");
          }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
          throw error("unpaired low surrogate in \\u escape");
        }
      }
      default -> throw error("invalid escape '\\" + (char) c + "'");
    }
  }

  int hex4(long from) {
    if (from + 4 > end) {
      throw error("truncated \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(at(from + i), 16);
      if (digit < 0) {
        throw error("invalid \\u escape");
      }
      value = value << 4 | digit;
    }
    return value;
  }

  /** Checks one multi-byte UTF-8 sequence starting with {@code lead}. */
  private void utf8(int lead) {
    int extra;
    int min;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1;
      min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2;
      min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3;
      min = 0x10000;
    } else {
      throw error("invalid UTF-8 byte 0x" + Integer.toHexString(lead));
    }
    int cp = lead & (0x3F >> extra);
    for (int i = 1; i <= extra; i++) {
      if (pos + i >= end || (at(pos + i) & 0xC0) != 0x80) {
        throw error("invalid UTF-8 sequence");
      }
      cp = cp << 6 | (at(pos + i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw error("invalid UTF-8 sequence");
    }
    pos += extra + 1;
  }

  /** Scans a number at the position (JSON grammar: no leading zeros, no '+', digits required). */
  void number() {
    NumberParsing.scan(this);
  }

  /** Skips one value of any kind; {@code depth} is the nesting of the value. */
  void skipValue(int depth) {
    int b = peek();
    switch (b) {
      case '{' -> {
        checkDepth(depth);
        pos++;
        if (peek() == '}') {
          pos++;
          return;
        }
        do {
          if (peek() != '"') {
            throw error("expected a string key");
          }
          string();
          expect(':', "':' after a key");
          skipValue(depth + 1);
        } while (comma('}'));
      }
      case '[' -> {
        checkDepth(depth);
        pos++;
        if (peek() == ']') {
          pos++;
          return;
        }
        do {
          skipValue(depth + 1);
        } while (comma(']'));
      }
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (b == '-' || (b >= '0' && b <= '9')) {
          number();
        } else {
          throw error(b < 0 ? "unexpected end of input, expected a value" : "expected a value");
        }
      }
    }
  }

  /** After a member or element: true after a comma, false after {@code close}. */
  boolean comma(int close) {
    int b = peek();
    if (b == ',') {
      pos++;
      return true;
    }
    if (b == close) {
      pos++;
      return false;
    }
    throw error("expected ',' or '" + (char) close + "'");
  }

  void checkDepth(int depth) {
    if (depth >= MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** Decodes the last string (with escapes) into {@code scratch}; answers the byte count. */
  int decodeString(Scratch scratch) {
    return JsonEscapes.decode(this, scratch);
  }

  /** The text of the last string or number as a Java string (for keys and messages). */
  String tokenText() {
    return new String(
        bytes.asSlice(tokenStart, tokenEnd - tokenStart).toArray(ValueLayout.JAVA_BYTE),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A malformed-input error at the position. */
  FloeIoException error(String what) {
    return new FloeIoException(
        "malformed JSON in " + file + " at " + where(pos) + ": " + what + ", found " + snippet(pos));
  }

  /** "line L, column C (byte offset O)" of a byte offset. */
  String where(long offset) {
    return JsonEscapes.where(this, offset);
  }

  /** Up to 20 bytes from {@code offset}, quoted, non-printable bytes escaped; "end of input". */
  String snippet(long offset) {
    return JsonEscapes.snippet(this, offset);
  }
}
