package dev.floe.ffi.cdata;

import static dev.floe.ffi.cdata.CDataRoundTripTest.build;
import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Floe and pyarrow exchange record batches in the same process through the C Data Interface, in
 * both directions, zero-copy, with pyarrow embedded in the test JVM ({@link EmbeddedPython}: the
 * project's venv, which CI sets up).
 */
@LeakChecked
class PyArrowInteropTest {

  @Test
  void pyarrowReadsAFloeBatchZeroCopyAndReleasesIt(BufferAllocator allocator) throws Throwable {
    EmbeddedPython python = EmbeddedPython.get();
    int nodes = ArrayExporter.liveNodes();
    DataType struct = DataType.StructType.of(Field.of("a", DataType.INT64), Field.of("b", DataType.UTF8));
    Schema schema = Schema.of(
        Field.of("i", DataType.INT64), Field.of("s", DataType.UTF8), Field.of("v", DataType.UTF8_VIEW),
        Field.of("l", DataType.ListType.of(DataType.INT32)), Field.of("st", struct),
        Field.of("cat", DataType.CATEGORICAL));
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schemaStruct = ArrowStructs.allocateSchema();
    try (RecordBatch whole = new RecordBatch(schema, List.of(
            build(DataType.INT64, allocator, 1L, null, 3L, 4L),
            build(DataType.UTF8, allocator, "a", null, "ccc", "dd"),
            build(DataType.UTF8_VIEW, allocator, "short", "a string longer than twelve bytes", null, ""),
            build(DataType.ListType.of(DataType.INT32), allocator, List.of(1, 2), null, List.of(), List.of(3)),
            build(struct, allocator, Map.of("a", 1L, "b", "x"), null, Map.of("a", 2L, "b", "y"),
                Map.of("a", 3L, "b", "z")),
            build(DataType.CATEGORICAL, allocator, "red", "blue", null, "red")), 4);
        RecordBatch batch = whole.slice(1, 3)) {
      CDataExporter.exportBatch(batch, array, schemaStruct);
      long values = batch.column(0).buffers().get(1).address();
      python.run(String.join("\n",
          "b = pa.RecordBatch._import_from_c(" + array.address() + ", " + schemaStruct.address() + ")",
          "assert b.schema.names == ['i', 's', 'v', 'l', 'st', 'cat'], b.schema",
          "assert b.column(0).to_pylist() == [None, 3, 4]",
          "assert b.column(0).buffers()[1].address == " + values + ", 'copied'",
          "assert b.column(1).to_pylist() == [None, 'ccc', 'dd']",
          "assert str(b.column(2).type) == 'string_view', b.column(2).type",
          "assert b.column(2).to_pylist() == ['a string longer than twelve bytes', None, '']",
          "assert b.column(3).to_pylist() == [None, [], [3]]",
          "assert b.column(4).to_pylist() == [None, {'a': 2, 'b': 'y'}, {'a': 3, 'b': 'z'}]",
          "assert str(b.column(5).type) == 'dictionary<values=string, indices=uint32, ordered=0>'",
          "assert b.column(5).to_pylist() == ['blue', None, 'red']",
          "b.validate(full=True)",
          "del b",
          "import gc; gc.collect()"));
      assertThat(ArrowStructs.isArrayReleased(array)).as("pyarrow moved the array").isTrue();
      assertThat(ArrayExporter.liveNodes()).as("pyarrow released every node").isEqualTo(nodes);
      assertThat(batch.column(0).buffers().get(1).referenceCount()).isEqualTo(2); // whole + slice
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schemaStruct);
    }
  }

  @Test
  void floeReadsAPyarrowBatchZeroCopyAndReleasesIt(BufferAllocator allocator) throws Throwable {
    EmbeddedPython python = EmbeddedPython.get();
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schemaStruct = ArrowStructs.allocateSchema();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment slot = arena.allocate(ValueLayout.JAVA_LONG);
      python.run(String.join("\n",
          "import ctypes, datetime, decimal",
          "before = pa.total_allocated_bytes()",
          "rb = pa.record_batch({",
          "  'i': pa.array([1, 2, None, 4], pa.int64()),",
          "  's': pa.array(['w', 'x', None, 'zz'], pa.string()),",
          "  'v': pa.array(['q', 'short', None, 'a string longer than twelve bytes'], pa.string_view()),",
          "  'ts': pa.array([0, 1, None, 3], pa.timestamp('us', tz='UTC')),",
          "  'dec': pa.array([decimal.Decimal('0'), decimal.Decimal('1.25'), None, decimal.Decimal('-3.50')], pa.decimal128(10, 2)),",
          "  'cat': pa.array(['a', 'a', None, 'b']).dictionary_encode(),",
          "  'll': pa.array([[0], [1], None, [2, 3]], pa.large_list(pa.int16())),",
          "  'fsl': pa.array([[0, 0], [1, 2], None, [3, 4]], pa.list_(pa.float32(), 2)),",
          "  'st': pa.array([{'x': 0, 'y': 'o'}, {'x': 1, 'y': 'p'}, None, {'x': 3, 'y': None}],"
              + " pa.struct([('x', pa.int32()), ('y', pa.string())])),",
          "  'b': pa.array([True, True, None, False]),",
          "  'd': pa.array([datetime.date(2020, 1, 1), datetime.date(2020, 1, 1), None, datetime.date(1970, 1, 2)]),",
          "  'dur': pa.array([0, 1, None, 3], pa.duration('ms')),",
          "  'fsb': pa.array([b'ab', b'cd', None, b'ef'], pa.binary(2)),",
          "}).slice(1)",
          "ctypes.c_int64.from_address(" + slot.address() + ").value = rb.column(0).buffers()[1].address",
          "rb._export_to_c(" + array.address() + ", " + schemaStruct.address() + ")",
          "del rb"));
      try (RecordBatch batch = new CDataImporter(allocator).importBatch(array, schemaStruct)) {
        assertThat(batch.schema().names()).containsExactly(
            "i", "s", "v", "ts", "dec", "cat", "ll", "fsl", "st", "b", "d", "dur", "fsb");
        assertThat(batch.schema().types()).containsExactly(
            DataType.INT64, DataType.UTF8, DataType.UTF8_VIEW,
            new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"), new DataType.Decimal128(10, 2),
            new DataType.Dictionary(DataType.INT32, DataType.UTF8, false),
            DataType.LargeListType.of(DataType.INT16), DataType.FixedSizeListType.of(DataType.FLOAT32, 2),
            DataType.StructType.of(Field.of("x", DataType.INT32), Field.of("y", DataType.UTF8)),
            DataType.BOOLEAN, DataType.DATE32, new DataType.Duration(TimeUnit.MILLISECOND),
            new DataType.FixedSizeBinary(2));
        assertThat(batch.rowCount()).isEqualTo(3);
        assertThat(batch.column(0).offset()).isEqualTo(1);
        assertThat(batch.column(0).buffers().get(1).address()).isEqualTo(slot.get(ValueLayout.JAVA_LONG, 0));
        assertColumnEquals(batch.column(0), Arrays.asList(2L, null, 4L));
        assertColumnEquals(batch.column(1), Arrays.asList("x", null, "zz"));
        assertColumnEquals(batch.column(2), Arrays.asList("short", null, "a string longer than twelve bytes"));
        assertColumnEquals(batch.column(5), Arrays.asList("a", null, "b"));
        assertColumnEquals(batch.column(9), Arrays.asList(true, null, false));
        for (Column column : batch.columns()) {
          assertThat(column.isNull(1)).as("%s", column.type()).isTrue();
          assertThat(column.isNull(0)).as("%s", column.type()).isFalse();
        }
        python.run("assert pa.total_allocated_bytes() > before");
      }
      python.run("import gc; gc.collect(); assert pa.total_allocated_bytes() == before, "
          + "(pa.total_allocated_bytes(), before)");
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schemaStruct);
    }
  }

  @Test
  void floeReadsEmptyAndAllNullPyarrowColumns(BufferAllocator allocator) throws Throwable {
    EmbeddedPython python = EmbeddedPython.get();
    String[] types = {"pa.int32()", "pa.string()", "pa.large_binary()", "pa.string_view()",
        "pa.list_(pa.int8())", "pa.struct([('x', pa.int64())])", "pa.bool_()", "pa.null()"};
    for (int rows : new int[] {0, 3}) {
      MemorySegment array = ArrowStructs.allocateArray();
      MemorySegment schemaStruct = ArrowStructs.allocateSchema();
      try {
        StringBuilder columns = new StringBuilder();
        for (int index = 0; index < types.length; index++) {
          columns.append("'c").append(index).append("': pa.array([None] * ").append(rows)
              .append(", ").append(types[index]).append("), ");
        }
        python.run("pa.record_batch({" + columns + "})._export_to_c("
            + array.address() + ", " + schemaStruct.address() + ")");
        try (RecordBatch batch = new CDataImporter(allocator).importBatch(array, schemaStruct)) {
          assertThat(batch.rowCount()).isEqualTo(rows);
          assertThat(batch.schema().field("c7").type()).isEqualTo(DataType.NULL);
          for (Column column : batch.columns()) {
            assertThat(column.nullCount()).as("%s", column.type()).isEqualTo(rows);
            assertColumnEquals(column, Arrays.asList(new Object[rows]));
          }
        }
      } finally {
        ArrowStructs.free(array);
        ArrowStructs.free(schemaStruct);
      }
    }
    python.run("import gc; gc.collect()");
  }
}
