package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import java.util.regex.Matcher;

/** The regex {@code str} kernels {@code extract} and {@code count_matches} (Polars semantics). */
public final class StringsRegex {
  private StringsRegex() {}

  /**
   * Group {@code groupIndex} (0: the whole match) of the first match of {@code pattern}; null
   * when nothing matches, the group does not exist or did not take part. Utf8 (LargeUtf8 for a
   * LargeUtf8 input).
   */
  public static VarBinaryColumn extract(
      Column input, String pattern, int groupIndex, BufferAllocator allocator) {
    Matcher matcher = StringMatches.compile(pattern, false).matcher("");
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    DataType type =
        input.type() instanceof DataType.LargeUtf8 ? DataType.LARGE_UTF8 : DataType.UTF8;
    try (VarBinaryBuilder out = new VarBinaryBuilder(type, allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
          continue;
        }
        bytes.at(i);
        String group = null;
        if (matcher.reset(bytes.string()).find() && groupIndex <= matcher.groupCount()) {
          group = matcher.group(groupIndex);
        }
        if (group == null) {
          out.appendNull();
        } else {
          out.append(group);
        }
      }
      return out.build();
    }
  }

  /** The number of matches of {@code pattern} (quoted when {@code literal}) per row, as u32. */
  public static FixedWidthColumn countMatches(
      Column input, String pattern, boolean literal, BufferAllocator allocator) {
    Matcher matcher = StringMatches.compile(pattern, literal).matcher("");
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    int[] count = new int[1];
    try (FixedWidthBuilder out = new FixedWidthBuilder(DataType.UINT32, allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
          continue;
        }
        bytes.at(i);
        count[0] = 0;
        StringMatches.forEach(matcher, bytes.string(), (start, end) -> count[0]++);
        out.appendInt(count[0]);
      }
      return out.build();
    }
  }
}
