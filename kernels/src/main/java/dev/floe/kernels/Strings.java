package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kernels of the {@code str} namespace with Polars' semantics, on Utf8, LargeUtf8 and Utf8View
 * columns (nulls propagate). Lengths, prefix/suffix tests and literal searches work on the UTF-8
 * bytes in place; case mapping and character counting have ASCII fast paths. String results are
 * LargeUtf8 for a LargeUtf8 input, else Utf8. Regexes are Rust's (Polars') syntax and classes,
 * compiled by {@link StringMatches}. Splitting, extraction and parsing live in
 * {@link StringsSplit}, {@link StringsRegex}, {@link StringsNumbers} and the temporal package.
 */
public final class Strings {
  private Strings() {}

  /** Number of UTF-8 bytes per row, as u32. */
  public static FixedWidthColumn lenBytes(Column input, BufferAllocator allocator) {
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    try (FixedWidthBuilder out = new FixedWidthBuilder(DataType.UINT32, allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
        } else {
          out.appendInt(bytes.byteLength(i));
        }
      }
      return out.build();
    }
  }

  /** Number of Unicode scalar values per row, as u32. */
  public static FixedWidthColumn lenChars(Column input, BufferAllocator allocator) {
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    try (FixedWidthBuilder out = new FixedWidthBuilder(DataType.UINT32, allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
        } else {
          bytes.at(i);
          out.appendInt(bytes.charCount());
        }
      }
      return out.build();
    }
  }

  public static BooleanColumn startsWith(Column input, String prefix, BufferAllocator allocator) {
    return StringContains.startsWith(input, prefix, allocator);
  }

  public static BooleanColumn endsWith(Column input, String suffix, BufferAllocator allocator) {
    return StringContains.endsWith(input, suffix, allocator);
  }

  /**
   * Whether {@code pattern} occurs: byte searches for a literal and for literals joined by
   * {@code .*}, else a regex find ({@link StringContains}).
   */
  public static BooleanColumn contains(
      Column input, String pattern, boolean literal, BufferAllocator allocator) {
    return StringContains.contains(input, pattern, literal, allocator);
  }

  /** Full Unicode lowercase (final sigma, multi-character mappings); ASCII rows byte by byte. */
  public static VarBinaryColumn toLowercase(Column input, BufferAllocator allocator) {
    return mapCase(input, allocator, false);
  }

  /** Full Unicode uppercase ({@code ß} becomes {@code SS}); ASCII rows byte by byte. */
  public static VarBinaryColumn toUppercase(Column input, BufferAllocator allocator) {
    return mapCase(input, allocator, true);
  }

  private static VarBinaryColumn mapCase(Column input, BufferAllocator allocator, boolean upper) {
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    byte[] scratch = new byte[64];
    try (VarBinaryBuilder out = new VarBinaryBuilder(stringType(input), allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
          continue;
        }
        bytes.at(i);
        if (!bytes.isAscii()) {
          String text = bytes.string();
          out.append(upper ? text.toUpperCase(Locale.ROOT) : StringCase.lower(text));
          continue;
        }
        if (scratch.length < bytes.length) {
          scratch = new byte[Math.max(bytes.length, scratch.length * 2)];
        }
        for (int j = 0; j < bytes.length; j++) {
          byte b = bytes.byteAt(j);
          if (upper && b >= 'a' && b <= 'z') {
            b -= 32;
          } else if (!upper && b >= 'A' && b <= 'Z') {
            b += 32;
          }
          scratch[j] = b;
        }
        out.append(MemorySegment.ofArray(scratch), 0, bytes.length);
      }
      return out.build();
    }
  }

  private static DataType stringType(Column input) {
    return input.type() instanceof DataType.LargeUtf8 ? DataType.LARGE_UTF8 : DataType.UTF8;
  }

  /** Leading and trailing Unicode White_Space removed (Polars' {@code strip_chars()}). */
  public static VarBinaryColumn strip(Column input, BufferAllocator allocator) {
    return map(input, allocator, StringText::strip);
  }

  public static VarBinaryColumn stripPrefix(
      Column input, String prefix, BufferAllocator allocator) {
    return map(input, allocator, text -> text.startsWith(prefix) ? text.substring(prefix.length()) : text);
  }

  public static VarBinaryColumn stripSuffix(
      Column input, String suffix, BufferAllocator allocator) {
    return map(
        input,
        allocator,
        text -> text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text);
  }

  /**
   * {@code pattern} replaced by {@code value}: the first match, or all when {@code all}. Matching
   * follows Rust's regex crate where java.util.regex differs: empty matches never split a
   * character nor touch the end of the previous match, and a regex replacement's {@code $name}
   * takes the longest run of {@code [A-Za-z0-9_]} ({@code $1x} is the group "1x"), {@code ${n}}
   * and {@code $$} as in Rust; a missing group is empty. As in Polars, a pattern without ASCII
   * punctuation is matched, and its value inserted, literally.
   */
  public static VarBinaryColumn replace(
      Column input, String pattern, String value, boolean literal, boolean all,
      BufferAllocator allocator) {
    // Polars treats a pattern without ASCII punctuation as a literal, its value included.
    boolean plain = literal || pattern.chars().noneMatch(StringText::isAsciiPunctuation);
    Pattern compiled = plain ? Pattern.compile(Pattern.quote(pattern)) : compile(pattern);
    Matcher matcher = compiled.matcher("");
    return map(
        input,
        allocator,
        text -> StringText.replace(matcher.reset(text), text, value, plain, all));
  }

  /** Characters {@code [offset, offset + length)}, a negative offset counting from the end. */
  public static VarBinaryColumn slice(
      Column input, long offset, Long length, BufferAllocator allocator) {
    return map(input, allocator, text -> StringText.slice(text, offset, length));
  }

  public static VarBinaryColumn padStart(
      Column input, int width, char fill, BufferAllocator allocator) {
    return map(input, allocator, text -> StringText.pad(text, width, fill, true));
  }

  public static VarBinaryColumn padEnd(
      Column input, int width, char fill, BufferAllocator allocator) {
    return map(input, allocator, text -> StringText.pad(text, width, fill, false));
  }

  /** Zeros after an optional leading sign up to {@code width} UTF-8 bytes, as Polars. */
  public static VarBinaryColumn zfill(Column input, int width, BufferAllocator allocator) {
    return map(input, allocator, text -> StringText.zfill(text, width));
  }

  /**
   * The inputs (equal lengths) joined row by row with {@code separator}, as Utf8; a row is null
   * when any input is null there.
   */
  public static VarBinaryColumn concat(
      java.util.List<Column> inputs, String separator, BufferAllocator allocator) {
    int rows = inputs.getFirst().length();
    StringBytes[] readers = new StringBytes[inputs.size()];
    for (int c = 0; c < readers.length; c++) {
      if (inputs.get(c).length() != rows) {
        throw new dev.floe.errors.ShapeMismatchException(
            "concatStr inputs have lengths " + rows + " and " + inputs.get(c).length());
      }
      readers[c] = StringBytes.of(inputs.get(c));
    }
    MemorySegment glue = MemorySegment.ofArray(separator.getBytes(StandardCharsets.UTF_8));
    int glueLength = (int) glue.byteSize();
    byte[] scratch = new byte[64];
    try (VarBinaryBuilder out = new VarBinaryBuilder(DataType.UTF8, allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        boolean isNull = false;
        for (Column input : inputs) {
          isNull |= input.isNull(i);
        }
        if (isNull) {
          out.appendNull();
          continue;
        }
        int used = 0;
        for (int c = 0; c < readers.length; c++) {
          StringBytes row = readers[c];
          row.at(i);
          int needed = used + row.length + (c > 0 ? glueLength : 0);
          if (needed > scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, Math.max(needed, scratch.length * 2));
          }
          MemorySegment target = MemorySegment.ofArray(scratch);
          if (c > 0) {
            MemorySegment.copy(glue, 0, target, used, glueLength);
            used += glueLength;
          }
          MemorySegment.copy(row.segment, row.start, target, used, row.length);
          used += row.length;
        }
        out.append(MemorySegment.ofArray(scratch), 0, used);
      }
      return out.build();
    }
  }

  // ---- loops ----

  private static VarBinaryColumn map(
      Column input, BufferAllocator allocator, UnaryOperator<String> function) {
    StringBytes bytes = StringBytes.of(input);
    int rows = input.length();
    try (VarBinaryBuilder out = new VarBinaryBuilder(stringType(input), allocator, rows)) {
      for (int i = 0; i < rows; i++) {
        if (input.isNull(i)) {
          out.appendNull();
        } else {
          bytes.at(i);
          out.append(function.apply(bytes.string()));
        }
      }
      return out.build();
    }
  }

  private static Pattern compile(String pattern) {
    return StringMatches.compile(pattern, false);
  }
}
