package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order-aware functions on eager frames where Polars cannot be the oracle: {@code hash(seed)}
 * (Floe's own values), and errors raised before any work. Values and types of everything else are
 * compared with Polars in {@link SequenceDifferentialTest}.
 */
@LeakChecked
class SequenceExpressionsTest {
  private static DataFrame frame() {
    List<String> strings = Arrays.asList("a", null, "é😀", "a", "long enough to be out of line");
    return DataFrame.of(
        Series.ofList("utf8", DataType.UTF8, strings),
        Series.ofList("view", DataType.UTF8_VIEW, strings),
        Series.ofList("large", DataType.LARGE_UTF8, strings),
        Series.ofList("i", DataType.INT64, Arrays.asList(1L, null, 3L, 1L, 5L)),
        Series.ofList("i32", DataType.INT32, Arrays.asList(1, null, 3, 1, 5)));
  }

  @Test
  void hashIsDeterministicAndEqualForEqualValuesInEveryLayout() {
    try (DataFrame df = frame();
        DataFrame first = df.select(
            col("utf8").hash(42).alias("utf8"), col("view").hash(42).alias("view"),
            col("large").hash(42).alias("large"), col("i").hash(42).alias("i"),
            col("i32").hash(42).alias("i32"));
        DataFrame second = df.select(col("utf8").hash(42));
        DataFrame otherSeed = df.select(col("utf8").hash(43))) {
      List<Object> hashes = first.column("utf8").toList();
      assertThat(first.column("utf8").dtype()).isEqualTo(DataType.UINT64);
      assertThat(hashes).doesNotContainNull();
      assertThat(first.column("view").toList()).isEqualTo(hashes);
      assertThat(first.column("large").toList()).isEqualTo(hashes);
      assertThat(second.column(0).toList()).isEqualTo(hashes);
      assertThat(hashes.get(3)).isEqualTo(hashes.get(0));
      assertThat(hashes.get(2)).isNotEqualTo(hashes.get(0));
      // nulls hash to one value for the seed, whatever the column type; i64 and i32 agree
      assertThat(first.column("i").toList().get(1)).isEqualTo(hashes.get(1));
      assertThat(first.column("i32").toList()).isEqualTo(first.column("i").toList());
      assertThat(otherSeed.column(0).toList().get(0)).isNotEqualTo(hashes.get(0));
    }
  }

  @Test
  void hashOfASliceEqualsTheSliceOfTheHash() {
    try (DataFrame df = frame();
        DataFrame tail = df.slice(2, 3);
        DataFrame whole = df.select(col("view").hash());
        DataFrame part = tail.select(col("view").hash())) {
      assertThat(part.column(0).toList()).isEqualTo(whole.column(0).toList().subList(2, 5));
    }
  }

  @Test
  void typeErrorsComeBeforeAnyWork() {
    try (DataFrame df = frame()) {
      assertThatThrownBy(() -> df.select(col("i").quantile(2.0, "nearest")))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("quantile should be between 0.0 and 1.0, got 2.0");
      assertThatThrownBy(() -> df.select(col("utf8").cumMin()))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("col(\"utf8\").cumMin(false)");
    }
  }
}
