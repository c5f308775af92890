package dev.floe.arrowjava;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import dev.floe.testkit.LeakChecked;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rest of Floe's types through Arrow Java and back, one column at a time, each with a null:
 * what Arrow Java 19's C Data importer and exporter carry unchanged.
 */
@LeakChecked
class MoreTypesTest {
  private RootAllocator arrow;

  @BeforeEach
  void openArrow() {
    arrow = new RootAllocator();
  }

  @AfterEach
  void closeArrow() {
    arrow.close();
  }

  static Stream<Object[]> columns() {
    return Stream.of(
        new Object[] {DataType.INT8, new Object[] {(byte) 1, null, (byte) -3}},
        new Object[] {DataType.INT16, new Object[] {(short) 1, null, (short) -3}},
        new Object[] {DataType.INT32, new Object[] {1, null, -3}},
        new Object[] {DataType.UINT8, new Object[] {1, null, 255}},
        new Object[] {DataType.UINT32, new Object[] {1L, null, 4_000_000_000L}},
        new Object[] {DataType.UINT64, new Object[] {1L, null, -1L}},
        new Object[] {DataType.FLOAT32, new Object[] {1.5f, null, -3f}},
        new Object[] {DataType.LARGE_UTF8, new Object[] {"a", null, "ccc"}},
        new Object[] {DataType.UTF8_VIEW, new Object[] {"a", null, "a string longer than twelve bytes"}},
        new Object[] {DataType.BINARY, new Object[] {new byte[] {1, 2}, null, new byte[0]}},
        new Object[] {DataType.LARGE_BINARY, new Object[] {new byte[] {1, 2}, null, new byte[0]}},
        new Object[] {new DataType.FixedSizeBinary(2), new Object[] {new byte[] {1, 2}, null, new byte[] {3, 4}}},
        new Object[] {new DataType.Time64(TimeUnit.MICROSECOND), new Object[] {LocalTime.NOON, null, LocalTime.MIDNIGHT}},
        new Object[] {new DataType.Duration(TimeUnit.MILLISECOND), new Object[] {Duration.ofSeconds(5), null, Duration.ZERO}},
        new Object[] {new DataType.Timestamp(TimeUnit.NANOSECOND, null), new Object[] {java.time.LocalDateTime.of(2020, 1, 2, 3, 4), null, java.time.LocalDateTime.of(1960, 1, 1, 0, 0)}},
        new Object[] {DataType.LargeListType.of(DataType.UTF8), new Object[] {List.of("a", "b"), null, List.of()}},
        new Object[] {DataType.FixedSizeListType.of(DataType.INT64, 2), new Object[] {List.of(1L, 2L), null, List.of(3L, 4L)}});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void aColumnRoundTripsThroughArrowJava(DataType type, Object[] values) {
    try (DataFrame source = DataFrame.of(Series.of("c", type, values));
        ArrowJavaFrame view = ArrowJava.toArrowJava(source, arrow); DataFrame back = view.toFloe()) {
      assertThat(back).isEqualTo(source);
    }
  }
}
