package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static dev.floe.testing.FrameAssertions.assertFrameEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lazy queries give the eager operations' results (with and without the optimizer, over morsels
 * smaller than the frame), scans push projections, predicates and limits into the readers and
 * read less, and analysis errors come before any work.
 */
@LeakChecked
class LazyFrameTest {
  private static DataFrame frame(int rows, long seed) {
    Random random = new Random(seed);
    Object[] a = new Object[rows];
    Object[] b = new Object[rows];
    Object[] s = new Object[rows];
    for (int row = 0; row < rows; row++) {
      a[row] = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
      b[row] = random.nextInt(10) == 0 ? null : random.nextInt(1000) / 10.0;
      s[row] = random.nextInt(10) == 0 ? null : "k" + random.nextInt(8);
    }
    return DataFrame.of(Series.of("a", dev.floe.memory.types.DataType.INT64, a),
        Series.of("b", dev.floe.memory.types.DataType.FLOAT64, b),
        Series.of("s", dev.floe.memory.types.DataType.UTF8, s));
  }

  private record Case(String name, UnaryOperator<LazyFrame> lazy, UnaryOperator<DataFrame> eager) {}

  private static final List<Case> CASES = List.of(
      new Case("filter", l -> l.filter(col("a").gt(20)), d -> d.filter(col("a").gt(20))),
      new Case("select", l -> l.select(col("b").mul(2).alias("b2"), col("s")),
          d -> d.select(col("b").mul(2).alias("b2"), col("s"))),
      new Case("withColumns", l -> l.withColumns(col("a").add(col("b")).alias("c"), col("a").cast(
          dev.floe.memory.types.DataType.FLOAT64)), d -> d.withColumns(col("a").add(col("b")).alias("c"),
          col("a").cast(dev.floe.memory.types.DataType.FLOAT64))),
      new Case("filter then head", l -> l.filter(col("s").eq("k3")).select("a", "s").head(7),
          d -> {
            try (DataFrame filtered = d.filter(col("s").eq("k3")); DataFrame picked = filtered.select("a", "s")) {
              return picked.head(7);
            }
          }),
      new Case("sort", l -> l.sort(SortOptions.DEFAULT.withDescending(true, false).withNullsLast(true), "s", "a"),
          d -> d.sort(List.of(col("s"), col("a")), SortOptions.DEFAULT.withDescending(true, false).withNullsLast(true))),
      new Case("unique", l -> l.select("s").unique(UniqueOptions.DEFAULT.withMaintainOrder(true)),
          d -> {
            try (DataFrame picked = d.select("s")) {
              return picked.unique(UniqueOptions.DEFAULT.withMaintainOrder(true));
            }
          }),
      new Case("tail and slice", l -> l.tail(9).slice(2, 4), d -> {
        try (DataFrame tail = d.tail(9)) {
          return tail.slice(2, 4);
        }
      }),
      new Case("aggregate", l -> l.filter(col("a").isNotNull()).select(col("b").sum().alias("total"), col("a").max()),
          d -> {
            try (DataFrame filtered = d.filter(col("a").isNotNull())) {
              return filtered.select(col("b").sum().alias("total"), col("a").max());
            }
          }),
      new Case("drop and rename", l -> l.drop("b").rename(Map.of("s", "key")), d -> {
        try (DataFrame dropped = d.drop("b")) {
          return dropped.rename(Map.of("s", "key"));
        }
      }));

  @Test
  void castAndFillNullEqualTheEagerOnes() {
    try (DataFrame frame = DataFrame.of(Series.of("a", dev.floe.memory.types.DataType.INT64, 1L, null, 3L),
        Series.of("s", dev.floe.memory.types.DataType.UTF8, "x", null, "z"));
        DataFrame castEager = frame.cast(Map.of("a", dev.floe.memory.types.DataType.FLOAT64));
        DataFrame castLazy = frame.lazy().cast(Map.of("a", dev.floe.memory.types.DataType.FLOAT64)).collect();
        DataFrame fillEager = frame.fillNull(0);
        DataFrame fillLazy = frame.lazy().fillNull(0).collect();
        DataFrame fillText = frame.lazy().fillNull("?").collect()) {
      assertFrameEqual(castLazy, castEager);
      assertFrameEqual(fillLazy, fillEager);
      assertThat(fillText.column("s").toList()).containsExactly("x", "?", "z");
      assertThat(fillText.column("a").toList()).containsExactly(1L, null, 3L);
      assertThatThrownBy(() -> frame.lazy().cast(Map.of("b", dev.floe.memory.types.DataType.FLOAT64)))
          .isInstanceOf(ColumnNotFoundException.class);
    }
  }

