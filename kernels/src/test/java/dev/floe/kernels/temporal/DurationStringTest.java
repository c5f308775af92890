package dev.floe.kernels.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.testkit.LeakChecked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Polars duration strings: units, combinations, the sign, and the errors for malformed ones. */
@LeakChecked
class DurationStringTest {
  private static final long HOUR = 3_600_000_000_000L;

  @Test
  void unitsGoToTheirParts() {
    assertThat(DurationString.parse("1d12h"))
        .isEqualTo(new DurationString("1d12h", 0, 0, 1, 12 * HOUR, false));
    assertThat(DurationString.parse("15m").nanos()).isEqualTo(15 * 60_000_000_000L);
    assertThat(DurationString.parse("3ns").nanos()).isEqualTo(3);
    assertThat(DurationString.parse("500us").nanos()).isEqualTo(500_000);
    assertThat(DurationString.parse("2ms").nanos()).isEqualTo(2_000_000);
    assertThat(DurationString.parse("1s").nanos()).isEqualTo(1_000_000_000);
    assertThat(DurationString.parse("1h").nanos()).isEqualTo(HOUR);
    assertThat(DurationString.parse("1w").weeks()).isEqualTo(1);
    assertThat(DurationString.parse("1mo").months()).isEqualTo(1);
    assertThat(DurationString.parse("1q").months()).isEqualTo(3);
    assertThat(DurationString.parse("1y").months()).isEqualTo(12);
    assertThat(DurationString.parse("1y2mo1q3w2d").months()).isEqualTo(17);
    assertThat(DurationString.parse("1y2mo1q3w2d").weeks()).isEqualTo(3);
    assertThat(DurationString.parse("1y2mo1q3w2d").days()).isEqualTo(2);
  }

  @Test
  void aLeadingMinusNegatesTheWhole() {
    DurationString minus = DurationString.parse("-1mo2d");
    assertThat(minus.negative()).isTrue();
    assertThat(minus.sign()).isEqualTo(-1);
    assertThat(minus.months()).isEqualTo(1);
    assertThat(minus.days()).isEqualTo(2);
    assertThat(DurationString.parse("0d").isZero()).isTrue();
  }

  @Test
  void roundingApproximatesAMonthAs28Days() {
    long perDayMicros = 86_400_000_000L;
    assertThat(DurationString.parse("1mo").approximate(1_000)).isEqualTo(28 * perDayMicros);
    assertThat(DurationString.parse("1w1d").approximate(1_000)).isEqualTo(8 * perDayMicros);
    assertThat(DurationString.parse("90m").approximate(1_000_000)).isEqualTo(5_400_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1x", "d", "1", "1d-2h", "--1d", "-", "1.5h", "h1", "99999999999999999999d"})
  void malformedStringsNameTheStringAndTheUnits(String text) {
    assertThatThrownBy(() -> DurationString.parse(text))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void anUnknownUnitListsTheValidOnes() {
    assertThatThrownBy(() -> DurationString.parse("3x"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("'x'")
        .hasMessageContaining("'mo'")
        .hasMessageContaining("'ns'");
  }
}
