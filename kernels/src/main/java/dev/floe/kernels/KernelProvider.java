package dev.floe.kernels;

import java.lang.System.Logger.Level;

/**
 * Chooses, once per process, whether kernels run their SIMD implementation ({@code
 * dev.floe.kernels.simd}, the only package that may use {@code jdk.incubator.vector}) or their
 * scalar twin ({@code dev.floe.kernels.scalar}). The reason for a scalar choice is logged once.
 *
 * <p>Scalar is chosen when {@code -Dfloe.kernels.scalar=true} forces it, when the Vector API module
 * is not in the boot layer (run with {@code --add-modules=jdk.incubator.vector}), or when the
 * preferred vector size is below 256 bits (at 128 bits masked kernels ran ~20x slower than scalar
 * here; see STACK.md). The pattern follows Lucene's {@code VectorizationProvider}.
 */
public final class KernelProvider {
  private static final boolean SIMD;
  private static final String DESCRIPTION;

  static {
    String reason = scalarReason();
    SIMD = reason == null;
    DESCRIPTION =
        SIMD ? "SIMD kernels (" + dev.floe.kernels.simd.VectorShape.describe() + ")"
            : "scalar kernels: " + reason;
    if (!SIMD && !Boolean.getBoolean("floe.kernels.scalar")) {
      System.getLogger("dev.floe.kernels").log(Level.INFO, "Floe uses " + DESCRIPTION);
    }
  }

  private KernelProvider() {}

  /** True when kernels use their SIMD implementation. */
  public static boolean simd() {
    return SIMD;
  }

  /** What was chosen and why, e.g. "SIMD kernels (512-bit vectors)". */
  public static String description() {
    return DESCRIPTION;
  }

  private static String scalarReason() {
    if (Boolean.getBoolean("floe.kernels.scalar")) {
      return "forced by -Dfloe.kernels.scalar=true";
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return "the Vector API is not enabled (start the JVM with --add-modules=jdk.incubator.vector)";
    }
    int bits = dev.floe.kernels.simd.VectorShape.preferredBits();
    if (bits < 256) {
      return "the preferred vector size is " + bits + " bits (< 256, where SIMD does not pay off)";
    }
    return null;
  }
}
