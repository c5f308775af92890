package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.cdata.ArrowStructs;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The public C Data and C Stream entry points, Floe to Floe through the real structures and
 * callbacks: {@code exportArrow}/{@code importArrow}, {@code exportArrowStream}/{@code
 * importArrowStream}, {@code collectArrowStream} and {@code scanArrowStream}. Every import must
 * equal its source and sit on the source's buffers (the same addresses), and every release must
 * leave the source's reference counts where they were.
 */
@LeakChecked
class ArrowInteropTest {
  private static DataFrame sample(long first, int rows) {
    List<Object> ids = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    List<Object> lists = new ArrayList<>();
    List<Object> points = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      long id = first + row;
      ids.add(id % 5 == 2 ? null : id);
      names.add(id % 7 == 3 ? null : "name " + id);
      lists.add(id % 4 == 1 ? null : List.of((int) id, (int) id + 1));
      points.add(id % 6 == 5 ? null : Map.of("x", id * 0.5, "label", "p" + id));
    }
    return DataFrame.of(Series.of("id", DataType.INT64, ids.toArray()),
        Series.of("name", DataType.UTF8, names.toArray()),
        Series.of("list", DataType.ListType.of(DataType.INT32), lists.toArray()),
        Series.of("point", DataType.StructType.of(dev.floe.memory.types.Field.of("x", DataType.FLOAT64),
            dev.floe.memory.types.Field.of("label", DataType.UTF8)), points.toArray()),
        categorical(rows));
  }

  private static Series categorical(int rows) {
    Object[] tags = new Object[rows];
    for (int row = 0; row < rows; row++) {
      tags[row] = row % 9 == 4 ? null : "tag" + row % 3;
    }
    return Series.of("tag", DataType.CATEGORICAL, tags);
  }

  private static List<Long> valueAddresses(DataFrame frame) {
    List<Long> addresses = new ArrayList<>();
    for (Series series : frame.getColumns()) {
      for (Column chunk : series.chunks()) {
        for (Buffer buffer : chunk.buffers()) {
          if (buffer != null) {
            addresses.add(buffer.address());
          }
        }
      }
    }
    return addresses;
  }

  @Test
  void aFrameExportedAsOneArrayImportsEqualOnTheSameBuffers() {
    try (DataFrame source = sample(0, 1_000)) {
      MemorySegment array = ArrowStructs.allocateArray();
      MemorySegment schema = ArrowStructs.allocateSchema();
      try {
        source.exportArrow(array, schema);
        try (DataFrame imported = Floe.importArrow(array, schema)) {
          assertThat(imported).isEqualTo(source);
          assertThat(imported.schema()).isEqualTo(source.schema());
          assertThat(valueAddresses(imported)).containsExactlyElementsOf(valueAddresses(source));
          assertThat(ArrowStructs.isArrayReleased(array)).as("moved out by the import").isTrue();
        }
      } finally {
        ArrowStructs.free(array);
        ArrowStructs.free(schema);
      }
      assertThat(source.column("id").chunks().getFirst().buffers().get(1).referenceCount())
          .as("the export's references are released with the import").isEqualTo(1);
    }
  }

  @Test
  void aChunkedFrameStreamsChunkByChunkWithoutCopies() {
    try (DataFrame first = sample(0, 300); DataFrame second = sample(300, 200); DataFrame third = sample(500, 7);
        DataFrame source = Floe.concat(first, second, third)) {
      assertThat(source.column("id").chunks()).hasSize(3);
      MemorySegment stream = source.exportArrowStream();
      try (DataFrame imported = Floe.importArrowStream(stream)) {
        assertThat(imported).isEqualTo(source);
        assertThat(imported.column("id").chunks()).hasSize(3);
        assertThat(valueAddresses(imported)).containsExactlyElementsOf(valueAddresses(source));
      } finally {
        ArrowStructs.free(stream);
      }
      assertThat(ArrowStreamExport.liveStreams()).isZero();
    }
  }

  @Test
  void aStreamOutlivesTheFrameItWasExportedFrom() {
    List<List<Object>> rows;
    MemorySegment stream;
    try (DataFrame first = sample(0, 40); DataFrame second = sample(40, 30);
        DataFrame source = Floe.concat(first, second)) {
      rows = source.rows();
      stream = source.exportArrowStream();
    }
    try (DataFrame imported = Floe.importArrowStream(stream)) {
      assertThat(imported.rows()).isEqualTo(rows);
    } finally {
      ArrowStructs.free(stream);
    }
  }

  @Test
  void aLazyStreamRunsOnTheConsumersThreadWithTheExportersAllocator(BufferAllocator allocator) throws Exception {
    try (DataFrame source = sample(0, 500);
        BufferAllocator exporter = allocator.newChild("exporter", Long.MAX_VALUE);
        BufferAllocator consumer = allocator.newChild("consumer", Long.MAX_VALUE)) {
      MemorySegment stream = BufferAllocator.callWith(exporter,
          () -> source.lazy().filter(col("id").gt(10)).collectArrowStream());
      assertThat(exporter.peakBytes()).as("nothing runs before the consumer asks").isZero();
      try (DataFrame expected = source.lazy().filter(col("id").gt(10)).collect()) {
        AtomicReference<DataFrame> imported = new AtomicReference<>();
        // a consumer on its own thread (as DuckDB's are), importing into its own allocator
        Thread thread = Thread.ofPlatform().start(() -> imported.set(
            BufferAllocator.callWith(consumer, () -> Floe.importArrowStream(stream))));
        thread.join();
        try (DataFrame result = imported.get()) {
          assertThat(result).isEqualTo(expected);
          assertThat(exporter.peakBytes()).as("the query ran with the exporter's allocator").isPositive();
          assertThat(consumer.allocatedBytes()).as("the import is accounted to the consumer").isPositive();
        }
      } finally {
        ArrowStructs.free(stream);
      }
    }
  }

  @Test
  void aChunkedFrameExportedAsOneArrayIsRechunkedFirst() {
    try (DataFrame first = sample(0, 64); DataFrame second = sample(64, 65);
        DataFrame source = Floe.concat(first, second)) {
      MemorySegment array = ArrowStructs.allocateArray();
      MemorySegment schema = ArrowStructs.allocateSchema();
      try {
        source.exportArrow(array, schema);
        try (DataFrame imported = Floe.importArrow(array, schema)) {
          assertThat(imported).isEqualTo(source);
          assertThat(imported.column("id").chunks()).hasSize(1);
        }
      } finally {
        ArrowStructs.free(array);
        ArrowStructs.free(schema);
      }
    }
  }

  @Test
  void aLazyResultStreamsAndEqualsCollect() {
    try (DataFrame source = sample(0, 5_000)) {
      LazyFrame query = source.lazy().filter(col("id").gt(100)).select(col("id").mul(2).alias("twice"), col("name"));
      MemorySegment stream = query.collectArrowStream();
      try (DataFrame expected = query.collect(); DataFrame streamed = Floe.importArrowStream(stream)) {
        assertThat(streamed).isEqualTo(expected);
      } finally {
        ArrowStructs.free(stream);
      }
    }
  }

  @Test
  void aScannedStreamIsFilteredLazilyAndReadOnce() {
    try (DataFrame source = sample(0, 2_000)) {
      MemorySegment stream = source.exportArrowStream();
      try {
        LazyFrame scan = Floe.scanArrowStream(stream);
        assertThat(scan.collectSchema()).isEqualTo(source.schema());
        LazyFrame query = scan.filter(col("id").lt(50)).select("id", "name");
        try (DataFrame result = query.collect();
            DataFrame expected = source.lazy().filter(col("id").lt(50)).select("id", "name").collect()) {
          assertThat(result).isEqualTo(expected);
        }
        assertThatThrownBy(query::collect).isInstanceOf(InvalidOperationException.class)
            .hasMessageContaining("can be read once");
      } finally {
        ArrowStructs.free(stream);
      }
      assertThat(ArrowStreamExport.liveStreams()).as("the scan released the stream").isZero();
    }
  }

  @Test
  void tenThousandRoundTripsLeaveNothingBehind() throws Exception {
    try (DataFrame source = sample(0, 100)) {
      long[] heap = ResidentMemory.heapRange();
      long residentAfterWarmUp = 0;
      for (int round = 0; round < 20_000; round++) {
        if (round == 10_000) {
          // after a warm-up as long as the measurement: the JIT's code and the Java heap's first
          // growth settle there (a standalone run of 200,000 round trips stays flat after it)
          System.gc();
          residentAfterWarmUp = ResidentMemory.outsideHeapKb(heap);
        }
        MemorySegment array = ArrowStructs.allocateArray();
        MemorySegment schema = ArrowStructs.allocateSchema();
        try {
          source.exportArrow(array, schema);
          try (DataFrame imported = Floe.importArrow(array, schema)) {
            assertThat(imported.height()).isEqualTo(100);
          }
        } finally {
          ArrowStructs.free(array);
          ArrowStructs.free(schema);
        }
      }
      assertThat(source.column("name").chunks().getFirst().buffers().get(1).referenceCount()).isEqualTo(1);
      System.gc();
      assertThat(ResidentMemory.outsideHeapKb(heap) - residentAfterWarmUp)
          .as("kB of resident memory outside the Java heap gained over 10,000 round trips").isLessThan(16L << 10);
    }
  }
}
