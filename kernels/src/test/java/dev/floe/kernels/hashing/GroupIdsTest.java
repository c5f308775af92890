package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link GroupIds} on the edge cases of key equality, and its argument checks. */
@LeakChecked
class GroupIdsTest {
  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  @Test
  void floatsGroupNanWithNanAndNegativeZeroWithZero() {
    try (Column keys = column(DataType.FLOAT64, 0.0, -0.0, Double.NaN, null,
        Double.longBitsToDouble(0x7ff8000000000abcL), null, 1.5, 0.0)) {
      GroupIds groups = GroupIds.of(List.of(keys), BufferAllocator.current());
      assertThat(groups.ids()).containsExactly(0, 0, 1, 2, 1, 2, 3, 0);
      assertThat(groups.firstRows()).containsExactly(0, 2, 3, 6);
      assertThat(groups.lastRows()).containsExactly(7, 4, 5, 6);
      assertThat(groups.counts()).containsExactly(3, 2, 2, 1);
    }
  }

  @Test
  void stringsGroupByContentInEveryLayout() {
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      try (Column keys = column(type, "a long string over twelve bytes", "b", null, "b",
          "a long string over twelve bytes", "", null, "")) {
        GroupIds groups = GroupIds.of(List.of(keys), BufferAllocator.current());
        assertThat(groups.ids()).as("%s", type).containsExactly(0, 1, 2, 1, 0, 3, 2, 3);
      }
    }
  }

  @Test
  void slicedColumnsGroupTheirVisibleRows() {
    try (Column whole = column(DataType.INT64, 7L, 1L, 2L, 1L, null, 2L, 7L);
        Column slice = whole.slice(1, 5)) {
      GroupIds groups = GroupIds.of(List.of(slice), BufferAllocator.current());
      assertThat(groups.ids()).containsExactly(0, 1, 0, 2, 1);
      assertThat(groups.id(3)).isEqualTo(2);
      assertThat(groups.groupCount()).isEqualTo(3);
    }
  }

  @Test
  void severalColumnsFormOneKey() {
    try (Column first = column(DataType.INT32, 1, 1, 2, 1, null, null);
        Column second = column(DataType.BOOLEAN, true, false, true, true, null, null)) {
      GroupIds groups = GroupIds.of(List.of(first, second), BufferAllocator.current());
      assertThat(groups.ids()).containsExactly(0, 1, 2, 0, 3, 3);
    }
  }

  @Test
  void emptyColumnsHaveNoGroups() {
    try (Column keys = column(DataType.UTF8)) {
      GroupIds groups = GroupIds.of(List.of(keys), BufferAllocator.current());
      assertThat(groups.groupCount()).isZero();
      assertThat(groups.ids()).isEmpty();
      assertThat(groups.firstRows()).isEmpty();
    }
  }

  @Test
  void keysMustBeGivenAndOfOneLength() {
    assertThatThrownBy(() -> GroupIds.of(List.of(), BufferAllocator.current()))
        .isInstanceOf(InvalidOperationException.class);
    try (Column first = column(DataType.INT64, 1L, 2L);
        Column second = column(DataType.INT64, 1L)) {
      assertThatThrownBy(() -> GroupIds.of(List.of(first, second), BufferAllocator.current()))
          .isInstanceOf(ShapeMismatchException.class)
          .hasMessageContaining("1 and 2");
    }
  }
}
