package dev.floe.kernels.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.ComputeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ParseTemporal} over whole columns in every string layout, whole and sliced: Polars'
 * fast path, inference, exact=false, strict errors, time zones. Expected physical values are
 * what Polars 1.44.2 returned for the same input.
 */
@LeakChecked
class ParseTemporalTest {
  private static final DataType MICROS = new DataType.Timestamp(TimeUnit.MICROSECOND, null);

  static List<Arguments> layouts() {
    List<Arguments> layouts = new ArrayList<>();
    for (DataType type : List.of(DataType.UTF8, DataType.LARGE_UTF8, DataType.UTF8_VIEW)) {
      layouts.add(Arguments.of(type, false));
      layouts.add(Arguments.of(type, true));
    }
    return layouts;
  }

  private static Column input(DataType type, boolean sliced, String... values) {
    BufferAllocator allocator = BufferAllocator.current();
    if (!sliced) {
      return JavaValues.toColumn(allocator, type, Arrays.asList(values));
    }
    List<String> padded = new ArrayList<>();
    padded.add("a long leading value, not inline");
    padded.addAll(Arrays.asList(values));
    padded.add("trailing");
    try (Column whole = JavaValues.toColumn(allocator, type, padded)) {
      return whole.slice(1, values.length);
    }
  }

  private static List<Long> physical(Column column) {
    FixedWidthColumn fixed = (FixedWidthColumn) column;
    List<Long> values = new ArrayList<>();
    for (int row = 0; row < fixed.length(); row++) {
      values.add(fixed.isNull(row) ? null
          : column.type().byteWidth() == 4 ? (long) fixed.getInt(row) : fixed.getLong(row));
    }
    return values;
  }

