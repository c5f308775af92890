package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RecordBatch: validation messages, lookups, slices and ownership. */
class RecordBatchTest {
  private static final Schema SCHEMA =
      Schema.of(Field.of("id", DataType.INT64), Field.of("name", DataType.UTF8));

  private static RecordBatch batch(BufferAllocator allocator) {
    return new RecordBatch(SCHEMA, List.of(
        JavaValues.toColumn(allocator, listOf(1L, 2L, null, 4L)),
        JavaValues.toColumn(allocator, listOf("a", null, "c", "d"))), 4);
  }

  @Test
  void looksUpColumnsByIndexAndName() {
    try (BufferAllocator allocator = allocator();
        RecordBatch batch = batch(allocator)) {
      assertThat(batch.rowCount()).isEqualTo(4);
      assertThat(batch.columnCount()).isEqualTo(2);
      assertThat(batch.schema()).isEqualTo(SCHEMA);
      assertThat(batch.column("name").getObject(2)).isEqualTo("c");
      assertThat(batch.column(0)).isSameAs(batch.columns().get(0));
      assertThatThrownBy(() -> batch.column("nmae"))
          .isInstanceOf(ColumnNotFoundException.class)
          .hasMessageContaining("id, name")
          .hasMessageContaining("did you mean 'name'");
    }
  }

  @Test
  void slicesEveryColumn() {
    try (BufferAllocator allocator = allocator();
        RecordBatch batch = batch(allocator);
        RecordBatch slice = batch.slice(1, 3);
        RecordBatch inner = slice.slice(1, 1)) {
      assertThat(slice.rowCount()).isEqualTo(3);
      assertThat(ColumnTesting.values(slice.column("id"))).containsExactly(2L, null, 4L);
      assertThat(ColumnTesting.values(inner.column("name"))).containsExactly("c");
      assertThatThrownBy(() -> batch.slice(3, 2)).isInstanceOf(InvalidOperationException.class);
    }
  }

  @Test
  void rejectsAColumnOfTheWrongLengthNamingIt() {
    try (BufferAllocator allocator = allocator()) {
      List<Column> columns = List.of(
          JavaValues.toColumn(allocator, listOf(1L, 2L)),
          JavaValues.toColumn(allocator, listOf("a", "b", "c")));
      assertThatThrownBy(() -> new RecordBatch(SCHEMA, columns, 2))
          .isInstanceOf(ShapeMismatchException.class)
          .hasMessageContaining("'name'")
          .hasMessageContaining("3 rows")
          .hasMessageContaining("2");
      assertThat(allocator.allocatedBytes()).as("rejected columns are released").isZero();
    }
  }

  @Test
  void rejectsAColumnOfTheWrongTypeNamingIt() {
    try (BufferAllocator allocator = allocator()) {
      List<Column> columns = List.of(
          JavaValues.toColumn(allocator, listOf(1, 2)),
          JavaValues.toColumn(allocator, listOf("a", "b")));
      assertThatThrownBy(() -> new RecordBatch(SCHEMA, columns, 2))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("'id'")
          .hasMessageContaining("i32")
          .hasMessageContaining("i64");
    }
  }

  @Test
  void rejectsAWrongColumnCount() {
    try (BufferAllocator allocator = allocator()) {
      List<Column> columns = List.of(JavaValues.toColumn(allocator, listOf(1L)));
      assertThatThrownBy(() -> new RecordBatch(SCHEMA, columns, 1))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("needs 2 columns, got 1");
    }
  }

  @Test
  void closeReleasesColumnsOnceAndBlocksFurtherUse() {
    try (BufferAllocator allocator = allocator()) {
      RecordBatch batch = batch(allocator);
      Column id = batch.column(0);
      batch.close();
      batch.close();
      assertThat(batch.isClosed()).isTrue();
      assertThat(id.isClosed()).isTrue();
      assertThat(allocator.allocatedBytes()).isZero();
      assertThatThrownBy(() -> batch.column("id")).isInstanceOf(InvalidOperationException.class);
      assertThatThrownBy(() -> id.getObject(0))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("after close");
    }
  }

  @Test
  void anEmptyBatchIsValid() {
    try (BufferAllocator allocator = allocator();
        RecordBatch batch = new RecordBatch(SCHEMA, List.of(
            JavaValues.toColumn(allocator, DataType.INT64, List.of()),
            JavaValues.toColumn(allocator, DataType.UTF8, List.of())), 0)) {
      assertThat(batch.rowCount()).isZero();
      try (RecordBatch slice = batch.slice(0, 0)) {
        assertThat(slice.column(1).length()).isZero();
      }
    }
  }
}
