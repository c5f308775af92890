package dev.floe.io.parquet.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.scan.ScanPredicate;
import dev.floe.io.scan.Truth;
import dev.floe.testkit.LeakChecked;
import dev.floe.testkit.LeakCheckedProperty;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * Random tables of seven typed columns (small value domains with nulls, NaN, signed zeros,
 * unsigned values above 2^31, non-ASCII strings) written by parquet-mr in random row-group sizes,
 * optionally sorted by one column, and random predicates: a row group holding a row the predicate keeps (evaluated row by row by
 * {@link RowOracle}) is never pruned, and one judged ALWAYS has only kept rows. On sorted data,
 * range predicates prune exactly the groups outside the range.
 */
@LeakChecked
@LeakCheckedProperty
class StatisticsPruningPropertyTest {
  private static final Map<String, List<Object>> DOMAINS = Map.of(
      "i", List.of(-5L, -1L, 0L, 2L, 3L, 7L, Long.MIN_VALUE, Long.MAX_VALUE),
      "u", List.of(0L, 1L, 7L, 2_147_483_647L, 2_147_483_648L, 4_294_967_295L),
      "d", List.of(-1.5, -0.0, 0.0, 1.0, 2.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
      "s", List.of("", "a", "ab", "b", "z", "é", "éa", "日本"),
      "dec", List.of(new BigDecimal("-1.25"), new BigDecimal("0.00"), new BigDecimal("0.01"),
          new BigDecimal("1.00"), new BigDecimal("3.50"), new BigDecimal("99999.99")),
      "ts", List.of(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
          LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 1, 0, 0, 0, 1000),
          LocalDateTime.of(2024, 2, 29, 12, 30)),
      "b", List.of(true, false));
  private static final List<String> COLUMNS = List.of("i", "u", "d", "s", "dec", "ts", "b");

  @Provide
  Arbitrary<List<Map<String, Object>>> tables() {
    Arbitrary<Map<String, Object>> row = Combinators.combine(COLUMNS.stream()
        .map(column -> Arbitraries.of(DOMAINS.get(column)).injectNull(0.15)).toList())
        .as(values -> {
          Map<String, Object> map = new HashMap<>();
          for (int index = 0; index < COLUMNS.size(); index++) {
            map.put(COLUMNS.get(index), values.get(index));
          }
          return map;
        });
    return row.list().ofMinSize(1).ofMaxSize(24);
  }

  @Provide
  Arbitrary<ScanPredicate> predicates() {
    return Arbitraries.lazyOf(this::leaf, this::leaf, this::leaf, this::leaf, this::leaf, this::leaf,
        () -> predicates().map(ScanPredicate::not),
        () -> predicates().list().ofMinSize(0).ofMaxSize(3).map(terms -> new ScanPredicate.And(terms)),
        () -> predicates().list().ofMinSize(0).ofMaxSize(3).map(terms -> new ScanPredicate.Or(terms)));
  }

