package dev.floe.ffi.cdata;

import static dev.floe.ffi.cdata.CDataTesting.assertSameMemory;
import static dev.floe.ffi.cdata.CDataTesting.roundTrip;
import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.RecordBatch;
import dev.floe.memory.types.Field;
import dev.floe.testkit.BatchSample;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random columns and batches of every type (testkit's arbitraries) survive a round trip zero-copy. */
@LeakCheckedProperty
class CDataPropertyTest {

  @Property(tries = 300)
  void randomColumnsRoundTripZeroCopy(@ForAll("columns") ColumnSample sample) {
    BufferAllocator allocator = BufferAllocator.current();
    int nodes = ArrayExporter.liveNodes();
    try (Column column = sample.build(allocator);
        Column imported = roundTrip(column, Field.of("c", sample.type()), allocator)) {
      assertColumnEquals(imported, sample.values());
      assertSameMemory(imported, column);
    }
    assertThat(ArrayExporter.liveNodes()).isEqualTo(nodes);
  }

  @Property(tries = 100)
  void randomBatchesRoundTripZeroCopy(@ForAll("batches") BatchSample sample) {
    BufferAllocator allocator = BufferAllocator.current();
    try (RecordBatch batch = sample.build(allocator);
        RecordBatch imported = roundTrip(batch, allocator)) {
      assertThat(imported.schema()).isEqualTo(batch.schema());
      for (int index = 0; index < batch.columnCount(); index++) {
        assertColumnEquals(imported.column(index), sample.columns().get(index).values());
        assertSameMemory(imported.column(index), batch.column(index));
      }
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<ColumnSample> columns() {
    return ColumnArbitraries.columns();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<BatchSample> batches() {
    return ColumnArbitraries.recordBatches();
  }
}
