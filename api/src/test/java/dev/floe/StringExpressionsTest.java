package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.concatStr;
import static dev.floe.Floe.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The str namespace on eager frames; expected values are Polars 1.44.2's. */
@LeakChecked
class StringExpressionsTest {
  private static DataFrame frame(DataType type) {
    return DataFrame.of(
        Series.ofList("s", type, Arrays.asList("Héllo", null, "", "日本😀", " -7 ")),
        Series.of("n", 1L, 2L, 3L, 4L, 5L));
  }

  @Test
  void selectOnEveryStringLayout() {
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      try (DataFrame df = frame(type);
          DataFrame out =
              df.select(
                  col("s").str().lenChars().alias("chars"),
                  col("s").str().lenBytes().alias("bytes"),
                  col("s").str().toLowercase().alias("lower"),
                  col("s").str().strip().str().zfill(4).alias("z"),
                  col("s").str().slice(-2, 1L).alias("slice"),
                  col("s").str().contains("l+o$", false).alias("re"))) {
        assertThat(out.column(0).toList()).containsExactly(5L, null, 0L, 3L, 4L);
        assertThat(out.column(1).toList()).containsExactly(6L, null, 0L, 10L, 4L);
        assertThat(out.column(2).toList()).containsExactly("héllo", null, "", "日本😀", " -7 ");
        assertThat(out.column(3).toList()).containsExactly("Héllo", null, "0000", "日本😀", "-007");
        assertThat(out.column(4).toList()).containsExactly("l", null, "", "本", "7");
        assertThat(out.column(5).toList()).containsExactly(true, null, false, false, false);
        assertThat(out.dtypes().get(0)).isEqualTo(DataType.UINT32);
      }
    }
  }

  @Test
  void filterAndWithColumns() {
    try (DataFrame df = frame(DataType.UTF8_VIEW);
        DataFrame kept = df.filter(col("s").str().startsWith("日").or(col("s").str().endsWith("o")));
        DataFrame padded = df.withColumns(col("s").str().padEnd(3, '.').alias("p"))) {
      assertThat(kept.column(1).toList()).containsExactly(1L, 4L);
      assertThat(padded.column(2).toList()).containsExactly("Héllo", null, "...", "日本😀", " -7 ");
    }
  }

  @Test
  void concatStrJoinsRowsAndPropagatesNulls() {
    try (DataFrame frame =
            DataFrame.of(
                Series.of("first", "Ada", null, "Zoë"), Series.of("last", "Lovelace", "Hopper", ""));
        DataFrame joined =
            frame.select(concatStr(java.util.List.of(col("first"), col("last")), " ").alias("full"))) {
      assertThat(joined.column("full").toList()).containsExactly("Ada Lovelace", null, "Zoë ");
    }
  }

  @Test
  void literalInputAndTypeErrors() {
    try (DataFrame df = frame(DataType.UTF8);
        DataFrame out = df.select(lit("abc").str().toUppercase().alias("u"), col("n"))) {
      assertThat(out.column(0).toList()).containsExactly("ABC", "ABC", "ABC", "ABC", "ABC");
    }
    try (DataFrame df = frame(DataType.UTF8)) {
      assertThatThrownBy(() -> df.select(col("n").str().toUppercase()))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("cannot apply str.toUppercase() to i64 in col(\"n\")");
    }
  }
}