  private Arbitrary<ScanPredicate> leaf() {
    Arbitrary<String> columns = Arbitraries.of(COLUMNS).injectDuplicates(0.1);
    return columns.flatMap(column -> Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(ScanPredicate.Op.values()), literal(column))
            .as((op, literal) -> (ScanPredicate) new ScanPredicate.Compare(column, op, literal)),
        literal(column).list().ofMaxSize(3).map(values -> ScanPredicate.in(column, values)),
        Arbitraries.of(ScanPredicate.isNull(column), ScanPredicate.isNotNull(column),
            ScanPredicate.gt("absent", 1L), ScanPredicate.isNull("absent"))));
  }

  /** Literals of the column's domain, sometimes of another Java type or between domain values. */
  private Arbitrary<Object> literal(String column) {
    Arbitrary<Object> same = Arbitraries.of(DOMAINS.get(column).stream()
        .filter(v -> !(v instanceof Double d && Double.isNaN(d))).toList());
    Arbitrary<Object> other = switch (column) {
      case "i" -> Arbitraries.of(1, (short) -5, 2.5, -0.5, new BigDecimal("3.000"), 7.0f);
      case "u" -> Arbitraries.of(2_147_483_647.5, new BigDecimal("4294967295"), 3);
      case "d" -> Arbitraries.of(1L, 0, 2.5f, new BigDecimal("1.0"), -1.25);
      case "dec" -> Arbitraries.of(1L, 0, new BigDecimal("1.005"), 3.5, -1.25f);
      case "ts" -> Arbitraries.of(LocalDate.of(2020, 1, 1), Instant.parse("2020-01-01T00:00:00.000001Z"),
          LocalDateTime.of(2020, 1, 1, 0, 0, 0, 500), LocalDate.of(1970, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
      case "s" -> Arbitraries.of("aa", "c", "éé", "日");
      default -> same;
    };
    return Arbitraries.oneOf(same, other);
  }

  @Property(tries = 300)
  void neverPrunesAGroupWithAKeptRow(@ForAll("tables") List<Map<String, Object>> table,
      @ForAll @IntRange(min = 1, max = 9) int rowsPerGroup, @ForAll @IntRange(min = 0, max = 7) int sortBy,
      @ForAll("predicates") ScanPredicate predicate) throws IOException {
    // sorting by one column (or none: sortBy 7) gives groups narrow ranges there, so pruning happens
    List<Map<String, Object>> rows = sortBy == COLUMNS.size() ? table : table.stream()
        .sorted((left, right) -> RowOracle.order(left.get(COLUMNS.get(sortBy)), right.get(COLUMNS.get(sortBy))))
        .toList();
    Path file = Files.createTempFile("prune", ".parquet");
    try {
      ParquetMetadata footer = ParquetFixtures.write(file, RowOracle.SCHEMA, rowsPerGroup, rows.size(),
          (index, group) -> RowOracle.fill(rows.get(index), group));
      MessageType schema = footer.getFileMetaData().getSchema();
      StatisticsPruning pruning = StatisticsPruning.of(predicate);
      int first = 0;
      for (BlockMetaData block : footer.getBlocks()) {
        List<Map<String, Object>> groupRows = rows.subList(first, first + (int) block.getRowCount());
        first += (int) block.getRowCount();
        long kept = groupRows.stream().filter(row -> Boolean.TRUE.equals(RowOracle.eval(predicate, row))).count();
        Truth truth = pruning.truth(block, schema);
        net.jqwik.api.statistics.Statistics.collect(truth);
        if (kept > 0) {
          assertThat(truth).as("%s on %s", predicate, groupRows).isNotEqualTo(Truth.NEVER);
        }
        if (truth == Truth.ALWAYS) {
          assertThat(kept).as("%s on %s", predicate, groupRows).isEqualTo(groupRows.size());
        }
      }
      assertThat(first).isEqualTo(rows.size());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Property(tries = 60)
  void prunesGroupsOutsideTheRangeOfSortedData(
      @ForAll("sortedValues") List<Long> values, @ForAll @IntRange(min = 1, max = 8) int rowsPerGroup,
      @ForAll @IntRange(min = -10, max = 110) int threshold) throws IOException {
    Path file = Files.createTempFile("sorted", ".parquet");
    try {
      ParquetMetadata footer = ParquetFixtures.write(file, "message m { required int64 i; }", rowsPerGroup,
          values.size(), (index, group) -> group.add("i", values.get(index)));
      List<Integer> expectedAbove = new ArrayList<>();
      List<Integer> expectedBelow = new ArrayList<>();
      for (int group = 0; group * rowsPerGroup < values.size(); group++) {
        List<Long> slice = values.subList(group * rowsPerGroup, Math.min(values.size(), (group + 1) * rowsPerGroup));
        if (slice.getLast() > threshold) {
          expectedAbove.add(group);
        }
        if (slice.getFirst() < threshold) {
          expectedBelow.add(group);
        }
      }
      assertThat(ParquetFixtures.kept(footer, StatisticsPruning.of(ScanPredicate.gt("i", (long) threshold))))
          .isEqualTo(expectedAbove);
      assertThat(ParquetFixtures.kept(footer, StatisticsPruning.of(ScanPredicate.lt("i", threshold))))
          .isEqualTo(expectedBelow);
      int groups = footer.getBlocks().size();
      assertThat(groups - expectedAbove.size() + groups - expectedBelow.size())
          .as("a threshold inside the data prunes at least one side").isGreaterThanOrEqualTo(
              groups > 1 && threshold > values.getFirst() && threshold < values.getLast() ? 1 : 0);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<List<Long>> sortedValues() {
    return Arbitraries.longs().between(0, 100).list().ofMinSize(1).ofMaxSize(60)
        .map(list -> list.stream().sorted().toList());
  }
}
