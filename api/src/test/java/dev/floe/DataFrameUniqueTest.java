package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API of {@link DataFrame#unique(UniqueOptions)} and {@link UniqueOptions}; results are
 * compared with Polars in {@link FrameUniqueDifferentialTest}.
 */
@LeakChecked
class DataFrameUniqueTest {

  @Test
  void optionsAreImmutableWithWithers() {
    UniqueOptions options = UniqueOptions.DEFAULT.withSubset("a").withKeep(UniqueOptions.Keep.LAST)
        .withMaintainOrder(true);
    assertThat(options).isEqualTo(new UniqueOptions(List.of("a"), UniqueOptions.Keep.LAST, true));
    assertThat(UniqueOptions.DEFAULT.subset()).isEmpty();
    assertThat(UniqueOptions.DEFAULT.keep()).isEqualTo(UniqueOptions.Keep.ANY);
  }

  @Test
  void anUnknownSubsetColumnFailsNamingIt() {
    try (DataFrame frame = DataFrame.of(Series.of("a", 1L, 1L))) {
      assertThatThrownBy(() -> frame.unique(UniqueOptions.DEFAULT.withSubset("zz")))
          .isInstanceOf(ColumnNotFoundException.class)
          .hasMessageContaining("zz");
    }
  }

  @Test
  void theResultIsANewFrameIndependentOfItsSource() {
    DataFrame unique;
    try (DataFrame frame =
        DataFrame.of(Series.of("a", 1L, 1L, 2L), Series.ofStrings("b", "x", "x", "y"))) {
      unique = frame.unique();
    }
    try (unique) {
      assertThat(unique.rows()).containsExactly(List.of(1L, "x"), List.of(2L, "y"));
    }
  }

  @Test
  void emptyFramesStayEmpty() {
    try (DataFrame frame = DataFrame.of(Series.of("a", dev.floe.memory.types.DataType.INT64));
        DataFrame unique = frame.unique(UniqueOptions.DEFAULT.withKeep(UniqueOptions.Keep.NONE))) {
      assertThat(unique.height()).isZero();
      assertThat(unique.columns()).containsExactly("a");
    }
  }
}
