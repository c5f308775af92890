package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.FloeIoException;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcReadOptions;
import dev.floe.io.ipc.IpcWriteOptions;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DataFrame entry points: zero-copy mapped reads released on close, options, errors. */
@LeakChecked
class IpcFrameTest {
  @TempDir Path directory;

  private static boolean mapped(Path path) throws IOException {
    return Files.readString(Path.of("/proc/self/maps")).contains(path.toAbsolutePath().toString());
  }

  @Test
  void aMappedReadAllocatesNothingAndTheMappingLastsAsLongAsTheFrame(BufferAllocator allocator) throws IOException {
    Path path = directory.resolve("frame.arrow");
    try (DataFrame frame = DataFrame.of(Series.ofLongs("id", new long[100_000]), Series.ofDoubles("v", new double[100_000]))) {
      frame.writeIpc(path, IpcWriteOptions.DEFAULT.withRecordBatchSize(30_000));
    }
    long before = allocator.allocatedBytes();
    DataFrame read = Floe.readIpc(path);
    try (read) {
      assertThat(read.column("id").chunks()).hasSize(4);
      for (Series series : read.getColumns()) {
        for (Column chunk : series.chunks()) {
          for (Buffer buffer : chunk.buffers()) {
            assertThat(buffer == null || buffer.isForeign()).isTrue();
          }
        }
      }
      // only the mapped slices are accounted (wrapForeign): no copy, about the file's size
      assertThat(allocator.allocatedBytes() - before).isLessThanOrEqualTo(Files.size(path));
      assertThat(mapped(path)).isTrue();
    }
    assertThat(mapped(path)).isFalse();
    assertThat(allocator.allocatedBytes()).isEqualTo(before);
  }

  @Test
  void roundTripsWithProjectionCompressionAndWithoutMapping() {
    Path path = directory.resolve("p.arrows");
    try (DataFrame frame = DataFrame.of(Series.ofLongs("id", 1, 2, 3), Series.of("name", "a", null, "ccc"))) {
      frame.writeIpcStream(path, IpcWriteOptions.DEFAULT.withCompression(IpcCompression.LZ4));
    }
    try (DataFrame read = Floe.readIpcStream(path, IpcReadOptions.DEFAULT.withMemoryMap(false).withColumns("name"))) {
      assertThat(read.columns()).containsExactly("name");
      assertThat(read.column("name").toList()).containsExactly("a", null, "ccc");
    }
    assertThatThrownBy(() -> Floe.readIpcStream(path, IpcReadOptions.DEFAULT.withColumns("nope")))
        .isInstanceOf(ColumnNotFoundException.class);
  }

  @Test
  void slicedFramesAndEmptyFramesRoundTrip() {
    Path path = directory.resolve("s.arrow");
    try (DataFrame frame = DataFrame.of(Series.ofLongs("id", 1, 2, 3, 4, 5), Series.of("b", true, null, false, true, true));
        DataFrame slice = frame.slice(1, 3)) {
      slice.writeIpc(path);
      try (DataFrame read = Floe.readIpc(path)) {
        assertThat(read.column("id").toList()).isEqualTo(List.of(2L, 3L, 4L));
        assertThat(read.column("b").toList()).containsExactly(null, false, true);
      }
      try (DataFrame empty = frame.head(0)) {
        empty.writeIpc(path);
      }
      try (DataFrame read = Floe.readIpc(path)) {
        assertThat(read.height()).isZero();
        assertThat(read.schema()).isEqualTo(frame.schema());
      }
    }
  }

  @Test
  void aBadFileIsATypedErrorNamingIt() throws IOException {
    Path path = directory.resolve("bad.arrow");
    Files.writeString(path, "ARROW1 but not really an Arrow file ARROW1");
    assertThatThrownBy(() -> Floe.readIpc(path))
        .isInstanceOf(FloeIoException.class).hasMessageContaining(path.toString());
  }
}
