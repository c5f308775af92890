package dev.floe.io.ipc;

import dev.floe.io.ipc.FlatBufferBuilder.Table;
import dev.floe.io.ipc.FlatBufferBuilder.WordVector;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * Writes encapsulated IPC messages (continuation marker, metadata length, Message flatbuffer padded
 * to the metadata alignment, body) to a sink and keeps the position for the file footer's blocks.
 * Body buffers start at multiples of 64 bytes within the body; off-heap buffers go to the sink
 * without a heap copy. With a metadata alignment of 64 every body, and so every buffer, also starts
 * at a multiple of 64 bytes in the file (given messages that start at multiples of 8).
 */
final class MessageWriter {
  private static final int ALIGNMENT = 64;

  private final IpcSink sink;
  private final IpcCompression compression;
  private final BufferAllocator allocator;
  private final int metadataAlignment;
  private long position;

  /** A writer with 8-byte metadata alignment (bodies 8-byte aligned in the file, as Arrow C++ writes). */
  MessageWriter(FileChannel channel, IpcCompression compression, BufferAllocator allocator) {
    this(IpcSink.of(channel), compression, allocator, 8);
  }

  /**
   * A writer to {@code sink} padding each message's metadata so that its body starts at a multiple
   * of {@code metadataAlignment} in the output.
   */
  MessageWriter(IpcSink sink, IpcCompression compression, BufferAllocator allocator, int metadataAlignment) {
    this.sink = sink;
    this.compression = compression;
    this.allocator = allocator;
    this.metadataAlignment = metadataAlignment;
  }

  BufferAllocator allocator() {
    return allocator;
  }

  /** The number of bytes written so far. */
  long position() {
    return position;
  }

  void raw(ByteBuffer bytes) throws IOException {
    position += bytes.remaining();
    sink.write(bytes);
  }

  private void segment(MemorySegment segment) throws IOException {
    position += segment.byteSize();
    sink.write(segment);
  }

  private void zeros(int count) throws IOException {
    if (count > 0) {
      position += count;
      sink.zeros(count);
    }
  }

  /** Writes a message; returns {offset, metadata length with prefix, body length}. */
  long[] message(Table header, int headerType, BodyParts body) throws IOException {
    long bodyLength = body == null ? 0 : body.length();
    Table message = new Table().addShort(0, 4).addByte(1, headerType).add(2, header).addLong(3, bodyLength);
    byte[] metadata = FlatBufferBuilder.finish(message);
    long start = position;
    // the metadata length counts the padding that makes the body start aligned
    int padding = (int) ((metadataAlignment - (start + 8 + metadata.length) % metadataAlignment) % metadataAlignment);
    ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    prefix.putInt(-1).putInt(metadata.length + padding).flip();
    raw(prefix);
    raw(ByteBuffer.wrap(metadata));
    zeros(padding);
    if (body != null) {
      for (MemorySegment part : body.segments()) {
        segment(part);
        zeros((int) ((ALIGNMENT - part.byteSize() % ALIGNMENT) % ALIGNMENT));
      }
    }
    return new long[] {start, 8 + metadata.length + padding, bodyLength};
  }

  /** Writes one RecordBatch message from an encoder's nodes and buffers. */
  long[] recordBatch(long length, ColumnEncoder encoder) throws IOException {
    return batch(length, encoder, -1);
  }

  /** Writes one DictionaryBatch message (not a delta) for dictionary {@code id}. */
  long[] dictionaryBatch(long id, long length, ColumnEncoder encoder) throws IOException {
    return batch(length, encoder, id);
  }

  private long[] batch(long length, ColumnEncoder encoder, long dictionaryId) throws IOException {
    try (BodyParts body = BodyParts.of(encoder.parts, compression, allocator)) {
      List<long[]> nodes = encoder.nodes;
      long[] nodeWords = new long[nodes.size() * 2];
      for (int index = 0; index < nodes.size(); index++) {
        nodeWords[2 * index] = nodes.get(index)[0];
        nodeWords[2 * index + 1] = nodes.get(index)[1];
      }
      long[] bufferWords = new long[body.segments().size() * 2];
      long offset = 0;
      for (int index = 0; index < body.segments().size(); index++) {
        long size = body.segments().get(index).byteSize();
        bufferWords[2 * index] = offset;
        bufferWords[2 * index + 1] = size;
        offset += (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
      }
      Table batch = new Table()
          .addLong(0, length)
          .add(1, new WordVector(nodeWords, nodes.size()))
          .add(2, new WordVector(bufferWords, body.segments().size()));
      if (compression != IpcCompression.NONE) {
        batch.add(3, new Table().addByte(0, compression == IpcCompression.LZ4 ? 0 : 1).addByte(1, 0));
      }
      if (!encoder.variadicCounts.isEmpty()) {
        long[] counts = encoder.variadicCounts.stream().mapToLong(Long::longValue).toArray();
        batch.add(4, new WordVector(counts, counts.length));
      }
      if (dictionaryId < 0) {
        return message(batch, 3, body);
      }
      return message(new Table().addLong(0, dictionaryId).add(1, batch).addBool(2, false), 2, body);
    }
  }
}
