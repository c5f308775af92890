package dev.floe.ffi.cdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import java.lang.foreign.MemorySegment;
import java.util.List;

/** Round trips through C-heap structures and zero-copy assertions shared by the tests. */
final class CDataTesting {
  private CDataTesting() {}

  /** Exports {@code column} and imports it back into {@code allocator}. */
  static Column roundTrip(Column column, Field field, BufferAllocator allocator) {
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try {
      CDataExporter.exportColumn(column, field, array, schema);
      Column imported = new CDataImporter(allocator).importColumn(array, schema);
      assertThat(ArrowStructs.isArrayReleased(array)).as("the array was moved").isTrue();
      assertThat(ArrowStructs.isSchemaReleased(schema)).as("the schema was released").isTrue();
      return imported;
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
  }

  /** Exports {@code batch} and imports it back into {@code allocator}. */
  static RecordBatch roundTrip(RecordBatch batch, BufferAllocator allocator) {
    MemorySegment array = ArrowStructs.allocateArray();
    MemorySegment schema = ArrowStructs.allocateSchema();
    try {
      CDataExporter.exportBatch(batch, array, schema);
      return new CDataImporter(allocator).importBatch(array, schema);
    } finally {
      ArrowStructs.free(array);
      ArrowStructs.free(schema);
    }
  }

  /** Asserts the imported column shares every buffer (by address), offset and child of the original. */
  static void assertSameMemory(Column imported, Column original) {
    assertThat(imported.type()).isEqualTo(original.type());
    assertThat(imported.length()).isEqualTo(original.length());
    if (original.type().layout() != dev.floe.memory.types.Layout.NULL) {
      assertThat(imported.offset()).as("offset of %s", original.type()).isEqualTo(original.offset());
    }
    List<Buffer> expected = original.buffers();
    List<Buffer> actual = imported.buffers();
    assertThat(actual).hasSameSizeAs(expected);
    for (int index = 0; index < expected.size(); index++) {
      Buffer want = expected.get(index);
      Buffer got = actual.get(index);
      if (want == null) {
        assertThat(got).as("buffer %d of %s", index, original.type()).isNull();
      } else {
        assertThat(got.address()).as("address of buffer %d of %s", index, original.type())
            .isEqualTo(want.address());
        assertThat(got.isForeign()).isTrue();
      }
    }
    assertThat(imported.children()).hasSameSizeAs(original.children());
    for (int index = 0; index < original.children().size(); index++) {
      assertSameMemory(imported.children().get(index), original.children().get(index));
    }
  }
}
