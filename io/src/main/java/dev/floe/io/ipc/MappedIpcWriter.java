package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.errors.InternalFloeException;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Writes an Arrow IPC file or stream through a memory mapping, laid out for zero-copy reading by
 * other processes ({@link IpcWriteOptions#memoryMapped()}).
 *
 * <h2>Layout</h2>
 * The body is uncompressed. Each message's metadata is padded (the padding counted in its metadata
 * length, as the format allows) so that its body starts at a multiple of 64 bytes in the file, and
 * each body buffer is padded to a multiple of 64 bytes, so every buffer starts at a multiple of 64
 * bytes from the start of the file, hence of any mapping of it (mappings start on a page). The IPC
 * format asks for 8-byte alignment and recommends 64; readers that need 64 (SIMD) then never copy.
 *
 * <h2>Writing</h2>
 * A first pass encodes every batch into a counting sink to learn the exact file size (every
 * buffer's length is known before it is written); the temporary file is then mapped read-write at
 * that size and a second pass copies the metadata and the column buffers straight into the
 * mapping. The mapping is unmapped (its arena closed) before the caller renames the temporary file
 * over the target with {@code ATOMIC_MOVE}. The mapping is not forced (no {@code msync}): readers in
 * other processes share the same page cache and see the data as soon as the file is renamed, and the
 * channel writer does not {@code fsync} either; durability across a machine crash is not promised,
 * and on {@code /dev/shm} there is nothing to force to. Before the copy, every page of the mapping
 * is backed in one call ({@link WritablePages}, Linux 5.14+), so a file system without room for
 * the file (tmpfs allocates pages on first write) fails there; where that call is unavailable, the
 * fault of a copy into an unbacked page ({@code SIGBUS}) is caught instead. Either way the write
 * fails with a {@link FloeIoException} naming the file and the temporary file is deleted.
 *
 * <h2>Lifetime of a mapped file</h2>
 * A file that some process has mapped must never be truncated or rewritten in place: a reader
 * touching a page past the new end gets {@code SIGBUS}, and a rewrite changes data under columns
 * that are in use. Publishing a new version by rename (what every Floe writer does) is safe: the
 * rename swaps the directory entry, readers keep the old inode and its data until they unmap it.
 * Deleting a mapped file is safe on Linux for the same reason: the storage (in {@code /dev/shm},
 * memory) is freed when the last mapping is gone.
 */
final class MappedIpcWriter {
  /** Every body, and every buffer in it, starts at a multiple of this in the file. */
  static final int ALIGNMENT = 64;

  /**
   * A test seam: wraps the sink of the writing pass (to inject a failure in the middle of a write).
   * Unbound outside tests.
   */
  static final ScopedValue<UnaryOperator<IpcSink>> SINK_WRAPPER = ScopedValue.newInstance();

  /** The messages of one file or stream, written once to size it and once to fill it. */
  @FunctionalInterface
  interface Messages {
    /** Writes every message to {@code out}; {@code report} is false in the sizing pass. */
    void writeTo(MessageWriter out, boolean report) throws IOException;
  }

  private MappedIpcWriter() {}

  /** Sizes, maps, fills and unmaps {@code temporary}; the caller renames it or deletes it. */
  static void write(Path temporary, BufferAllocator allocator, Messages messages) throws IOException {
    MessageWriter sizing = new MessageWriter(IpcSink.counting(), IpcCompression.NONE, allocator, ALIGNMENT);
    messages.writeTo(sizing, false);
    long size = sizing.position();
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      fill(channel, size, allocator, messages);
    } catch (InternalError fault) {
      // a page of the mapping could not be backed (SIGBUS), e.g. on a full tmpfs: the JVM reports
      // the fault of an unsafe memory access as an InternalError, possibly a little after it
      throw new IOException("the file system could not back the mapping of " + size + " bytes ("
          + fault.getMessage() + "); is it full?", fault);
    }
  }

  /** Maps {@code size} bytes of {@code channel}, writes the messages into them and unmaps them. */
  private static void fill(FileChannel channel, long size, BufferAllocator allocator, Messages messages)
      throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
      WritablePages.populate(mapping);
      IpcSink sink = IpcSink.into(mapping);
      if (SINK_WRAPPER.isBound()) {
        sink = SINK_WRAPPER.get().apply(sink);
      }
      MessageWriter out = new MessageWriter(sink, IpcCompression.NONE, allocator, ALIGNMENT);
      messages.writeTo(out, true);
      if (out.position() != size) {
        throw new InternalFloeException("wrote " + out.position() + " bytes into a mapping of " + size);
      }
    }
  }
}
