package dev.floe.io.parquet.prune;

import static dev.floe.io.parquet.prune.ParquetFixtures.kept;
import static dev.floe.io.scan.ScanPredicate.and;
import static dev.floe.io.scan.ScanPredicate.eq;
import static dev.floe.io.scan.ScanPredicate.ge;
import static dev.floe.io.scan.ScanPredicate.gt;
import static dev.floe.io.scan.ScanPredicate.in;
import static dev.floe.io.scan.ScanPredicate.isNotNull;
import static dev.floe.io.scan.ScanPredicate.isNull;
import static dev.floe.io.scan.ScanPredicate.le;
import static dev.floe.io.scan.ScanPredicate.lt;
import static dev.floe.io.scan.ScanPredicate.ne;
import static dev.floe.io.scan.ScanPredicate.not;
import static dev.floe.io.scan.ScanPredicate.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.io.scan.ScanPredicate;
import dev.floe.io.scan.Truth;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-group pruning over a parquet-mr file of 10 row groups of 10 rows: {@code x} is the row
 * number 0..99, {@code n} is null in groups 0-4 and the row number elsewhere, {@code half} is null
 * on odd rows, {@code tags} is a list and {@code point} a struct.
 */
@LeakChecked
class StatisticsPruningTest {
  private static final String SCHEMA = """
      message m {
        required int64 x;
        optional int32 n;
        optional int64 half;
        optional group tags (LIST) { repeated group list { optional int32 element; } }
        optional group point { optional int32 a; }
      }""";

  @TempDir static Path dir;
  private static ParquetMetadata footer;

  @BeforeAll
  static void writeFile() {
    footer = ParquetFixtures.write(dir.resolve("ints.parquet"), SCHEMA, 10, 100, (row, group) -> {
      group.add("x", (long) row);
      if (row >= 50) {
        group.add("n", row);
      }
      if (row % 2 == 0) {
        group.add("half", (long) row);
      }
      group.addGroup("tags").addGroup("list").add("element", row);
      group.addGroup("point").add("a", row);
    });
  }

  private static List<Integer> keep(ScanPredicate predicate) {
    return kept(footer, StatisticsPruning.of(predicate));
  }

  private static Truth truth(ScanPredicate predicate, int group) {
    return StatisticsPruning.of(predicate).truth(footer.getBlocks().get(group),
        footer.getFileMetaData().getSchema());
  }

  @Test
  void writesTenRowGroups() {
    assertThat(footer.getBlocks()).hasSize(10).allSatisfy(b -> assertThat(b.getRowCount()).isEqualTo(10));
  }

  @Test
  void comparisonsKeepOnlyGroupsWhoseRangeCanMatch() {
    assertThat(keep(gt("x", 55L))).containsExactly(5, 6, 7, 8, 9);
    assertThat(keep(ge("x", 60))).containsExactly(6, 7, 8, 9);
    assertThat(keep(gt("x", 59))).containsExactly(6, 7, 8, 9);
    assertThat(keep(lt("x", 20L))).containsExactly(0, 1);
    assertThat(keep(le("x", 20L))).containsExactly(0, 1, 2);
    assertThat(keep(eq("x", 42L))).containsExactly(4);
    assertThat(keep(eq("x", 1000L))).isEmpty();
    assertThat(keep(ne("x", 42L))).hasSize(10);
    assertThat(keep(in("x", List.of(3L, 97L, 500L)))).containsExactly(0, 9);
    assertThat(keep(in("x", List.of()))).isEmpty();
  }

  @Test
  void literalsOfOtherNumericTypesCompareExactly() {
    assertThat(keep(gt("x", 88.5))).containsExactly(8, 9);
    assertThat(keep(gt("x", 89.5))).containsExactly(9);
    assertThat(keep(gt("x", 89.0f))).containsExactly(9);
    assertThat(keep(lt("x", new java.math.BigDecimal("10.0001")))).containsExactly(0, 1);
    assertThat(keep(eq("x", (short) 5))).containsExactly(0);
    assertThat(keep(eq("x", (byte) 15))).containsExactly(1);
  }

