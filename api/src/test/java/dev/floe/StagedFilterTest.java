package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.testing.FrameAssertions.assertFrameEqual;

import dev.floe.planner.expr.Expr;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A conjunction of string tests and other conditions is filtered in two stages (the string tests
 * on the rows the others kept); the rows must be those where the whole predicate, evaluated as a
 * column first, is true: nulls in both kinds of column, negated string tests, every comparison.
 */
@LeakChecked
class StagedFilterTest {
  private static final String[] WORDS = {"MAIL", "SHIP", "AIR", "AIR REG", "", "TRUCK", "éclair", "DELIVER IN PERSON"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void keepsTheRowsWhereTheWholeConjunctionIsTrue(long seed) {
    Random random = new Random(seed);
    int rows = 5000;
    List<Object> numbers = new ArrayList<>();
    List<Object> strings = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      numbers.add(random.nextInt(8) == 0 ? null : (long) random.nextInt(20));
      strings.add(random.nextInt(9) == 0 ? null : WORDS[random.nextInt(WORDS.length)]);
    }
    List<Expr> predicates = List.of(
        col("a").gt(5).and(col("s").isIn("MAIL", "SHIP")),
        col("s").eq("AIR").or(col("a").lt(3)).and(col("s").ne("TRUCK")).and(col("a").ge(1)),
        col("a").le(15).and(col("s").str().contains("AI").not()).and(col("s").str().startsWith("A")),
        col("a").isBetween(2, 12).and(col("s").gt("D")).and(col("s").str().endsWith("ON")),
        col("s").isIn("AIR", "AIR REG", "MAIL").and(col("s").eq("AIR")),
        col("s").str().contains("A").and(col("s").eq("MAIL").not()).and(col("s").eq("AIR REG")));
    try (DataFrame frame = DataFrame.of(Series.of("a", numbers.toArray()), Series.of("s", strings.toArray()))) {
      for (Expr predicate : predicates) {
        CollectOptions morsels = CollectOptions.DEFAULT.withMorselRows(512);
        try (DataFrame staged = frame.lazy().filter(predicate).collect(morsels);
            DataFrame whole = frame.lazy().withColumns(predicate.alias("keep")).filter(col("keep"))
                .drop("keep").collect(morsels)) {
          assertFrameEqual(staged, whole);
        }
      }
    }
  }
}
