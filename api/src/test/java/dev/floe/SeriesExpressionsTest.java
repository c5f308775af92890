package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import org.junit.jupiter.api.Test;

/** Series equivalents of the frame operations; expectations from Polars 1.44.2. */
@LeakChecked
class SeriesExpressionsTest {

  @Test
  void sortFilterAndNulls() {
    try (Series values = Series.of("x", 1.5, null, Double.NaN, -2.0, 0.0);
        Series sorted = values.sort();
        Series descending = values.sort(true, true);
        Series nulls = values.isNull();
        Series withoutNulls = values.dropNulls();
        Series filled = values.fillNull(9)) {
      // pl.Series([1.5, None, nan, -2.0, 0.0]).sort() -> [null, -2.0, 0.0, 1.5, NaN]
      assertThat(sorted.toList()).containsExactly(null, -2.0, 0.0, 1.5, Double.NaN);
      // .sort(descending=True, nulls_last=True) -> [NaN, 1.5, 0.0, -2.0, null]
      assertThat(descending.toList()).containsExactly(Double.NaN, 1.5, 0.0, -2.0, null);
      assertThat(nulls.toList()).containsExactly(false, true, false, false, false);
      assertThat(withoutNulls.toList()).containsExactly(1.5, Double.NaN, -2.0, 0.0);
      assertThat(filled.toList()).containsExactly(1.5, 9.0, Double.NaN, -2.0, 0.0);
      assertThat(sorted.name()).isEqualTo("x");
    }
  }

  @Test
  void reductions() {
    try (Series values = Series.of("a", 3L, 1L, null, 2L, 1L);
        Series mask = Series.of("m", true, false, null, true, false);
        Series filtered = values.filter(mask)) {
      assertThat(values.sum()).isEqualTo(7L);
      assertThat(values.mean()).isEqualTo(1.75);
      assertThat(values.min()).isEqualTo(1L);
      assertThat(values.max()).isEqualTo(3L);
      assertThat(filtered.toList()).containsExactly(3L, 2L);
    }
  }
}
