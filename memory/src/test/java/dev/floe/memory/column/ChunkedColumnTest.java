package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ChunkedColumn: row lookup across chunks, slices, append, rechunk, null counts, ownership. */
class ChunkedColumnTest {
  private static final List<Object> FIRST = listOf(0L, 1L, null);
  private static final List<Object> SECOND = listOf();
  private static final List<Object> THIRD = listOf(3L, null, 5L, 6L);
  private static final List<Object> ALL = listOf(0L, 1L, null, 3L, null, 5L, 6L);

  private static ChunkedColumn threeChunks(BufferAllocator allocator) {
    return new ChunkedColumn(DataType.INT64, List.of(
        JavaValues.toColumn(allocator, DataType.INT64, FIRST),
        JavaValues.toColumn(allocator, DataType.INT64, SECOND),
        JavaValues.toColumn(allocator, DataType.INT64, THIRD)));
  }

  @Test
  void readsRowsAcrossChunks() {
    try (BufferAllocator allocator = allocator();
        ChunkedColumn column = threeChunks(allocator)) {
      assertThat(column.length()).isEqualTo(7);
      assertThat(column.chunkCount()).isEqualTo(3);
      assertThat(column.nullCount()).isEqualTo(2);
      assertThat(values(column)).isEqualTo(ALL);
      // Backwards and random order exercise the binary search, not just the cache.
      for (long row = column.length() - 1; row >= 0; row--) {
        assertThat(column.getObject(row)).isEqualTo(ALL.get((int) row));
        assertThat(column.isNull(row)).isEqualTo(ALL.get((int) row) == null);
      }
      assertThatThrownBy(() -> column.getObject(7))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("index 7");
    }
  }

  @Test
  void slicesAcrossChunkBoundaries() {
    try (BufferAllocator allocator = allocator();
        ChunkedColumn column = threeChunks(allocator)) {
      for (int offset = 0; offset <= ALL.size(); offset++) {
        for (int length = 0; offset + length <= ALL.size(); length++) {
          try (ChunkedColumn slice = column.slice(offset, length)) {
            assertThat(values(slice)).isEqualTo(ALL.subList(offset, offset + length));
            assertThat(slice.nullCount())
                .isEqualTo(ALL.subList(offset, offset + length).stream().filter(v -> v == null).count());
            try (ChunkedColumn inner = slice.slice(length / 2, length - length / 2)) {
              assertThat(values(inner)).isEqualTo(ALL.subList(offset + length / 2, offset + length));
            }
          }
        }
      }
      try (ChunkedColumn middle = column.slice(2, 3)) {
        assertThat(middle.chunkCount()).isEqualTo(2);
      }
      assertThatThrownBy(() -> column.slice(5, 3)).isInstanceOf(InvalidOperationException.class);
    }
  }

  @Test
  void rechunkCopiesManyChunksAndSharesOne() {
    try (BufferAllocator allocator = allocator();
        ChunkedColumn column = threeChunks(allocator);
        Column contiguous = column.rechunk(allocator);
        ChunkedColumn single = ChunkedColumn.of(JavaValues.toColumn(allocator, THIRD));
        Column shared = single.rechunk(allocator)) {
      assertThat(ColumnTesting.values(contiguous)).isEqualTo(ALL);
      assertThat(contiguous.nullCount()).isEqualTo(2);
      assertThat(((FixedWidthColumn) shared).valuesBuffer())
          .isSameAs(((FixedWidthColumn) single.chunks().get(0)).valuesBuffer());
    }
  }

  @Test
  void rechunkOfNoChunksIsAnEmptyColumn() {
    try (BufferAllocator allocator = allocator();
        ChunkedColumn empty = new ChunkedColumn(DataType.UTF8, List.of());
        Column column = empty.rechunk(allocator)) {
      assertThat(empty.length()).isZero();
      assertThat(column.length()).isZero();
      assertThat(column.type()).isEqualTo(DataType.UTF8);
    }
  }

  @Test
  void appendSharesBothSides() {
    try (BufferAllocator allocator = allocator()) {
      ChunkedColumn combined;
      try (ChunkedColumn left = threeChunks(allocator);
          ChunkedColumn right = ChunkedColumn.of(JavaValues.toColumn(allocator, listOf(7L)))) {
        combined = left.append(right);
      }
      try (combined) {
        assertThat(combined.chunkCount()).isEqualTo(4);
        List<Object> expected = new ArrayList<>(ALL);
        expected.add(7L);
        assertThat(values(combined)).isEqualTo(expected);
      }
      try (ChunkedColumn strings = ChunkedColumn.of(JavaValues.toColumn(allocator, listOf("a")));
          ChunkedColumn longs = ChunkedColumn.of(JavaValues.toColumn(allocator, listOf(1L)))) {
        assertThatThrownBy(() -> strings.append(longs))
            .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("i64");
      }
    }
  }

  @Test
  void chunksOfAnotherTypeAreRejectedAndReleased() {
    try (BufferAllocator allocator = allocator()) {
      List<Column> chunks = List.of(
          JavaValues.toColumn(allocator, listOf(1L)), JavaValues.toColumn(allocator, listOf("x")));
      assertThatThrownBy(() -> new ChunkedColumn(DataType.INT64, chunks))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("chunk 1")
          .hasMessageContaining("str");
      assertThat(allocator.allocatedBytes()).isZero();
    }
  }

  @Test
  void closeIsIdempotentAndUseAfterCloseThrows() {
    try (BufferAllocator allocator = allocator()) {
      ChunkedColumn column = threeChunks(allocator);
      ChunkedColumn shared = column.share();
      column.close();
      column.close();
      assertThat(column.isClosed()).isTrue();
      assertThat(shared.getObject(0)).isEqualTo(0L);
      assertThatThrownBy(() -> column.getObject(0))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("after close");
      assertThat(shared.estimatedSize()).isPositive();
      shared.close();
    }
  }

  private static List<Object> values(ChunkedColumn column) {
    List<Object> values = new ArrayList<>();
    for (long row = 0; row < column.length(); row++) {
      values.add(column.getObject(row));
    }
    return values;
  }
}