  @Test
  void lazyQueriesEqualEagerOperations() {
    try (DataFrame frame = frame(500, 3)) {
      for (Case each : CASES) {
        try (DataFrame expected = each.eager().apply(frame)) {
          for (CollectOptions options : List.of(CollectOptions.DEFAULT.withMorselRows(37),
              CollectOptions.DEFAULT.withNoOptimization(true).withMorselRows(64), CollectOptions.DEFAULT,
              CollectOptions.DEFAULT.withThreads(1).withMorselRows(50),
              CollectOptions.DEFAULT.withThreads(3).withMorselRows(50))) {
            try (DataFrame actual = each.lazy().apply(frame.lazy()).collect(options)) {
              assertFrameEqual(actual, expected);
            }
          }
        }
      }
    }
  }

  @Test
  void analysisErrorsComeBeforeAnyWork() {
    try (DataFrame frame = frame(10, 1)) {
      LazyFrame query = frame.lazy().filter(col("nope").gt(1));
      assertThatThrownBy(query::collect).isInstanceOf(ColumnNotFoundException.class)
          .hasMessageContaining("nope").hasMessageContaining("a, b, s");
      assertThatThrownBy(() -> frame.lazy().filter(col("a").add(1)).collectSchema())
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("bool predicate");
      assertThat(frame.lazy().withColumns(col("a").mul(lit(1.5)).alias("x")).collectSchema().names())
          .containsExactly("a", "b", "s", "x");
      assertThatThrownBy(() -> frame.lazy().collect(CollectOptions.DEFAULT.withoutRules("no_such_rule")))
          .hasMessageContaining("no optimizer rule 'no_such_rule'");
    }
  }

  @Test
  void scanParquetPushesProjectionPredicateAndSliceIntoTheScan(@TempDir Path dir) {
    Path file = dir.resolve("data.parquet");
    try (DataFrame frame = frame(20_000, 5); DataFrame sorted = frame.sort("a")) {
      sorted.writeParquet(file, ParquetWriteOptions.DEFAULT.withRowGroupSize(2_000));
      LazyFrame query = Floe.scanParquet(file.toString()).filter(col("a").gt(40)).select("b").head(5);
      assertThat(query.explain()).contains("""
          PARQUET SCAN [%s]
              PROJECT 2/3 COLUMNS [a, b]
              SELECTION col("a") > 40
              LIMIT 5
          """.formatted(file));
      try (DataFrame lazy = query.collect();
          DataFrame filtered = sorted.filter(col("a").gt(40));
          DataFrame picked = filtered.select("b");
          DataFrame eager = picked.head(5)) {
        assertFrameEqual(lazy, eager);
      }
      long full = bytesRead(file, null);
      long needed = bytesRead(file, col("a").gt(40));
      assertThat(needed).as("a filtered 1-of-3-column scan of sorted row groups").isPositive()
          .isLessThan(full / 4);
    }
  }

  /** Bytes of column chunks a lazy scan of {@code file} reads for {@code select b where predicate}. */
  private static long bytesRead(Path file, dev.floe.planner.expr.Expr predicate) {
    AtomicLong bytes = new AtomicLong();
    ParquetReadOptions options = ParquetReadOptions.DEFAULT.withProgress(progress -> {
      if (progress.finished()) {
        bytes.addAndGet(progress.bytesDone());
      }
    });
    LazyFrame scan = Floe.scanParquet(file.toString(), options, MultiFileOptions.DEFAULT);
    LazyFrame query = predicate == null ? scan : scan.filter(predicate).select("b");
    try (DataFrame result = query.collect()) {
      assertThat(result.width()).isPositive();
      return bytes.get();
    }
  }

  @Test
  void textAndIpcScansEqualEagerReads(@TempDir Path dir) {
    try (DataFrame frame = frame(300, 9)) {
      Path csv = dir.resolve("d.csv");
      Path ipc = dir.resolve("d.arrow");
      Path ndjson = dir.resolve("d.ndjson");
      frame.writeCsv(csv);
      frame.writeIpc(ipc);
      frame.writeNdjson(ndjson);
      for (LazyFrame scan : List.of(Floe.scanCsv(csv.toString()), Floe.scanIpc(ipc.toString()),
          Floe.scanNdjson(ndjson.toString()))) {
        try (DataFrame lazy = scan.filter(col("a").lt(10)).select("s", "a").collect();
            DataFrame filtered = frame.filter(col("a").lt(10));
            DataFrame eager = filtered.select("s", "a")) {
          assertFrameEqual(lazy, eager);
        }
      }
    }
  }

  @Test
  void aLazyFrameOverAClosedFrameFailsClearly() {
    DataFrame frame = frame(10, 2);
    LazyFrame query = frame.lazy().select("a");
    frame.close();
    assertThatThrownBy(query::collect).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("after close()");
  }
}
