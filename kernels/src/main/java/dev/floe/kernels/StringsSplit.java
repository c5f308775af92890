package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ListBuilder;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.types.DataType;
import java.util.regex.Matcher;

/**
 * The list-producing {@code str} kernels ({@code split}, {@code extract_all}) with Polars'
 * semantics, on all three string layouts; results are list[str] (Utf8 values), null for a null
 * row.
 */
public final class StringsSplit {
  private StringsSplit() {}

  private interface Splitter {
    void split(String text, VarBinaryBuilder parts);
  }

  /**
   * Parts between occurrences of the literal {@code by} (Rust's {@code str::split}; with
   * {@code inclusive}, {@code split_inclusive}: each part keeps its separator and an empty tail
   * is dropped). An empty {@code by} gives the characters, none for an empty string.
   */
  public static ListColumn split(
      Column input, String by, boolean inclusive, BufferAllocator allocator) {
    return split(input, by, inclusive, true, true, allocator);
  }

  /**
   * As {@link #split(Column, String, boolean, BufferAllocator)}, or unless {@code literal} split
   * by the matches of the regex {@code by} (Rust's {@code Regex::split}: empty matches split too;
   * inclusive parts end with their match and an empty tail after a match is dropped). An invalid
   * regex raises when {@code strict}, else gives null rows.
   */
  public static ListColumn split(
      Column input, String by, boolean inclusive, boolean literal, boolean strict,
      BufferAllocator allocator) {
    if (!literal && !by.isEmpty()) {
      Matcher matcher;
      try {
        matcher = StringMatches.compile(by, false).matcher("");
      } catch (dev.floe.errors.InvalidOperationException invalid) {
        if (strict) {
          throw invalid;
        }
        return build(input, allocator, null);
      }
      return build(input, allocator, (text, parts) -> splitRegex(matcher, text, inclusive, parts));
    }
    if (by.isEmpty()) {
      return build(input, allocator, (text, parts) -> text.codePoints()
          .forEach(cp -> parts.append(Character.toString(cp))));
    }
    return build(input, allocator, (text, parts) -> {
      int from = 0;
      while (true) {
        int at = text.indexOf(by, from);
        if (at < 0) {
          if (!inclusive || from < text.length()) {
            parts.append(text.substring(from));
          }
          return;
        }
        parts.append(text.substring(from, inclusive ? at + by.length() : at));
        from = at + by.length();
      }
    });
  }

  private static void splitRegex(
      Matcher matcher, String text, boolean inclusive, VarBinaryBuilder parts) {
    int[] last = {0};
    boolean[] matched = {false};
    StringMatches.forEach(matcher, text, (start, end) -> {
      parts.append(text.substring(last[0], inclusive ? end : start));
      last[0] = end;
      matched[0] = true;
    });
    if (!inclusive || !matched[0] || last[0] < text.length()) {
      parts.append(text.substring(last[0]));
    }
  }

  /** Every match of the regex {@code pattern} (whole matches, as Rust's {@code find_iter}). */
  public static ListColumn extractAll(Column input, String pattern, BufferAllocator allocator) {
    Matcher matcher = StringMatches.compile(pattern, false).matcher("");
    return build(input, allocator, (text, parts) ->
        StringMatches.forEach(matcher, text, (start, end) -> parts.append(text.substring(start, end))));
  }

  /** A list per row from {@code splitter}; a null splitter gives only null rows. */
  private static ListColumn build(Column input, BufferAllocator allocator, Splitter splitter) {
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    try (ListBuilder out =
        new ListBuilder(DataType.ListType.of(DataType.UTF8), allocator, rows)) {
      VarBinaryBuilder parts = (VarBinaryBuilder) out.values();
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i) || splitter == null) {
          out.appendNull();
          continue;
        }
        bytes.at(i);
        out.startList();
        splitter.split(bytes.string(), parts);
        out.endList();
      }
      return out.build();
    }
  }
}
