package dev.floe.testkit;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every generated column and batch reads back as generated, whole and sliced, without leaks. */
@LeakCheckedProperty
class ColumnRoundTripTest {

  @Property(tries = 400)
  void everyColumnRoundTrips(@ForAll("columns") ColumnSample sample, BufferAllocator allocator) {
    try (Column column = sample.build(allocator)) {
      assertThat(column.type()).isEqualTo(sample.type());
      assertThat(column.offset()).isGreaterThanOrEqualTo(0);
      assertColumnEquals(column, sample.values());
    }
  }

  @Property(tries = 200)
  void everyRepresentativeTypeRoundTrips(@ForAll("representativeColumns") ColumnSample sample) {
    try (Column column = sample.build()) {
      assertColumnEquals(column, sample.values());
    }
  }

  @Property(tries = 300)
  void slicesOfSlicesReadTheirPartOfTheValues(@ForAll("columns") ColumnSample sample, @ForAll Random random) {
    try (Column column = sample.build()) {
      int offset = random.nextInt(column.length() + 1);
      int length = random.nextInt(column.length() - offset + 1);
      try (Column slice = column.slice(offset, length)) {
        assertColumnEquals(slice, sample.values().subList(offset, offset + length));
        int innerOffset = random.nextInt(length + 1);
        try (Column inner = slice.slice(innerOffset, length - innerOffset)) {
          assertColumnEquals(inner, sample.values().subList(offset + innerOffset, offset + length));
        }
      }
    }
  }

  @Property(tries = 200)
  void closingTheParentFirstLeavesSlicesReadable(@ForAll("columns") ColumnSample sample) {
    Column column = sample.build();
    try (Column share = column.share()) {
      column.close();
      assertColumnEquals(share, sample.values());
    }
  }

  @Property(tries = 200)
  void javaValuesBuildsTheSameColumns(@ForAll("columns") ColumnSample sample, BufferAllocator allocator) {
    List<Object> inputs = new ArrayList<>(sample.length());
    for (Object value : sample.values()) {
      inputs.add(JavaInputs.toInput(sample.type(), value));
    }
    try (Column column = JavaValues.toColumn(allocator, sample.type(), inputs)) {
      assertColumnEquals(column, sample.values());
    }
  }

  @Property(tries = 150)
  void recordBatchesRoundTrip(@ForAll("batches") BatchSample sample, BufferAllocator allocator) {
    try (RecordBatch batch = sample.build(allocator)) {
      assertThat(batch.rowCount()).isEqualTo(sample.rowCount());
      assertThat(batch.schema()).isEqualTo(sample.schema());
      for (int index = 0; index < sample.columns().size(); index++) {
        assertColumnEquals(batch.column(index), sample.columns().get(index).values());
      }
    }
  }

  /** Guards the suite against vacuous passes: turning any value into null must be noticed. */
  @Property(tries = 200)
  void aValueChangedToNullIsReportedAtItsIndex(@ForAll("columns") ColumnSample sample, @ForAll Random random) {
    List<Integer> nonNull = new ArrayList<>();
    for (int index = 0; index < sample.length(); index++) {
      if (sample.values().get(index) != null) {
        nonNull.add(index);
      }
    }
    Assume.that(!nonNull.isEmpty());
    int changed = nonNull.get(random.nextInt(nonNull.size()));
    List<Object> wrong = new ArrayList<>(sample.values());
    wrong.set(changed, null);
    try (Column column = sample.build()) {
      assertThatThrownBy(() -> assertColumnEquals(column, wrong))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("differs at index " + changed + ": expected null but was ")
          .hasMessageContaining(sample.type().toString());
    }
  }

  @Provide
  Arbitrary<ColumnSample> columns() {
    return ColumnArbitraries.columns();
  }

  @Provide
  Arbitrary<ColumnSample> representativeColumns() {
    return Arbitraries.of(DataTypeArbitraries.representativeTypes()).flatMap(ColumnArbitraries::columns);
  }

  @Provide
  Arbitrary<BatchSample> batches() {
    return ColumnArbitraries.recordBatches();
  }
}
