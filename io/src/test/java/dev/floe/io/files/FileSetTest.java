package dev.floe.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Glob expansion: each metacharacter, lexicographic order, directories and the no-match error. */
@LeakChecked
class FileSetTest {
  @TempDir Path root;

  @BeforeEach
  void tree() throws IOException {
    for (String name : List.of("b.csv", "a.csv", "a1.csv", "c.txt", "x/k=1/d.csv", "x/k=2/e.csv",
        "x/k=2/deep/f.csv", "y/g.csv", "{b,c}.csv")) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "a\n1\n");
    }
  }

  private List<String> names(String glob) {
    return FileSet.resolve(root + "/" + glob).files().stream()
        .map(path -> root.relativize(path).toString()).toList();
  }

  @Test
  void starStaysInOneDirectoryAndSortsLexicographically() {
    assertThat(names("*.csv")).containsExactly("a.csv", "a1.csv", "b.csv", "{b,c}.csv");
    assertThat(names("x/*/*.csv")).containsExactly("x/k=1/d.csv", "x/k=2/e.csv");
  }

  @Test
  void doubleStarCrossesZeroOrMoreDirectories() {
    assertThat(names("**/*.csv")).containsExactly("a.csv", "a1.csv", "b.csv", "x/k=1/d.csv",
        "x/k=2/deep/f.csv", "x/k=2/e.csv", "y/g.csv", "{b,c}.csv");
    assertThat(names("x/**/*.csv")).containsExactly("x/k=1/d.csv", "x/k=2/deep/f.csv", "x/k=2/e.csv");
  }

  @Test
  void questionMarkClassesAndLiteralBraces() {
    assertThat(names("a?.csv")).containsExactly("a1.csv");
    assertThat(names("[ab].csv")).containsExactly("a.csv", "b.csv");
    assertThat(names("[!a].*")).containsExactly("b.csv", "c.txt");
    assertThat(names("{b,c}*")).containsExactly("{b,c}.csv");
  }

  @Test
  void aDirectoryIsEveryFileBelowIt() {
    FileSet set = FileSet.resolve(root.resolve("x").toString());
    assertThat(set.directory()).isTrue();
    assertThat(set.files()).hasSize(3);
    assertThat(FileSet.resolve(root.resolve("a.csv").toString()).files()).containsExactly(root.resolve("a.csv"));
  }

  @Test
  void nothingMatchingNamesThePattern() {
    assertThatThrownBy(() -> FileSet.resolve(root + "/*.parquet"))
        .isInstanceOf(FloeIoException.class).hasMessageContaining(root + "/*.parquet");
    assertThatThrownBy(() -> FileSet.resolve(root + "/missing/*.csv")).isInstanceOf(FloeIoException.class);
    assertThatThrownBy(() -> FileSet.of(List.of())).isInstanceOf(FloeIoException.class);
  }

  @Test
  void explicitListsKeepTheirOrder() {
    List<Path> paths = List.of(root.resolve("b.csv"), root.resolve("a.csv"));
    assertThat(FileSet.of(paths).files()).containsExactlyElementsOf(paths);
    assertThat(FileSet.isGlob("a/b.csv")).isFalse();
    assertThat(FileSet.isGlob("a/{b,c}.csv")).isFalse();
  }
}
