package dev.floe.kernels;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte kernels of string predicates ({@link StringCompare}, {@link IsInBytes},
 * {@link StringContains}) against their scalar twins on Java strings: {@code Arrays.compareUnsigned}
 * of the UTF-8 bytes, a {@code HashSet}, {@code String.contains/startsWith/endsWith}, and the
 * java.util.regex path for {@code .*} patterns. Values are drawn from a small alphabet (so that
 * equal values, shared prefixes and matches are frequent) with 2-, 3- and 4-byte characters,
 * newlines and empty strings, up to ~100 bytes; columns of every string layout, with nulls, sliced
 * at non-zero offsets.
 */
@LeakCheckedProperty
class StringPredicatePropertyTest {
  private static final String[] TOKENS =
      {"a", "b", "ab", "ba", " ", "\n", "é", "€", "😀", "xyz", "abcdefgh", "a\u0000"};
  private static final List<DataType> TYPES = List.of(DataType.UTF8, DataType.LARGE_UTF8,
      DataType.UTF8_VIEW, DataType.BINARY, DataType.LARGE_BINARY, DataType.BINARY_VIEW);
  private static final CompareOp[] OPS = CompareOp.values();

  @Provide
  Arbitrary<ColumnSample> strings() {
    return Arbitraries.of(TYPES).flatMap(type -> Arbitraries.longs().map(seed -> sample(type, seed)));
  }

  @Property(tries = 300)
  void compareWithAConstantMatchesUnsignedByteOrder(
      @ForAll("strings") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    String constant = constant(sample, random);
    BufferAllocator allocator = BufferAllocator.current();
    try (Column column = sample.build()) {
      for (CompareOp op : OPS) {
        Object literal = binary(sample.type()) ? bytes(constant) : constant;
        try (BooleanColumn actual = Compare.compareScalar(column, literal, op, allocator)) {
          assertColumnEquals(actual, expected(sample, text -> {
            int order = Integer.signum(Arrays.compareUnsigned(bytes(text), bytes(constant)));
            return switch (op) {
              case EQ -> order == 0;
              case NE -> order != 0;
              case LT -> order < 0;
              case LE -> order <= 0;
              case GT -> order > 0;
              case GE -> order >= 0;
            };
          }));
        }
      }
    }
  }

  @Property(tries = 300)
  void isInMatchesAHashSet(@ForAll("strings") ColumnSample sample, @ForAll long seed) {
    Random random = new Random(seed);
    int size = random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(10);
    List<Object> members = new ArrayList<>();
    Set<String> set = new HashSet<>();
    for (int index = 0; index < size; index++) {
      String member = random.nextInt(8) == 0 ? null : constant(sample, random);
      members.add(member == null ? null : binary(sample.type()) ? bytes(member) : member);
      if (member != null) {
        set.add(member);
      }
    }
    try (Column column = sample.build();
        Column setColumn = ColumnSample.of(sample.type(), members).build();
        BooleanColumn actual = Compare.isIn(column, setColumn, BufferAllocator.current())) {
      assertColumnEquals(actual, expected(sample, set::contains));
    }
  }

  @Property(tries = 300)
  void literalSearchesMatchJavaStrings(@ForAll("strings") ColumnSample sample, @ForAll long seed) {
    if (binary(sample.type())) {
      return;
    }
    Random random = new Random(seed);
    String needle = needle(sample, random);
    BufferAllocator allocator = BufferAllocator.current();
    try (Column column = sample.build();
        BooleanColumn literal = Strings.contains(column, needle, true, allocator);
        BooleanColumn starts = Strings.startsWith(column, needle, allocator);
        BooleanColumn ends = Strings.endsWith(column, needle, allocator)) {
      assertColumnEquals(literal, expected(sample, text -> text.contains(needle)));
      assertColumnEquals(starts, expected(sample, text -> text.startsWith(needle)));
      assertColumnEquals(ends, expected(sample, text -> text.endsWith(needle)));
    }
  }

  @Property(tries = 300)
  void dotStarSequencesMatchTheRegexPath(
      @ForAll("strings") ColumnSample sample, @ForAll long seed) {
    if (binary(sample.type())) {
      return;
    }
    Random random = new Random(seed);
    StringBuilder pattern = new StringBuilder(random.nextInt(4) == 0 ? ".*" : "");
    int parts = 1 + random.nextInt(3);
    for (int part = 0; part < parts; part++) {
      pattern.append(part > 0 ? ".*" : "").append(needle(sample, random).replace("\n", " "));
    }
    if (random.nextInt(4) == 0) {
      pattern.append(".*");
    }
    String regex = pattern.toString();
    Matcher matcher = StringMatches.compile(regex, false).matcher("");
    try (Column column = sample.build();
        BooleanColumn actual = Strings.contains(column, regex, false, BufferAllocator.current())) {
      assertColumnEquals(actual, expected(sample, text -> matcher.reset(text).find()));
    }
  }

  // ---- generators and the reference ----

  static ColumnSample sample(DataType type, long seed) {
    Random random = new Random(seed);
    int length = random.nextInt(5) == 0 ? random.nextInt(300) : random.nextInt(70);
    List<Object> values = values(type, random, length);
    List<Object> before = values(type, random, random.nextInt(3) == 0 ? 0 : random.nextInt(70));
    List<Object> after = values(type, random, random.nextInt(3));
    return new ColumnSample(type, values, before, after);
  }

  private static List<Object> values(DataType type, Random random, int length) {
    double nulls = random.nextInt(3) * 0.2;
    List<Object> values = new ArrayList<>(length);
    for (int row = 0; row < length; row++) {
      String text = random.nextDouble() < nulls ? null : text(random);
      values.add(text == null ? null : binary(type) ? bytes(text) : text);
    }
    return values;
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int tokens = random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(8);
    for (int token = 0; token < tokens; token++) {
      text.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return text.toString();
  }

  /** A value of the sample, a prefix of one (whole characters), or a fresh text. */
  private static String constant(ColumnSample sample, Random random) {
    String picked = picked(sample, random);
    if (picked == null || random.nextInt(3) == 0) {
      return text(random);
    }
    if (random.nextInt(3) == 0) {
      int[] points = picked.codePoints().toArray();
      return new String(points, 0, random.nextInt(points.length + 1));
    }
    return picked;
  }

  /** A substring (whole characters) of a value of the sample, or a fresh text. */
  private static String needle(ColumnSample sample, Random random) {
    String picked = picked(sample, random);
    if (picked == null || random.nextInt(4) == 0) {
      return text(random);
    }
    int[] points = picked.codePoints().toArray();
    int from = random.nextInt(points.length + 1);
    int to = from + random.nextInt(points.length - from + 1);
    return new String(points, from, to - from);
  }

  private static String picked(ColumnSample sample, Random random) {
    if (sample.values().isEmpty()) {
      return null;
    }
    Object value = sample.values().get(random.nextInt(sample.values().size()));
    return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : (String) value;
  }

  private static List<Boolean> expected(ColumnSample sample, Predicate<String> test) {
    List<Boolean> expected = new ArrayList<>();
    for (Object value : sample.values()) {
      String text = value instanceof byte[] raw
          ? new String(raw, StandardCharsets.UTF_8) : (String) value;
      expected.add(text == null ? null : test.test(text));
    }
    return expected;
  }

  private static boolean binary(DataType type) {
    return !type.isString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
