package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A memory-mapped read of an uncompressed file allocates no buffer memory of its own: every
 * column buffer is a foreign slice of the mapping, accounted only by wrapForeign. The mapping is
 * released when the last column built on it is closed, and right away when not memory-mapping.
 */
@LeakChecked
class IpcMemoryMapTest {
  @TempDir Path directory;

  private static boolean mapped(Path path) throws IOException {
    return Files.readString(Path.of("/proc/self/maps")).contains(path.toAbsolutePath().toString());
  }

  private static List<Buffer> buffers(Column column) {
    List<Buffer> all = new ArrayList<>();
    for (Buffer buffer : column.buffers()) {
      if (buffer != null) {
        all.add(buffer);
      }
    }
    for (Column child : column.children()) {
      all.addAll(buffers(child));
    }
    return all;
  }

  @Test
  void uncompressedBuffersAreSlicesOfTheMapping(BufferAllocator allocator) throws IOException {
    Path path = directory.resolve("mapped.arrow");
    IpcSamples.write(path, false, 20_000, IpcWriteOptions.DEFAULT, allocator);
    long fileSize = Files.size(path);
    assertThat(allocator.allocatedBytes()).isZero();
    IpcTable table = IpcReader.readFile(path, IpcReadOptions.DEFAULT, allocator);
    Column kept;
    try (table) {
      long foreign = 0;
      java.util.Set<Buffer> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (RecordBatch batch : table.batches()) {
        for (Column column : batch.columns()) {
          for (Buffer buffer : buffers(column)) {
            assertThat(buffer.isForeign()).as("buffer of %s", column.type()).isTrue();
            if (seen.add(buffer)) { // dictionaries are shared by the batches
              foreign += buffer.capacity();
            }
          }
        }
      }
      // all accounted bytes are the foreign slices: nothing was allocated or copied
      assertThat(allocator.allocatedBytes()).isEqualTo(foreign).isLessThanOrEqualTo(fileSize);
      assertThat(mapped(path)).isTrue();
      kept = table.batches().getFirst().column(0).share();
    }
    // one column still open keeps the mapping
    assertThat(mapped(path)).isTrue();
    assertThat(kept.getObject(1)).isEqualTo(1_000_003L);
    kept.close();
    assertThat(mapped(path)).isFalse();
    assertThat(allocator.allocatedBytes()).isZero();
  }

  @Test
  void withoutMemoryMapTheFileIsUnmappedBeforeReturning(BufferAllocator allocator) throws IOException {
    Path path = directory.resolve("copied.arrow");
    IpcSamples.write(path, false, 1000, IpcWriteOptions.DEFAULT, allocator);
    try (IpcTable table = IpcReader.readFile(path, IpcReadOptions.DEFAULT.withMemoryMap(false), allocator)) {
      assertThat(mapped(path)).isFalse();
      for (Buffer buffer : buffers(table.batches().getFirst().column(2))) {
        assertThat(buffer.isForeign()).isFalse();
      }
    }
  }

  @Test
  void compressedBuffersAreDecompressedIntoNewMemoryAndTheMappingIsReleased(BufferAllocator allocator)
      throws IOException {
    Path path = directory.resolve("zstd.arrow");
    IpcSamples.write(path, true, 1000, IpcWriteOptions.DEFAULT.withCompression(IpcCompression.ZSTD), allocator);
    try (IpcTable table = IpcReader.readStream(path, IpcReadOptions.DEFAULT, allocator)) {
      assertThat(buffers(table.batches().getFirst().column(0))).noneMatch(Buffer::isForeign);
      assertThat(mapped(path)).isFalse();
    }
  }

  @Test
  void readTimeDoesNotDependOnTheDataSize(BufferAllocator allocator) {
    Schema schema = Schema.of(Field.of("v", DataType.INT64));
    Path path = directory.resolve("big.arrow");
    int rows = 4_000_000;
    Buffer values = allocator.allocate(rows * 8L);
    for (int row = 0; row < rows; row++) {
      values.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, row, row * 3L);
    }
    try (ChunkedColumn column = ChunkedColumn.of(new FixedWidthColumn(DataType.INT64, 0, rows, 0, null, values))) {
      IpcWriter.writeFile(path, schema, List.of(column), IpcWriteOptions.DEFAULT.withRecordBatchSize(rows), allocator);
    }
    try (IpcTable table = IpcReader.readFile(path, IpcReadOptions.DEFAULT, allocator)) {
      FixedWidthColumn read = (FixedWidthColumn) table.batches().getFirst().column(0);
      assertThat(read.getLong(rows - 1)).isEqualTo((rows - 1) * 3L);
      assertThat(read.valuesBuffer().isForeign()).isTrue();
    }
  }
}
