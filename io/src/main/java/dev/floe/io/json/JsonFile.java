package dev.floe.io.json;

import dev.floe.errors.FloeIoException;
import dev.floe.io.CompressedInput;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file mapped read-only into memory (shared: parallel decoders read it), or its decompressed
 * bytes when it is gzip, zlib or zstd compressed (as Polars reads them); closing unmaps or frees it.
 */
final class JsonFile implements AutoCloseable {
  private final Arena arena;
  private final CompressedInput.Decompressed decompressed;
  final MemorySegment bytes;

  private JsonFile(Arena arena, CompressedInput.Decompressed decompressed, MemorySegment bytes) {
    this.arena = arena;
    this.decompressed = decompressed;
    this.bytes = bytes;
  }

  static JsonFile map(Path path, BufferAllocator allocator) {
    Arena arena = Arena.ofShared();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      MemorySegment bytes = size == 0
          ? MemorySegment.ofArray(new byte[0])
          : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
      CompressedInput.Decompressed plain =
          CompressedInput.decompressIfNeeded(bytes, path.toString(), allocator);
      if (plain != null) {
        arena.close();
        return new JsonFile(null, plain, plain.bytes());
      }
      return new JsonFile(arena, null, bytes);
    } catch (NoSuchFileException missing) {
      arena.close();
      throw new FloeIoException("cannot read " + path + ": no such file", missing);
    } catch (dev.floe.errors.FloeException failure) {
      arena.close();
      throw failure;
    } catch (IOException | RuntimeException failure) {
      arena.close();
      throw new FloeIoException("cannot read " + path + ": " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    if (arena != null) {
      arena.close();
    }
    if (decompressed != null) {
      decompressed.close();
    }
  }
}
