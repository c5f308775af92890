package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read-only mapping of a whole file, shared by the buffers sliced from it. The reader holds one
 * reference and each {@link #slice} one more; the last {@link #release()} closes the mapping's
 * arena, so the file stays mapped exactly as long as a column built on it is open.
 */
public final class MappedFile {
  private final Arena arena;
  private final MemorySegment segment;
  private final AtomicInteger references = new AtomicInteger(1);

  private MappedFile(Arena arena, MemorySegment segment) {
    this.arena = arena;
    this.segment = segment;
  }

  public static MappedFile map(Path path) {
    Arena arena = Arena.ofShared();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return new MappedFile(arena, channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena));
    } catch (IOException | RuntimeException failure) {
      arena.close();
      throw new FloeIoException("cannot read Arrow IPC file " + path + ": " + failure.getMessage(), failure);
    }
  }

  public MemorySegment segment() {
    return segment;
  }

  public long size() {
    return segment.byteSize();
  }

  /** A foreign buffer over {@code [offset, offset + length)} that keeps the mapping alive. */
  public Buffer slice(BufferAllocator allocator, long offset, long length) {
    references.incrementAndGet();
    try {
      return allocator.wrapForeign(segment.asSlice(offset, length), this::release);
    } catch (RuntimeException failure) {
      release();
      throw failure;
    }
  }

  /** Drops one reference; the last one unmaps the file. Never throws (runs in buffer release). */
  public void release() {
    if (references.decrementAndGet() == 0) {
      try {
        arena.close();
      } catch (RuntimeException ignored) {
        // the mapping is then released when the arena becomes unreachable
      }
    }
  }

  /**
   * Tells the kernel that only the ranges given to {@link #willNeed} will be read: no readahead
   * around page faults elsewhere (a projected read then touches only its own pages).
   */
  public void adviseRandomAccess() {
    MemoryAdvice.random(segment);
  }

  /** Asks the kernel to read {@code [offset, offset + length)} ahead, asynchronously. */
  public void willNeed(long offset, long length) {
    MemoryAdvice.willNeed(segment, offset, length);
  }

  /**
   * Tells the kernel the process is done with {@code [offset, offset + length)} for now: its pages
   * no longer count in the resident set (a later read faults them in again from the file).
   */
  public void dontNeed(long offset, long length) {
    MemoryAdvice.dontNeed(segment, offset, length);
  }

  /** True while the file is mapped. */
  public boolean isMapped() {
    return arena.scope().isAlive();
  }
}
