package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated files, wrong magic, lying lengths: typed errors naming the file, never a crash. */
@LeakChecked
class IpcBadInputTest {
  @TempDir Path directory;
  private Path good;
  private byte[] bytes;

  @BeforeEach
  void writeGoodFile(BufferAllocator allocator) throws IOException {
    good = directory.resolve("good.arrow");
    IpcSamples.write(good, false, 40, IpcWriteOptions.DEFAULT, allocator);
    bytes = Files.readAllBytes(good);
  }

  private void assertFails(byte[] content, String... fragments) throws IOException {
    Path bad = directory.resolve("bad.arrow");
    Files.write(bad, content);
    BufferAllocator allocator = BufferAllocator.current();
    var thrown = assertThatThrownBy(() -> IpcReader.readFile(bad, IpcReadOptions.DEFAULT, allocator).close())
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining(bad.toString());
    if (fragments.length > 0) {
      thrown.hasMessageContainingAll(fragments);
    }
  }

  private static int intAt(byte[] content, int position) {
    return ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).getInt(position);
  }

  private static byte[] withInt(byte[] content, int position, int value) {
    byte[] copy = content.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(position, value);
    return copy;
  }

  @Test
  void rejectsWrongMagic() throws IOException {
    byte[] copy = bytes.clone();
    copy[0] = 'X';
    assertFails(copy, "not an Arrow IPC file");
    assertFails(new byte[0], "not an Arrow IPC file");
  }

  @Test
  void rejectsEveryTruncation() throws IOException {
    for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 200)) {
      assertFails(Arrays.copyOf(bytes, length));
    }
  }

  @Test
  void rejectsALyingFooterLength() throws IOException {
    int position = bytes.length - 10;
    assertFails(withInt(bytes, position, intAt(bytes, position) + 4000), "footer", "malformed IPC metadata");
    assertFails(withInt(bytes, position, bytes.length), "footer length");
    assertFails(withInt(bytes, position, -1), "footer length");
  }

  @Test
  void rejectsALyingMetadataLength() throws IOException {
    // the schema message starts at byte 8: continuation marker, then its metadata length
    int blockPosition = firstBlockOffset();
    assertFails(withInt(bytes, blockPosition + 4, 1 << 30), "record batch 0", "metadata");
  }

  @Test
  void rejectsALyingBufferLength() throws IOException {
    int message = firstBlockOffset();
    int metadataLength = intAt(bytes, message + 4);
    MemorySegment metadata = MemorySegment.ofArray(bytes).asSlice(message + 8, metadataLength);
    FlatBuffer fb = new FlatBuffer(metadata, "test");
    long batch = fb.getRef(fb.root(), 2);
    long buffers = fb.getRef(batch, 2);
    long secondBuffer = fb.vectorStruct(buffers, 1, 16);
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong((int) (message + 8 + secondBuffer + 8), 1L << 40);
    assertFails(copy, "record batch 0", "column 'id'", "outside the body");
  }

  @Test
  void rejectsALyingNodeLength() throws IOException {
    int message = firstBlockOffset();
    int metadataLength = intAt(bytes, message + 4);
    FlatBuffer fb = new FlatBuffer(MemorySegment.ofArray(bytes).asSlice(message + 8, metadataLength), "test");
    long nodes = fb.getRef(fb.getRef(fb.root(), 2), 1);
    long thirdNode = fb.vectorStruct(nodes, 2, 16);
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong((int) (message + 8 + thirdNode), 1_000_000);
    assertFails(copy, "record batch 0", "column 'name'");
  }

  @Test
  void rejectsAStreamWithoutSchemaAndAMissingFile(BufferAllocator allocator) throws IOException {
    Path bad = directory.resolve("empty.arrows");
    Files.write(bad, new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});
    assertThatThrownBy(() -> IpcReader.readStream(bad, IpcReadOptions.DEFAULT, allocator))
        .isInstanceOf(FloeIoException.class).hasMessageContaining("schema");
    assertThatThrownBy(() -> IpcReader.readFile(directory.resolve("missing"), IpcReadOptions.DEFAULT, allocator))
        .isInstanceOf(FloeIoException.class).hasMessageContaining("missing");
  }

  @Test
  void aFailedWriteLeavesNoFile(BufferAllocator allocator) throws IOException {
    Path target = directory.resolve("sub");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep"), "x");
    // the target is a non-empty directory: the rename fails, the temporary file is removed
    assertThatThrownBy(() -> IpcSamples.write(target, false, 5, IpcWriteOptions.DEFAULT, allocator))
        .isInstanceOf(FloeIoException.class).hasMessageContaining(target.toString());
    try (var files = Files.list(directory)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("good.arrow", "sub");
    }
  }

  private int firstBlockOffset() {
    int footerLength = intAt(bytes, bytes.length - 10);
    int footerStart = bytes.length - 10 - footerLength;
    FlatBuffer footer = new FlatBuffer(MemorySegment.ofArray(bytes).asSlice(footerStart, footerLength), "footer");
    long blocks = footer.getRef(footer.root(), 3);
    return (int) footer.readLong(footer.vectorStruct(blocks, 0, 24));
  }
}
