package dev.floe;

import dev.floe.testkit.LeakChecked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.format.DisplayOptions;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // changes process-wide settings
@LeakChecked
class FloeConfigTest {

  @Test
  void defaultsAreThoseOfPolars() {
    assertThat(FloeConfig.DEFAULTS).isEqualTo(new DisplayOptions(10, 8, 30, 3, 100));
  }

  @Test
  void settersAreFluentAndRestorable() {
    try {
      FloeConfig config = Floe.config().setTblRows(20).setTblCols(4).setStrLen(5).setListLen(1).setTblWidth(80);
      assertThat(config.current()).isEqualTo(new DisplayOptions(20, 4, 5, 1, 80));
      assertThat(config.tblRows()).isEqualTo(20);
    } finally {
      Floe.config().restoreDefaults();
    }
    assertThat(Floe.config().current()).isEqualTo(FloeConfig.DEFAULTS);
  }

  @Test
  void scopesApplyToTheirThreadAndNest() throws Exception {
    FloeConfig.Scope outer = Floe.config().withTblRows(3).apply();
    assertThat(Floe.config().tblRows()).isEqualTo(3);
    FloeConfig.Scope inner = Floe.config().withStrLen(7).apply();
    assertThat(Floe.config().current()).isEqualTo(FloeConfig.DEFAULTS.withTblRows(3).withStrLen(7));
    int otherThread = CompletableFuture.supplyAsync(() -> Floe.config().tblRows()).get();
    assertThat(otherThread).isEqualTo(10);
    inner.close();
    assertThat(Floe.config().strLen()).isEqualTo(30);
    assertThat(Floe.config().tblRows()).isEqualTo(3);
    outer.close();
    outer.close(); // idempotent
    assertThat(Floe.config().current()).isEqualTo(FloeConfig.DEFAULTS);
  }

  @Test
  void threadsAndMemoryLimitAreQuerySettings() {
    int defaultThreads = Floe.config().threads();
    long defaultLimit = Floe.config().memoryLimit();
    try (DataFrame frame = DataFrame.of(Series.ofLongs("a", 3, 1, 2))) {
      Floe.config().setThreads(1);
      assertThat(Floe.config().threads()).isEqualTo(1);
      try (DataFrame sorted = frame.lazy().sort("a").collect()) {
        assertThat(sorted.column("a").toList()).containsExactly(1L, 2L, 3L);
      }
      Floe.config().setMemoryLimit("1m");
      assertThat(Floe.config().memoryLimit()).isEqualTo(1L << 20);
    } finally {
      Floe.config().restoreDefaults();
    }
    assertThat(Floe.config().threads()).isEqualTo(defaultThreads);
    assertThat(Floe.config().memoryLimit()).isEqualTo(defaultLimit);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Floe.config().setThreads(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
