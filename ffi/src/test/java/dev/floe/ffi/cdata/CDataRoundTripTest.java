package dev.floe.ffi.cdata;

import static dev.floe.ffi.cdata.CDataTesting.assertSameMemory;
import static dev.floe.ffi.cdata.CDataTesting.roundTrip;
import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.DataTypeArbitraries;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;

/** Export then import of every Floe type, whole and sliced, with nulls: equal values, same memory. */
@LeakChecked
class CDataRoundTripTest {

  @Test
  void everyRepresentativeTypeRoundTripsZeroCopyWholeAndSliced(BufferAllocator allocator) {
    int before = ArrayExporter.liveNodes();
    long blocks = NativeHeap.liveBlocks();
    List<DataType> types = DataTypeArbitraries.representativeTypes();
    assertThat(types).hasSizeGreaterThan(30);
    for (DataType type : types) {
      List<Object> values = new ArrayList<>(
          ColumnArbitraries.values(type, Arbitraries.just(40)).sample());
      values.set(0, null);
      values.set(17, null);
      List<Object> padding = ColumnArbitraries.values(type, Arbitraries.just(5)).sample();
      for (ColumnSample sample : List.of(
          ColumnSample.of(type, values), new ColumnSample(type, values, padding, padding))) {
        Field field = new Field("col_" + type, type, true, java.util.Map.of());
        try (Column column = sample.build(allocator);
            Column imported = roundTrip(column, field, allocator)) {
          if (sample.isSlice() && type != DataType.NULL) {
            assertThat(column.offset()).isEqualTo(5);
          }
          assertColumnEquals(imported, sample.values());
          assertSameMemory(imported, column);
        }
      }
    }
    assertThat(ArrayExporter.liveNodes()).as("every exported node was released").isEqualTo(before);
    assertThat(NativeHeap.liveBlocks()).as("every C-heap block was freed").isEqualTo(blocks);
  }

  @Test
  void theImportedColumnOutlivesTheExportedOneAndSlicesShareIt(BufferAllocator allocator) {
    Column imported;
    try (Column column = build(DataType.UTF8, allocator, "a", null, "ccc", "dddd")) {
      imported = roundTrip(column, Field.of("s", DataType.UTF8), allocator);
    }
    try (imported; Column slice = imported.slice(1, 2)) {
      assertColumnEquals(slice, java.util.Arrays.asList(null, "ccc"));
      assertColumnEquals(imported, java.util.Arrays.asList("a", null, "ccc", "dddd"));
    }
  }

  @Test
  void recordBatchesRoundTripAsStructArrays(BufferAllocator allocator) {
    Schema schema = new Schema(List.of(
        Field.of("id", DataType.INT64),
        new Field("price", DataType.FLOAT64, false, java.util.Map.of()),
        Field.of("name", DataType.UTF8_VIEW),
        Field.of("tags", DataType.ListType.of(DataType.UTF8)),
        Field.of("cat", DataType.CATEGORICAL)));
    List<Column> columns = List.of(
        build(DataType.INT64, allocator, 1L, null, 3L, 4L),
        build(DataType.FLOAT64, allocator, 1.5, 2.5, 3.5, 4.5),
        build(DataType.UTF8_VIEW, allocator, "short", "a string longer than twelve bytes", null, ""),
        build(DataType.ListType.of(DataType.UTF8), allocator, List.of("x"), null, List.of(), List.of("y", "z")),
        build(DataType.CATEGORICAL, allocator, "red", "blue", null, "red"));
    try (RecordBatch batch = new RecordBatch(schema, columns, 4);
        RecordBatch sliced = batch.slice(1, 3);
        RecordBatch imported = roundTrip(batch, allocator);
        RecordBatch importedSlice = roundTrip(sliced, allocator)) {
      assertThat(imported.schema()).isEqualTo(schema);
      assertThat(imported.rowCount()).isEqualTo(4);
      assertThat(importedSlice.rowCount()).isEqualTo(3);
      for (int index = 0; index < schema.size(); index++) {
        assertColumnEquals(imported.column(index), batch.column(index));
        assertSameMemory(imported.column(index), batch.column(index));
        assertColumnEquals(importedSlice.column(index), sliced.column(index));
        assertSameMemory(importedSlice.column(index), sliced.column(index));
      }
      assertThat(imported.schema().field("price").nullable()).isFalse();
    }
  }

