package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hash(seed)}: Floe's own values (not Polars'), so the checks are the properties users rely
 * on: deterministic, never null, equal values hash alike in every layout, width and slice, nulls to
 * one value per seed, and the seed changes the hashes.
 */
@LeakChecked
class RowHashTest {
  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  private static List<Long> hashes(Column column, long seed) {
    try (FixedWidthColumn hashes = RowHash.hash(column, seed, BufferAllocator.current())) {
      assertThat(hashes.type()).isEqualTo(DataType.UINT64);
      assertThat(hashes.nullCount()).isZero();
      List<Long> values = new ArrayList<>();
      for (int row = 0; row < hashes.length(); row++) {
        values.add(hashes.getLong(row));
      }
      return values;
    }
  }

  @Test
  void stringLayoutsAndSlicesHashAlike() {
    List<List<Long>> all = new ArrayList<>();
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      try (Column strings = column(type, "x", "a", null, "a longer string than twelve bytes", "é", "");
          Column slice = strings.slice(1, 5)) {
        List<Long> whole = hashes(strings, 7);
        assertThat(hashes(slice, 7)).isEqualTo(whole.subList(1, 6));
        assertThat(hashes(strings, 7)).isEqualTo(whole);
        all.add(whole);
      }
    }
    assertThat(all.get(1)).isEqualTo(all.get(0));
    assertThat(all.get(2)).isEqualTo(all.get(0));
  }

  @Test
  void integerWidthsAgreeAndFloatsFoldZerosAndNaN() {
    try (Column i32 = column(DataType.INT32, 1, -5, null);
        Column i64 = column(DataType.INT64, 1L, -5L, null);
        Column floats = column(DataType.FLOAT64, 0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L))) {
      assertThat(hashes(i32, 0)).isEqualTo(hashes(i64, 0));
      List<Long> floatHashes = hashes(floats, 0);
      assertThat(floatHashes.get(1)).isEqualTo(floatHashes.get(0));
      assertThat(floatHashes.get(3)).isEqualTo(floatHashes.get(2));
    }
  }

  @Test
  void nullsHashToOneValuePerSeedAndSeedsDiffer() {
    try (Column strings = column(DataType.UTF8, null, "a");
        Column numbers = column(DataType.INT64, null, 1L);
        Column bools = column(DataType.BOOLEAN, null, true)) {
      long nullHash = hashes(strings, 3).getFirst();
      assertThat(hashes(numbers, 3).getFirst()).isEqualTo(nullHash);
      assertThat(hashes(bools, 3).getFirst()).isEqualTo(nullHash);
      assertThat(hashes(strings, 4).getFirst()).isNotEqualTo(nullHash);
      assertThat(hashes(numbers, 4).get(1)).isNotEqualTo(hashes(numbers, 3).get(1));
      assertThat(hashes(strings, 3).get(1)).isNotEqualTo(nullHash);
    }
  }

  @Test
  void emptyColumnsHashToNothing() {
    try (Column empty = column(DataType.UTF8)) {
      assertThat(hashes(empty, 1)).isEmpty();
    }
  }
}
