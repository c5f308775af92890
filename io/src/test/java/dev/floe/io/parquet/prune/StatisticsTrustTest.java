package dev.floe.io.parquet.prune;

import static dev.floe.io.scan.ScanPredicate.eq;
import static dev.floe.io.scan.ScanPredicate.gt;
import static dev.floe.io.scan.ScanPredicate.isNotNull;
import static dev.floe.io.scan.ScanPredicate.isNull;
import static dev.floe.io.scan.ScanPredicate.lt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.scan.ScanPredicate;
import dev.floe.io.scan.Truth;
import dev.floe.testkit.LeakChecked;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.ColumnOrder;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

/**
 * Statistics pruning must not trust: missing statistics, min/max under an undefined column order,
 * binary min/max of old writers (PARQUET-251, dropped by parquet-mr's footer converter), INT96,
 * and floats without a NaN count. Footers are built in memory around parquet-mr's own statistics.
 */
@LeakChecked
class StatisticsTrustTest {
  private static final PrimitiveType INT64 = Types.optional(PrimitiveTypeName.INT64).named("x");
  private static final PrimitiveType TEXT = Types.optional(PrimitiveTypeName.BINARY)
      .as(LogicalTypeAnnotation.stringType()).named("s");

  private static Truth truth(PrimitiveType type, Statistics<?> stats, long rows, ScanPredicate predicate) {
    BlockMetaData block = new BlockMetaData();
    block.setRowCount(rows);
    block.addColumn(ColumnChunkMetaData.get(ColumnPath.get(type.getName()), type,
        CompressionCodecName.UNCOMPRESSED, null, Set.of(), stats, 0, 0, rows, 0, 0));
    return StatisticsPruning.of(predicate).truth(block, new MessageType("m", type));
  }

  private static Statistics<?> longs(PrimitiveType type, long nulls, long... values) {
    Statistics<?> stats = Statistics.createStats(type);
    for (long value : values) {
      stats.updateStats(value);
    }
    stats.incrementNumNulls(nulls);
    return stats;
  }

  @Test
  void wellFormedStatisticsPrune() {
    assertThat(truth(INT64, longs(INT64, 0, 1, 5), 2, gt("x", 10L))).isEqualTo(Truth.NEVER);
    assertThat(truth(INT64, longs(INT64, 0, 1, 5), 2, lt("x", 10L))).isEqualTo(Truth.ALWAYS);
  }

  @Test
  void missingStatisticsAllowAnything() {
    assertThat(truth(INT64, null, 2, gt("x", 10L))).isEqualTo(Truth.MAYBE);
    Statistics<?> empty = Statistics.getBuilderForReading(INT64).build();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(truth(INT64, empty, 2, isNull("x"))).isEqualTo(Truth.MAYBE);
    assertThat(truth(INT64, empty, 2, isNotNull("x"))).isEqualTo(Truth.MAYBE);
  }

  @Test
  void nullCountsWithoutBoundsStillDecideNullTests() {
    Statistics<?> countsOnly = Statistics.getBuilderForReading(INT64).withNumNulls(0).build();
    assertThat(countsOnly.hasNonNullValue()).isFalse();
    assertThat(truth(INT64, countsOnly, 4, gt("x", 10L))).isEqualTo(Truth.MAYBE);
    assertThat(truth(INT64, countsOnly, 4, isNull("x"))).isEqualTo(Truth.NEVER);
    Statistics<?> allNull = Statistics.getBuilderForReading(INT64).withNumNulls(4).build();
    assertThat(truth(INT64, allNull, 4, isNotNull("x"))).isEqualTo(Truth.NEVER);
    assertThat(truth(INT64, allNull, 4, eq("x", 1L))).isEqualTo(Truth.NEVER);
    assertThat(truth(INT64, allNull, 4, ScanPredicate.not(eq("x", 1L)))).isEqualTo(Truth.NEVER);
  }

  @Test
  void emptyRowGroupsNeverMatch() {
    assertThat(truth(INT64, longs(INT64, 0), 0, isNull("x"))).isEqualTo(Truth.NEVER);
  }

  @Test
  void undefinedColumnOrderMakesBoundsUnusable() {
    PrimitiveType undefined = Types.optional(PrimitiveTypeName.INT64)
        .columnOrder(ColumnOrder.undefined()).named("x");
    assertThat(truth(undefined, longs(undefined, 0, 1, 5), 2, gt("x", 10L))).isEqualTo(Truth.MAYBE);
  }

  @Test
  void oldWritersBinaryStatisticsAreDroppedByTheFooterConverter() {
    org.apache.parquet.format.Statistics legacy = new org.apache.parquet.format.Statistics();
    legacy.setMin("a".getBytes(StandardCharsets.UTF_8));
    legacy.setMax("c".getBytes(StandardCharsets.UTF_8));
    legacy.setNull_count(0);
    Statistics<?> converted = new ParquetMetadataConverter()
        .fromParquetStatistics("parquet-mr version 1.6.0 (build abcd)", legacy, TEXT);
    assertThat(converted.hasNonNullValue()).isFalse();
    assertThat(truth(TEXT, converted, 3, gt("s", "x"))).isEqualTo(Truth.MAYBE);
    assertThat(truth(TEXT, converted, 3, isNull("s"))).isEqualTo(Truth.NEVER);
  }

  @Test
  void currentWritersBinaryStatisticsPrune() {
    Statistics<?> stats = Statistics.createStats(TEXT);
    stats.updateStats(Binary.fromString("a"));
    stats.updateStats(Binary.fromString("c"));
    assertThat(truth(TEXT, stats, 2, gt("s", "x"))).isEqualTo(Truth.NEVER);
  }

  @Test
  void int96TimestampsAreNeverPruned() {
    PrimitiveType int96 = Types.optional(PrimitiveTypeName.INT96).named("t");
    Statistics<?> stats = Statistics.createStats(int96);
    stats.updateStats(Binary.fromConstantByteArray(new byte[12]));
    assertThat(truth(int96, stats, 1, gt("t", "anything"))).isEqualTo(Truth.MAYBE);
  }

  @Test
  void floatsWithoutNanCountMayHoldNaN() {
    PrimitiveType dbl = Types.required(PrimitiveTypeName.DOUBLE).named("d");
    Statistics<?> stats = Statistics.getBuilderForReading(dbl)
        .withMin(org.apache.parquet.bytes.BytesUtils.longToBytes(Double.doubleToLongBits(1.0)))
        .withMax(org.apache.parquet.bytes.BytesUtils.longToBytes(Double.doubleToLongBits(2.0)))
        .withNumNulls(0).build();
    assertThat(stats.isNanCountSet()).isFalse();
    assertThat(truth(dbl, stats, 2, gt("d", 5.0))).isEqualTo(Truth.MAYBE);
    assertThat(truth(dbl, stats, 2, lt("d", 0.5))).isEqualTo(Truth.NEVER);
    assertThat(truth(dbl, stats, 2, gt("d", 0.5))).isEqualTo(Truth.ALWAYS);
    assertThat(truth(dbl, stats, 2, lt("d", 5.0))).isEqualTo(Truth.MAYBE);
  }
}
