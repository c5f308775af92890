package dev.floe.io.ipc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory in {@code /dev/shm} (memory-backed, what cross-process exchange uses), or in the
 * system temporary directory where there is no writable {@code /dev/shm}; {@link #close()} deletes it
 * and everything in it.
 */
final class SharedMemoryDirectory implements AutoCloseable {
  private final Path path;

  private SharedMemoryDirectory(Path path) {
    this.path = path;
  }

  static SharedMemoryDirectory create() throws IOException {
    Path shm = Path.of("/dev/shm");
    boolean usable = Files.isDirectory(shm) && Files.isWritable(shm);
    return new SharedMemoryDirectory(
        usable ? Files.createTempDirectory(shm, "floe-ipc-") : Files.createTempDirectory("floe-ipc-"));
  }

  Path path() {
    return path;
  }

  Path resolve(String name) {
    return path.resolve(name);
  }

  /** The names of the files now in the directory, sorted. */
  java.util.List<String> list() throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
