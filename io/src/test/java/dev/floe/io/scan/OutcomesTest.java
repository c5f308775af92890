package dev.floe.io.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import org.junit.jupiter.api.Test;

/** Kleene logic over sets of outcomes and the verdict they give. */
@LeakChecked
class OutcomesTest {
  @Test
  void verdicts() {
    assertThat(Outcomes.TRUE.truth()).isEqualTo(Truth.ALWAYS);
    assertThat(Outcomes.FALSE.truth()).isEqualTo(Truth.NEVER);
    assertThat(Outcomes.NULL.truth()).isEqualTo(Truth.NEVER);
    assertThat(Outcomes.NONE.truth()).isEqualTo(Truth.NEVER);
    assertThat(Outcomes.ANY.truth()).isEqualTo(Truth.MAYBE);
    assertThat(Outcomes.TRUE.union(Outcomes.NULL).truth()).isEqualTo(Truth.MAYBE);
  }

  @Test
  void notKeepsNullsNull() {
    assertThat(Outcomes.NULL.not()).isEqualTo(Outcomes.NULL);
    assertThat(Outcomes.TRUE.not()).isEqualTo(Outcomes.FALSE);
    assertThat(Outcomes.TRUE.union(Outcomes.NULL).not()).isEqualTo(Outcomes.FALSE.union(Outcomes.NULL));
  }

  @Test
  void andFollowsKleene() {
    assertThat(Outcomes.NULL.and(Outcomes.FALSE)).isEqualTo(Outcomes.FALSE);
    assertThat(Outcomes.NULL.and(Outcomes.TRUE)).isEqualTo(Outcomes.NULL);
    assertThat(Outcomes.NULL.and(Outcomes.NULL)).isEqualTo(Outcomes.NULL);
    assertThat(Outcomes.TRUE.and(Outcomes.TRUE)).isEqualTo(Outcomes.TRUE);
    assertThat(Outcomes.ANY.and(Outcomes.FALSE)).isEqualTo(Outcomes.FALSE);
  }

  @Test
  void orFollowsKleene() {
    assertThat(Outcomes.NULL.or(Outcomes.TRUE)).isEqualTo(Outcomes.TRUE);
    assertThat(Outcomes.NULL.or(Outcomes.FALSE)).isEqualTo(Outcomes.NULL);
    assertThat(Outcomes.FALSE.or(Outcomes.FALSE)).isEqualTo(Outcomes.FALSE);
    assertThat(Outcomes.ANY.or(Outcomes.TRUE)).isEqualTo(Outcomes.TRUE);
  }

  @Test
  void emptyGroupsStayEmpty() {
    assertThat(Outcomes.NONE.and(Outcomes.TRUE)).isEqualTo(Outcomes.NONE);
    assertThat(Outcomes.NONE.or(Outcomes.TRUE)).isEqualTo(Outcomes.NONE);
    assertThat(Outcomes.NONE.not().isEmpty()).isTrue();
  }
}
