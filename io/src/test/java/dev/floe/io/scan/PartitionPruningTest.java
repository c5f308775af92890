package dev.floe.io.scan;

import static dev.floe.io.scan.ScanPredicate.and;
import static dev.floe.io.scan.ScanPredicate.eq;
import static dev.floe.io.scan.ScanPredicate.ge;
import static dev.floe.io.scan.ScanPredicate.gt;
import static dev.floe.io.scan.ScanPredicate.in;
import static dev.floe.io.scan.ScanPredicate.isNull;
import static dev.floe.io.scan.ScanPredicate.lt;
import static dev.floe.io.scan.ScanPredicate.not;
import static dev.floe.io.scan.ScanPredicate.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.io.files.FileSet;
import dev.floe.io.files.HivePartitions;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partition pruning over a generated hive tree {@code year=2023..2025/month=1..4/region=...} with
 * regions {@code eu}, {@code us}, {@code a/b} (URL-encoded) and the default (null) partition, and
 * a second tree {@code day=<date>/f=<float>}. Expected files are computed from the directory names.
 */
@LeakChecked
class PartitionPruningTest {
  private static final List<String> REGIONS = List.of("eu", "us", "a%2Fb", HivePartitions.DEFAULT_PARTITION);

  @TempDir static Path root;
  private static List<Path> sales;
  private static List<Path> days;

  @BeforeAll
  static void writeTrees() throws IOException {
    for (int year = 2023; year <= 2025; year++) {
      for (int month = 1; month <= 4; month++) {
        for (String region : REGIONS) {
          touch(root.resolve("sales/year=" + year + "/month=" + month + "/region=" + region + "/part-0.csv"));
        }
      }
    }
    for (int day = 1; day <= 5; day++) {
      for (String f : List.of("0.5", "1", "-2.25")) {
        touch(root.resolve("days/day=2024-01-0" + day + "/f=" + f + "/data.ipc"));
      }
    }
    sales = FileSet.resolve(root.resolve("sales").toString()).files();
    days = FileSet.resolve(root.resolve("days").toString()).files();
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x\n1\n");
  }

  private static List<Path> expected(List<Path> files, Predicate<String> onPath) {
    List<Path> out = new ArrayList<>();
    for (Path file : files) {
      if (onPath.test(root.relativize(file).toString())) {
        out.add(file);
      }
    }
    return out;
  }

  @Test
  void treeHasAllFiles() {
    assertThat(sales).hasSize(48);
    assertThat(days).hasSize(15);
  }

  @Test
  void integerPartitionsCompareExactly() {
    assertThat(PartitionPruning.select(sales, eq("year", 2024L)))
        .containsExactlyElementsOf(expected(sales, p -> p.contains("year=2024")));
    assertThat(PartitionPruning.select(sales, and(ge("year", 2024), in("month", List.of(1L, 3L)))))
        .containsExactlyElementsOf(expected(sales, p -> !p.contains("year=2023")
            && (p.contains("month=1/") || p.contains("month=3/"))));
    assertThat(PartitionPruning.select(sales, gt("month", 3.5)))
        .containsExactlyElementsOf(expected(sales, p -> p.contains("month=4/")));
    assertThat(PartitionPruning.select(sales, lt("year", 2000L))).isEmpty();
  }

  @Test
  void stringPartitionsAreDecodedAndNullsNeverCompare() {
    assertThat(PartitionPruning.select(sales, eq("region", "a/b")))
        .containsExactlyElementsOf(expected(sales, p -> p.contains("region=a%2Fb")));
    assertThat(PartitionPruning.select(sales, isNull("region")))
        .containsExactlyElementsOf(expected(sales, p -> p.contains(HivePartitions.DEFAULT_PARTITION)));
    assertThat(PartitionPruning.select(sales, not(eq("region", "eu"))))
        .containsExactlyElementsOf(expected(sales, p -> p.contains("region=us")
            || p.contains("region=a%2Fb")));
    assertThat(PartitionPruning.select(sales, or(eq("region", "eu"), isNull("region"))))
        .containsExactlyElementsOf(expected(sales, p -> p.contains("region=eu")
            || p.contains(HivePartitions.DEFAULT_PARTITION)));
  }

