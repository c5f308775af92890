package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.FloeIoException;
import dev.floe.io.Progress;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files of {@link TestParquetWriter} (flat columns of every kind of level and encoding, and a
 * 3-level list) read back value by value, with every codec, page V1/V2, many pages per chunk, and
 * the read options.
 */
@LeakChecked
class ParquetReaderTest {
  @TempDir Path directory;

  @ParameterizedTest(name = "{0} v2={1} rows={2} group={3} page={4}")
  @CsvSource({
    "UNCOMPRESSED, false, 100, 100, 100", "UNCOMPRESSED, true, 100, 33, 7", "SNAPPY, false, 250, 64, 9",
    "GZIP, true, 250, 100, 13", "ZSTD, false, 1000, 300, 50", "ZSTD, true, 1000, 1000, 1000",
    "LZ4_RAW, false, 77, 20, 3", "BROTLI, true, 77, 40, 1", "UNCOMPRESSED, false, 1, 1, 1"
  })
  void readsEveryValue(CompressionCodecName codec, boolean v2, int rows, int groupRows, int pageRows,
      BufferAllocator allocator) throws IOException {
    Path file = directory.resolve("t.parquet");
    TestParquetWriter.write(file, rows, groupRows, pageRows, codec, v2);
    try (ParquetTable table = ParquetReader.read(file, ParquetReadOptions.DEFAULT, RowGroupFilter.ALL, allocator)) {
      assertThat(table.schema().fields()).extracting(field -> field.name() + ":" + field.type())
          .containsExactly("a:i32", "b:i64", "s:str", "d:f64", "t:bool", "l:list[i32]");
      assertThat(table.batches()).hasSize((rows + groupRows - 1) / groupRows);
      assertThat(values(table, 0)).isEqualTo(expected(rows));
      assertThat(table.statistics().rowsRead()).isEqualTo(rows);
    }
  }

  @Test
  void projectsStopsEarlyAndCountsRows(BufferAllocator allocator) throws IOException {
    Path file = directory.resolve("t.parquet");
    TestParquetWriter.write(file, 100, 30, 7, CompressionCodecName.ZSTD, false);
    List<Progress> reports = new CopyOnWriteArrayList<>();
    ParquetReadOptions options = ParquetReadOptions.DEFAULT.withColumns("l", "a").withNRows(45L)
        .withRowIndex("idx", 10).withProgress(reports::add);
    try (ParquetTable table = ParquetReader.read(file, options, RowGroupFilter.ALL, allocator)) {
      assertThat(table.schema().fields()).extracting(field -> field.name() + ":" + field.type())
          .containsExactly("idx:u32", "l:list[i32]", "a:i32");
      assertThat(table.batches()).extracting(RecordBatch::rowCount).containsExactly(30, 15);
      assertThat(table.statistics().rowGroupsRead()).isEqualTo(2);
      assertThat(table.statistics().rowGroupsTotal()).isEqualTo(4);
      List<List<Object>> rows = values(table, 0);
      for (int row = 0; row < 45; row++) {
        assertThat(rows.get(row)).containsExactly(10L + row, TestParquetData.l(row), TestParquetData.a(row));
      }
    }
    assertThat(reports.getLast().finished()).isTrue();
    assertThat(reports.getLast().rowsDone()).isEqualTo(45);
    assertThat(reports.getLast().bytesDone()).isEqualTo(reports.getLast().bytesTotal()).isPositive();
  }

  @Test
  void skipsRowGroupsTheFilterRejectsAndReadsTheSameInEveryParallelMode(BufferAllocator allocator)
      throws IOException {
    Path file = directory.resolve("t.parquet");
    TestParquetWriter.write(file, 90, 30, 10, CompressionCodecName.SNAPPY, true);
    for (ParquetReadOptions.Parallel parallel : ParquetReadOptions.Parallel.values()) {
      java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
      RowGroupFilter skipSecond = (group, schema) -> calls.getAndIncrement() % 3 != 1;
      try (ParquetTable table = ParquetReader.read(file, ParquetReadOptions.DEFAULT.withParallel(parallel),
          skipSecond, allocator)) {
        List<List<Object>> expected = new ArrayList<>(expected(30));
        expected.addAll(expected(90).subList(60, 90));
        assertThat(values(table, 0)).isEqualTo(expected);
        assertThat(table.statistics().rowGroupsRead()).isEqualTo(2);
      }
      try (ParquetTable all = ParquetReader.read(file,
          ParquetReadOptions.DEFAULT.withParallel(parallel).withUseStatistics(false), skipSecond, allocator)) {
        assertThat(all.rowCount()).isEqualTo(90);
      }
    }
  }

  @Test
  void aListenerThatThrowsCancelsTheReadWithItsOwnException(BufferAllocator allocator) throws IOException {
    Path file = directory.resolve("t.parquet");
    TestParquetWriter.write(file, 100, 10, 10, CompressionCodecName.ZSTD, false);
    IllegalStateException cancel = new IllegalStateException("cancelled by the caller");
    ParquetReadOptions options = ParquetReadOptions.DEFAULT.withProgress(progress -> {
      throw cancel;
    });
    assertThatThrownBy(() -> ParquetReader.read(file, options, RowGroupFilter.ALL, allocator)).isSameAs(cancel);
    assertThat(allocator.allocatedBytes()).isZero();
  }

  @Test
  void optionsAreValidated(BufferAllocator allocator) throws IOException {
    assertThatThrownBy(() -> ParquetReadOptions.DEFAULT.withNRows(-1L)).hasMessageContaining("nRows must be >= 0");
    assertThatThrownBy(() -> ParquetReadOptions.DEFAULT.withRowIndex("i", -1)).hasMessageContaining("u32");
    assertThatThrownBy(() -> ParquetReadOptions.DEFAULT.withColumns("a", "a")).hasMessageContaining("more than once");
    Path file = directory.resolve("t.parquet");
    TestParquetWriter.write(file, 10, 10, 10, CompressionCodecName.UNCOMPRESSED, false);
    assertThatThrownBy(() -> ParquetReader.read(file, ParquetReadOptions.DEFAULT.withColumns("nope"),
        RowGroupFilter.ALL, allocator)).isInstanceOf(ColumnNotFoundException.class);
    assertThat(ParquetReader.schema(file).field("l").type()).isEqualTo(DataType.ListType.of(DataType.INT32));
  }

  static List<List<Object>> expected(int rows) {
    List<List<Object>> out = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      out.add(Arrays.asList(TestParquetData.a(row), TestParquetData.b(row), TestParquetData.s(row),
          TestParquetData.d(row), TestParquetData.t(row), TestParquetData.l(row)));
    }
    return out;
  }

  /** Rows as lists of Java values, u32 widened to Long. */
  static List<List<Object>> values(ParquetTable table, int unused) {
    List<List<Object>> out = new ArrayList<>();
    for (RecordBatch batch : table.batches()) {
      for (int row = 0; row < batch.rowCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (Column column : batch.columns()) {
          values.add(column.getObject(row));
        }
        out.add(values);
      }
    }
    return out;
  }
}
