package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.parquet.ParquetWriteOptions;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hive-partitioned writes compared with Polars 1.44.2's own {@code write_parquet(partition_by=...)}
 * of the same frame: the same relative file paths (percent-encoded values, null as
 * {@code __HIVE_DEFAULT_PARTITION__}), the same rows in each file, and equal frames through Polars'
 * hive reader.
 */
@LeakChecked
class ParquetPartitionWriteTest {
  @TempDir static Path directory;

  @BeforeAll
  static void writeSources() throws Exception {
    ParquetWriteInteropTest.python("source", directory.toString());
  }

  private static List<String> relativeFiles(Path root) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(file -> files.add(root.relativize(file).toString()));
    }
    return files.stream().sorted().toList();
  }

  @ParameterizedTest(name = "by {0}")
  @CsvSource(delimiter = ';', value = {"k", "k,n", "day", "n,day,k"})
  void partitionsMatchPolars(String keys) throws Exception {
    String label = keys.replace(',', '_');
    Path floe = directory.resolve("floe_" + label);
    Path polars = directory.resolve("polars_" + label);
    try (DataFrame frame = Floe.readIpc(directory.resolve("part.arrow"))) {
      assertThat(frame.column("k").chunks()).hasSize(3);
      frame.writeParquet(floe, ParquetWriteOptions.DEFAULT.withPartitionBy(keys.split(",")).withRowGroupSize(4));
    }
    List<String> files = relativeFiles(floe);
    assertThat(files).isNotEmpty().allMatch(file -> file.endsWith("/00000000.parquet"));
    assertThat(files).noneMatch(file -> file.contains(".tmp"));
    if (keys.startsWith("k")) {
      assertThat(files.stream().map(file -> file.substring(0, file.indexOf('/'))).distinct().sorted().toList())
          .containsExactly("k=%C3%A9%3Dx", "k=__HIVE_DEFAULT_PARTITION__", "k=a%2Fb", "k=c%20d", "k=p%25q%3Ar",
              "k=plain");
    }
    assertThat(ParquetWriteInteropTest.python("partitioned", floe.toString(), polars.toString(),
        directory.resolve("part.arrow").toString(), keys)).isEqualTo("EQUAL");
  }
}
