package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The str kernels on every string layout (Utf8, LargeUtf8, Utf8View), whole and sliced; each
 * expected value is what Polars 1.44.2 returned for the same input.
 */
@LeakChecked
class StringsTest {
  private static final List<String> INPUT =
      Arrays.asList(
          "héllo", "ß", "日本語", "a😀b", "", null, "  x \u3000", "-12", "+5", "abc",
          "a\u00a0", "\u200bx", "\u001cx");

  static List<Arguments> layouts() {
    List<Arguments> layouts = new ArrayList<>();
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      layouts.add(Arguments.of(type, false));
      layouts.add(Arguments.of(type, true));
    }
    return layouts;
  }

  /** The input in {@code type}, optionally as a slice of a longer column. */
  private static Column input(DataType type, boolean sliced) {
    BufferAllocator allocator = BufferAllocator.current();
    if (!sliced) {
      return JavaValues.toColumn(allocator, type, INPUT);
    }
    List<String> padded = new ArrayList<>();
    padded.add("a long leading value, not inline");
    padded.addAll(INPUT);
    padded.add("trailing");
    try (Column whole = JavaValues.toColumn(allocator, type, padded)) {
      return whole.slice(1, INPUT.size());
    }
  }

  private static void check(
      DataType type, boolean sliced, Function<Column, Column> kernel, Object... expected) {
    try (Column in = input(type, sliced);
        Column out = kernel.apply(in)) {
      ColumnAssertions.assertColumnEquals(out, Arrays.asList(expected));
    }
  }

  private static BufferAllocator a() {
    return BufferAllocator.current();
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void lengths(DataType type, boolean sliced) {
    check(type, sliced, c -> Strings.lenChars(c, a()),
        5L, 1L, 3L, 3L, 0L, null, 5L, 3L, 2L, 3L, 2L, 2L, 2L);
    check(type, sliced, c -> Strings.lenBytes(c, a()),
        6L, 2L, 9L, 6L, 0L, null, 7L, 3L, 2L, 3L, 3L, 4L, 2L);
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void predicates(DataType type, boolean sliced) {
    check(type, sliced, c -> Strings.startsWith(c, "a", a()),
        false, false, false, true, false, null, false, false, false, true, true, false, false);
    check(type, sliced, c -> Strings.startsWith(c, "", a()),
        true, true, true, true, true, null, true, true, true, true, true, true, true);
    check(type, sliced, c -> Strings.endsWith(c, "😀b", a()),
        false, false, false, true, false, null, false, false, false, false, false, false, false);
    check(type, sliced, c -> Strings.contains(c, "本", true, a()),
        false, false, true, false, false, null, false, false, false, false, false, false, false);
    check(type, sliced, c -> Strings.contains(c, ".", true, a()),
        false, false, false, false, false, null, false, false, false, false, false, false, false);
    check(type, sliced, c -> Strings.contains(c, "^[a-c]", false, a()),
        false, false, false, true, false, null, false, false, false, true, true, false, false);
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void caseAndStrip(DataType type, boolean sliced) {
    check(type, sliced, c -> Strings.toUppercase(c, a()),
        "HÉLLO", "SS", "日本語", "A😀B", "", null, "  X \u3000", "-12", "+5", "ABC",
        "A\u00a0", "\u200bX", "\u001cX");
    check(type, sliced, c -> Strings.toLowercase(c, a()),
        "héllo", "ß", "日本語", "a😀b", "", null, "  x \u3000", "-12", "+5", "abc",
        "a\u00a0", "\u200bx", "\u001cx");
    check(type, sliced, c -> Strings.strip(c, a()),
        "héllo", "ß", "日本語", "a😀b", "", null, "x", "-12", "+5", "abc",
        "a", "\u200bx", "\u001cx");
    check(type, sliced, c -> Strings.stripPrefix(c, "a", a()),
        "héllo", "ß", "日本語", "😀b", "", null, "  x \u3000", "-12", "+5", "bc",
        "\u00a0", "\u200bx", "\u001cx");
    check(type, sliced, c -> Strings.stripSuffix(c, "語", a()),
        "héllo", "ß", "日本", "a😀b", "", null, "  x \u3000", "-12", "+5", "abc",
        "a\u00a0", "\u200bx", "\u001cx");
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void sliceAndPad(DataType type, boolean sliced) {
    check(type, sliced, c -> Strings.slice(c, -2, 1L, a()),
        "l", "", "本", "😀", "", null, " ", "1", "+", "b", "a", "\u200b", "\u001c");
    check(type, sliced, c -> Strings.slice(c, 1, null, a()),
        "éllo", "", "本語", "😀b", "", null, " x \u3000", "12", "5", "bc", "\u00a0", "x", "x");
    check(type, sliced, c -> Strings.slice(c, -20, 3L, a()),
        "", "", "", "", "", null, "", "", "", "", "", "", "");
    check(type, sliced, c -> Strings.zfill(c, 5, a()),
        "héllo", "000ß", "日本語", "a😀b", "00000", null, "  x \u3000", "-0012", "+0005",
        "00abc", "00a\u00a0", "0\u200bx", "000\u001cx");
    check(type, sliced, c -> Strings.padStart(c, 4, '*', a()),
        "héllo", "***ß", "*日本語", "*a😀b", "****", null, "  x \u3000", "*-12", "**+5",
        "*abc", "**a\u00a0", "**\u200bx", "**\u001cx");
    check(type, sliced, c -> Strings.padEnd(c, 4, '*', a()),
        "héllo", "ß***", "日本語*", "a😀b*", "****", null, "  x \u3000", "-12*", "+5**",
        "abc*", "a\u00a0**", "\u200bx**", "\u001cx**");
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void replace(DataType type, boolean sliced) {
    check(type, sliced, c -> Strings.replace(c, "l", "L", true, false, a()),
        "héLlo", "ß", "日本語", "a😀b", "", null, "  x \u3000", "-12", "+5", "abc",
        "a\u00a0", "\u200bx", "\u001cx");
    check(type, sliced, c -> Strings.replace(c, "", "-", true, true, a()),
        "-h-é-l-l-o-", "-ß-", "-日-本-語-", "-a-😀-b-", "-", null, "- - -x- -\u3000-", "---1-2-",
        "-+-5-", "-a-b-c-", "-a-\u00a0-", "-\u200b-x-", "-\u001c-x-");
    check(type, sliced, c -> Strings.replace(c, "[a-c]", "$", true, true, a()),
        "héllo", "ß", "日本語", "a😀b", "", null, "  x \u3000", "-12", "+5", "abc",
        "a\u00a0", "\u200bx", "\u001cx");
    check(type, sliced, c -> Strings.replace(c, "[a-c]", "_", false, true, a()),
        "héllo", "ß", "日本語", "_😀_", "", null, "  x \u3000", "-12", "+5", "___",
        "_\u00a0", "\u200bx", "\u001cx");
  }

  @Test
  void regexFollowsRustWhereJavaDiffers() {
    try (Column in = JavaValues.toColumn(a(), DataType.UTF8, Arrays.asList("abc", "hello", "a😀"));
        Column star = Strings.replace(in, "b*", "X", false, true, a());
        Column named = Strings.replace(in, "(l)", "$1x", false, true, a());
        Column braces = Strings.replace(in, "(l)", "${1}x$$", false, false, a());
        Column empty = Strings.replace(in, "", "-", false, true, a())) {
      ColumnAssertions.assertColumnEquals(star, List.of("XaXcX", "XhXeXlXlXoX", "XaX😀X"));
      ColumnAssertions.assertColumnEquals(named, List.of("abc", "heo", "a😀"));
      ColumnAssertions.assertColumnEquals(braces, List.of("abc", "helx$lo", "a😀"));
      ColumnAssertions.assertColumnEquals(empty, List.of("-a-b-c-", "-h-e-l-l-o-", "-a-😀-"));
    }
    // Polars matches a pattern without ASCII punctuation literally, the value included.
    try (Column in = JavaValues.toColumn(a(), DataType.UTF8_VIEW, Arrays.asList("abc", null));
        Column plain = Strings.replace(in, "b", "<$0>", false, true, a());
        Column regex = Strings.replace(in, "[b]", "<$0>$$", false, false, a())) {
      ColumnAssertions.assertColumnEquals(plain, Arrays.asList("a<$0>c", null));
      ColumnAssertions.assertColumnEquals(regex, Arrays.asList("a<b>$c", null));
    }
  }

  @Test
  void caseMappingAsciiFastPathAndFullUnicode() {
    List<String> values =
        Arrays.asList("Hello, World! [@`{~]", "ΣΑΣ ß", "İ", "ﬃ", "", null, "x".repeat(200) + "Z");
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      try (Column in = JavaValues.toColumn(a(), type, values);
          Column upper = Strings.toUppercase(in, a());
          Column lower = Strings.toLowercase(in, a())) {
        ColumnAssertions.assertColumnEquals(
            upper,
            Arrays.asList("HELLO, WORLD! [@`{~]", "ΣΑΣ SS", "İ", "FFI", "", null,
                "X".repeat(200) + "Z"));
        ColumnAssertions.assertColumnEquals(
            lower,
            Arrays.asList("hello, world! [@`{~]", "σας ß", "i\u0307", "ﬃ", "", null,
                "x".repeat(200) + "z"));
      }
    }
  }

  @Test
  void concatJoinsRowsAndPropagatesNulls() {
    try (Column left = JavaValues.toColumn(a(), DataType.UTF8_VIEW, Arrays.asList("a", null, "", "日本"));
        Column whole = JavaValues.toColumn(a(), DataType.LARGE_UTF8,
            Arrays.asList("skip", "😀", "x", "", "long enough to exceed the scratch buffer".repeat(3)));
        Column right = whole.slice(1, 4);
        Column joined = Strings.concat(List.of(left, right), "é", a())) {
      assertThat(joined.type()).isEqualTo(DataType.UTF8);
      ColumnAssertions.assertColumnEquals(
          joined,
          Arrays.asList("a😀", null, "é", "日本é" + "long enough to exceed the scratch buffer".repeat(3))
              .stream().map(v -> v == null ? null : v.replace("a😀", "aé😀")).toList());
    }
  }

  @Test
  void resultTypesAndErrors() {
    try (Column large = JavaValues.toColumn(a(), DataType.LARGE_UTF8, Arrays.asList("a"));
        Column view = JavaValues.toColumn(a(), DataType.UTF8_VIEW, Arrays.asList("a"));
        Column lower = Strings.toLowercase(large, a());
        Column fromView = Strings.toLowercase(view, a());
        Column ints = JavaValues.toColumn(a(), DataType.INT32, Arrays.asList(1))) {
      assertThat(lower.type()).isEqualTo(DataType.LARGE_UTF8);
      assertThat(fromView.type()).isEqualTo(DataType.UTF8);
      assertThatThrownBy(() -> Strings.lenChars(ints, a()))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("expected a string column");
      assertThatThrownBy(() -> Strings.contains(view, "(", false, a()))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("invalid regular expression");
    }
  }
}