  @Test
  void otherColumnsMayMatchAnything() {
    assertThat(PartitionPruning.select(sales, gt("amount", 5L))).isEqualTo(sales);
    assertThat(PartitionPruning.select(sales, not(gt("amount", 5L)))).isEqualTo(sales);
    assertThat(PartitionPruning.select(sales, and(eq("year", 2025L), gt("amount", "any"))))
        .containsExactlyElementsOf(expected(sales, p -> p.contains("year=2025")));
    assertThat(PartitionPruning.select(sales, or(eq("year", 2025L), gt("amount", 5L)))).isEqualTo(sales);
  }

  @Test
  void booleansAndDatetimes() throws IOException {
    List<Path> files = new ArrayList<>();
    String[][] dirs = {{"true", "2024-01-05 10%3A00%3A00"}, {"false", "2024-01-06 00%3A00%3A00"},
        {"true", "2024-01-07 12%3A30%3A00"}};
    for (String[] dir : dirs) {
      Path file = root.resolve("flags/on=" + dir[0] + "/at=" + dir[1] + "/x.ipc");
      touch(file);
      files.add(file);
    }
    assertThat(PartitionPruning.select(files, eq("on", true))).containsExactly(files.get(0), files.get(2));
    assertThat(PartitionPruning.select(files, ge("at", LocalDateTime.of(2024, 1, 6, 0, 0))))
        .containsExactly(files.get(1), files.get(2));
    assertThat(PartitionPruning.select(files, and(eq("on", true), lt("at", LocalDateTime.of(2024, 1, 6, 0, 0)))))
        .containsExactly(files.get(0));
  }

  @Test
  void datesAndFloats() {
    assertThat(PartitionPruning.select(days, gt("day", LocalDate.of(2024, 1, 3))))
        .containsExactlyElementsOf(expected(days, p -> p.contains("-04/") || p.contains("-05/")));
    assertThat(PartitionPruning.select(days, lt("day", LocalDateTime.of(2024, 1, 2, 0, 0, 1))))
        .containsExactlyElementsOf(expected(days, p -> p.contains("-01/") || p.contains("-02/")));
    assertThat(PartitionPruning.select(days, lt("f", 1L)))
        .containsExactlyElementsOf(expected(days, p -> !p.contains("f=1/")));
    assertThat(PartitionPruning.select(days, eq("f", -2.25f)))
        .containsExactlyElementsOf(expected(days, p -> p.contains("f=-2.25")));
  }

  @Test
  void exactPartitionValuesGiveDefiniteOutcomes() {
    HivePartitions partitions = HivePartitions.of(sales);
    int first = 0;
    assertThat(PartitionPruning.evaluate(partitions, first, eq("year", 2023L)).truth()).isEqualTo(Truth.ALWAYS);
    assertThat(PartitionPruning.evaluate(partitions, first, eq("year", 2024L)).truth()).isEqualTo(Truth.NEVER);
    assertThat(PartitionPruning.evaluate(partitions, first, gt("amount", 1L)).truth()).isEqualTo(Truth.MAYBE);
    assertThat(PartitionPruning.select(sales, partitions, eq("month", 2L))).hasSize(12);
  }

  @Test
  void incompatibleLiteralsRaiseNamingColumnAndValue() {
    assertThatThrownBy(() -> PartitionPruning.select(sales, eq("year", "2024")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("'year'").hasMessageContaining("2024").hasMessageContaining("i64");
    assertThatThrownBy(() -> PartitionPruning.select(sales, eq("region", 1L)))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("'region'");
    assertThatThrownBy(() -> PartitionPruning.select(days, eq("day", true)))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("'day'");
  }

  @Test
  void allNullPartitionColumnsAcceptAnyLiteralAndMatchNothing() {
    List<Path> files = List.of(Path.of("t/k=" + HivePartitions.DEFAULT_PARTITION + "/a.csv"),
        Path.of("t/k=" + HivePartitions.DEFAULT_PARTITION + "/b.csv"));
    assertThat(PartitionPruning.select(files, eq("k", 1L))).isEmpty();
    assertThat(PartitionPruning.select(files, not(eq("k", "x")))).isEmpty();
    assertThat(PartitionPruning.select(files, isNull("k"))).isEqualTo(files);
  }

  @Test
  void partitionsMustMatchTheFiles() {
    assertThatThrownBy(() -> PartitionPruning.select(sales.subList(0, 2), HivePartitions.of(sales),
        eq("year", 2023L))).isInstanceOf(IllegalArgumentException.class);
  }
}