  @Test
  void tenThousandRoundTripsLeaveNothingBehind(BufferAllocator allocator) {
    int nodesBefore = ArrayExporter.liveNodes();
    BufferAllocator imports = allocator.newChild("imports", Long.MAX_VALUE);
    Schema schema = Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.UTF8));
    try (RecordBatch batch = new RecordBatch(schema, List.of(
        build(DataType.INT64, allocator, 1L, 2L, null),
        build(DataType.UTF8, allocator, "x", null, "zz")), 3)) {
      long exportedBytes = allocator.allocatedBytes();
      long blocks = NativeHeap.liveBlocks();
      long failures = ReleaseFailures.count();
      for (int round = 0; round < 10_000; round++) {
        try (RecordBatch imported = roundTrip(batch, imports)) {
          assertThat(imported.column(1).getObject(2)).isEqualTo("zz");
        }
      }
      assertThat(imports.allocatedBytes()).isZero();
      assertThat(NativeHeap.liveBlocks()).as("C-heap blocks (structs, strings, pointer arrays)")
          .isEqualTo(blocks);
      assertThat(ReleaseFailures.count()).as("%s", ReleaseFailures.recent()).isEqualTo(failures);
      assertThat(allocator.allocatedBytes()).isEqualTo(exportedBytes);
      assertThat(batch.column(0).buffers().get(1).referenceCount()).isEqualTo(1);
    } finally {
      imports.close();
    }
    assertThat(ArrayExporter.liveNodes()).isEqualTo(nodesBefore);
  }

  @Test
  void aConsumerMayMoveAChildOutAndReleaseItLater(BufferAllocator allocator) {
    Schema schema = Schema.of(Field.of("a", DataType.INT32), Field.of("b", DataType.UTF8));
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schemaStruct = ArrowStructs.allocateSchema();
    MemorySegment moved = ArrowStructs.allocateArray();
    try (RecordBatch batch = new RecordBatch(schema, List.of(
        build(DataType.INT32, allocator, 1, 2), build(DataType.UTF8, allocator, "p", "q")), 2)) {
      CDataExporter.exportBatch(batch, array, schemaStruct);
      // move child 1 out, as the spec's "Moving child arrays" describes
      long children = (long) ArrowStructs.ARRAY_CHILDREN.get(array, 0L);
      long child = NativeHeap.view(children, 16).getAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, 1);
      MemorySegment childStruct = NativeHeap.view(child, ArrowStructs.ARRAY_SIZE);
      MemorySegment.copy(childStruct, 0, moved, 0, ArrowStructs.ARRAY_SIZE);
      ArrowStructs.ARRAY_RELEASE.set(childStruct, 0L, 0L);
      ArrowStructs.releaseArray(array);
      ArrowStructs.releaseSchema(schemaStruct);
      assertThat(batch.column(1).buffers().get(1).referenceCount()).as("the moved child still holds").isEqualTo(2);
      assertThat(batch.column(0).buffers().get(1).referenceCount()).isEqualTo(1);
      try (Column imported = new CDataImporter(allocator).importColumn(moved, Field.of("b", DataType.UTF8))) {
        assertColumnEquals(imported, List.of("p", "q"));
      }
      assertThat(batch.column(1).buffers().get(1).referenceCount()).isEqualTo(1);
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schemaStruct);
      ArrowStructs.free(moved);
    }
  }

  static Column build(DataType type, BufferAllocator allocator, Object... values) {
    try (ColumnBuilder builder = ColumnBuilders.forType(type, allocator)) {
      for (Object value : values) {
        if (value == null) {
          builder.appendNull();
        } else {
          builder.appendObject(value);
        }
      }
      return builder.build();
    }
  }
}
