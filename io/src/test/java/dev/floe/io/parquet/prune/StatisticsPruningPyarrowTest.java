package dev.floe.io.parquet.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.scan.ScanPredicate;
import dev.floe.io.scan.Truth;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

/**
 * A file written by pyarrow 25 (3 row groups of 2 rows; unsigned ints of every width, decimals as
 * INT32/INT64/FLBA, string/large_string/binary, dates, timestamps in ms UTC, naive us and ns in
 * Europe/Paris, times of three units, booleans, floats with NaN, an all-null group, a list and a
 * struct) and, per predicate, the row groups where polars 1.44 keeps a row (see {@code
 * make_pyarrow_types.py} next to the file). Pruning must keep those and prune many others.
 */
@LeakChecked
class StatisticsPruningPyarrowTest {
  private static final Map<String, ScanPredicate.Op> OPS = Map.of("==", ScanPredicate.Op.EQ,
      "!=", ScanPredicate.Op.NE, "<", ScanPredicate.Op.LT, "<=", ScanPredicate.Op.LE,
      ">", ScanPredicate.Op.GT, ">=", ScanPredicate.Op.GE);

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(StatisticsPruningPyarrowTest.class.getResource("/parquet/prune/" + name).toURI());
  }

  private static Object literal(String kind, String text) {
    return switch (kind) {
      case "long" -> Long.parseLong(text);
      case "decimal" -> new BigDecimal(text);
      case "string" -> text;
      case "date" -> LocalDate.parse(text);
      case "datetime" -> LocalDateTime.parse(text);
      case "instant" -> Instant.parse(text);
      case "time" -> LocalTime.parse(text);
      case "bool" -> Boolean.parseBoolean(text);
      case "double" -> Double.parseDouble(text);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @Test
  void neverPrunesAGroupPolarsKeepsRowsFromAndPrunesMost() throws Exception {
    ParquetMetadata footer = ParquetFixtures.footer(resource("pyarrow_types.parquet"));
    assertThat(footer.getFileMetaData().getCreatedBy()).contains("parquet-cpp-arrow");
    List<String> lines = Files.readAllLines(resource("pyarrow_types.expect.tsv"), StandardCharsets.UTF_8);
    assertThat(lines).hasSizeGreaterThan(500);
    int prunable = 0;
    int pruned = 0;
    List<String> missed = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split("\t", -1);
      ScanPredicate predicate = new ScanPredicate.Compare(fields[0], OPS.get(fields[1]),
          literal(fields[2], fields[3]));
      List<Integer> polars = fields[4].isEmpty() ? List.of()
          : Arrays.stream(fields[4].split(",")).map(Integer::valueOf).toList();
      List<Integer> kept = ParquetFixtures.kept(footer, StatisticsPruning.of(predicate));
      assertThat(kept).as("%s", predicate).containsAll(polars);
      prunable += footer.getBlocks().size() - polars.size();
      pruned += footer.getBlocks().size() - kept.size();
      if (kept.size() > polars.size()) {
        missed.add(predicate + " kept " + kept + " polars " + polars);
      }
    }
    // groups a range cannot rule out (a value between min and max, NaN) stay: most must go
    assertThat(pruned).as("pruned of %d prunable; missed: %s", prunable, missed)
        .isGreaterThan(prunable * 3 / 4);
  }

  @Test
  void typeSpecificCasesFromPyarrowStatistics() throws Exception {
    ParquetMetadata footer = ParquetFixtures.footer(resource("pyarrow_types.parquet"));
    StatisticsPruning u64 = StatisticsPruning.of(ScanPredicate.gt("u64", new BigDecimal("9223372036854775807")));
    assertThat(ParquetFixtures.kept(footer, u64)).containsExactly(1, 2);
    assertThat(ParquetFixtures.kept(footer, StatisticsPruning.of(ScanPredicate.lt("s", "f"))))
        .containsExactly(0, 2);
    assertThat(ParquetFixtures.kept(footer, StatisticsPruning.of(ScanPredicate.isNotNull("nulls"))))
        .containsExactly(2);
    // binary groups: [a, b], [0xfe, 0xff], ["", a]; "ÿ" is 0xc3 0xbf in UTF-8, below 0xfe
    assertThat(ParquetFixtures.kept(footer, StatisticsPruning.of(ScanPredicate.gt("bin", "\u00ff"))))
        .containsExactly(1);
    assertThat(ParquetFixtures.kept(footer, StatisticsPruning.of(ScanPredicate.lt("bin", "a"))))
        .containsExactly(2);
  }

  @Test
  void nestedColumnsAreNotPruned() throws Exception {
    ParquetMetadata footer = ParquetFixtures.footer(resource("pyarrow_types.parquet"));
    MessageType schema = footer.getFileMetaData().getSchema();
    for (BlockMetaData block : footer.getBlocks()) {
      assertThat(StatisticsPruning.of(ScanPredicate.gt("lst", 100L)).truth(block, schema)).isEqualTo(Truth.MAYBE);
      assertThat(StatisticsPruning.of(ScanPredicate.isNull("st")).truth(block, schema)).isEqualTo(Truth.MAYBE);
    }
  }

}
