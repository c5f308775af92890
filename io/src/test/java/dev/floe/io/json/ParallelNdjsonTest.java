package dev.floe.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunked NDJSON decoding gives the rows of a sequential read, in order; a bad chunk gives up. */
@LeakChecked
class ParallelNdjsonTest {
  private static final Schema SCHEMA = Schema.of(Field.of("i", DataType.INT64),
      Field.of("s", DataType.UTF8), Field.of("l", DataType.ListType.of(DataType.FLOAT64)),
      Field.of("t", DataType.StructType.of(Field.of("x", DataType.BOOLEAN))));

  @TempDir Path directory;

  private Path file(int rows, int badRow) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < rows; row++) {
      text.append(row == badRow ? "{\"i\":oops}" : "{\"i\":" + row + ",\"s\":\"r\\n" + row
          + "\",\"l\":[" + row + ".5,null],\"t\":{\"x\":" + (row % 2 == 0) + "}}");
      text.append(row % 7 == 0 ? "\r\n\n" : "\n");
    }
    Path path = directory.resolve("rows.ndjson");
    Files.writeString(path, text);
    return path;
  }

  private static List<List<Object>> rows(List<RecordBatch> batches) {
    List<List<Object>> rows = new ArrayList<>();
    for (RecordBatch batch : batches) {
      for (int row = 0; row < batch.rowCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (int column = 0; column < batch.columnCount(); column++) {
          values.add(batch.column(column).getObject(row));
        }
        rows.add(values);
      }
    }
    return rows;
  }

  @Test
  void chunksGiveTheSequentialRows() throws Exception {
    Path path = file(3000, -1);
    BufferAllocator allocator = BufferAllocator.current();
    JsonReadOptions options = JsonReadOptions.DEFAULT.withSchema(SCHEMA);
    try (JsonFile mapped = JsonFile.map(path, BufferAllocator.current());
        RecordBatch sequential = JsonReader.readNdjson(path, options, allocator)) {
      for (int threads : new int[] {2, 3, 7}) {
        List<RecordBatch> chunks =
            ParallelNdjson.decode(mapped, path.toString(), SCHEMA, options, allocator, 1000, threads);
        try {
          assertThat(chunks).hasSize(threads);
          assertThat(rows(chunks)).isEqualTo(rows(List.of(sequential)));
        } finally {
          chunks.forEach(RecordBatch::close);
        }
      }
    }
  }

  @Test
  void aFailingChunkClosesEverythingAndFallsBack() throws Exception {
    Path path = file(3000, 2500);
    BufferAllocator allocator = BufferAllocator.current();
    JsonReadOptions options = JsonReadOptions.DEFAULT.withSchema(SCHEMA);
    try (JsonFile mapped = JsonFile.map(path, BufferAllocator.current())) {
      assertThat(ParallelNdjson.decode(mapped, path.toString(), SCHEMA, options, allocator, 1000, 4))
          .isNull();
    }
  }

  @Test
  void smallFilesAreNotSplit() throws Exception {
    Path path = file(10, -1);
    try (JsonFile mapped = JsonFile.map(path, BufferAllocator.current())) {
      assertThat(ParallelNdjson.decode(mapped, path.toString(), SCHEMA, JsonReadOptions.DEFAULT,
          BufferAllocator.current(), 1 << 20, 4)).isNull();
    }
  }
}
