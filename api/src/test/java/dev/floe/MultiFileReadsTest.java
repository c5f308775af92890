package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.io.csv.CsvReadOptions;
import dev.floe.io.files.MultiFileOptions;
import dev.floe.io.files.MultiFileOptions.Hive;
import dev.floe.io.json.JsonReadOptions;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Polars comparison cannot show: the per-file schema diff in error messages, hive columns
 * for CSV and NDJSON (a Floe extension: Polars has none), and no leak when a later file fails.
 */
@LeakChecked
class MultiFileReadsTest {
  @TempDir Path root;

  private Path write(String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void differingNamesListEachFileThatDiffers() throws IOException {
    write("a.csv", "x,y\n1,a\n");
    write("b.csv", "x,y\n2,b\n");
    write("c.csv", "x,z\n3,c\n");
    write("d.csv", "x\n4\n");
    assertThatThrownBy(() -> Floe.readCsv(root + "/*.csv").close())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("schema names differ: got z, expected y")
        .hasMessageContaining("a.csv': (x: i64, y: str)")
        .hasMessageContaining("c.csv': missing y: str, extra z: str")
        .hasMessageContaining("d.csv': missing y: str")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("b.csv'"));
  }

  @Test
  void differingIpcTypesNameTheColumnAndFile() {
    Path a = root.resolve("a.arrow");
    Path b = root.resolve("b.arrow");
    try (DataFrame first = DataFrame.of(Series.ofLongs("v", 1));
        DataFrame second = DataFrame.of(Series.ofDoubles("v", 1.5))) {
      first.writeIpc(a);
      second.writeIpc(b);
    }
    assertThatThrownBy(() -> Floe.readIpc(root + "/*.arrow").close())
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("data type mismatch for column v: incoming: f64 != target: i64")
        .hasMessageContaining("b.arrow': v: f64 (first file: i64)");
  }

  @Test
  void hiveColumnsForCsvAndNdjsonWhenAskedFor() throws IOException {
    write("t/k=1/s=a%20b/f.csv", "v\n1\n2\n");
    write("t/k=2/s=__HIVE_DEFAULT_PARTITION__/g.csv", "v\n3\n");
    MultiFileOptions hive = MultiFileOptions.DEFAULT.withHivePartitioning(Hive.TRUE).withIncludeFilePaths("file");
    try (DataFrame frame = Floe.readCsv(root + "/t/**/*.csv", CsvReadOptions.DEFAULT, hive)) {
      assertThat(frame.columns()).containsExactly("v", "k", "s", "file");
      assertThat(frame.column("k").dtype()).isEqualTo(DataType.INT64);
      assertThat(frame.column("k").toList()).containsExactly(1L, 1L, 2L);
      assertThat(frame.column("s").toList()).containsExactly("a b", "a b", null);
      assertThat(frame.column("file").toList().getLast()).isEqualTo(root + "/t/k=2/s=__HIVE_DEFAULT_PARTITION__/g.csv");
    }
    try (DataFrame frame = Floe.readCsv(root.resolve("t").toString())) {
      assertThat(frame.columns()).containsExactly("v");
    }
    write("n/day=2024-05-06/a.ndjson", "{\"v\":1}\n");
    try (DataFrame frame = Floe.readNdjson(root + "/n/*/*.ndjson", JsonReadOptions.DEFAULT, hive)) {
      assertThat(frame.columns()).containsExactly("v", "day", "file");
      assertThat(frame.column("day").dtype()).isEqualTo(DataType.DATE32);
    }
  }

  @Test
  void aFailingLaterFileLeaksNothing() throws IOException {
    Path good = write("good.ndjson", "{\"a\":1}\n");
    Path bad = write("bad.ndjson", "{\"a\":\n");
    assertThatThrownBy(() -> Floe.readNdjson(List.of(good, bad), JsonReadOptions.DEFAULT, MultiFileOptions.DEFAULT))
        .isInstanceOf(dev.floe.errors.FloeException.class);
    Path missing = root.resolve("missing.csv");
    assertThatThrownBy(() -> Floe.readCsv(Arrays.asList(write("ok.csv", "a\n1\n"), missing),
        CsvReadOptions.DEFAULT, MultiFileOptions.DEFAULT)).isInstanceOf(FloeIoException.class);
    assertThatThrownBy(() -> Floe.readCsv(root + "/nothing-*.csv")).isInstanceOf(FloeIoException.class)
        .hasMessageContaining("nothing-*.csv");
  }

  @Test
  void aHiveKeyThatIsAlsoAFileColumnFailsWithoutLeaking() throws IOException {
    write("c/k=1/a.csv", "k,v\n5,6\n");
    MultiFileOptions hive = MultiFileOptions.DEFAULT.withHivePartitioning(Hive.TRUE);
    assertThatThrownBy(() -> Floe.readCsv(root + "/c/*/*.csv", CsvReadOptions.DEFAULT, hive).close())
        .isInstanceOf(dev.floe.errors.FloeException.class);
  }
}
