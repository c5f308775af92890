package dev.floe.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hive {@code key=value} parsing and Polars' type inference across files. */
@LeakChecked
class HivePartitionsTest {
  @Test
  void infersIntegersFloatsDatesAndStrings() {
    HivePartitions parts = HivePartitions.of(List.of(
        Path.of("d/i=1/f=1.5/day=2024-01-02/s=a%2Fb%20c/x.csv"),
        Path.of("d/i=-20/f=2/day=2024-02-29/s=__HIVE_DEFAULT_PARTITION__/y.csv")));
    assertThat(parts.names()).containsExactly("i", "f", "day", "s");
    assertThat(parts.types()).containsExactly(DataType.INT64, DataType.FLOAT64, DataType.DATE32, null);
    assertThat(parts.values().get(0)).containsExactly(1L, 1.5, LocalDate.of(2024, 1, 2), "a/b c");
    assertThat(parts.values().get(1)).containsExactly(-20L, 2.0, LocalDate.of(2024, 2, 29), null);
  }

  @Test
  void mixedValuesFallBackToStringAndNullsAreIgnoredForInference() {
    HivePartitions parts = HivePartitions.of(List.of(Path.of("k=1/j=__HIVE_DEFAULT_PARTITION__/a"),
        Path.of("k=x/j=__HIVE_DEFAULT_PARTITION__/b"), Path.of("k=2.5/j=__HIVE_DEFAULT_PARTITION__/c")));
    assertThat(parts.types()).containsExactly(null, null);
    assertThat(parts.values()).containsExactly(Arrays.asList("1", null), Arrays.asList("x", null),
        Arrays.asList("2.5", null));
  }

  @Test
  void filesWithoutPartitionsHaveNoColumns() {
    HivePartitions parts = HivePartitions.of(List.of(Path.of("plain/a.csv"), Path.of("b.csv")));
    assertThat(parts.names()).isEmpty();
  }

  @Test
  void differentKeysAreASchemaMismatchNamingTheFiles() {
    assertThatThrownBy(() -> HivePartitions.of(List.of(Path.of("k=1/a.csv"), Path.of("j=1/b.csv"))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("j=1/b.csv").hasMessageContaining("k=1/a.csv");
  }
}
