package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriteOptions;
import dev.floe.memory.Buffer;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public entry point of the zero-copy exchange: {@code frame.writeIpc(path,
 * IpcWriteOptions.DEFAULT.withMemoryMapped(true))} into {@code /dev/shm} (the temporary directory
 * where there is none), read back with {@code Floe.readIpc(path)}: equal frame, every buffer a
 * foreign slice of the mapping at a multiple of 64 bytes.
 */
@LeakChecked
class IpcSharedMemoryFrameTest {
  private Path directory;

  @BeforeEach
  void createDirectory() throws IOException {
    Path shm = Path.of("/dev/shm");
    directory = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "floe-api-") : Files.createTempDirectory("floe-api-");
  }

  @AfterEach
  void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static DataFrame sample(int rows) {
    List<Object> ids = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    List<Object> lists = new ArrayList<>();
    List<Object> points = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      ids.add(row % 5 == 2 ? null : (long) row);
      names.add(row % 7 == 3 ? null : "n" + row);
      lists.add(row % 4 == 1 ? null : List.of(row, row + 1).subList(0, row % 3 == 0 ? 1 : 2));
      points.add(row % 6 == 5 ? null : Map.of("x", row * 0.5, "label", "p" + row));
    }
    return DataFrame.of(
        Series.ofList("id", DataType.INT64, ids),
        Series.ofList("name", DataType.UTF8, names),
        Series.ofList("tags", DataType.ListType.of(DataType.INT32), lists),
        Series.ofList("point", DataType.StructType.of(
            dev.floe.memory.types.Field.of("x", DataType.FLOAT64),
            dev.floe.memory.types.Field.of("label", DataType.UTF8)), points));
  }

  private static List<Buffer> buffers(Column column) {
    List<Buffer> all = new ArrayList<>();
    column.buffers().stream().filter(buffer -> buffer != null).forEach(all::add);
    column.children().forEach(child -> all.addAll(buffers(child)));
    return all;
  }

  @Test
  void writesForSharingAndReadsBackInPlace() throws IOException {
    Path path = directory.resolve("frame.arrow");
    try (DataFrame frame = sample(5_000)) {
      frame.writeIpc(path, IpcWriteOptions.DEFAULT.withMemoryMapped(true).withRecordBatchSize(2_000));
      try (DataFrame read = Floe.readIpc(path)) {
        assertThat(read).isEqualTo(frame);
        assertThat(read.column("id").chunks()).hasSize(3);
        for (Series series : read.getColumns()) {
          for (Column chunk : series.chunks()) {
            for (Buffer buffer : buffers(chunk)) {
              assertThat(buffer.isForeign()).as("buffer of %s", series.name()).isTrue();
              assertThat(buffer.segment().address() % 64).as("buffer of %s", series.name()).isZero();
            }
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactly("frame.arrow");
    }
  }

  @Test
  void writesAnEmptyFrame() {
    Path path = directory.resolve("empty.arrow");
    try (DataFrame frame = sample(0)) {
      frame.writeIpc(path, IpcWriteOptions.DEFAULT.withMemoryMapped(true));
      try (DataFrame read = Floe.readIpc(path)) {
        assertThat(read.height()).isZero();
        assertThat(read.schema()).isEqualTo(frame.schema());
      }
    }
  }

  @Test
  void refusesACompressedMappedWrite() {
    assertThatThrownBy(() -> IpcWriteOptions.DEFAULT.withMemoryMapped(true).withCompression(IpcCompression.ZSTD))
        .isInstanceOf(InvalidOperationException.class);
  }
}
