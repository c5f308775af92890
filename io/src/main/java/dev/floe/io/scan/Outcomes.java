package dev.floe.io.scan;

/**
 * The values a predicate may take over the rows of a group under Kleene's three-valued logic, as
 * Polars evaluates filters: true (row kept), false, or null (a comparison involving a null; row
 * dropped). Tracking null apart from false keeps {@code Not} sound: {@code not(x > 5)} is null,
 * not true, where {@code x} is null. Each flag says the value may occur; sets are
 * over-approximations, so {@link #truth()} is conservative.
 *
 * @param canTrue some row may evaluate to true
 * @param canFalse some row may evaluate to false
 * @param canNull some row may evaluate to null
 */
public record Outcomes(boolean canTrue, boolean canFalse, boolean canNull) {
  /** No rows at all (an empty group). */
  public static final Outcomes NONE = new Outcomes(false, false, false);
  /** Every row true. */
  public static final Outcomes TRUE = new Outcomes(true, false, false);
  /** Every row false. */
  public static final Outcomes FALSE = new Outcomes(false, true, false);
  /** Every row null. */
  public static final Outcomes NULL = new Outcomes(false, false, true);
  /** Nothing known. */
  public static final Outcomes ANY = new Outcomes(true, true, true);

  /** The union of both sets: rows of either kind may occur. */
  public Outcomes union(Outcomes other) {
    return new Outcomes(canTrue || other.canTrue, canFalse || other.canFalse, canNull || other.canNull);
  }

  /** Kleene negation: true and false swap, null stays null. */
  public Outcomes not() {
    return new Outcomes(canFalse, canTrue, canNull);
  }

  /** Kleene conjunction of two predicates over the same rows (pairs assumed independent). */
  public Outcomes and(Outcomes other) {
    boolean canNullResult = (canNull && (other.canTrue || other.canNull))
        || (other.canNull && (canTrue || canNull));
    return new Outcomes(canTrue && other.canTrue, canFalse || other.canFalse, canNullResult)
        .emptyIf(isEmpty() || other.isEmpty());
  }

  /** Kleene disjunction of two predicates over the same rows (pairs assumed independent). */
  public Outcomes or(Outcomes other) {
    boolean canNullResult = (canNull && (other.canFalse || other.canNull))
        || (other.canNull && (canFalse || canNull));
    return new Outcomes(canTrue || other.canTrue, canFalse && other.canFalse, canNullResult)
        .emptyIf(isEmpty() || other.isEmpty());
  }

  /** True when no row exists. */
  public boolean isEmpty() {
    return !canTrue && !canFalse && !canNull;
  }

  /** Whether the filter keeps no row, every row, or some. */
  public Truth truth() {
    if (!canTrue) {
      return Truth.NEVER;
    }
    return canFalse || canNull ? Truth.MAYBE : Truth.ALWAYS;
  }

  private Outcomes emptyIf(boolean empty) {
    return empty ? NONE : this;
  }
}