  private static List<Long> parse(
      DataType layout, boolean sliced, DataType target, String format, boolean exact,
      String... values) {
    try (Column in = input(layout, sliced, values);
        Column out = ParseTemporal.strptime(
            in, target, format, false, exact, BufferAllocator.current())) {
      return physical(out);
    }
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void datesWithFormatFastPathAndChrono(DataType layout, boolean sliced) {
    assertThat(parse(layout, sliced, DataType.DATE32, "%Y-%m-%d", true,
        "2024-01-15", "2024-02-30", "1999-12-31", "  2024-01-15", "2024-1-5", "20240115", null,
        "2024-01-15 10:00", "abc"))
        .containsExactly(19737L, null, 10956L, 19737L, 19727L, null, null, null, null);
    // the fast path fills a missing day (chrono alone would not)
    assertThat(parse(layout, sliced, DataType.DATE32, "%Y-%m", true, "2024-01"))
        .containsExactly(19723L);
    assertThat(parse(layout, sliced, DataType.DATE32, "%b %Y", true, "jan 2024", "Jan 2024"))
        .containsExactly(null, 19723L);
    // a field the fast path cannot read falls back to chrono, which skips spaces and signs
    assertThat(parse(layout, sliced, DataType.DATE32, "%Y-%m-%d", true, "2024-01-1 ",
        "2024-1 -01", " 024-01-01", "+024-01-01", "2024-+1-01"))
        .containsExactly(null, null, -710762L, -710762L, null);
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void inferredDates(DataType layout, boolean sliced) {
    assertThat(parse(layout, sliced, DataType.DATE32, null, true, null, "2024-01-15",
        "2024/01/16", "2024.01.17", "15-01-2024", "2024-01-15 10:00", "bad", "2024-13-01",
        "2024-1-5", "99-01-01"))
        .containsExactly(null, 19737L, 19738L, 19739L, null, null, null, null, 19727L, -683368L);
    assertThat(parse(layout, sliced, DataType.DATE32, null, true, "bad", "15/01/2024",
        "2024-01-15", "1-2-2024"))
        .containsExactly(null, 19737L, null, 19754L);
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void inferredDatetimes(DataType layout, boolean sliced) {
    assertThat(parse(layout, sliced, MICROS, null, true, "2024-01-15 10:20:30",
        "2024-01-15T10:20:30.5", "2024-01-15", "2024/01/15 10:20", "2024-01-15 1020",
        "2024-01-15T102030", "2024-01-15 10:20:30+02:00", "15/01/2024 10:20",
        "20240115T102030", "bad"))
        .containsExactly(1705314030000000L, 1705314030500000L, 1705276800000000L,
            1705314000000000L, 1705314000000000L, 1705314030000000L, null, null,
            1705314030000000L, null);
    DataType utc = new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC");
    assertThat(parse(layout, sliced, utc, null, true, "2024-01-15 10:20:30+02:00",
        "2024-01-15T10:20:30Z", "2024-01-15 10:20:30", "2024-01-15T10:20+0100"))
        .containsExactly(1705306830000000L, 1705314030000000L, null, 1705310400000000L);
  }

  @Test
  void inexactMatchesAnywhereAndSniffsTheFirstValue() {
    assertThat(parse(DataType.UTF8, false, DataType.DATE32, "%Y-%m-%d", false,
        "on 2024-01-15 x", "2024-01-15", "x2024-01-1", "abc", "12024-01-15"))
        .containsExactly(19737L, 19737L, 19723L, null, 19737L);
    assertThat(parse(DataType.UTF8, false, MICROS, null, false, " 05/04/02 00:29"))
        .containsExactly(-62001502260000000L);
    assertThatThrownBy(() -> parse(DataType.UTF8, false, MICROS, null, false,
        "2024-01-15T10:20:30+00:00"))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("could not find an appropriate format");
  }

  @Test
  void unitsTimeZonesAndOffsets() {
    DataType nanos = new DataType.Timestamp(TimeUnit.NANOSECOND, null);
    assertThat(parse(DataType.UTF8, false, nanos, "%Y-%m-%d %H:%M:%S%.f", true,
        "2024-01-15 10:20:30.123456789")).containsExactly(1705314030123456789L);
    DataType paris = new DataType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris");
    assertThat(parse(DataType.UTF8, false, paris, "%Y-%m-%d %H:%M:%S", true,
        "2024-01-15 10:20:30")).containsExactly(1705310430000000L);
    try (Column in = input(DataType.UTF8, false, "2024-01-15 10:20:30+02:00");
        Column out = ParseTemporal.strptime(in, MICROS, "%Y-%m-%d %H:%M:%S%z", true, true,
            BufferAllocator.current())) {
      assertThat(out.type()).isEqualTo(new DataType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
      assertThat(physical(out)).containsExactly(1705306830000000L);
    }
    assertThatThrownBy(() -> parse(DataType.UTF8, false, paris, "%Y-%m-%d %H:%M:%S", true,
        "2024-03-31 02:30:00"))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("non-existent");
  }

  @Test
  void strictFailureNamesValueRowAndFormat() {
    try (Column in = input(DataType.UTF8_VIEW, false, "2024-01-15", null, "2024-02-30")) {
      assertThatThrownBy(() -> ParseTemporal.strptime(
              in, DataType.DATE32, "%Y-%m-%d", true, true, BufferAllocator.current()))
          .isInstanceOf(ComputeException.class)
          .hasMessageContaining("\"2024-02-30\" at row 2")
          .hasMessageContaining("\"%Y-%m-%d\"");
    }
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void times(DataType layout, boolean sliced) {
    DataType time = new DataType.Time64(TimeUnit.NANOSECOND);
    assertThat(parse(layout, sliced, time, null, true, "10:20:30", "10:20:30.5", "25:00:00",
        "10:20", " 10:20:30", "1:2:3", "23:59:60", "10:20:30.123456789", "2024-01-15 10:20:30",
        null, "x"))
        .containsExactly(37230000000000L, 37230500000000L, null, null, 37230000000000L,
            3723000000000L, null, 37230123456789L, null, null, null);
    assertThat(parse(layout, sliced, time, "%H:%M:%S%.f", true, "10:20:60", "23:59:60",
        "10:59:60"))
        .containsExactly(37260000000000L, null, 39600000000000L);
    assertThat(parse(layout, sliced, time, "%Y-%m-%d %H:%M:%S", false, "2024-01-15 10:20:30"))
        .containsExactly(37230000000000L);
    assertThat(parse(layout, sliced, time, "%H", true, "10")).containsExactly((Long) null);
    assertThatThrownBy(() -> parse(layout, sliced, time, null, true, "x", "10:20:30"))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("parse times");
  }

  @Test
  void allNullsNeedNoFormat() {
    assertThat(parse(DataType.UTF8, false, DataType.DATE32, null, true, null, null))
        .containsExactly(null, null);
    assertThatThrownBy(() -> parse(DataType.UTF8, false, DataType.DATE32, null, true, "x"))
        .isInstanceOf(ComputeException.class);
  }
}
