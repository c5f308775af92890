package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import org.junit.jupiter.api.Test;

@LeakChecked
class KernelProviderTest {

  @Test
  void choiceFollowsTheForcingPropertyAndExplainsItself() {
    boolean forced = Boolean.getBoolean("floe.kernels.scalar");
    assertThat(KernelProvider.simd()).isEqualTo(!forced && preferredAtLeast256());
    assertThat(KernelProvider.description())
        .startsWith(KernelProvider.simd() ? "SIMD kernels (" : "scalar kernels: ");
    if (forced) {
      assertThat(KernelProvider.description()).contains("-Dfloe.kernels.scalar=true");
    }
  }

  private static boolean preferredAtLeast256() {
    return dev.floe.kernels.simd.VectorShape.preferredBits() >= 256;
  }
}
