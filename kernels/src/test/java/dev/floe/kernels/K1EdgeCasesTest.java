package dev.floe.kernels;

import static dev.floe.testkit.ColumnAssertions.assertColumnEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named edge cases of the compare, boolean, filter and selection facades (Polars semantics). */
@LeakChecked
class K1EdgeCasesTest {
  private static Column column(DataType type, Object... values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, Arrays.asList(values));
  }

  @Test
  void floatsUseTheTotalOrder() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column x = column(DataType.FLOAT64, Double.NaN, -0.0, 0.0, 1.0,
            Double.NEGATIVE_INFINITY, null);
        BooleanColumn eqNan = Compare.compareScalar(x, Double.NaN, CompareOp.EQ, allocator);
        BooleanColumn gtNan = Compare.compareScalar(x, Double.NaN, CompareOp.GT, allocator);
        BooleanColumn geNan = Compare.compareScalar(x, Double.NaN, CompareOp.GE, allocator);
        BooleanColumn ltNan = Compare.compareScalar(x, Double.NaN, CompareOp.LT, allocator);
        BooleanColumn eqZero = Compare.compareScalar(x, 0.0, CompareOp.EQ, allocator);
        BooleanColumn gtOne = Compare.compareScalar(x, 1.0, CompareOp.GT, allocator);
        BooleanColumn nan = Compare.isNan(x, allocator);
        BooleanColumn finite = Compare.isFinite(x, allocator)) {
      assertColumnEquals(eqNan, Arrays.asList(true, false, false, false, false, null));
      assertColumnEquals(gtNan, Arrays.asList(false, false, false, false, false, null));
      assertColumnEquals(geNan, Arrays.asList(true, false, false, false, false, null));
      assertColumnEquals(ltNan, Arrays.asList(false, true, true, true, true, null));
      assertColumnEquals(eqZero, Arrays.asList(false, true, true, false, false, null));
      assertColumnEquals(gtOne, Arrays.asList(true, false, false, false, false, null));
      assertColumnEquals(nan, Arrays.asList(true, false, false, false, false, null));
      assertColumnEquals(finite, Arrays.asList(false, true, true, true, false, null));
    }
  }

  @Test
  void nanEqualsNanBetweenColumnsAndInSets() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column x = column(DataType.FLOAT32, Float.NaN, -0.0f, 2.0f, null);
        Column y = column(DataType.FLOAT32, Float.NaN, 0.0f, Float.NaN, 1.0f);
        BooleanColumn eq = Compare.compare(x, y, CompareOp.EQ, allocator);
        BooleanColumn lt = Compare.compare(x, y, CompareOp.LT, allocator);
        BooleanColumn missing = Compare.eqMissing(x, y, allocator);
        BooleanColumn in = Compare.isIn(x, y, allocator)) {
      assertColumnEquals(eq, Arrays.asList(true, true, false, null));
      assertColumnEquals(lt, Arrays.asList(false, false, true, null));
      assertColumnEquals(missing, Arrays.asList(true, true, false, false));
      assertColumnEquals(in, Arrays.asList(true, true, false, null));
    }
  }

  @Test
  void stringsCompareByteWiseAcrossLayouts() {
    BufferAllocator allocator = BufferAllocator.current();
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      try (Column x = column(type, "", "a", "é", "a longer string than twelve", null);
          BooleanColumn lt = Compare.compareScalar(x, "b", CompareOp.LT, allocator);
          BooleanColumn eq = Compare.compareScalar(x, "", CompareOp.EQ, allocator)) {
        assertColumnEquals(lt, Arrays.asList(true, true, false, true, null));
        assertColumnEquals(eq, Arrays.asList(true, false, false, false, null));
      }
    }
  }

  @Test
  void mismatchedTypesAndLengthsNameThem() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column longs = column(DataType.INT64, 1L, 2L);
        Column ints = column(DataType.INT32, 1, 2);
        Column shorter = column(DataType.INT64, 1L)) {
      assertThatThrownBy(() -> Compare.compare(longs, ints, CompareOp.EQ, allocator))
          .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("i64")
          .hasMessageContaining("i32");
      assertThatThrownBy(() -> Compare.compare(longs, shorter, CompareOp.EQ, allocator))
          .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("2")
          .hasMessageContaining("1");
      assertThatThrownBy(() -> Gather.take(longs, longs, allocator).close())
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("index 2")
          .hasMessageContaining("length 2");
    }
  }

  @Test
  void emptyAndAllNullInputs() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column empty = column(DataType.INT64);
        Column nulls = column(DataType.INT64, null, null, null);
        BooleanColumn emptyResult = Compare.compareScalar(empty, 1L, CompareOp.GT, allocator);
        BooleanColumn nullResult = Compare.compareScalar(nulls, 1L, CompareOp.GT, allocator);
        BooleanColumn nullIsNull = Compare.isNull(nulls, allocator);
        Column filled = FillNull.fill(nulls, 7L, allocator);
        Column forward = FillNull.forward(nulls, -1, allocator)) {
      assertThat(emptyResult.length()).isZero();
      assertColumnEquals(nullResult, Arrays.asList(null, null, null));
      assertColumnEquals(nullIsNull, List.of(true, true, true));
      assertColumnEquals(filled, List.of(7L, 7L, 7L));
      assertColumnEquals(forward, Arrays.asList(null, null, null));
    }
  }

  @Test
  void kleeneLogicAndNullMasks() {
    BufferAllocator allocator = BufferAllocator.current();
    try (BooleanColumn a = (BooleanColumn) column(DataType.BOOLEAN, false, true, null, null, true);
        BooleanColumn b = (BooleanColumn) column(DataType.BOOLEAN, null, null, false, true, true);
        BooleanColumn and = BooleanOps.and(a, b, allocator);
        BooleanColumn or = BooleanOps.or(a, b, allocator);
        Column values = column(DataType.UTF8, "a", "b", "c", "d", "e");
        Column filtered = Filter.filter(values, b, allocator);
        Column chosen = IfThenElse.select(a, values, values, allocator)) {
      assertColumnEquals(and, Arrays.asList(false, null, false, null, true));
      assertColumnEquals(or, Arrays.asList(null, true, null, true, true));
      assertColumnEquals(filtered, List.of("d", "e"));
      assertColumnEquals(chosen, List.of("a", "b", "c", "d", "e"));
      assertThat(Filter.countSelected(b)).isEqualTo(2);
    }
  }

  @Test
  void nullTypedColumnsStayNull() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column nulls = new dev.floe.memory.column.NullColumn(3);
        BooleanColumn in = Compare.isIn(nulls, nulls, allocator);
        BooleanColumn isNull = Compare.isNull(nulls, allocator);
        BooleanColumn compared = Compare.compare(nulls, nulls, CompareOp.EQ, allocator);
        BooleanColumn missing = Compare.eqMissing(nulls, nulls, allocator)) {
      assertColumnEquals(in, Arrays.asList(null, null, null));
      assertColumnEquals(isNull, List.of(true, true, true));
      assertColumnEquals(compared, Arrays.asList(null, null, null));
      assertColumnEquals(missing, List.of(true, true, true));
    }
  }
}
