package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.testing.FrameAssertions.assertFrameEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.parquet.ParquetReadOptions;
import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans stream into the pipeline above them (Parquet one row group per batch) and a head over a
 * filtered scan stops reading once it has its rows; results equal the whole read's, failures and
 * cancellations mid-stream leak nothing.
 */
@LeakChecked
class StreamingScanTest {
  /** {@code a} cycles through 0..999 in every block of 1,000 rows (no row group can be pruned by it). */
  private static DataFrame numbers(int rows, int from) {
    long[] a = new long[rows];
    long[] b = new long[rows];
    String[] s = new String[rows];
    for (int row = 0; row < rows; row++) {
      a[row] = (row * 7_919L) % 1_000;
      b[row] = from + row;
      s[row] = Integer.toString(from + row);
    }
    return DataFrame.of(Series.ofLongs("a", a), Series.ofLongs("b", b), Series.ofStrings("s", s));
  }

  private static Path parquet(Path dir, String name, int rows, int from) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (DataFrame frame = numbers(rows, from)) {
      frame.writeParquet(file, ParquetWriteOptions.DEFAULT.withRowGroupSize(1_000));
    }
    return file;
  }

  /** Compressed bytes of the column chunks {@code query} decodes from a scan of {@code file}. */
  private static long bytesRead(Path file, UnaryOperator<LazyFrame> query) {
    AtomicLong bytes = new AtomicLong();
    ParquetReadOptions options = ParquetReadOptions.DEFAULT.withProgress(progress -> {
      if (progress.finished()) {
        bytes.addAndGet(progress.bytesDone());
      }
    });
    try (DataFrame result = query.apply(Floe.scanParquet(file.toString(), options, MultiFileOptions.DEFAULT))
        .collect(CollectOptions.DEFAULT.withThreads(2))) {
      assertThat(result.height()).isPositive();
      return bytes.get();
    }
  }

  @Test
  void aHeadOverAFilteredScanReadsOnlyTheFirstRowGroups(@TempDir Path dir) throws Exception {
    Path file = parquet(dir, "data.parquet", 100_000, 0); // 100 row groups
    UnaryOperator<LazyFrame> head = lf -> lf.filter(col("a").gt(990)).head(5);
    try (DataFrame lazy = head.apply(Floe.scanParquet(file.toString())).collect();
        DataFrame all = Floe.readParquet(file);
        DataFrame filtered = all.filter(col("a").gt(990));
        DataFrame eager = filtered.head(5)) {
      assertFrameEqual(lazy, eager);
    }
    long whole = bytesRead(file, lf -> lf.filter(col("a").gt(990)));
    long early = bytesRead(file, head);
    // every row group holds 9 matches: the head needs the first, and reads at most the few the
    // pipeline had in flight when it had its rows
    assertThat(early).as("bytes a head reads of %s", whole).isPositive().isLessThan(whole / 10);
    // the same through a select and withColumns in the pipeline above the scan, and a slice with an offset
    long through = bytesRead(file, lf -> lf.withColumns(col("b").mul(2).alias("c")).filter(col("a").gt(990))
        .select("c", "s").slice(3, 10));
    assertThat(through).isLessThan(whole / 10);
  }

  @Test
  void aHeadStopsPullingWithABoundedNumberOfBatchesInFlight() {
    List<DataFrame> parts = new java.util.ArrayList<>();
    for (int part = 0; part < 200; part++) {
      parts.add(numbers(100, part * 100));
    }
    try (DataFrame data = Floe.concat(parts);
        DataFrame filtered = data.filter(col("a").gt(10));
        DataFrame picked = filtered.select("b");
        DataFrame eager = picked.head(150)) {
      parts.forEach(DataFrame::close);
      for (int threads : new int[] {1, 2, 4}) {
        CountedStreamSource source = new CountedStreamSource(data);
        LazyFrame query = new LazyFrame(dev.floe.planner.plan.Scan.of(source)).filter(col("a").gt(10)).select("b")
            .head(150);
        try (DataFrame lazy = query.collect(CollectOptions.DEFAULT.withThreads(threads))) {
          assertFrameEqual(lazy, eager);
        }
        // two batches of 100 rows hold the 150 rows; at most 2 morsels per thread were in flight
        assertThat(source.pulled.get()).as("batches pulled with %d threads", threads)
            .isLessThanOrEqualTo(2 + 2 * threads + 1);
        assertThat(source.closed.get()).isEqualTo(1);
        // without the head, every batch streams through
        CountedStreamSource all = new CountedStreamSource(data);
        try (DataFrame lazy = new LazyFrame(dev.floe.planner.plan.Scan.of(all)).filter(col("a").gt(10)).select("b")
            .collect(CollectOptions.DEFAULT.withThreads(threads))) {
          assertThat(lazy.height()).isEqualTo(filtered.height());
        }
        assertThat(all.pulled.get()).isEqualTo(200);
      }
    }
  }

  private static final List<UnaryOperator<LazyFrame>> PIPELINES = List.of(
      lf -> lf,
      lf -> lf.filter(col("a").gt(500)),
      lf -> lf.filter(col("a").gt(500)).select(col("b").add(col("a")).alias("c"), col("s")),
      lf -> lf.withColumns(col("b").mul(3).alias("c")).filter(col("c").gt(4_000)).head(17),
      lf -> lf.filter(col("a").lt(3)).slice(5, 40),
      lf -> lf.filter(col("a").lt(3)).head(100_000),
      lf -> lf.head(2_500),
      lf -> lf.filter(col("a").gt(900)).sort(col("a"), col("b")).head(20),
      lf -> lf.filter(col("a").eq(999)).tail(4),
      lf -> lf.select(col("a").sum(), col("b").max()));

  @Test
  void streamedScansGiveTheWholeReadsRowsForAnyMorselSizeAndThreadCount(@TempDir Path dir) throws Exception {
    Path file = parquet(dir, "one.parquet", 12_345, 0);
    parquet(dir, "hive/k=1/x.parquet", 3_500, 0);
    parquet(dir, "hive/k=2/y.parquet", 2_000, 10_000);
    parquet(dir, "hive/k=3/z.parquet", 4_321, 20_000);
    ParquetReadOptions indexed = ParquetReadOptions.DEFAULT.withRowIndex("idx", 10);
    MultiFileOptions paths = MultiFileOptions.DEFAULT.withIncludeFilePaths("path");
    compare(file.toString(), ParquetReadOptions.DEFAULT, MultiFileOptions.DEFAULT, PIPELINES);
    compare(dir.resolve("hive").toString(), ParquetReadOptions.DEFAULT, paths, PIPELINES);
    compare(dir.resolve("hive").toString(), indexed, MultiFileOptions.DEFAULT, PIPELINES);
    // a filter on the partition column prunes whole files; one on the file's column prunes nothing here
    compare(dir.resolve("hive").toString(), ParquetReadOptions.DEFAULT, paths, List.of(
        lf -> lf.filter(col("k").eq(2).and(col("a").gt(100))).head(30),
        lf -> lf.filter(col("k").gt(1)).select("path", "b", "k"),
        lf -> lf.filter(col("k").eq(7)),
        lf -> lf.select("k").head(4_000)));
  }

  /** Each pipeline over the scan equals it over the whole read held in memory. */
  private static void compare(String location, ParquetReadOptions options, MultiFileOptions multi,
      List<UnaryOperator<LazyFrame>> pipelines) {
    try (DataFrame whole = Floe.readParquet(location, options, multi)) {
      for (UnaryOperator<LazyFrame> pipeline : pipelines) {
        try (DataFrame expected = pipeline.apply(whole.lazy()).collect()) {
          for (int morsel : new int[] {7, 1_000, 65_536}) {
            for (int threads : new int[] {1, 3}) {
              CollectOptions collect = CollectOptions.DEFAULT.withMorselRows(morsel).withThreads(threads);
              try (DataFrame streamed = pipeline.apply(Floe.scanParquet(location, options, multi)).collect(collect)) {
                assertFrameEqual(streamed, expected);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void aFailureMidStreamNamesTheOperatorAndLeaksNothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.parquet");
    String[] s = new String[20_000];
    for (int row = 0; row < s.length; row++) {
      s[row] = row == 15_123 ? "e" : Integer.toString(row);
    }
    try (DataFrame frame = DataFrame.of(Series.ofStrings("s", s))) {
      frame.writeParquet(file, ParquetWriteOptions.DEFAULT.withRowGroupSize(1_000));
    }
    for (int threads : new int[] {1, 2}) {
      LazyFrame query = Floe.scanParquet(file.toString()).filter(col("s").cast(DataType.INT64).gt(1)).head(19_000);
      assertThatThrownBy(() -> query.collect(CollectOptions.DEFAULT.withMorselRows(300).withThreads(threads)))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("while evaluating col(\"s\").cast(i64) > 1 in Filter")
          .hasMessageContaining("\"e\"");
    }
    // the rows before the bad value suffice for a short head: the stream stops before it
    try (DataFrame head = Floe.scanParquet(file.toString()).filter(col("s").cast(DataType.INT64).gt(1)).head(5)
        .collect()) {
      assertThat(head.column("s").toList()).containsExactly("2", "3", "4", "5", "6");
    }
  }

  @Test
  void aCancelMidStreamLeaksNothing(@TempDir Path dir) throws Exception {
    for (int file = 0; file < 4; file++) {
      parquet(dir, "part-" + file + ".parquet", 5_000, file * 5_000);
    }
    CountDownLatch firstFileRead = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    AtomicBoolean running = new AtomicBoolean(); // making the scan reads the files' schemas: not yet
    ParquetReadOptions options = ParquetReadOptions.DEFAULT.withProgress(progress -> {
      if (running.get() && progress.finished() && firstFileRead.getCount() > 0) {
        firstFileRead.countDown(); // the stream finished the first file: cancel before it goes on
        try {
          cancelled.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    });
    LazyFrame query = Floe.scanParquet(dir.resolve("*.parquet").toString(), options, MultiFileOptions.DEFAULT)
        .filter(col("a").gt(10)).select(col("b").mul(2));
    running.set(true);
    QueryHandle handle = query.collectAsync(CollectOptions.DEFAULT.withMorselRows(100).withThreads(2));
    assertThat(firstFileRead.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(handle.cancel()).isTrue();
    cancelled.countDown();
    assertThatThrownBy(() -> handle.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
  }

  @Test
  void ipcScansStreamTheirRecordBatches(@TempDir Path dir) throws Exception {
    for (int file = 0; file < 3; file++) {
      Path path = dir.resolve("k=" + file + "/data.arrow");
      Files.createDirectories(path.getParent());
      try (DataFrame first = numbers(3_000, file * 10_000);
          DataFrame second = numbers(1_000 * (file + 1), file * 10_000 + 3_000);
          DataFrame both = first.vstack(second)) {
        both.writeIpc(path); // a record batch per chunk
      }
    }
    String single = dir.resolve("k=1/data.arrow").toString();
    IpcReadOptions indexed = IpcReadOptions.DEFAULT.withRowIndex("idx", 5);
    MultiFileOptions paths = MultiFileOptions.DEFAULT.withIncludeFilePaths("path");
    compareIpc(single, IpcReadOptions.DEFAULT, MultiFileOptions.DEFAULT);
    compareIpc(dir.toString(), indexed, paths);
    compareIpc(dir.toString(), IpcReadOptions.DEFAULT.withMemoryMap(false), MultiFileOptions.DEFAULT);
  }

  private static void compareIpc(String location, IpcReadOptions options, MultiFileOptions multi) {
    try (DataFrame whole = Floe.readIpc(location, options, multi)) {
      for (UnaryOperator<LazyFrame> pipeline : PIPELINES) {
        try (DataFrame expected = pipeline.apply(whole.lazy()).collect();
            DataFrame streamed = pipeline.apply(Floe.scanIpc(location, options, multi))
                .collect(CollectOptions.DEFAULT.withMorselRows(500).withThreads(2))) {
          assertFrameEqual(streamed, expected);
        }
      }
    }
  }
}