  @Test
  void booleanCombinationsUseThreeValuedLogic() {
    assertThat(keep(and(gt("x", 25L), lt("x", 45L)))).containsExactly(2, 3, 4);
    assertThat(keep(or(lt("x", 5L), gt("x", 94L)))).containsExactly(0, 9);
    assertThat(keep(not(lt("x", 50L)))).containsExactly(5, 6, 7, 8, 9);
    assertThat(keep(and())).hasSize(10);
    assertThat(keep(or())).isEmpty();
    assertThat(truth(ge("x", 0L), 3)).isEqualTo(Truth.ALWAYS);
    assertThat(truth(not(ge("x", 0L)), 3)).isEqualTo(Truth.NEVER);
  }

  @Test
  void nullsNeverSatisfyComparisonsEvenUnderNot() {
    assertThat(keep(isNull("n"))).containsExactly(0, 1, 2, 3, 4);
    assertThat(keep(isNotNull("n"))).containsExactly(5, 6, 7, 8, 9);
    assertThat(keep(lt("n", 1000))).containsExactly(5, 6, 7, 8, 9);
    assertThat(keep(not(gt("n", 1000)))).containsExactly(5, 6, 7, 8, 9);
    assertThat(truth(isNull("n"), 0)).isEqualTo(Truth.ALWAYS);
    assertThat(truth(or(isNull("n"), gt("n", 0)), 0)).isEqualTo(Truth.ALWAYS);
    assertThat(truth(ge("half", 0L), 0)).isEqualTo(Truth.MAYBE);
    assertThat(truth(isNull("half"), 0)).isEqualTo(Truth.MAYBE);
    assertThat(truth(isNull("x"), 0)).isEqualTo(Truth.NEVER);
    assertThat(truth(isNotNull("x"), 0)).isEqualTo(Truth.ALWAYS);
  }

  @Test
  void absentColumnsReadAsAllNull() {
    assertThat(truth(isNull("missing"), 0)).isEqualTo(Truth.ALWAYS);
    assertThat(truth(isNotNull("missing"), 0)).isEqualTo(Truth.NEVER);
    assertThat(truth(gt("missing", 1L), 0)).isEqualTo(Truth.NEVER);
    assertThat(truth(not(gt("missing", 1L)), 0)).isEqualTo(Truth.NEVER);
    assertThat(truth(in("missing", List.of(1L)), 0)).isEqualTo(Truth.NEVER);
    assertThat(truth(gt("missing", "any type is fine"), 0)).isEqualTo(Truth.NEVER);
    assertThat(truth(or(gt("missing", 1L), lt("x", 5L)), 0)).isEqualTo(Truth.MAYBE);
  }

  @Test
  void ignoredColumnsAreUnknownRatherThanNull() {
    StatisticsPruning pruning = StatisticsPruning.of(and(eq("year", 2024L), gt("x", 55L)))
        .ignoring(Set.of("year"));
    assertThat(kept(footer, pruning)).containsExactly(5, 6, 7, 8, 9);
    assertThat(pruning.truth(footer.getBlocks().get(9), footer.getFileMetaData().getSchema()))
        .isEqualTo(Truth.MAYBE);
  }

  @Test
  void nestedColumnsAreNeverPruned() {
    assertThat(keep(gt("tags", 1000))).hasSize(10);
    assertThat(keep(isNull("point"))).hasSize(10);
    assertThat(keep(eq("point.a", 1000))).isEmpty();
  }

  @Test
  void incompatibleLiteralsRaiseNamingColumnAndValue() {
    assertThatThrownBy(() -> keep(eq("x", "seven")))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("'x'").hasMessageContaining("seven").hasMessageContaining("int64");
    assertThatThrownBy(() -> keep(in("x", List.of(1L, true))))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("true");
    assertThatThrownBy(() -> keep(lt("n", java.time.LocalDate.of(2020, 1, 1))))
        .isInstanceOf(InvalidOperationException.class).hasMessageContaining("2020-01-01");
  }

  @Test
  void describesItsPredicate() {
    assertThat(StatisticsPruning.of(gt("x", 5L)).toString())
        .isEqualTo("StatisticsPruning[(col(\"x\")) > (5)]");
    assertThat(StatisticsPruning.of(gt("x", 5L)).predicate()).isEqualTo(gt("x", 5L));
  }
}
