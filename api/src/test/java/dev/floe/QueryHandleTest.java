package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.planner.plan.Scan;
import dev.floe.testkit.LeakChecked;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background queries: a result to take, and a cancel from another thread that stops the query and leaks nothing. */
@LeakChecked
class QueryHandleTest {
  /** A frame source whose read waits until the test lets it go. */
  private static final class GatedSource extends HookedFrameSource {
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    GatedSource(DataFrame data) {
      super(data, "gated");
    }

    @Override
    void beforeRead() {
      reading.countDown();
      try {
        release.await();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static DataFrame data() {
    long[] values = new long[10_000];
    for (int row = 0; row < values.length; row++) {
      values[row] = row;
    }
    return DataFrame.of(Series.ofLongs("a", values));
  }

  @Test
  void aBackgroundQueryGivesItsFrame() throws Exception {
    try (DataFrame data = data()) {
      QueryHandle handle = data.lazy().filter(col("a").lt(10)).collectAsync();
      try (DataFrame result = handle.get(30, TimeUnit.SECONDS)) {
        assertThat(result.height()).isEqualTo(10);
      }
      assertThat(handle.isDone()).isTrue();
      assertThat(handle.cancel()).as("nothing to cancel once done").isFalse();
    }
  }

  @Test
  void aCancelFromAnotherThreadStopsTheQuery() throws Exception {
    try (DataFrame data = data()) {
      GatedSource source = new GatedSource(data);
      LazyFrame query = new LazyFrame(Scan.of(source)).filter(col("a").gt(5)).select(col("a").mul(2));
      QueryHandle handle = query.collectAsync(CollectOptions.DEFAULT.withMorselRows(100));
      assertThat(source.reading.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(handle.cancel()).isTrue();
      source.release.countDown();
      assertThatThrownBy(() -> handle.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class)
          .hasMessageContaining("cancelled");
      assertThat(handle.isCancelled()).isTrue();
    }
  }
}
