package dev.floe.io.files;

import dev.floe.errors.FloeIoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ordered files of a multi-file read: a glob ({@code *} and {@code ?} within one directory
 * level, {@code **} across levels including none, {@code [...]}), a directory (every
 * file below it) or an explicit list. As in Polars, braces are literal characters ({@code {a,b}}
 * is not an alternative) and {@code [!...]} negates a class. Glob and directory matches are sorted lexicographically by
 * path, as Polars does; an explicit list keeps its order.
 *
 * @param source the pattern, directory or list as the caller wrote it, for messages
 * @param files the files, never empty
 * @param directory whether the source was a single directory (turns hive partitioning on in AUTO)
 */
public record FileSet(String source, List<Path> files, boolean directory) {
  /** Copies the list. */
  public FileSet {
    files = List.copyOf(files);
  }

  /** Whether {@code text} contains a glob metacharacter. */
  public static boolean isGlob(String text) {
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  /** Explicit paths, in the given order; fails naming the list when it is empty. */
  public static FileSet of(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new FloeIoException("expanded paths were empty: the list of paths is empty");
    }
    return new FileSet(paths.toString(), paths, false);
  }

  /**
   * Resolves a glob, a directory or a single file. Fails with a {@link FloeIoException} naming
   * {@code pattern} when nothing matches.
   */
  public static FileSet resolve(String pattern) {
    if (!isGlob(pattern)) {
      Path path = Path.of(pattern);
      if (Files.isDirectory(path)) {
        return new FileSet(pattern, walk(path, path, null, pattern), true);
      }
      return new FileSet(pattern, List.of(path), false);
    }
    String normalized = pattern.replace('\\', '/');
    int cut = 0;
    for (int index = 0; index < normalized.length(); index++) {
      char c = normalized.charAt(index);
      if (c == '/') {
        cut = index + 1;
      } else if (c == '*' || c == '?' || c == '[') {
        break;
      }
    }
    String baseText = normalized.substring(0, cut);
    Path base = baseText.isEmpty() ? Path.of("") : Path.of(baseText);
    String rest = normalized.substring(cut).replace("{", "\\{").replace("}", "\\}");
    List<PathMatcher> matchers = new ArrayList<>();
    for (String variant : variants(rest)) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
    }
    List<Path> files = Files.isDirectory(base.toString().isEmpty() ? Path.of(".") : base)
        ? walk(base, base, matchers, pattern) : List.of();
    if (files.isEmpty()) {
      throw new FloeIoException("expanded paths were empty: no file matches the pattern '" + pattern + "'");
    }
    return new FileSet(pattern, files, false);
  }

  /** {@code a/**}{@code /b} also matches {@code a/b}: every {@code **}{@code /} may match no directory. */
  static List<String> variants(String glob) {
    List<String> out = new ArrayList<>(List.of(glob));
    for (int round = 0; round < out.size() && out.size() < 64; round++) {
      String current = out.get(round);
      int at = current.indexOf("**/");
      while (at >= 0) {
        String dropped = current.substring(0, at) + current.substring(at + 3);
        if (!out.contains(dropped)) {
          out.add(dropped);
        }
        at = current.indexOf("**/", at + 1);
      }
    }
    return out;
  }

  private static List<Path> walk(Path base, Path shown, List<PathMatcher> matchers, String pattern) {
    Path root = base.toString().isEmpty() ? Path.of(".") : base;
    try (Stream<Path> stream = Files.walk(root)) {
      List<Path> files = new ArrayList<>();
      for (Path path : (Iterable<Path>) stream::iterator) {
        if (!Files.isRegularFile(path)) {
          continue;
        }
        Path relative = root.relativize(path);
        if (matchers == null || matchers.stream().anyMatch(m -> m.matches(relative))) {
          files.add(base.toString().isEmpty() ? relative : shown.resolve(relative));
        }
      }
      files.sort(Comparator.comparing(Path::toString));
      return files;
    } catch (IOException | UncheckedIOException failure) {
      throw new FloeIoException("could not list the files of '" + pattern + "': " + failure.getMessage(), failure);
    }
  }
}
