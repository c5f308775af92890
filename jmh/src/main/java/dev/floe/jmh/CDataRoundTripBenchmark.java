package dev.floe.jmh;

import dev.floe.ffi.cdata.ArrowStructs;
import dev.floe.ffi.cdata.CDataExporter;
import dev.floe.ffi.cdata.CDataImporter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Arrow C Data Interface round trip inside the JVM: export a 1M-row record batch (int64 with
 * nulls, float64, utf8) into an ArrowArray/ArrowSchema pair, import it back zero-copy, and close
 * the imported batch so the release callbacks run. Cost is per batch, independent of the rows
 * (no data is touched); the target is under 20 us. Setup checks the imported batch shares the
 * exported buffers' addresses and values, and teardown checks nothing leaked.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CDataRoundTripBenchmark {
  private static final int ROWS = 1 << 20;

  private BufferAllocator allocator;
  private BufferAllocator imports;
  private RecordBatch batch;
  private MemorySegment array;
  private MemorySegment schema;
  private CDataImporter importer;

  @Setup(Level.Trial)
  public void setUp() {
    allocator = BufferAllocator.newRoot("cdata-benchmark", Long.MAX_VALUE);
    imports = allocator.newChild("imports", Long.MAX_VALUE);
    Schema fields = Schema.of(
        Field.of("id", DataType.INT64), Field.of("price", DataType.FLOAT64), Field.of("name", DataType.UTF8));
    batch = new RecordBatch(fields, List.of(longs(), doubles(), strings()), ROWS);
    array = ArrowStructs.allocateArray();
    schema = ArrowStructs.allocateSchema();
    importer = new CDataImporter(imports);
    try (RecordBatch imported = roundTrip()) {
      for (int column = 0; column < 3; column++) {
        Column original = batch.column(column);
        Column copy = imported.column(column);
        for (int buffer = 0; buffer < original.buffers().size(); buffer++) {
          if (original.buffers().get(buffer) != null
              && original.buffers().get(buffer).address() != copy.buffers().get(buffer).address()) {
            throw new IllegalStateException("column " + column + " buffer " + buffer + " was copied");
          }
        }
        for (int row : new int[] {0, 1, 9, ROWS / 2, ROWS - 1}) {
          if (!java.util.Objects.equals(original.getObject(row), copy.getObject(row))) {
            throw new IllegalStateException("column " + column + " row " + row + " differs");
          }
        }
      }
    }
    if (imports.allocatedBytes() != 0) {
      throw new IllegalStateException("the imported batch still holds " + imports.allocatedBytes());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    batch.close();
    ArrowStructs.free(array);
    ArrowStructs.free(schema);
    imports.close();
    allocator.close();
  }

  /** Export, import, close (which runs the release callbacks). */
  @Benchmark
  public int exportImportRelease() {
    try (RecordBatch imported = roundTrip()) {
      return imported.rowCount();
    }
  }

  private RecordBatch roundTrip() {
    CDataExporter.exportBatch(batch, array, schema);
    return importer.importBatch(array, schema);
  }

  private Column longs() {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.INT64, allocator)) {
      for (int row = 0; row < ROWS; row++) {
        if (row % 10 == 9) {
          builder.appendNull();
        } else {
          builder.appendLong(row);
        }
      }
      return builder.build();
    }
  }

  private Column doubles() {
    try (FixedWidthBuilder builder = new FixedWidthBuilder(DataType.FLOAT64, allocator)) {
      for (int row = 0; row < ROWS; row++) {
        builder.appendDouble(row * 0.5);
      }
      return builder.build();
    }
  }

  private Column strings() {
    try (ColumnBuilder builder = ColumnBuilders.forType(DataType.UTF8, allocator)) {
      for (int row = 0; row < ROWS; row++) {
        builder.appendObject("name-" + row);
      }
      return builder.build();
    }
  }
}
