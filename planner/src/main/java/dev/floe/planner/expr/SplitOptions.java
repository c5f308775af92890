package dev.floe.planner.expr;

/**
 * The keyword arguments of {@code str().split(by, ...)}: {@code SplitOptions.DEFAULT.withInclusive(true)}.
 *
 * @param inclusive keep the separator at the end of each part
 * @param literal {@code by} is plain text (else a regular expression, split as Rust's
 *     {@code Regex::split}, empty matches included)
 * @param strict an invalid regular expression raises (else every row is null)
 */
public record SplitOptions(boolean inclusive, boolean literal, boolean strict) {
  /** Literal, not inclusive, strict. */
  public static final SplitOptions DEFAULT = new SplitOptions(false, true, true);

  public SplitOptions withInclusive(boolean newInclusive) {
    return new SplitOptions(newInclusive, literal, strict);
  }

  public SplitOptions withLiteral(boolean newLiteral) {
    return new SplitOptions(inclusive, newLiteral, strict);
  }

  public SplitOptions withStrict(boolean newStrict) {
    return new SplitOptions(inclusive, literal, newStrict);
  }
}
