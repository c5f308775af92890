package dev.floe.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic file replacement shared by every writer: the content goes to a temporary file in the
 * target's directory (same file system, so the rename is atomic), which is renamed over the target
 * only when the writer returned normally. On any failure, checked or not, the temporary file is
 * deleted and the target is left as it was (absent or with its old content).
 */
public final class AtomicFileWrite {
  private AtomicFileWrite() {}

  /** Writes the content of one file to the path it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /**
   * Runs {@code content} on a fresh temporary file next to {@code target}, then renames it over
   * {@code target}. The temporary file is hidden ({@code .name.*.tmp}) and never outlives the call.
   * The file gets the permissions any new file gets (the process's umask), as other tools' output
   * does, not the owner-only ones of {@code Files.createTempFile}.
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temporary = createTemporary(absolute);
    boolean moved = false;
    try {
      content.writeTo(temporary);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
      }
    }
  }

  /** A new, empty, hidden file next to {@code target} with a random name and default permissions. */
  private static Path createTemporary(Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
      Path candidate = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        if (attempt == 16) {
          throw taken;
        }
      }
    }
  }
}
