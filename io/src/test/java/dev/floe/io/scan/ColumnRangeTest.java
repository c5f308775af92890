package dev.floe.io.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.io.scan.ScanPredicate.Op;
import dev.floe.testkit.LeakChecked;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outcomes of leaves over known and unknown ranges, including the f64 caveat past 2^53. */
@LeakChecked
class ColumnRangeTest {
  private static ColumnRange numbers(long min, long max, long nulls, long rows) {
    return new ColumnRange(ValueKind.NUMBER, "int64", BigDecimal.valueOf(min), BigDecimal.valueOf(max),
        nulls, rows, false);
  }

  @Test
  void boundsDecideComparisons() {
    ColumnRange range = numbers(10, 20, 0, 5);
    assertThat(range.compare("x", Op.LT, 10L).truth()).isEqualTo(Truth.NEVER);
    assertThat(range.compare("x", Op.LE, 10L).truth()).isEqualTo(Truth.MAYBE);
    assertThat(range.compare("x", Op.GE, 10L).truth()).isEqualTo(Truth.ALWAYS);
    assertThat(range.compare("x", Op.NE, 30L).truth()).isEqualTo(Truth.ALWAYS);
    assertThat(numbers(7, 7, 0, 3).compare("x", Op.NE, 7L).truth()).isEqualTo(Truth.NEVER);
    assertThat(numbers(7, 7, 0, 3).compare("x", Op.EQ, 7L).truth()).isEqualTo(Truth.ALWAYS);
  }

  @Test
  void nullsMakeAlwaysMaybeAndStayNullUnderNot() {
    ColumnRange range = numbers(10, 20, 2, 5);
    assertThat(range.compare("x", Op.GE, 10L)).isEqualTo(new Outcomes(true, false, true));
    assertThat(range.compare("x", Op.GE, 10L).not().truth()).isEqualTo(Truth.NEVER);
    assertThat(range.isNull().truth()).isEqualTo(Truth.MAYBE);
    assertThat(numbers(10, 20, -1, 5).isNull().truth()).isEqualTo(Truth.MAYBE);
  }

  @Test
  void inListsAndEmptyLists() {
    ColumnRange range = numbers(10, 20, 0, 5);
    assertThat(range.in("x", List.of(1L, 25L)).truth()).isEqualTo(Truth.NEVER);
    assertThat(range.in("x", List.of(1L, 15L)).truth()).isEqualTo(Truth.MAYBE);
    assertThat(numbers(4, 4, 0, 2).in("x", List.of(4L)).truth()).isEqualTo(Truth.ALWAYS);
    assertThat(ColumnRange.unknown(3).in("x", List.of()).truth()).isEqualTo(Truth.NEVER);
    // is_in of a null is null in polars 1.44, so negating it keeps no null row
    assertThat(numbers(4, 4, 1, 2).in("x", List.of(4L)).not().truth()).isEqualTo(Truth.NEVER);
  }

  @Test
  void integersPastTwoToTheFiftyThirdAlsoConsiderF64() {
    ColumnRange top = numbers(Long.MAX_VALUE - 1, Long.MAX_VALUE, 0, 2);
    BigDecimal twoToThe63 = new BigDecimal("9223372036854775808");
    assertThat(top.compare("x", Op.EQ, twoToThe63).truth()).isEqualTo(Truth.MAYBE);
    assertThat(top.compare("x", Op.GE, twoToThe63).truth()).isEqualTo(Truth.MAYBE);
    assertThat(top.compare("x", Op.EQ, 5L).truth()).isEqualTo(Truth.NEVER);
  }

  @Test
  void unusableLiteralsAllowAnything() {
    ColumnRange range = numbers(10, 20, 0, 5);
    assertThat(range.compare("x", Op.LT, Double.NaN).truth()).isEqualTo(Truth.MAYBE);
    assertThat(range.compare("x", Op.GT, 1e300).truth()).isEqualTo(Truth.MAYBE);
    ColumnRange f32 = new ColumnRange(ValueKind.FLOAT32, "float", 1.0, 2.0, 0, 2, false);
    assertThat(f32.compare("f", Op.GT, 0.1).truth()).isEqualTo(Truth.MAYBE);
    assertThat(f32.compare("f", Op.GT, 0.5).truth()).isEqualTo(Truth.ALWAYS);
  }

  @Test
  void emptyAndAllNullGroups() {
    assertThat(numbers(1, 2, 0, 0).compare("x", Op.EQ, 1L).isEmpty()).isTrue();
    assertThat(ColumnRange.allNull(4).compare("x", Op.EQ, 1L)).isEqualTo(Outcomes.NULL);
    assertThat(ColumnRange.allNull(4).isNull().truth()).isEqualTo(Truth.ALWAYS);
  }

  @Test
  void literalsAreCheckedEvenWhenEveryValueIsNull() {
    ColumnRange nulls = new ColumnRange(ValueKind.STRING, "binary (STRING)", null, null, 3, 3, false);
    assertThatThrownBy(() -> nulls.compare("name", Op.EQ, 5L))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessage("cannot compare column 'name' of type binary (STRING) with the literal 5 of type Long");
  }
}
