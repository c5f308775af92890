package dev.floe.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TpchOptionsTest {
  @Test
  void defaultsAreScaleOneEveryQueryThreeWarmRunsInTheCache() {
    TpchOptions options = TpchOptions.parse();
    assertThat(options.scale()).isEqualTo(1.0);
    assertThat(options.queries()).isEmpty();
    assertThat(options.runs()).isEqualTo(3);
    assertThat(options.output()).isNull();
    assertThat(options.answers()).isNull();
    assertThat(options.json()).isNull();
    assertThat(options.data().toString()).endsWith(Path.of("floe", "tpch", "sf1").toString());
  }

  @Test
  void parsesEveryFlagInBothForms() {
    TpchOptions options = TpchOptions.parse("--scale", "0.1", "--queries", "1, q3,5,3", "--data", "d",
        "--output=o", "--runs", "0", "--answers", "a", "--json", "t.json");
    assertThat(options.scale()).isEqualTo(0.1);
    assertThat(options.queries()).containsExactly(1, 3, 5);
    assertThat(options.data()).isEqualTo(Path.of("d"));
    assertThat(options.output()).isEqualTo(Path.of("o"));
    assertThat(options.runs()).isZero();
    assertThat(options.answers()).isEqualTo(Path.of("a"));
    assertThat(options.json()).isEqualTo(Path.of("t.json"));
    assertThat(TpchOptions.parse("--scale", "0.1").data().getFileName()).isEqualTo(Path.of("sf0.1"));
    assertThat(TpchOptions.scaleName(10)).isEqualTo("10");
  }

  @Test
  void badValuesNameTheFlagTheValueAndTheValidForms() {
    assertThatThrownBy(() -> TpchOptions.parse("--scale", "big"))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("--scale 'big' is not valid; use a positive number");
    assertThatThrownBy(() -> TpchOptions.parse("--scale", "-1")).hasMessageContaining("--scale '-1'");
    assertThatThrownBy(() -> TpchOptions.parse("--queries", "1,23"))
        .hasMessageContaining("--queries '1,23' is not valid: '23' is not a query; use numbers 1 to 22");
    assertThatThrownBy(() -> TpchOptions.parse("--queries", "1,,2")).hasMessageContaining("'' is not a query");
    assertThatThrownBy(() -> TpchOptions.parse("--runs", "-2"))
        .hasMessageContaining("--runs '-2' is not valid; use a whole number 0 or more");
    assertThatThrownBy(() -> TpchOptions.parse("--runs")).hasMessageContaining("--runs needs a value");
    assertThatThrownBy(() -> TpchOptions.parse("--fast", "1")).hasMessageContaining("unknown option '--fast'");
    assertThatThrownBy(() -> TpchOptions.parse("sf1")).hasMessageContaining("unexpected argument 'sf1'");
    assertThatThrownBy(() -> new TpchOptions(1, List.of(0), Path.of("d"), null, 1, null, null))
        .hasMessageContaining("numbered 1 to 22, got 0");
  }
}
