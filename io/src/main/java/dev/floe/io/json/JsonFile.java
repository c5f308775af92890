package dev.floe.io.json;

import dev.floe.errors.FloeIoException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file mapped read-only into memory (shared: parallel decoders read it); closing unmaps it. */
final class JsonFile implements AutoCloseable {
  private final Arena arena;
  final MemorySegment bytes;

  private JsonFile(Arena arena, MemorySegment bytes) {
    this.arena = arena;
    this.bytes = bytes;
  }

  static JsonFile map(Path path) {
    Arena arena = Arena.ofShared();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      MemorySegment bytes = size == 0
          ? MemorySegment.ofArray(new byte[0])
          : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
      return new JsonFile(arena, bytes);
    } catch (NoSuchFileException missing) {
      arena.close();
      throw new FloeIoException("cannot read " + path + ": no such file", missing);
    } catch (IOException | RuntimeException failure) {
      arena.close();
      throw new FloeIoException("cannot read " + path + ": " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    arena.close();
  }
}
