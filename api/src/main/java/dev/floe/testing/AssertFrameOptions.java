package dev.floe.testing;

/**
 * How {@link FrameAssertions} compares, as the keyword arguments of Polars'
 * {@code assert_frame_equal}. Immutable; start from {@link #DEFAULTS} and use the withers.
 *
 * @param checkRowOrder compare rows in order; when false rows are compared as multisets (both
 *     sides sorted first)
 * @param checkColumnOrder require the same column order; when false columns are matched by name
 * @param checkDtypes require the same column types; when false, numbers of different types compare
 *     by value
 * @param checkExact compare floats exactly; when false they may differ by
 *     {@code atol + rtol * |expected|}
 * @param rtol relative tolerance for floats (Polars: 1e-5)
 * @param atol absolute tolerance for floats (Polars: 1e-8)
 */
public record AssertFrameOptions(
    boolean checkRowOrder,
    boolean checkColumnOrder,
    boolean checkDtypes,
    boolean checkExact,
    double rtol,
    double atol) {

  /** Polars' defaults: orders and dtypes checked, floats within rtol 1e-5 and atol 1e-8. */
  public static final AssertFrameOptions DEFAULTS =
      new AssertFrameOptions(true, true, true, false, 1e-5, 1e-8);

  public AssertFrameOptions {
    if (!(rtol >= 0) || !(atol >= 0)) {
      throw new IllegalArgumentException(
          "tolerances must be >= 0, got rtol=" + rtol + ", atol=" + atol);
    }
  }

  public AssertFrameOptions withCheckRowOrder(boolean check) {
    return new AssertFrameOptions(check, checkColumnOrder, checkDtypes, checkExact, rtol, atol);
  }

  public AssertFrameOptions withCheckColumnOrder(boolean check) {
    return new AssertFrameOptions(checkRowOrder, check, checkDtypes, checkExact, rtol, atol);
  }

  public AssertFrameOptions withCheckDtypes(boolean check) {
    return new AssertFrameOptions(checkRowOrder, checkColumnOrder, check, checkExact, rtol, atol);
  }

  public AssertFrameOptions withCheckExact(boolean check) {
    return new AssertFrameOptions(checkRowOrder, checkColumnOrder, checkDtypes, check, rtol, atol);
  }

  public AssertFrameOptions withRtol(double tolerance) {
    return new AssertFrameOptions(
        checkRowOrder, checkColumnOrder, checkDtypes, checkExact, tolerance, atol);
  }

  public AssertFrameOptions withAtol(double tolerance) {
    return new AssertFrameOptions(
        checkRowOrder, checkColumnOrder, checkDtypes, checkExact, rtol, tolerance);
  }
}
