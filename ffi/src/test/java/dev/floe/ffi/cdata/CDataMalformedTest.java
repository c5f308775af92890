package dev.floe.ffi.cdata;

import static dev.floe.ffi.cdata.CDataRoundTripTest.build;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Malformed or unsupported input: typed errors naming field and format, and nothing leaked. */
@LeakChecked
class CDataMalformedTest {

  @Test
  void anUnsupportedFormatIsRefusedAndBothStructsAreReleased(BufferAllocator allocator) {
    assertRefused(allocator, DataType.INT64, "+ud:0,1",
        "field 'col'", "'+ud:0,1' is not supported", "supported: n b c");
  }

  @Test
  void aMalformedFormatIsRefused(BufferAllocator allocator) {
    assertRefused(allocator, DataType.INT32, "d:ten,2", "field 'col'", "malformed Arrow format 'd:ten,2'");
    assertRefused(allocator, DataType.INT32, "tsx:UTC", "unknown time unit 'x'");
    assertRefused(allocator, DataType.INT32, "e", "Arrow format 'e' is not supported");
  }

  @Test
  void aWrongBufferCountIsRefused(BufferAllocator allocator) {
    int nodes = ArrayExporter.liveNodes();
    long blocks = NativeHeap.liveBlocks();
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try (Column column = build(DataType.UTF8, allocator, "a", "b")) {
      CDataExporter.exportColumn(column, Field.of("words", DataType.UTF8), array, schema);
      ArrowStructs.ARRAY_N_BUFFERS.set(array, 0L, 2L);
      assertThatThrownBy(() -> new CDataImporter(allocator).importColumn(array, schema))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("field 'words'")
          .hasMessageContaining("format 'u'")
          .hasMessageContaining("n_buffers is 2");
      assertThat(ArrowStructs.isArrayReleased(array)).isTrue();
      assertThat(ArrowStructs.isSchemaReleased(schema)).isTrue();
      assertThat(column.buffers().get(1).referenceCount()).isEqualTo(1);
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
    assertThat(ArrayExporter.liveNodes()).isEqualTo(nodes);
    assertThat(NativeHeap.liveBlocks()).isEqualTo(blocks);
  }

  @Test
  void aNullRequiredBufferIsRefusedAfterOtherBuffersWereWrapped(BufferAllocator allocator) {
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try (Column column = build(DataType.UTF8, allocator, "a", null)) {
      CDataExporter.exportColumn(column, Field.of("words", DataType.UTF8), array, schema);
      long buffers = (long) ArrowStructs.ARRAY_BUFFERS.get(array, 0L);
      NativeHeap.view(buffers, 24).setAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, 2, 0L);
      assertThatThrownBy(() -> new CDataImporter(allocator).importColumn(array, schema))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("buffer 2 is NULL");
      assertThat(column.buffers().get(0).referenceCount()).isEqualTo(1);
      assertThat(column.buffers().get(1).referenceCount()).isEqualTo(1);
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
  }

  @Test
  void aReleasedArrayIsRefused(BufferAllocator allocator) {
    MemorySegment array = ArrowStructs.allocateArray();
    try {
      assertThatThrownBy(() -> new CDataImporter(allocator).importColumn(array, Field.of("x", DataType.INT8)))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("already released");
    } finally {
      ArrowStructs.free(array);
    }
  }

  @Test
  void aListOffsetBeyondItsValuesIsRefusedWithTheFieldName(BufferAllocator allocator) {
    DataType type = DataType.ListType.of(DataType.INT16);
    long blocks = NativeHeap.liveBlocks();
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try (Column column = build(type, allocator, java.util.List.of((short) 1, (short) 2), java.util.List.of((short) 3))) {
      CDataExporter.exportColumn(column, Field.of("lists", type), array, schema);
      long children = (long) ArrowStructs.ARRAY_CHILDREN.get(array, 0L);
      long child = NativeHeap.view(children, 8).get(java.lang.foreign.ValueLayout.JAVA_LONG, 0);
      ArrowStructs.ARRAY_LENGTH.set(NativeHeap.view(child, ArrowStructs.ARRAY_SIZE), 0L, 2L);
      assertThatThrownBy(() -> new CDataImporter(allocator).importColumn(array, schema))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("field 'lists' (format '+l')")
          .hasMessageContaining("last offset 3");
      assertThat(column.children().getFirst().buffers().get(1).referenceCount()).isEqualTo(1);
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
    assertThat(NativeHeap.liveBlocks()).isEqualTo(blocks);
  }

  @Test
  void anImportOverTheAllocatorsLimitReleasesEverything(BufferAllocator allocator) {
    int nodes = ArrayExporter.liveNodes();
    BufferAllocator small = allocator.newChild("small", 100);
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try (Column column = build(DataType.INT64, allocator, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L)) {
      CDataExporter.exportColumn(column, Field.of("big", DataType.INT64), array, schema);
      assertThatThrownBy(() -> new CDataImporter(small).importColumn(array, schema))
          .isInstanceOf(dev.floe.errors.FloeOutOfMemoryException.class);
      assertThat(column.buffers().get(1).referenceCount()).isEqualTo(1);
      assertThat(small.allocatedBytes()).isZero();
    } finally {
      small.close();
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
    assertThat(ArrayExporter.liveNodes()).isEqualTo(nodes);
  }

  @Test
  void aBatchWithNullRowsIsRefused(BufferAllocator allocator) {
    DataType type = DataType.StructType.of(Field.of("a", DataType.INT32));
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try (Column column = build(type, allocator, java.util.Map.of("a", 1), null)) {
      CDataExporter.exportColumn(column, Field.of("rows", type), array, schema);
      assertThatThrownBy(() -> new CDataImporter(allocator).importBatch(array, schema))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("cannot have null rows");
      assertThat(ArrowStructs.isArrayReleased(array)).isTrue();
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
  }

  private static void assertRefused(
      BufferAllocator allocator, DataType type, String format, String... messageParts) {
    int nodes = ArrayExporter.liveNodes();
    long blocks = NativeHeap.liveBlocks();
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try (Column column = build(type, allocator, type == DataType.INT64 ? (Object) 1L : (Object) 1);
        Arena arena = Arena.ofConfined()) {
      CDataExporter.exportColumn(column, Field.of("col", type), array, schema);
      ArrowStructs.SCHEMA_FORMAT.set(schema, 0L, arena.allocateFrom(format).address());
      var thrown = assertThatThrownBy(() -> new CDataImporter(allocator).importColumn(array, schema))
          .isInstanceOf(InvalidOperationException.class);
      for (String part : messageParts) {
        thrown.hasMessageContaining(part);
      }
      assertThat(ArrowStructs.isArrayReleased(array)).isTrue();
      assertThat(ArrowStructs.isSchemaReleased(schema)).isTrue();
      assertThat(column.buffers().get(1).referenceCount()).isEqualTo(1);
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
    assertThat(ArrayExporter.liveNodes()).isEqualTo(nodes);
    assertThat(NativeHeap.liveBlocks()).isEqualTo(blocks);
  }
}
