package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ChunkedColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-copy exchange with another process through an uncompressed IPC file in {@code /dev/shm}:
 * pyarrow reads a Floe file with {@code ipc.open_file(memory_map(path))} allocating nothing, its
 * buffers inside the mapping at multiples of 64 bytes; Floe reads a pyarrow file with its
 * memory-mapped read, every buffer a foreign slice of the mapping. Values are compared as JSON.
 */
@LeakChecked
class IpcCrossProcessTest {
  private static final int ROWS = 10_000;

  /** Reads the file given as argv[1] in place; prints a JSON report, then each column as JSON. */
  private static final String PYARROW_READS = """
      import json, sys
      import pyarrow as pa, pyarrow.ipc as ipc
      source = pa.memory_map(sys.argv[1])
      whole = source.read_buffer(source.size())  # a slice of the mapping: its address is the base
      source.seek(0)
      before = pa.total_allocated_bytes()
      reader = ipc.open_file(source)
      batches = [reader.get_batch(i) for i in range(reader.num_record_batches)]
      after = pa.total_allocated_bytes()
      outside = misaligned = count = 0
      for batch in batches:
          for column in batch.columns:
              for buffer in column.buffers():
                  if buffer is None:
                      continue
                  count += 1
                  offset = buffer.address - whole.address
                  if offset < 0 or offset + buffer.size > whole.size:
                      outside += 1
                  elif offset % 64:
                      misaligned += 1
      table = pa.Table.from_batches(batches)
      print(json.dumps({"before": before, "after": after, "batches": len(batches), "rows": table.num_rows,
          "buffers": count, "outside": outside, "misaligned": misaligned}, sort_keys=True))
      for name in table.column_names:
          print(json.dumps(table.column(name).to_pylist(), sort_keys=True, separators=(",", ":")))
      """;

  /** Writes SharedFrame's values with pyarrow's IPC file writer to argv[1] (temp + rename). */
  private static final String PYARROW_WRITES = "import os, sys\nimport pyarrow as pa, pyarrow.ipc as ipc\n"
      + SharedFrame.PYTHON + """
      rows = int(sys.argv[2])
      arrays = [pa.array([value(c, r) for r in range(rows)], type=schema.field(c).type) for c in range(6)]
      table = pa.Table.from_arrays(arrays, schema=schema)
      temporary = sys.argv[1] + ".tmp"
      with pa.OSFile(temporary, "wb") as sink, ipc.new_file(sink, schema) as writer:
          writer.write_table(table, max_chunksize=4096)
      os.rename(temporary, sys.argv[1])
      print("written", table.num_rows)
      """;

  @TempDir Path scratch;
  private SharedMemoryDirectory shm;

  @BeforeEach
  void createDirectory() throws IOException {
    shm = SharedMemoryDirectory.create();
  }

  @AfterEach
  void deleteDirectory() throws IOException {
    shm.close();
  }

