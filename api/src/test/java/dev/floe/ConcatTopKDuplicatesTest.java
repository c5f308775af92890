package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Examples (values from Polars 1.44) and the errors of {@link Floe#concat(List, ConcatHow)},
 * {@link DataFrame#topK}/{@link DataFrame#bottomK} and {@link DataFrame#isDuplicated}, {@link
 * DataFrame#isUnique}, {@link DataFrame#nUnique}.
 */
@LeakChecked
class ConcatTopKDuplicatesTest {
  @Test
  void diagonalTakesTheUnionOfColumnsInOrderOfFirstAppearance() {
    try (DataFrame a = DataFrame.of(Series.ofLongs("x", 1, 2), Series.ofStrings("y", "a", "b"));
        DataFrame b = DataFrame.of(Series.ofDoubles("z", 1.5), Series.ofLongs("x", 3));
        DataFrame c = DataFrame.of(Series.ofStrings("y", "c"), Series.ofBooleans("w", true));
        DataFrame all = Floe.concat(List.of(a, b, c), ConcatHow.DIAGONAL)) {
      assertThat(all.columns()).containsExactly("x", "y", "z", "w");
      assertThat(all.rows()).containsExactly(
          Arrays.asList(1L, "a", null, null), Arrays.asList(2L, "b", null, null),
          Arrays.asList(3L, null, 1.5, null), Arrays.asList(null, "c", null, true));
    }
  }

  @Test
  void strictHowsNameTheColumnAndFrameThatDiffer() {
    try (DataFrame a = DataFrame.of(Series.ofLongs("x", 1), Series.ofStrings("y", "a"));
        DataFrame b = DataFrame.of(Series.ofDoubles("x", 1.0), Series.ofStrings("y", "q"))) {
      assertThatThrownBy(() -> Floe.concat(List.of(a, b), ConcatHow.VERTICAL))
          .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'x'");
      assertThatThrownBy(() -> Floe.concat(List.of(a, b), ConcatHow.DIAGONAL))
          .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'x'")
          .hasMessageContaining("frame 1");
      try (DataFrame relaxed = Floe.concat(List.of(a, b), ConcatHow.VERTICAL_RELAXED)) {
        assertThat(relaxed.dtypes()).containsExactly(DataType.FLOAT64, DataType.UTF8);
        assertThat(relaxed.column("x").toList()).containsExactly(1.0, 1.0);
      }
    }
  }

  @Test
  void horizontalPadsShorterFramesWithNullsAndRejectsDuplicateNames() {
    try (DataFrame a = DataFrame.of(Series.ofLongs("x", 1, 2));
        DataFrame b = DataFrame.of(Series.ofLongs("z", 1, 2, 3));
        DataFrame side = Floe.concat(List.of(a, b), ConcatHow.HORIZONTAL)) {
      assertThat(side.rows()).containsExactly(
          Arrays.asList(1L, 1L), Arrays.asList(2L, 2L), Arrays.asList(null, 3L));
      assertThatThrownBy(() -> Floe.concat(List.of(a, a), ConcatHow.HORIZONTAL))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("'x'")
          .hasMessageContaining("frame 1");
      assertThatThrownBy(() -> Floe.concatLazy(List.of(a.lazy(), b.lazy()), ConcatHow.HORIZONTAL))
          .isInstanceOf(InvalidOperationException.class);
    }
  }

  @Test
  void topKPutsNaNFirstAndNullsLast() {
    try (DataFrame frame = DataFrame.of(
            Series.of("a", 3.0, null, 1.0, 3.0, Double.NaN, 2.0, null, 5.0),
            Series.ofLongs("b", 1, 2, 3, 4, 5, 6, 7, 8));
        DataFrame top = frame.topK(7, "a");
        DataFrame bottom = frame.bottomK(8, "a")) {
      assertThat(top.column("b").toList()).containsExactly(5L, 8L, 1L, 4L, 6L, 3L, 2L);
      assertThat(bottom.column("b").toList()).containsExactly(3L, 6L, 1L, 4L, 8L, 5L, 2L, 7L);
      assertThatThrownBy(() -> frame.topK(-1, "a")).isInstanceOf(InvalidOperationException.class);
    }
  }

  @Test
  void duplicatesByHashingEveryColumn() {
    try (DataFrame frame = DataFrame.of(
            Series.of("a", 1L, 2L, 1L, null, null), Series.of("b", Double.NaN, 0.0, Double.NaN, -0.0, -0.0));
        Series duplicated = frame.isDuplicated();
        Series unique = frame.isUnique()) {
      assertThat(duplicated.toList()).containsExactly(true, false, true, true, true);
      assertThat(unique.toList()).containsExactly(false, true, false, false, false);
      assertThat(frame.nUnique()).isEqualTo(3);
      assertThat(frame.nUnique("b")).isEqualTo(2);
      assertThatThrownBy(() -> frame.nUnique("nope"))
          .isInstanceOf(dev.floe.errors.ColumnNotFoundException.class);
    }
  }
}
