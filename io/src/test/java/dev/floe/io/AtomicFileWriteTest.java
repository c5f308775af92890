package dev.floe.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared temp-then-rename write: the content lands whole, with ordinary permissions, or not at all. */
class AtomicFileWriteTest {
  @TempDir Path directory;

  @Test
  void theWrittenFileHasThePermissionsOfAnyNewFile() throws IOException {
    Path target = directory.resolve("out.bin");
    AtomicFileWrite.write(target, temporary -> Files.writeString(temporary, "content"));
    assertThat(Files.readString(target)).isEqualTo("content");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Path plain = Files.createFile(directory.resolve("plain.bin")); // the umask's permissions
      Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
      assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("out.bin", "plain.bin");
    }
  }

  @Test
  void aFailingWriterLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = directory.resolve("out.bin");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFileWrite.write(target, temporary -> {
      Files.writeString(temporary, "half");
      throw new IOException("disk full");
    })).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(target);
    }
  }
}
