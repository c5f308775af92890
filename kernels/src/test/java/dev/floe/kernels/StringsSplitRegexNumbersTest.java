package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnAssertions;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * split, extractAll, extract, countMatches, toInteger and toDecimal on every string layout, whole
 * and sliced; each expected value is what Polars 1.44.2 returned for the same input.
 */
@LeakChecked
class StringsSplitRegexNumbersTest {

  static List<Arguments> layouts() {
    List<Arguments> layouts = new ArrayList<>();
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      layouts.add(Arguments.of(type, false));
      layouts.add(Arguments.of(type, true));
    }
    return layouts;
  }

  private static Column input(DataType type, boolean sliced, List<String> values) {
    BufferAllocator allocator = BufferAllocator.current();
    if (!sliced) {
      return JavaValues.toColumn(allocator, type, values);
    }
    List<String> padded = new ArrayList<>();
    padded.add("a long leading value, not inline");
    padded.addAll(values);
    padded.add("trailing");
    try (Column whole = JavaValues.toColumn(allocator, type, padded)) {
      return whole.slice(1, values.size());
    }
  }

  private static void check(DataType type, boolean sliced, List<String> in,
      Function<Column, Column> kernel, Object... expected) {
    try (Column column = input(type, sliced, in);
        Column out = kernel.apply(column)) {
      ColumnAssertions.assertColumnEquals(out, Arrays.asList(expected));
    }
  }

  private static BufferAllocator a() {
    return BufferAllocator.current();
  }

  private static final List<String> CSV =
      Arrays.asList("a,b,,c", "", null, "abc", ",", "é😀x", "a,b,");

  @ParameterizedTest
  @MethodSource("layouts")
  void split(DataType type, boolean sliced) {
    check(type, sliced, CSV, c -> StringsSplit.split(c, ",", false, a()),
        List.of("a", "b", "", "c"), List.of(""), null, List.of("abc"), List.of("", ""),
        List.of("é😀x"), List.of("a", "b", ""));
    check(type, sliced, CSV, c -> StringsSplit.split(c, ",", true, a()),
        List.of("a,", "b,", ",", "c"), List.of(), null, List.of("abc"), List.of(","),
        List.of("é😀x"), List.of("a,", "b,"));
    check(type, sliced, CSV, c -> StringsSplit.split(c, "", false, a()),
        List.of("a", ",", "b", ",", ",", "c"), List.of(), null, List.of("a", "b", "c"),
        List.of(","), List.of("é", "😀", "x"), List.of("a", ",", "b", ","));
    check(type, sliced, Arrays.asList("aaaa", "aaa"), c -> StringsSplit.split(c, "aa", true, a()),
        List.of("aa", "aa"), List.of("aa", "a"));
  }

  private static final List<String> DIGITS =
      Arrays.asList("a1b22c333", "", null, "xyz", "é1😀2");

  @ParameterizedTest
  @MethodSource("layouts")
  void regexFunctions(DataType type, boolean sliced) {
    check(type, sliced, DIGITS, c -> StringsSplit.extractAll(c, "\\d+", a()),
        List.of("1", "22", "333"), List.of(), null, List.of(), List.of("1", "2"));
    check(type, sliced, DIGITS, c -> StringsSplit.extractAll(c, "\\d*", a()),
        List.of("", "1", "22", "333"), List.of(""), null, List.of("", "", "", ""),
        List.of("", "1", "2"));
    check(type, sliced, DIGITS, c -> StringsRegex.extract(c, "(\\d+)", 1, a()),
        "1", null, null, null, "1");
    check(type, sliced, DIGITS, c -> StringsRegex.extract(c, "(\\d)(\\d)?", 2, a()),
        null, null, null, null, null);
    check(type, sliced, DIGITS, c -> StringsRegex.extract(c, "\\d", 1, a()),
        null, null, null, null, null);
    check(type, sliced, DIGITS, c -> StringsRegex.countMatches(c, "\\d", false, a()),
        6L, 0L, null, 0L, 2L);
    check(type, sliced, DIGITS, c -> StringsRegex.countMatches(c, "", true, a()),
        10L, 1L, null, 4L, 5L);
    check(type, sliced, DIGITS, c -> StringsRegex.countMatches(c, ".", true, a()),
        0L, 0L, null, 0L, 0L);
  }

  private static final List<String> NUMBERS = Arrays.asList("12", "-12", "+7", " 3", "ff",
      "-0", "", null, "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "１２", "-", "z");

  @ParameterizedTest
  @MethodSource("layouts")
  void toInteger(DataType type, boolean sliced) {
    check(type, sliced, NUMBERS, c -> StringsNumbers.toInteger(c, 10, false, a()),
        12L, -12L, 7L, null, null, 0L, null, null, Long.MAX_VALUE, null, Long.MIN_VALUE, null,
        null, null);
    check(type, sliced, NUMBERS, c -> StringsNumbers.toInteger(c, 36, false, a()),
        38L, -38L, 7L, null, 555L, 0L, null, null, null, null, null, null, null, 35L);
    try (Column column = input(type, sliced, NUMBERS)) {
      assertThatThrownBy(() -> StringsNumbers.toInteger(column, 10, true, a()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("\" 3\" at row 3");
    }
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void toDecimal(DataType type, boolean sliced) {
    List<String> in = Arrays.asList("-12.340", "1.5", ".5", "0.25", "0.251", "1e3", "abc",
        null, " 1", "-0.05", "+.5", "99999999999999999999999999999999999999");
    check(type, sliced, in, c -> StringsNumbers.toDecimal(c, 1, a()),
        new BigDecimal("-12.3"), new BigDecimal("1.5"), new BigDecimal("0.5"),
        new BigDecimal("0.2"), new BigDecimal("0.3"), new BigDecimal("1000.0"), null, null, null,
        new BigDecimal("0.0"), new BigDecimal("0.5"), null);
    try (Column column = input(type, sliced, in);
        Column out = StringsNumbers.toDecimal(column, 0, a())) {
      assertThat(out.type()).isEqualTo(new DataType.Decimal128(38, 0));
      assertThat(out.getObject(11)).isEqualTo(new BigDecimal("99999999999999999999999999999999999999"));
    }
  }
}
