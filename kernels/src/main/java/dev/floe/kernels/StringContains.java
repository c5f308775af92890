package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code str.contains} and the prefix/suffix tests on the bytes in place. A literal pattern (the
 * literal option, or a regex without metacharacters) is one byte search ({@link ByteConstant});
 * a regex of literals joined by {@code .*} ({@code "special.*requests"}) is an ordered sequence of
 * byte searches, each from the end of the previous match, within one line since {@code .} does
 * not match {@code \n} (in Rust's regex as in Polars). Any other regex runs on java.util.regex,
 * decoding each row once.
 */
final class StringContains {
  /** Characters that make a regex more than a literal (Rust's regex syntax, outside classes). */
  private static final String META = "\\.+*?()|[]{}^$";
  private static final ByteConstant NEWLINE = new ByteConstant(new byte[] {'\n'});

  private StringContains() {}

  static BooleanColumn contains(
      Column input, String pattern, boolean literal, BufferAllocator allocator) {
    List<ByteConstant> parts = literal ? List.of(constant(pattern)) : literalParts(pattern);
    if (parts == null) {
      Matcher matcher = StringMatches.compile(pattern, false).matcher("");
      Decoder decoder = new Decoder();
      return StringRows.test(input, false,
          (segment, start, length) -> matcher.reset(decoder.decode(segment, start, length)).find(),
          allocator);
    }
    if (parts.size() == 1) {
      ByteConstant needle = parts.getFirst();
      return StringRows.test(input, false,
          (segment, start, length) -> needle.indexIn(segment, start, start + length) >= 0,
          allocator);
    }
    ByteConstant[] sequence = parts.toArray(ByteConstant[]::new);
    return StringRows.test(input, false,
        (segment, start, length) -> containsSequence(segment, start, start + length, sequence),
        allocator);
  }

  static BooleanColumn startsWith(Column input, String prefix, BufferAllocator allocator) {
    ByteConstant wanted = constant(prefix);
    return StringRows.test(input, false,
        (segment, start, length) -> length >= wanted.length && wanted.equalsAt(segment, start),
        allocator);
  }

  static BooleanColumn endsWith(Column input, String suffix, BufferAllocator allocator) {
    ByteConstant wanted = constant(suffix);
    return StringRows.test(input, false,
        (segment, start, length) -> length >= wanted.length
            && wanted.equalsAt(segment, start + length - wanted.length),
        allocator);
  }

  /**
   * The literals of a pattern made only of literals and {@code .*}, or null when it has any other
   * metacharacter (or a literal holding {@code \n}, which {@code .} would not cross anyway).
   */
  static List<ByteConstant> literalParts(String pattern) {
    List<ByteConstant> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int index = 0; index < pattern.length(); index++) {
      char c = pattern.charAt(index);
      if (c == '.' && index + 1 < pattern.length() && pattern.charAt(index + 1) == '*') {
        parts.add(constant(current.toString()));
        current.setLength(0);
        index++;
      } else if (META.indexOf(c) >= 0 || c == '\n') {
        return null;
      } else {
        current.append(c);
      }
    }
    parts.add(constant(current.toString()));
    parts.removeIf(part -> part.length == 0);
    if (parts.isEmpty()) {
      parts.add(constant(""));
    }
    return parts;
  }

  /**
   * Whether the parts occur in order, without overlapping, with no {@code \n} between the start of
   * the first and the end of the last. The first fit over the whole row decides when it fails or
   * spans no newline; otherwise the row is searched line by line.
   */
  static boolean containsSequence(
      MemorySegment segment, long from, long to, ByteConstant[] parts) {
    long first = parts[0].indexIn(segment, from, to);
    if (first < 0) {
      return false;
    }
    long end = sequenceEnd(segment, first, to, parts);
    if (end < 0) {
      return false;
    }
    if (NEWLINE.indexIn(segment, first, end) < 0) {
      return true;
    }
    long lineStart = from;
    while (lineStart <= to) {
      long newline = NEWLINE.indexIn(segment, lineStart, to);
      long lineEnd = newline < 0 ? to : newline;
      if (sequenceEnd(segment, lineStart, lineEnd, parts) >= 0) {
        return true;
      }
      lineStart = lineEnd + 1;
    }
    return false;
  }

  /** Where the first fit of the parts in order within {@code [from, to)} ends, or -1. */
  private static long sequenceEnd(MemorySegment segment, long from, long to,
      ByteConstant[] parts) {
    long position = from;
    for (ByteConstant part : parts) {
      long found = part.indexIn(segment, position, to);
      if (found < 0) {
        return -1;
      }
      position = found + part.length;
    }
    return position;
  }

  private static ByteConstant constant(String text) {
    return new ByteConstant(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes rows through one reused byte array (one copy and the String per row). */
  private static final class Decoder {
    private byte[] scratch = new byte[64];

    String decode(MemorySegment segment, long start, int length) {
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, scratch.length * 2)];
      }
      MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, start, scratch, 0, length);
      return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }
  }
}
