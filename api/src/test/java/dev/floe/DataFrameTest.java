package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.errors.ShapeMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.testkit.LeakCheckExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheckExtension.class)
class DataFrameTest {

  static DataFrame abc() {
    return DataFrame.of(
        Series.ofLongs("a", 1, 2, 3), Series.of("b", "x", null, "z"), Series.ofDoubles("c", 1.5, 2.5, 3.5));
  }

  @Test
  void shapeSchemaAndNames() {
    try (DataFrame frame = abc()) {
      assertThat(frame.shape()).isEqualTo(new Shape(3, 3));
      assertThat(frame.shape()).hasToString("(3, 3)");
      assertThat(frame.height()).isEqualTo(3);
      assertThat(frame.width()).isEqualTo(3);
      assertThat(frame.columns()).containsExactly("a", "b", "c");
      assertThat(frame.dtypes()).containsExactly(DataType.INT64, DataType.UTF8, DataType.FLOAT64);
      assertThat(frame.schema()).isEqualTo(new Schema(List.of(
          Field.of("a", DataType.INT64), Field.of("b", DataType.UTF8), Field.of("c", DataType.FLOAT64))));
      assertThat(frame.isEmpty()).isFalse();
      assertThat(frame.estimatedSize()).isPositive();
    }
    try (DataFrame empty = DataFrame.empty()) {
      assertThat(empty.shape()).isEqualTo(new Shape(0, 0));
      assertThat(empty.isEmpty()).isTrue();
    }
  }

  @Test
  void columnsOfDifferentLengthsAreRejectedNamingTheLengths() {
    assertThatThrownBy(() -> DataFrame.of(Series.ofLongs("a", 1, 2, 3), Series.ofLongs("b", 1, 2)))
        .isInstanceOf(ShapeMismatchException.class)
        .hasMessage("could not create a DataFrame: column 'b' has 2 rows but column 'a' has 3");
  }

  @Test
  void duplicateNamesAreRejected() {
    assertThatThrownBy(() -> DataFrame.of(Series.ofLongs("a", 1), Series.ofLongs("a", 2)))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("duplicate column name 'a'");
  }

  @Test
  void columnLookupListsTheColumnsThereAre() {
    try (DataFrame frame = abc()) {
      assertThat(frame.column("b").toList()).containsExactly("x", null, "z");
      assertThat(frame.column(0).name()).isEqualTo("a");
      assertThat(frame.column(-1).name()).isEqualTo("c");
      assertThat(frame.getColumns()).extracting(Series::name).containsExactly("a", "b", "c");
      assertThatThrownBy(() -> frame.column("x"))
          .isInstanceOf(ColumnNotFoundException.class)
          .hasMessageStartingWith("no column 'x'; columns are a, b, c");
      assertThatThrownBy(() -> frame.column(3))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessage("column index 3 is out of range for a DataFrame of 3 columns [a, b, c]");
    }
  }

  @Test
  void rowSelectionFollowsPolars() {
    try (DataFrame frame = abc();
        DataFrame head = frame.head(2);
        DataFrame tail = frame.tail(-1);
        DataFrame fromEnd = frame.slice(-2, 10);
        DataFrame rest = frame.slice(1);
        DataFrame none = frame.slice(5, 2)) {
      assertThat(head.column("a").toList()).containsExactly(1L, 2L);
      assertThat(tail.column("a").toList()).containsExactly(2L, 3L);
      assertThat(fromEnd.column("a").toList()).containsExactly(2L, 3L);
      assertThat(rest.height()).isEqualTo(2);
      assertThat(none.shape()).isEqualTo(new Shape(0, 3));
    }
  }

  @Test
  void selectDropAndRename() {
    try (DataFrame frame = abc();
        DataFrame selected = frame.select("c", "a");
        DataFrame dropped = frame.drop("b");
        DataFrame renamed = frame.rename(Map.of("a", "alpha", "c", "gamma"));
        DataFrame renamedOne = frame.rename("b", "beta")) {
      assertThat(selected.columns()).containsExactly("c", "a");
      assertThat(dropped.columns()).containsExactly("a", "c");
      assertThat(renamed.columns()).containsExactly("alpha", "b", "gamma");
      assertThat(renamedOne.columns()).containsExactly("a", "beta", "c");
      assertThatThrownBy(() -> frame.select("a", "nope"))
          .isInstanceOf(ColumnNotFoundException.class)
          .hasMessageStartingWith("no column 'nope'; columns are a, b, c");
      assertThatThrownBy(() -> frame.drop("nope")).isInstanceOf(ColumnNotFoundException.class);
      assertThatThrownBy(() -> frame.rename("nope", "x")).isInstanceOf(ColumnNotFoundException.class);
      assertThatThrownBy(() -> frame.rename("a", "b")).isInstanceOf(SchemaMismatchException.class);
      assertThatThrownBy(() -> frame.select("a", "a")).isInstanceOf(SchemaMismatchException.class);
    }
  }

