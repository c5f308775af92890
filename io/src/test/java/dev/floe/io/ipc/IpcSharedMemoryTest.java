package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Memory-mapped IPC writes ({@link IpcWriteOptions#withMemoryMapped}) through {@code /dev/shm}: the
 * values round-trip, every message body and buffer starts at a multiple of 64 bytes in the file, the
 * memory-mapped read uses every buffer in place, and neither success nor a failure in the middle of
 * the write leaves a temporary file or a mapping behind.
 */
@LeakChecked
class IpcSharedMemoryTest {
  private static final IpcWriteOptions MAPPED = IpcWriteOptions.DEFAULT.withMemoryMapped(true).withRecordBatchSize(700);

  private SharedMemoryDirectory shm;

  @BeforeEach
  void createDirectory() throws IOException {
    shm = SharedMemoryDirectory.create();
  }

  @AfterEach
  void deleteDirectory() throws IOException {
    shm.close();
  }

  /** Every buffer of a column and its children (absent validity bitmaps skipped). */
  static List<Buffer> buffers(Column column) {
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

  private boolean mapsAnythingIn(Path directory) throws IOException {
    return Files.readString(Path.of("/proc/self/maps")).contains(directory.toAbsolutePath().toString());
  }

  @Test
  void roundTripsEveryTypeInPlace(BufferAllocator allocator) throws IOException {
    Path path = shm.resolve("frame.arrow");
    int rows = 3_000;
    IpcSamples.write(path, false, rows, MAPPED, allocator);
    assertThat(shm.list()).containsExactly("frame.arrow");
    try (IpcTable table = IpcReader.readFile(path, IpcReadOptions.DEFAULT, allocator)) {
      assertThat(table.schema()).isEqualTo(IpcSamples.SCHEMA);
      assertThat(table.batches()).hasSizeGreaterThan(3);
      int row = 0;
      for (RecordBatch batch : table.batches()) {
        for (int index = 0; index < batch.rowCount(); index++, row++) {
          for (int column = 0; column < IpcSamples.SCHEMA.size(); column++) {
            assertThat(batch.column(column).getObject(index)).as("column %d row %d", column, row)
                .isEqualTo(IpcSamples.value(column, row));
          }
        }
        for (Column column : batch.columns()) {
          for (Buffer buffer : buffers(column)) {
            // foreign slices of the mapping, which starts on a page: address alignment is file alignment
            assertThat(buffer.isForeign()).as("buffer of %s", column.type()).isTrue();
            assertThat(buffer.segment().address() % 64).as("buffer of %s", column.type()).isZero();
          }
        }
      }
      assertThat(row).isEqualTo(rows);
    }
  }

  @Test
  void everyBlockBodyAndBufferStartsAtAMultipleOf64(BufferAllocator allocator) throws IOException {
    Path path = shm.resolve("aligned.arrow");
    IpcSamples.write(path, false, 1_000, MAPPED, allocator);
    MappedFile file = MappedFile.map(path);
    try {
      MemorySegment bytes = file.segment();
      long size = file.size();
      int footerLength = bytes.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, size - 10);
      FlatBuffer footer = new FlatBuffer(bytes.asSlice(size - 10 - footerLength, footerLength), "footer");
      int checkedBuffers = 0;
      for (int slot : new int[] {2, 3}) { // dictionary blocks, then record batch blocks
        long blocks = footer.getRef(footer.root(), slot);
        for (int index = 0; index < footer.vectorLength(blocks, 24); index++) {
          long offset = footer.readLong(footer.vectorStruct(blocks, index, 24));
          assertThat(offset % 64).as("block %d of slot %d", index, slot).isZero();
          IpcMessage message = IpcMessage.at(bytes, offset, size, "block");
          assertThat(message.bodyStart() % 64).isZero();
          FlatBuffer fb = message.metadata();
          long batch = slot == 2 ? fb.getRef(message.header(), 1) : message.header();
          long descriptors = fb.getRef(batch, 2);
          for (int buffer = 0; buffer < fb.vectorLength(descriptors, 16); buffer++) {
            long bodyOffset = fb.readLong(fb.vectorStruct(descriptors, buffer, 16));
            assertThat((message.bodyStart() + bodyOffset) % 64).as("buffer %d", buffer).isZero();
            checkedBuffers++;
          }
        }
      }
      assertThat(checkedBuffers).isGreaterThan(50);
    } finally {
      file.release();
    }
  }

  @Test
  void writesStreamsTheSameWay(BufferAllocator allocator) {
    Path path = shm.resolve("frame.arrows");
    IpcSamples.write(path, true, 300, MAPPED, allocator);
    try (IpcTable table = IpcReader.readStream(path, IpcReadOptions.DEFAULT, allocator)) {
      assertThat(table.batches().getFirst().column(2).getObject(5)).isEqualTo("name-5");
      for (Buffer buffer : buffers(table.batches().getFirst().column(6))) {
        assertThat(buffer.isForeign()).isTrue();
        assertThat(buffer.segment().address() % 64).isZero();
      }
    }
  }

  @Test
  void replacesAnExistingFileAtomically(BufferAllocator allocator) throws IOException {
    Path path = shm.resolve("frame.arrow");
    IpcSamples.write(path, false, 10, MAPPED, allocator);
    try (IpcTable old = IpcReader.readFile(path, IpcReadOptions.DEFAULT, allocator)) {
      // a reader keeps its inode: the new version is renamed over the name while the old one is mapped
      IpcSamples.write(path, false, 20, MAPPED, allocator);
      assertThat(old.batches().stream().mapToInt(RecordBatch::rowCount).sum()).isEqualTo(10);
      assertThat(old.batches().getLast().column(2).getObject(1)).isEqualTo("name-9");
      try (IpcTable fresh = IpcReader.readFile(path, IpcReadOptions.DEFAULT, allocator)) {
        assertThat(fresh.batches().stream().mapToInt(RecordBatch::rowCount).sum()).isEqualTo(20);
      }
    }
    assertThat(shm.list()).containsExactly("frame.arrow");
  }

  @Test
  void aFailureInTheMiddleLeavesNoTemporaryFileAndNoMapping(BufferAllocator allocator) throws IOException {
    Path path = shm.resolve("frame.arrow");
    Files.writeString(path, "old content");
    List<ChunkedColumn> columns = IpcSamples.columns(1_000, 3, allocator);
    try {
      ScopedValue.where(MappedIpcWriter.SINK_WRAPPER, sink -> failingAfter(sink, 4096)).run(() ->
          assertThatThrownBy(() -> IpcWriter.writeFile(path, IpcSamples.SCHEMA, columns, MAPPED, allocator))
              .isInstanceOf(FloeIoException.class)
              .hasMessageContaining(path.toString())
              .hasMessageContaining("injected"));
    } finally {
      columns.forEach(ChunkedColumn::close);
    }
    assertThat(shm.list()).containsExactly("frame.arrow");
    assertThat(Files.readString(path)).isEqualTo("old content");
    assertThat(mapsAnythingIn(shm.path())).as("a mapping of the temporary file is left").isFalse();
  }

  @Test
  void aFileTruncatedUnderTheMappingFailsAsAnIoErrorNotACrash(BufferAllocator allocator) throws IOException {
    Path path = shm.resolve("frame.arrow");
    List<ChunkedColumn> columns = IpcSamples.columns(20_000, 1, allocator);
    try {
      // what a full tmpfs does: a page of the mapping cannot be backed, the write faults (SIGBUS)
      ScopedValue.where(MappedIpcWriter.SINK_WRAPPER, sink -> truncatingAfter(sink, 4096)).run(() ->
          assertThatThrownBy(() -> IpcWriter.writeFile(path, IpcSamples.SCHEMA, columns, MAPPED, allocator))
              .isInstanceOf(FloeIoException.class)
              .hasMessageContaining(path.toString())
              .hasMessageContaining("could not back the mapping"));
    } finally {
      columns.forEach(ChunkedColumn::close);
    }
    assertThat(shm.list()).isEmpty();
  }

  @Test
  void pagesThatCannotBeBackedFailThePopulationNotTheCopy() throws IOException {
    Path path = shm.resolve("populate.bin");
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.READ,
            java.nio.file.StandardOpenOption.WRITE);
        java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
      MemorySegment mapping = channel.map(java.nio.channels.FileChannel.MapMode.READ_WRITE, 0, 1 << 20, arena);
      assertThat(WritablePages.populate(mapping)).as("MADV_POPULATE_WRITE on this kernel").isTrue();
      channel.truncate(0); // the pages now lie past the end of the file: touching one would raise SIGBUS
      assertThatThrownBy(() -> WritablePages.populate(mapping))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot back " + (1 << 20) + " bytes");
    }
  }

  @Test
  void noTemporaryFileIsLeftOnSuccess(BufferAllocator allocator) throws IOException {
    IpcSamples.write(shm.resolve("a.arrow"), false, 100, MAPPED, allocator);
    IpcSamples.write(shm.resolve("b.arrows"), true, 100, MAPPED, allocator);
    assertThat(shm.list()).containsExactly("a.arrow", "b.arrows");
    assertThat(mapsAnythingIn(shm.path())).isFalse();
  }

  @Test
  void refusesCompression() {
    assertThatThrownBy(() -> IpcWriteOptions.DEFAULT.withCompression(IpcCompression.ZSTD).withMemoryMapped(true))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("ZSTD");
    assertThatThrownBy(() -> MAPPED.withCompression(IpcCompression.LZ4))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("uncompressed");
    assertThat(MAPPED.withMemoryMapped(false).withCompression(IpcCompression.LZ4).compression())
        .isEqualTo(IpcCompression.LZ4);
  }

  /** A sink that truncates the file it fills (the only one in the directory) after {@code limit} bytes. */
  private IpcSink truncatingAfter(IpcSink sink, long limit) {
    return new IpcSink() {
      private long written;

      private void take(long count) throws IOException {
        written += count;
        if (written > limit && written - count <= limit) {
          Path temporary = shm.path().resolve(shm.list().getFirst());
          try (java.nio.channels.FileChannel channel =
              java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
          }
        }
      }

      @Override
      public void write(ByteBuffer bytes) throws IOException {
        take(bytes.remaining());
        sink.write(bytes);
      }

      @Override
      public void write(MemorySegment segment) throws IOException {
        take(segment.byteSize());
        sink.write(segment);
      }

      @Override
      public void zeros(int count) throws IOException {
        take(count);
        sink.zeros(count);
      }
    };
  }

  /** A sink that passes {@code limit} bytes on, then fails as a full disk would. */
  private static IpcSink failingAfter(IpcSink sink, long limit) {
    return new IpcSink() {
      private long written;

      private void take(long count) throws IOException {
        written += count;
        if (written > limit) {
          throw new IOException("injected failure after " + limit + " bytes");
        }
      }

      @Override
      public void write(ByteBuffer bytes) throws IOException {
        take(bytes.remaining());
        sink.write(bytes);
      }

      @Override
      public void write(MemorySegment segment) throws IOException {
        take(segment.byteSize());
        sink.write(segment);
      }

      @Override
      public void zeros(int count) throws IOException {
        take(count);
        sink.zeros(count);
      }
    };
  }
}
