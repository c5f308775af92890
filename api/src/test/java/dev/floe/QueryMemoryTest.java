package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.plan.Scan;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lazy query allocates from its own allocator (with the query's memory limit) and one per
 * operator; its result is handed to the caller's allocator; limits and leaks name the operator.
 */
@LeakChecked
class QueryMemoryTest {
  private static DataFrame numbers(int rows) {
    long[] values = new long[rows];
    for (int row = 0; row < rows; row++) {
      values[row] = (row * 7_919L) % rows;
    }
    return DataFrame.of(Series.ofLongs("a", values), Series.ofLongs("b", values));
  }

  @Test
  void aQueryOverItsMemoryLimitFailsNamingTheOperatorAndLeaksNothing() {
    try (DataFrame data = numbers(200_000)) {
      LazyFrame query = data.lazy().withColumns(col("a").add(1).alias("c")).sort("c");
      // the withColumns pipeline needs 200,000 x 8 bytes, then the sort a copy of all three columns
      CollectOptions limited = CollectOptions.DEFAULT.withMemoryLimit(3_000_000L);
      assertThatThrownBy(() -> query.collect(limited))
          .isInstanceOfSatisfying(FloeOutOfMemoryException.class, failure -> {
            assertThat(failure.requestedBy()).contains("SORT BY");
            assertThat(failure.limitBytes()).isEqualTo(3_000_000L);
            assertThat(failure.limitedBy()).startsWith("query ");
          })
          .hasMessageStartingWith("the query needs more than its memory limit of 3000000 bytes")
          .hasMessageContaining("CollectOptions.withMemoryLimit")
          .hasMessageContaining("requested through '#");
      // the same query fits a larger limit, and its result then no longer counts against it
      try (DataFrame result = query.collect(CollectOptions.DEFAULT.withMemoryLimit(64L << 20));
          DataFrame withC = data.withColumns(col("a").add(1).alias("c"));
          DataFrame eager = withC.sort("c")) {
        assertThat(result).isEqualTo(eager);
      }
    }
  }

  @Test
  void aFileScanReadsIntoItsOperatorsAllocator(@TempDir Path dir) {
    Path file = dir.resolve("numbers.parquet");
    try (DataFrame data = numbers(50_000)) {
      data.writeParquet(file);
    }
    LazyFrame scan = Floe.scanParquet(file.toString()).filter(col("a").gt(10));
    assertThatThrownBy(() -> scan.collect(CollectOptions.DEFAULT.withMemoryLimit(100_000L)))
        .isInstanceOfSatisfying(FloeOutOfMemoryException.class,
            failure -> assertThat(failure.requestedBy()).contains("Scan").contains("numbers.parquet"));
    try (DataFrame all = scan.collect(CollectOptions.DEFAULT.withMemoryLimit(10_000_000L))) {
      assertThat(all.height()).isEqualTo(50_000 - 11);
      assertThat(all.column("a").chunks().getFirst().buffers().get(1).allocator())
          .isSameAs(BufferAllocator.current());
    }
  }

  @Test
  void theConfiguredLimitAppliesWhenTheOptionsSayNothing() {
    long before = Floe.config().memoryLimit();
    try (DataFrame data = numbers(100_000)) {
      Floe.config().setMemoryLimit("1k");
      assertThat(Floe.config().memoryLimit()).isEqualTo(1_024L);
      assertThatThrownBy(() -> data.lazy().sort("a").collect())
          .isInstanceOf(FloeOutOfMemoryException.class)
          .hasMessageContaining("memory limit of 1024 bytes");
    } finally {
      Floe.config().setMemoryLimit(before);
    }
    assertThatThrownBy(() -> Floe.config().setMemoryLimit("lots"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("512m");
  }

  @Test
  void theResultIsAccountedToTheCallersAllocator() {
    BufferAllocator caller = BufferAllocator.current();
    try (DataFrame data = numbers(100_000)) {
      long inputBytes = caller.allocatedBytes();
      try (DataFrame sorted = data.lazy().filter(col("a").gt(10)).sort("a").collect()) {
        assertThat(caller.children()).as("the query's allocators are closed").isEmpty();
        assertThat(caller.allocatedBytes()).isGreaterThan(inputBytes);
        for (Series series : sorted.getColumns()) {
          for (Column chunk : series.chunks()) {
            for (Buffer buffer : chunk.buffers()) {
              if (buffer != null) {
                assertThat(buffer.allocator()).isSameAs(caller);
              }
            }
          }
        }
      }
      assertThat(caller.allocatedBytes()).isEqualTo(inputBytes);
    }
  }

  @Test
  void aBufferAnOperatorLeaksIsReportedUnderTheOperatorsName() {
    AtomicReference<List<Column>> leaked = new AtomicReference<>();
    try (DataFrame data = numbers(1_000)) {
      HookedFrameSource leaky = new HookedFrameSource(data, "leaky source") {
        @Override
        void beforeRead() {}

        @Override
        public List<RecordBatch> read(List<String> columns, Expr predicate, Long limit, BufferAllocator allocator) {
          List<RecordBatch> batches = super.read(columns, predicate, limit, allocator);
          // a copy in the scan's allocator that the source forgets to close
          try (Series rows = Series.ofInts("i", 0, 1)) {
            leaked.set(dev.floe.engine.BatchOperations.take(batches.getFirst(), rows.chunks().getFirst(), allocator));
          }
          return batches;
        }
      };
      assertThatThrownBy(() -> new LazyFrame(Scan.of(leaky)).collect())
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("memory leak: allocator '#")
          .hasMessageContaining("Scan leaky source");
    } finally {
      if (leaked.get() != null) {
        leaked.get().forEach(Column::close);
      }
    }
  }

  @Test
  void profileReportsEachNodesPeakAndTheQuerysPeak() {
    try (DataFrame data = numbers(100_000)) {
      try (QueryProfile profile = data.lazy().sort("a").profile()) {
        List<List<Object>> rows = profile.timings().rows();
        List<Object> sort = rows.stream().filter(row -> ((String) row.get(0)).startsWith("SORT BY")).findFirst()
            .orElseThrow();
        List<Object> query = rows.getLast();
        assertThat(query.get(0)).isEqualTo("query");
        assertThat((Long) sort.get(4)).as("the sorted copy of two columns").isGreaterThanOrEqualTo(2 * 8 * 100_000L);
        assertThat((Long) query.get(4)).isGreaterThanOrEqualTo((Long) sort.get(4));
      }
    }
  }
}
