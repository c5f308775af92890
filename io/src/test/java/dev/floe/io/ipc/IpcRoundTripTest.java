package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;
import dev.floe.memory.column.RecordBatch;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Floe writes and reads back files and streams: values, batches, projection, empty input. */
@LeakChecked
class IpcRoundTripTest {
  @TempDir Path directory;

  @ParameterizedTest(name = "stream={0} {1} mmap={2}")
  @CsvSource({
    "false, NONE, true", "false, LZ4, true", "false, ZSTD, false",
    "true, NONE, true", "true, LZ4, false", "true, ZSTD, true"
  })
  void readsBackWhatItWrote(boolean stream, IpcCompression codec, boolean map, BufferAllocator allocator) {
    Path path = directory.resolve("t.arrow");
    IpcSamples.write(path, stream, 50, IpcWriteOptions.DEFAULT.withCompression(codec).withRecordBatchSize(8), allocator);
    IpcReadOptions options = IpcReadOptions.DEFAULT.withMemoryMap(map);
    try (IpcTable table = stream ? IpcReader.readStream(path, options, allocator)
        : IpcReader.readFile(path, options, allocator)) {
      assertThat(table.schema()).isEqualTo(IpcSamples.SCHEMA);
      // chunks of 17 rows cut at 8: 8+8+1, 8+8+1, 8+8
      assertThat(table.batches()).extracting(RecordBatch::rowCount).containsExactly(8, 8, 1, 8, 8, 1, 8, 8);
      int row = 0;
      for (RecordBatch batch : table.batches()) {
        for (int index = 0; index < batch.rowCount(); index++, row++) {
          for (int column = 0; column < IpcSamples.SCHEMA.size(); column++) {
            Object expected = IpcSamples.value(column, row);
            Object actual = batch.column(column).getObject(index);
            assertThat(actual).as("column %d row %d", column, row).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void projectsColumns(BufferAllocator allocator) {
    Path path = directory.resolve("p.arrow");
    IpcSamples.write(path, false, 10, IpcWriteOptions.DEFAULT.withCompression(IpcCompression.ZSTD), allocator);
    try (IpcTable table = IpcReader.readFile(path, IpcReadOptions.DEFAULT.withColumns("point", "name"), allocator)) {
      assertThat(table.schema().names()).containsExactly("name", "point");
      assertThat(table.batches().getFirst().column(0).getObject(2)).isEqualTo("name-2");
    }
  }

  @Test
  void writesAndReadsAnEmptyTable(BufferAllocator allocator) {
    Path path = directory.resolve("e.arrow");
    IpcSamples.write(path, false, 0, IpcWriteOptions.DEFAULT, allocator);
    try (IpcTable table = IpcReader.readFile(path, IpcReadOptions.DEFAULT, allocator)) {
      assertThat(table.schema()).isEqualTo(IpcSamples.SCHEMA);
      assertThat(table.batches()).isEmpty();
    }
  }

  @Test
  void flatBufferBuilderOutputReadsBack() {
    FlatBufferBuilder.Table root = new FlatBufferBuilder.Table()
        .addLong(0, -5L).addByte(1, 7).addString(2, "héllo").addShort(4, 300)
        .add(3, new FlatBufferBuilder.TableVector(java.util.List.of(new FlatBufferBuilder.Table().addInt(0, 42))));
    byte[] bytes = FlatBufferBuilder.finish(root);
    assertThat(bytes.length % 8).isZero();
    FlatBuffer fb = new FlatBuffer(java.lang.foreign.MemorySegment.ofArray(bytes), "test");
    long table = fb.root();
    assertThat(fb.getLong(table, 0, 0)).isEqualTo(-5L);
    assertThat(fb.getUByte(table, 1, 0)).isEqualTo(7);
    assertThat(fb.getString(table, 2)).isEqualTo("héllo");
    assertThat(fb.getShort(table, 4, 0)).isEqualTo(300);
    assertThat(fb.getInt(table, 9, -1)).isEqualTo(-1);
    long vector = fb.getRef(table, 3);
    assertThat(fb.vectorLength(vector, 4)).isEqualTo(1);
    assertThat(fb.getInt(fb.vectorTable(vector, 0), 0, 0)).isEqualTo(42);
  }

  private static Column dictionaryChunk(BufferAllocator allocator, String... values) {
    try (ColumnBuilder builder = ColumnBuilders.forType(CAT, allocator)) {
      for (String value : values) {
        builder.appendObject(value);
      }
      return builder.build();
    }
  }

  private static final DataType CAT = new DataType.Dictionary(DataType.INT16, DataType.UTF8, false);

  @Test
  void aStreamReplacesDictionariesBetweenChunksAndAFileRefuses(BufferAllocator allocator) {
    Schema schema = Schema.of(Field.of("cat", CAT));
    Path streamPath = directory.resolve("d.arrows");
    Path filePath = directory.resolve("d.arrow");
    try (ChunkedColumn column = new ChunkedColumn(CAT, List.of(
        dictionaryChunk(allocator, "a", "b", null, "a"), dictionaryChunk(allocator, "z", "y", "z")))) {
      IpcWriter.writeStream(streamPath, schema, List.of(column), IpcWriteOptions.DEFAULT, allocator);
      assertThatThrownBy(() -> IpcWriter.writeFile(filePath, schema, List.of(column), IpcWriteOptions.DEFAULT, allocator))
          .isInstanceOf(FloeIoException.class).hasMessageContaining("dictionary 0 changes between chunks");
    }
    assertThat(filePath).doesNotExist();
    try (IpcTable table = IpcReader.readStream(streamPath, IpcReadOptions.DEFAULT, allocator)) {
      List<Object> values = new ArrayList<>();
      for (RecordBatch batch : table.batches()) {
        for (int row = 0; row < batch.rowCount(); row++) {
          values.add(batch.column(0).getObject(row));
        }
      }
      assertThat(values).containsExactly("a", "b", null, "a", "z", "y", "z");
    }
  }
}