  /** The address range {@code [start, end)} at which this process has mapped {@code path}. */
  private static long[] mappedRange(Path path) throws IOException {
    String name = path.toAbsolutePath().toString();
    List<String> lines = Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .filter(line -> line.endsWith(" " + name)).toList();
    assertThat(lines).as("mappings of %s", name).hasSize(1);
    String[] range = lines.getFirst().substring(0, lines.getFirst().indexOf(' ')).split("-");
    return new long[] {Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16)};
  }

  @Test
  void pyarrowReadsAFloeFileInPlaceAllocatingNothing(BufferAllocator allocator) throws Exception {
    Path path = shm.resolve("from-floe.arrow");
    List<ChunkedColumn> columns = SharedFrame.columns(ROWS, 2, allocator);
    try {
      IpcWriter.writeFile(path, SharedFrame.SCHEMA, columns,
          IpcWriteOptions.DEFAULT.withMemoryMapped(true).withRecordBatchSize(4096), allocator);
    } finally {
      columns.forEach(ChunkedColumn::close);
    }
    List<String> lines = ProjectPython.run(scratch, PYARROW_READS, path.toString());
    assertThat(lines).hasSize(1 + SharedFrame.SCHEMA.size());
    // 5000-row chunks cut at 4096: 4096 + 904, twice; 18 present buffers a batch (the list's values
    // have no validity bitmap): nothing allocated, every buffer in the mapping at a multiple of 64
    assertThat(lines.getFirst()).isEqualTo(
        "{\"after\": 0, \"batches\": 4, \"before\": 0, \"buffers\": 72, \"misaligned\": 0, \"outside\": 0,"
            + " \"rows\": " + ROWS + "}");
    for (int column = 0; column < SharedFrame.SCHEMA.size(); column++) {
      assertThat(lines.get(1 + column)).as("column %s", SharedFrame.SCHEMA.field(column).name())
          .isEqualTo(SharedFrame.json(column, ROWS));
    }
  }

  @Test
  void withoutTheMappedLayoutBuffersAreOnly8ByteAligned(BufferAllocator allocator) throws Exception {
    Path path = shm.resolve("channel.arrow");
    List<ChunkedColumn> columns = SharedFrame.columns(ROWS, 2, allocator);
    try {
      IpcWriter.writeFile(path, SharedFrame.SCHEMA, columns, IpcWriteOptions.DEFAULT.withRecordBatchSize(4096),
          allocator);
    } finally {
      columns.forEach(ChunkedColumn::close);
    }
    List<String> lines = ProjectPython.run(scratch, PYARROW_READS, path.toString());
    // still read in place, but the metadata is only padded to 8 bytes and here no body starts at a
    // multiple of 64, so no buffer is 64-byte aligned: what the memory-mapped layout is for
    assertThat(lines.getFirst()).isEqualTo(
        "{\"after\": 0, \"batches\": 4, \"before\": 0, \"buffers\": 72, \"misaligned\": 72, \"outside\": 0,"
            + " \"rows\": " + ROWS + "}");
  }

  @Test
  void floeReadsAPyarrowFileInPlace(BufferAllocator allocator) throws Exception {
    Path path = shm.resolve("from-pyarrow.arrow");
    assertThat(ProjectPython.run(scratch, PYARROW_WRITES, path.toString(), String.valueOf(ROWS)))
        .containsExactly("written " + ROWS);
    assertThat(shm.list()).containsExactly("from-pyarrow.arrow");
    long fileSize = Files.size(path);
    try (IpcTable table = IpcReader.readFile(path, IpcReadOptions.DEFAULT, allocator)) {
      long[] mapping = mappedRange(path);
      assertThat(table.schema()).isEqualTo(SharedFrame.SCHEMA);
      assertThat(table.batches()).extracting(RecordBatch::rowCount).containsExactly(4096, 4096, 1808);
      Set<Buffer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      long foreign = 0;
      int row = 0;
      for (RecordBatch batch : table.batches()) {
        for (int index = 0; index < batch.rowCount(); index++, row++) {
          for (int column = 0; column < SharedFrame.SCHEMA.size(); column++) {
            assertThat(batch.column(column).getObject(index)).as("column %d row %d", column, row)
                .isEqualTo(SharedFrame.value(column, row));
          }
        }
        for (Column column : batch.columns()) {
          for (Buffer buffer : IpcSharedMemoryTest.buffers(column)) {
            assertThat(buffer.isForeign()).as("buffer of %s", column.type()).isTrue();
            // pyarrow's writer aligns buffers to 8 bytes (its default); Floe uses them in place
            assertThat(buffer.segment().address() % 8).isZero();
            assertThat(buffer.segment().address()).isBetween(mapping[0], mapping[1] - buffer.capacity());
            if (seen.add(buffer)) {
              foreign += buffer.capacity();
            }
          }
        }
      }
      // nothing but the foreign slices of the mapping is accounted: no copy was made
      assertThat(allocator.allocatedBytes()).isEqualTo(foreign).isLessThanOrEqualTo(fileSize);
    }
    assertThat(allocator.allocatedBytes()).isZero();
  }
}
