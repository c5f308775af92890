package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DataFrame#explode} edge cases (the differential test covers the common ones). */
@LeakChecked
class FrameExplodeTest {
  private static final DataType LIST = DataType.ListType.of(DataType.INT64);

  @Test
  void emptyAndNullListsGiveOneNullRowAndOtherColumnsRepeat() {
    try (DataFrame frame = DataFrame.of(Series.ofStrings("k", "a", "b", "c", "d"),
            Series.ofList("v", LIST, Arrays.asList(List.of(1L, 2L), List.of(), null, List.of(3L))));
        DataFrame exploded = frame.explode("v")) {
      assertThat(exploded.column("k").toList()).containsExactly("a", "a", "b", "c", "d");
      assertThat(exploded.column("v").toList()).containsExactly(1L, 2L, null, null, 3L);
      assertThat(exploded.column("v").dtype()).isEqualTo(DataType.INT64);
    }
  }

  @Test
  void severalColumnsExplodeTogether() {
    try (DataFrame frame = DataFrame.of(
            Series.ofList("x", LIST, List.of(List.of(1L, 2L), List.of(3L))),
            Series.ofList("y", LIST, List.of(List.of(10L, 20L), List.of(30L))));
        DataFrame exploded = frame.explode("x", "y")) {
      assertThat(exploded.rows()).containsExactly(List.of(1L, 10L), List.of(2L, 20L), List.of(3L, 30L));
    }
  }

  @Test
  void emptyFrameStaysEmptyWithTheElementType() {
    try (DataFrame frame = DataFrame.of(Series.ofList("x", LIST, List.of()), Series.ofLongs("k"));
        DataFrame exploded = frame.explode("x")) {
      assertThat(exploded.height()).isZero();
      assertThat(exploded.dtypes()).containsExactly(DataType.INT64, DataType.INT64);
    }
  }

  @Test
  void errorsNameTheProblem() {
    try (DataFrame frame = DataFrame.of(Series.ofLongs("k", 1, 2),
        Series.ofList("x", LIST, List.of(List.of(1L), List.of(2L, 3L))),
        Series.ofList("y", LIST, List.of(List.of(1L), List.of(2L))))) {
      assertThatThrownBy(() -> frame.explode("k")).isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("'k'");
      assertThatThrownBy(() -> frame.explode("nope")).isInstanceOf(ColumnNotFoundException.class);
      assertThatThrownBy(() -> frame.explode("x", "y")).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("row 1");
      assertThatThrownBy(frame::explode).isInstanceOf(InvalidOperationException.class);
    }
  }
}
