package dev.floe.io.parquet.prune;

import static dev.floe.io.parquet.prune.ParquetFixtures.kept;
import static dev.floe.io.scan.ScanPredicate.eq;
import static dev.floe.io.scan.ScanPredicate.ge;
import static dev.floe.io.scan.ScanPredicate.gt;
import static dev.floe.io.scan.ScanPredicate.in;
import static dev.floe.io.scan.ScanPredicate.le;
import static dev.floe.io.scan.ScanPredicate.lt;
import static dev.floe.io.scan.ScanPredicate.ne;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.scan.ScanPredicate;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning per physical and logical type, over a parquet-mr file of three row groups of two rows
 * each; every column's groups hold the value ranges noted at its test.
 */
@LeakChecked
class StatisticsTypesTest {
  private static final String SCHEMA = """
      message m {
        required int32 u32 (INTEGER(32,false));
        required int64 u64 (INTEGER(64,false));
        required int32 d32 (DECIMAL(5,2));
        required int64 d64 (DECIMAL(12,3));
        required fixed_len_byte_array(5) dfix (DECIMAL(10,2));
        required binary dbin (DECIMAL(20,4));
        required binary s (STRING);
        required int32 dt (DATE);
        required int64 tsms (TIMESTAMP(MILLIS,true));
        required int64 tsus (TIMESTAMP(MICROS,false));
        required int64 tsns (TIMESTAMP(NANOS,true));
        required int32 tms (TIME(MILLIS,true));
        required int64 tus (TIME(MICROS,false));
        required boolean b;
        required float f;
        required double dbl;
      }""";
  private static final long[] UNSIGNED32 = {1, 2, 3_000_000_000L, 4_000_000_000L, 5, 4_294_967_295L};
  private static final long[] UNSIGNED64 = {1, 2, Long.MIN_VALUE + 5, Long.MIN_VALUE + 6, 0, -1};
  private static final long[] CENTS = {100, 150, -250, -100, 999, 99_999};
  private static final String[] STRINGS = {"apple", "banana", "zebra", "épée", "", "a"};
  private static final LocalDate[] DATES = {LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31),
      LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(2100, 5, 5), LocalDate.of(2100, 6, 6)};
  private static final LocalDateTime[] TIMESTAMPS = {LocalDateTime.of(2020, 1, 1, 0, 0, 0, 1_000_000),
      LocalDateTime.of(2020, 1, 1, 0, 0, 0, 2_000_000), LocalDateTime.of(2021, 6, 1, 12, 0),
      LocalDateTime.of(2021, 6, 1, 12, 0, 0, 500_000_000), LocalDateTime.of(1960, 1, 1, 0, 0),
      LocalDateTime.of(2000, 1, 1, 0, 0)};
  private static final int[] MILLIS_OF_DAY = {1000, 2000, 43_200_000, 43_200_500, 0, 86_399_999};
  private static final boolean[] BOOLEANS = {false, false, true, true, false, true};
  private static final float[] FLOATS = {1f, 2f, 0.1f, 0.5f, -1f, 3f};
  private static final double[] DOUBLES = {1, 2, -3, -2, Double.NaN, 7};

  @TempDir static Path dir;
  private static ParquetMetadata footer;

  @BeforeAll
  static void writeFile() {
    footer = ParquetFixtures.write(dir.resolve("types.parquet"), SCHEMA, 2, 6, StatisticsTypesTest::fill);
  }

  private static void fill(int row, Group group) {
    group.add("u32", (int) UNSIGNED32[row]);
    group.add("u64", UNSIGNED64[row]);
    group.add("d32", (int) CENTS[row]);
    group.add("d64", CENTS[row] * 10);
    group.add("dfix", Binary.fromConstantByteArray(fixed(BigInteger.valueOf(CENTS[row]), 5)));
    group.add("dbin", Binary.fromConstantByteArray(BigInteger.valueOf(CENTS[row] * 100).toByteArray()));
    group.add("s", Binary.fromConstantByteArray(STRINGS[row].getBytes(StandardCharsets.UTF_8)));
    group.add("dt", (int) DATES[row].toEpochDay());
    Instant instant = TIMESTAMPS[row].toInstant(ZoneOffset.UTC);
    long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    group.add("tsms", Math.floorDiv(nanos, 1_000_000L));
    group.add("tsus", Math.floorDiv(nanos, 1_000L));
    group.add("tsns", nanos);
    group.add("tms", MILLIS_OF_DAY[row]);
    group.add("tus", MILLIS_OF_DAY[row] * 1000L);
    group.add("b", BOOLEANS[row]);
    group.add("f", FLOATS[row]);
    group.add("dbl", DOUBLES[row]);
  }

  private static byte[] fixed(BigInteger value, int width) {
    byte[] minimal = value.toByteArray();
    byte[] out = new byte[width];
    java.util.Arrays.fill(out, value.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(minimal, 0, out, width - minimal.length, minimal.length);
    return out;
  }

  private static List<Integer> keep(ScanPredicate predicate) {
    return kept(footer, StatisticsPruning.of(predicate));
  }

  @Test
  void unsignedIntegersCompareUnsigned() {
    // u32 groups: [1, 2], [3e9, 4e9], [5, 2^32-1]; u64: [1, 2], [2^63+5, 2^63+6], [0, 2^64-1]
    assertThat(keep(gt("u32", 2_500_000_000L))).containsExactly(1, 2);
    assertThat(keep(lt("u32", 4))).containsExactly(0);
    assertThat(keep(eq("u32", 4_294_967_295L))).containsExactly(2);
    assertThat(keep(gt("u64", new BigDecimal("9223372036854775808")))).containsExactly(1, 2);
    assertThat(keep(lt("u64", 3L))).containsExactly(0, 2);
    assertThat(keep(eq("u64", new BigDecimal("18446744073709551615")))).containsExactly(2);
  }

  @Test
  void decimalsOfEveryEncodingCompareWithTheirScale() {
    // every decimal column: [1.00, 1.50], [-2.50, -1.00], [9.99, 999.99]
    for (String column : List.of("d32", "d64", "dfix", "dbin")) {
      assertThat(keep(gt(column, new BigDecimal("1.5")))).as(column).containsExactly(2);
      assertThat(keep(ge(column, new BigDecimal("1.500")))).as(column).containsExactly(0, 2);
      assertThat(keep(lt(column, 0L))).as(column).containsExactly(1);
      assertThat(keep(eq(column, 1.25))).as(column).containsExactly(0);
      assertThat(keep(gt(column, 1))).as(column).containsExactly(0, 2);
      assertThat(keep(le(column, new BigDecimal("-2.5000001")))).as(column).isEmpty();
    }
  }

  @Test
  void stringsCompareByUnsignedUtf8Bytes() {
    // groups: [apple, banana], [zebra, épée] (é is 0xC3 0xA9, above z), ["", a]
    assertThat(keep(lt("s", "f"))).containsExactly(0, 2);
    assertThat(keep(gt("s", "zz"))).containsExactly(1);
    assertThat(keep(eq("s", ""))).containsExactly(2);
    assertThat(keep(ge("s", "é"))).containsExactly(1);
    assertThat(keep(in("s", List.of("b", "épées")))).containsExactly(0);
  }

  @Test
  void datesCompareWithDatesAndWithDateTimesAtMidnight() {
    // groups: [2020-01-01, 2020-01-31], [1969-12-31, 1970-01-01], [2100-05-05, 2100-06-06]
    assertThat(keep(gt("dt", LocalDate.of(2020, 1, 31)))).containsExactly(2);
    assertThat(keep(lt("dt", LocalDateTime.of(1970, 1, 1, 0, 0)))).containsExactly(1);
    assertThat(keep(le("dt", LocalDateTime.of(1969, 12, 31, 0, 0, 1)))).containsExactly(1);
    assertThat(keep(lt("dt", LocalDateTime.of(1969, 12, 31, 0, 0)))).isEmpty();
  }

  @Test
  void timestampsOfEveryUnitCompareExactlyWithTheLiteral() {
    // groups: [2020-01-01T00:00:00.001, .002], [2021-06-01T12:00, 12:00:00.5], [1960-01-01, 2000-01-01]
    for (String column : List.of("tsms", "tsus", "tsns")) {
      assertThat(keep(gt(column, LocalDateTime.of(2020, 1, 1, 0, 0, 0, 1_500_000)))).as(column)
          .containsExactly(0, 1);
      assertThat(keep(gt(column, Instant.parse("2021-06-01T12:00:00.5Z")))).as(column).isEmpty();
      assertThat(keep(ge(column, Instant.parse("2021-06-01T12:00:00.5Z")))).as(column).containsExactly(1);
      assertThat(keep(eq(column, LocalDateTime.of(2020, 1, 1, 0, 0, 0, 2_000_001)))).as(column).isEmpty();
      assertThat(keep(lt(column, LocalDate.of(1960, 1, 2)))).as(column).containsExactly(2);
    }
  }

  @Test
  void timesCompareAsTimeOfDay() {
    // groups: [00:00:01, 00:00:02], [12:00, 12:00:00.5], [00:00, 23:59:59.999]
    assertThat(keep(lt("tms", LocalTime.of(0, 0, 1)))).containsExactly(2);
    assertThat(keep(gt("tus", LocalTime.of(12, 0, 0, 400_000_000)))).containsExactly(1, 2);
    assertThat(keep(eq("tus", LocalTime.of(0, 0, 1, 500_000_000)))).containsExactly(0, 2);
  }

  @Test
  void booleans() {
    // groups: [false, false], [true, true], [false, true]
    assertThat(keep(eq("b", true))).containsExactly(1, 2);
    assertThat(keep(eq("b", false))).containsExactly(0, 2);
    assertThat(keep(ne("b", true))).containsExactly(0, 2);
  }

  @Test
  void floatsUseExactLiteralsAndAllowForNaN() {
    // f groups: [1, 2], [0.1f, 0.5], [-1, 3]; dbl groups: [1, 2], [-3, -2], [NaN, 7]
    assertThat(keep(lt("f", -0.5))).containsExactly(2);
    assertThat(keep(gt("f", 2.5))).containsExactly(2);
    assertThat(keep(eq("f", 0.5))).containsExactly(1, 2);
    assertThat(keep(eq("f", 2.5f))).containsExactly(2);
    assertThat(keep(lt("f", 0.1))).containsExactly(0, 1, 2);
    assertThat(keep(lt("dbl", 0.0))).containsExactly(1);
    // parquet-mr 1.18.1 records NaN counts; a NaN (above every number in Polars) keeps group 2
    assertThat(keep(gt("dbl", 100.0))).containsExactly(2);
    assertThat(keep(ScanPredicate.not(ge("dbl", -100.0)))).isEmpty();
    assertThat(keep(ScanPredicate.not(lt("dbl", 100.0)))).containsExactly(2);
    assertThat(keep(ne("dbl", 7L))).containsExactly(0, 1, 2);
    assertThat(keep(eq("dbl", Double.NaN))).containsExactly(0, 1, 2);
    assertThat(keep(eq("dbl", -2L))).containsExactly(1);
  }
}
