package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeException;
import dev.floe.kernels.hashing.DictionaryKeys;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testing.AssertFrameOptions;
import dev.floe.testing.FrameAssertions;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Categorical columns: casts both ways (nulls, empty frames, small morsels), one dictionary per
 * column in first-appearance order, the index paths taken by grouping, and the things a frame with
 * a categorical column must still do (slice, print, compare with a string, equal another frame).
 * Group-by results are checked against the same query over the plain strings.
 */
@LeakChecked
class CategoricalTest {
  private static final CollectOptions SMALL = CollectOptions.DEFAULT.withMorselRows(3);

  private static DataFrame words(String... values) {
    return DataFrame.of(Series.of("s", DataType.UTF8, (Object[]) values),
        Series.ofList("x", DataType.INT64, sequence(values.length)));
  }

  private static List<Object> sequence(int count) {
    List<Object> values = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      values.add((long) index);
    }
    return values;
  }

  @Test
  void castRoundTripKeepsValuesAndNulls() {
    try (DataFrame plain = words("b", "a", null, "b", "", "ünï", null, "a");
        DataFrame cat = plain.lazy().withColumns(col("s").cast(DataType.CATEGORICAL)).collect(SMALL);
        DataFrame back = cat.lazy().withColumns(col("s").cast(DataType.UTF8)).collect(SMALL)) {
      assertThat(cat.schema().field(0).type()).isEqualTo(DataType.CATEGORICAL);
      assertThat(cat.column("s").toList()).isEqualTo(plain.column("s").toList());
      assertThat(cat.column("s").nullCount()).isEqualTo(2);
      assertThat(back).isEqualTo(plain);
    }
  }

  /** A series cast, and a file round trip (IPC keeps the dictionary; Parquet reads strings back). */
  @Test
  void seriesCastAndFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
    try (DataFrame plain = words("b", "a", null, "b");
        Series series = plain.column("s").cast(DataType.CATEGORICAL);
        DataFrame cat = plain.lazy().withColumns(col("s").cast(DataType.CATEGORICAL)).collect(SMALL)) {
      assertThat(series.dtype()).isEqualTo(DataType.CATEGORICAL);
      assertThat(series.toList()).containsExactly("b", "a", null, "b");
      cat.writeIpc(directory.resolve("cat.arrow"));
      cat.writeParquet(directory.resolve("cat.parquet"));
      try (DataFrame ipc = Floe.readIpc(directory.resolve("cat.arrow"));
          DataFrame parquet = Floe.readParquet(directory.resolve("cat.parquet"))) {
        assertThat(ipc).isEqualTo(cat);
        assertThat(parquet.column("s").toList()).isEqualTo(plain.column("s").toList());
      }
    }
  }

  @Test
  void emptyAndAllNullFramesCast() {
    try (DataFrame empty = words();
        DataFrame cat = empty.withColumns(col("s").cast(DataType.CATEGORICAL));
        DataFrame back = cat.withColumns(col("s").cast(DataType.UTF8));
        DataFrame nulls = words(null, null, null);
        DataFrame nullCat = nulls.withColumns(col("s").cast(DataType.CATEGORICAL))) {
      assertThat(cat.height()).isZero();
      assertThat(cat.schema().field(0).type()).isEqualTo(DataType.CATEGORICAL);
      assertThat(back).isEqualTo(empty);
      assertThat(nullCat.column("s").toList()).containsExactly(null, null, null);
    }
  }

  /** Morsels of a cast come back on one dictionary, numbered in order of first appearance. */
  @Test
  void oneDictionaryForTheWholeColumn() {
    try (DataFrame plain = words("c", "a", "c", "b", null, "a", "d", "b", "e", "c");
        DataFrame cat = plain.lazy().withColumns(col("s").cast(DataType.CATEGORICAL)).collect(SMALL)) {
      List<Column> chunks = cat.column("s").column().chunks();
      assertThat(chunks).hasSizeGreaterThan(1);
      DictionaryColumn first = (DictionaryColumn) chunks.getFirst();
      for (Column chunk : chunks) {
        assertThat(first.sharesDictionaryWith((DictionaryColumn) chunk)).isTrue();
      }
      List<Object> dictionary = new ArrayList<>();
      for (int position = 0; position < first.dictionary().length(); position++) {
        dictionary.add(first.dictionary().getObject(position));
      }
      assertThat(dictionary).containsExactly("c", "a", "b", "d", "e");
      assertThat(DictionaryKeys.indexable(first)).isTrue();
    }
  }

  @Test
  void slicesPrintsComparesAndEquals() {
    try (DataFrame plain = words("b", "a", null, "b");
        DataFrame cat = plain.withColumns(col("s").cast(DataType.CATEGORICAL));
        DataFrame again = plain.withColumns(col("s").cast(DataType.CATEGORICAL));
        DataFrame sliced = cat.slice(1, 2);
        DataFrame matches = cat.filter(col("s").eq("b"));
        DataFrame others = cat.filter(col("s").ne("b"));
        DataFrame flags = cat.select(col("s").eq(col("s")).alias("same"))) {
      assertThat(sliced.column("s").toList()).containsExactly("a", null);
      assertThat(cat.toString()).contains("cat").contains("null");
      assertThat(matches.column("x").toList()).containsExactly(0L, 3L);
      assertThat(others.column("x").toList()).containsExactly(1L);
      assertThat(flags.column("same").toList()).containsExactly(true, true, null, true);
      assertThat(cat).isEqualTo(again);
      assertThat(cat).isNotEqualTo(plain);
      FrameAssertions.assertFrameEqual(cat, again);
      FrameAssertions.assertFrameEqual(cat, plain, AssertFrameOptions.DEFAULTS.withCheckDtypes(false));
      assertThatThrownBy(() -> FrameAssertions.assertFrameEqual(cat, plain)).isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void numbersDoNotCastToCategorical() {
    try (DataFrame numbers = DataFrame.of(Series.ofLongs("n", 1, 2))) {
      assertThatThrownBy(() -> numbers.withColumns(col("n").cast(DataType.CATEGORICAL)).close())
          .isInstanceOf(FloeException.class).hasMessageContaining("cat");
    }
  }

  /** Group-by over a categorical key (and mixed with an int key) gives the string group-by's rows. */
  @Test
  void groupByMatchesTheStringGroupBy() {
    Random random = new Random(3);
    List<Object> keys = new ArrayList<>();
    List<Object> ints = new ArrayList<>();
    for (int row = 0; row < 500; row++) {
      keys.add(random.nextInt(9) == 0 ? null : "k" + random.nextInt(40));
      ints.add(random.nextInt(6) == 0 ? null : random.nextInt(4));
    }
    GroupByOptions ordered = GroupByOptions.DEFAULT.withMaintainOrder(true);
    try (DataFrame plain = DataFrame.of(Series.ofList("s", DataType.UTF8, keys),
            Series.ofList("i", DataType.INT32, ints), Series.ofList("x", DataType.INT64, sequence(500)));
        DataFrame cat = plain.withColumns(col("s").cast(DataType.CATEGORICAL))) {
      for (String[] by : List.of(new String[] {"s"}, new String[] {"s", "i"}, new String[] {"i", "s"})) {
        try (DataFrame expected = plain.groupBy(ordered, by).agg(col("x").sum(), col("x").first().alias("f"));
            DataFrame eager = cat.groupBy(ordered, by).agg(col("x").sum(), col("x").first().alias("f"));
            DataFrame lazy = cat.lazy().groupBy(ordered, by).agg(col("x").sum(), col("x").first().alias("f"))
                .collect(CollectOptions.DEFAULT.withMorselRows(16))) {
          assertThat(eager.schema().field(Arrays.asList(by).indexOf("s")).type())
              .isEqualTo(DataType.CATEGORICAL);
          assertThat(eager.rows()).isEqualTo(expected.rows());
          assertThat(lazy.rows()).isEqualTo(expected.rows());
        }
      }
    }
  }

  /** Two categorical keys (combined into one code, no hashing) group as their strings do. */
  @Test
  void twoCategoricalKeysMatchTheStringGroupBy() {
    Random random = new Random(5);
    List<Object> first = new ArrayList<>();
    List<Object> second = new ArrayList<>();
    for (int row = 0; row < 700; row++) {
      first.add(random.nextInt(7) == 0 ? null : "a" + random.nextInt(12));
      second.add(random.nextInt(5) == 0 ? null : "b" + random.nextInt(9));
    }
    GroupByOptions ordered = GroupByOptions.DEFAULT.withMaintainOrder(true);
    try (DataFrame plain = DataFrame.of(Series.ofList("s", DataType.UTF8, first),
            Series.ofList("t", DataType.UTF8, second), Series.ofList("x", DataType.INT64, sequence(700)));
        DataFrame cat = plain.withColumns(col("s").cast(DataType.CATEGORICAL), col("t").cast(DataType.CATEGORICAL));
        DataFrame expected = plain.groupBy(ordered, "s", "t").agg(col("x").sum(), Floe.len());
        DataFrame eager = cat.groupBy(ordered, "s", "t").agg(col("x").sum(), Floe.len());
        DataFrame lazy = cat.lazy().groupBy(ordered, "t", "s").agg(col("x").sum(), Floe.len())
            .select("s", "t", "x", "len").collect(CollectOptions.DEFAULT.withMorselRows(50));
        DataFrame pairs = cat.select("s", "t");
        DataFrame unique = pairs.unique(UniqueOptions.DEFAULT.withMaintainOrder(true));
        DataFrame plainPairs = plain.select("s", "t");
        DataFrame plainUnique = plainPairs.unique(UniqueOptions.DEFAULT.withMaintainOrder(true))) {
      assertThat(eager.rows()).isEqualTo(expected.rows());
      assertThat(lazy.rows()).containsExactlyInAnyOrderElementsOf(expected.rows());
      assertThat(unique.rows()).isEqualTo(plainUnique.rows());
    }
  }

  /**
   * Enough partial rows, and dictionaries too large to index directly, that the merge runs
   * partitioned by the hash of the indices: one key (a large dictionary, filtered down) and two
   * keys (a product of sizes beyond direct indexing). Compared with the same query over strings.
   */
  @Test
  void partitionedMergeOnIndices() {
    Random random = new Random(9);
    List<Object> large = new ArrayList<>();
    List<Object> first = new ArrayList<>();
    List<Object> second = new ArrayList<>();
    int rows = 150_000;
    for (int row = 0; row < rows; row++) {
      large.add(row % 997 == 0 ? null : "s" + (row % 140_000));
      first.add("a" + random.nextInt(300));
      second.add(random.nextInt(50) == 0 ? null : "b" + random.nextInt(300));
    }
    CollectOptions morsels = CollectOptions.DEFAULT.withMorselRows(500);
    try (DataFrame plain = DataFrame.of(Series.ofList("s", DataType.UTF8, large),
            Series.ofList("a", DataType.UTF8, first), Series.ofList("b", DataType.UTF8, second),
            Series.ofList("x", DataType.INT64, sequence(rows)));
        DataFrame cat = plain.withColumns(col("s").cast(DataType.CATEGORICAL),
            col("a").cast(DataType.CATEGORICAL), col("b").cast(DataType.CATEGORICAL))) {
      for (String[] keys : List.of(new String[] {"s"}, new String[] {"a", "b"})) {
        java.util.function.Function<DataFrame, DataFrame> query = frame -> frame.lazy()
            .filter(col("x").mod(15).eq(0)).groupBy(keys).agg(col("x").sum(), Floe.len())
            .collect(morsels);
        try (DataFrame expected = query.apply(plain); DataFrame actual = query.apply(cat)) {
          assertThat(actual.height()).isGreaterThan(4096);
          assertThat(actual.rows()).containsExactlyInAnyOrderElementsOf(expected.rows());
        }
      }
    }
  }

  /** Frames cast apart (two dictionaries) concatenated still group and join by value. */
  @Test
  void differentDictionariesMeetByValue() {
    try (DataFrame first = words("a", "b", null, "a");
        DataFrame second = words("c", "b", "a", null);
        DataFrame firstCat = first.withColumns(col("s").cast(DataType.CATEGORICAL));
        DataFrame secondCat = second.withColumns(col("s").cast(DataType.CATEGORICAL));
        DataFrame both = Floe.concat(firstCat, secondCat);
        DataFrame counts = both.groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), "s").agg(Floe.len());
        DataFrame joined = firstCat.join(secondCat, "s")) {
      Map<Object, Object> byKey = new HashMap<>();
      for (List<Object> row : counts.rows()) {
        byKey.put(row.get(0), row.get(1));
      }
      assertThat(byKey).containsEntry("a", 3L).containsEntry("b", 2L).containsEntry("c", 1L)
          .containsEntry(null, 2L);
      assertThat(joined.schema().field(0).type()).isEqualTo(DataType.CATEGORICAL);
      assertThat(joined.rows()).containsExactlyInAnyOrder(List.of("a", 0L, 2L), List.of("b", 1L, 1L),
          List.of("a", 3L, 2L));
    }
  }

  /** A dictionary holding a value twice (as a file may) is grouped by value, not by index. */
  @Test
  void duplicateDictionaryValuesGroupByValue() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column dictionary = JavaValues.toColumn(allocator, DataType.UTF8, List.of("a", "b", "a"));
        Column indices = JavaValues.toColumn(allocator, DataType.UINT32, List.of(0L, 1L, 2L, 2L))) {
      DictionaryColumn column = new DictionaryColumn(DataType.CATEGORICAL, 0, 4, 0, null,
          ((dev.floe.memory.column.FixedWidthColumn) indices).valuesBuffer().retain(), dictionary.share());
      assertThat(DictionaryKeys.indexable(column)).isFalse();
      try (DataFrame frame = DataFrame.of(Series.fromColumn("s", column));
          DataFrame counts = frame.groupBy(GroupByOptions.DEFAULT.withMaintainOrder(true), "s").agg(Floe.len())) {
        assertThat(counts.rows()).containsExactly(List.of("a", 3L), List.of("b", 1L));
      }
    }
  }
}