  @Test
  void withColumnReplacesInPlaceOrAppends() {
    try (DataFrame frame = abc();
        DataFrame replaced = frame.withColumn(Series.of("b", true, false, true));
        DataFrame appended = frame.withColumn(Series.ofLongs("d", 7, 8, 9));
        DataFrame copied = frame.withColumn(frame.column("a").rename("a2"))) {
      assertThat(replaced.columns()).containsExactly("a", "b", "c");
      assertThat(replaced.column("b").dtype()).isEqualTo(DataType.BOOLEAN);
      assertThat(appended.columns()).containsExactly("a", "b", "c", "d");
      assertThat(copied.column("a2").toList()).containsExactly(1L, 2L, 3L);
      assertThat(frame.column("b").dtype()).isEqualTo(DataType.UTF8);
      assertThatThrownBy(() -> frame.withColumn(Series.ofLongs("d", 1, 2)))
          .isInstanceOf(ShapeMismatchException.class)
          .hasMessage("cannot add column 'd' of length 2 to a DataFrame of height 3; lengths must match");
    }
  }

  @Test
  void vstackNeedsTheSameSchemaAndNamesTheFirstDifference() {
    try (DataFrame frame = abc();
        DataFrame twice = frame.vstack(frame);
        DataFrame other = DataFrame.of(Series.ofLongs("a", 1), Series.ofLongs("b", 2), Series.ofDoubles("c", 3));
        DataFrame narrow = DataFrame.of(Series.ofLongs("a", 1))) {
      assertThat(twice.height()).isEqualTo(6);
      assertThat(twice.column("a").toList()).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
      assertThatThrownBy(() -> frame.vstack(other))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessage("cannot stack frames with different schemas: column 1 is 'b' (str) in the first"
              + " frame but 'b' (i64) in the frame to stack");
      assertThatThrownBy(() -> frame.vstack(narrow))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("the first frame has 3 columns [a, b, c] but the frame to stack has 1 [a]");
    }
  }

  @Test
  void hstackAppendsColumnsAndRejectsDuplicates() {
    try (DataFrame frame = abc();
        DataFrame more = DataFrame.of(Series.ofLongs("d", 1, 2, 3));
        DataFrame wider = frame.hstack(more);
        DataFrame widest = frame.hstack(Series.ofLongs("e", 4, 5, 6), Series.ofLongs("f", 7, 8, 9))) {
      assertThat(wider.columns()).containsExactly("a", "b", "c", "d");
      assertThat(widest.columns()).containsExactly("a", "b", "c", "e", "f");
      assertThatThrownBy(() -> frame.hstack(Series.ofLongs("a", 1, 2, 3)))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("duplicate column name 'a'");
      assertThatThrownBy(() -> frame.hstack(Series.ofLongs("z", 1)))
          .isInstanceOf(ShapeMismatchException.class)
          .hasMessageContaining("'z' has 1 rows but column 'a' has 3");
    }
  }

  @Test
  void rowsAndJavaValues() {
    try (DataFrame frame = abc()) {
      assertThat(frame.row(1)).containsExactly(2L, null, 2.5);
      assertThat(frame.row(-1)).containsExactly(3L, "z", 3.5);
      assertThat(frame.rowNamed(0)).containsExactly(Map.entry("a", 1L), Map.entry("b", "x"), Map.entry("c", 1.5));
      assertThat(frame.rows()).hasSize(3).first().isEqualTo(List.of(1L, "x", 1.5));
      assertThat(frame.rowsNamed().get(2)).containsEntry("b", "z");
      assertThat(frame.toList().get(0)).containsExactly(1L, 2L, 3L);
      assertThat(frame.toMap()).containsOnlyKeys("a", "b", "c");
      assertThat(frame.toMap().get("c")).containsExactly(1.5, 2.5, 3.5);
      assertThatThrownBy(() -> frame.row(3))
          .isInstanceOf(InvalidOperationException.class)
          .hasMessage("index 3 is out of bounds for DataFrame of length 3");
    }
  }

  @Test
  void equalityAndClone() {
    DataFrame frame = abc();
    try (DataFrame same = abc(); DataFrame other = frame.head(2)) {
      DataFrame clone = frame.clone();
      assertThat(frame).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
      frame.close();
      assertThat(clone).isEqualTo(same);
      clone.close();
    }
  }

  @Test
  void nullCountIsOneRowOfU32() {
    try (DataFrame frame = abc(); DataFrame counts = frame.nullCount()) {
      assertThat(counts.dtypes()).containsOnly(DataType.UINT32);
      assertThat(counts.row(0)).containsExactly(0L, 1L, 0L);
    }
  }

  @Test
  void rechunkAndConcat() {
    try (DataFrame frame = abc();
        DataFrame stacked = Floe.concat(frame, frame, frame);
        DataFrame rechunked = stacked.rechunk()) {
      assertThat(stacked.column("a").chunks()).hasSize(3);
      assertThat(rechunked.column("a").chunks()).hasSize(1);
      assertThat(rechunked).isEqualTo(stacked);
    }
    assertThatThrownBy(() -> Floe.concat(List.of()))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("empty list");
  }

  @Test
  void closedFramesFailClearly() {
    DataFrame frame = abc();
    frame.close();
    frame.close();
    assertThatThrownBy(frame::height)
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("DataFrame was used after close()");
    assertThat(frame.toString()).isEqualTo("DataFrame[closed]");
  }

  @Test
  void describeNeedsColumns() {
    try (DataFrame empty = DataFrame.empty()) {
      assertThatThrownBy(empty::describe)
          .isInstanceOf(InvalidOperationException.class)
          .hasMessage("cannot describe a DataFrame that has no columns");
    }
  }
}
