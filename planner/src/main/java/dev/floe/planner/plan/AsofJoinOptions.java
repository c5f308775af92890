package dev.floe.planner.plan;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How an as-of join pairs rows, with Polars' keywords ({@code DataFrame.join_asof(other, on=,
 * left_on=, right_on=, by=, by_left=, by_right=, strategy=, suffix=, tolerance=,
 * allow_exact_matches=, check_sortedness=, coalesce=)}). Immutable; start from {@link #on} or
 * {@link #leftOn} and change it with the withers:
 * {@code AsofJoinOptions.on("time").by("ticker").strategy(AsofStrategy.NEAREST).tolerance(Duration.ofSeconds(5))}.
 *
 * @param leftOn the left key column (sorted ascending, nulls first)
 * @param rightOn the right key column (sorted likewise)
 * @param byLeft left columns that must equal {@code byRight} for two rows to pair (may be empty)
 * @param byRight the right columns paired with {@code byLeft}, as many of them
 * @param strategy which right row a left row takes
 * @param tolerance the largest key distance of a pair, or null for any: a {@link Number} (in the
 *     key's units: days for dates, the time unit for timestamps) or a {@link Duration} (temporal
 *     keys only)
 * @param suffix appended to a right column whose name the left side already uses
 * @param allowExactMatches whether a right key equal to the left key may pair
 * @param checkSortedness whether to fail when a key column is not sorted (within each by group)
 * @param coalesce whether the right key column is dropped when both keys have one name
 */
public record AsofJoinOptions(String leftOn, String rightOn, List<String> byLeft, List<String> byRight,
    AsofStrategy strategy, Object tolerance, String suffix, boolean allowExactMatches, boolean checkSortedness,
    boolean coalesce) {
  public AsofJoinOptions {
    Objects.requireNonNull(leftOn, "leftOn");
    Objects.requireNonNull(rightOn, "rightOn");
    byLeft = List.copyOf(byLeft);
    byRight = List.copyOf(byRight);
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(suffix, "suffix");
    if (tolerance != null) {
      checkTolerance(tolerance);
    }
  }

  private static void checkTolerance(Object tolerance) {
    switch (tolerance) {
      case Duration duration when duration.isNegative() ->
          throw new IllegalArgumentException("joinAsof tolerance must not be negative, got " + duration);
      case Duration duration -> { }
      case Number number when !(number.doubleValue() >= 0) ->
          throw new IllegalArgumentException("joinAsof tolerance must be a number >= 0, got " + number);
      case Number number -> { }
      default -> throw new IllegalArgumentException(
          "joinAsof tolerance is a Number or a java.time.Duration, got " + tolerance.getClass().getName());
    }
  }

  /** Joins on a key column of the same name on both sides. */
  public static AsofJoinOptions on(String column) {
    return leftOn(column).rightOn(column);
  }

  /** Joins on this left key column; give the right one with {@link #rightOn}. */
  public static AsofJoinOptions leftOn(String column) {
    return new AsofJoinOptions(column, column, List.of(), List.of(), AsofStrategy.BACKWARD, null, "_right", true, true,
        true);
  }

  public AsofJoinOptions rightOn(String column) {
    return new AsofJoinOptions(leftOn, column, byLeft, byRight, strategy, tolerance, suffix, allowExactMatches,
        checkSortedness, coalesce);
  }

  /** Pairs only rows whose values in these columns (on both sides) are equal and not null. */
  public AsofJoinOptions by(String... columns) {
    return byLeft(columns).byRight(columns);
  }

  public AsofJoinOptions byLeft(String... columns) {
    return new AsofJoinOptions(leftOn, rightOn, Arrays.asList(columns), byRight, strategy, tolerance, suffix,
        allowExactMatches, checkSortedness, coalesce);
  }

  public AsofJoinOptions byRight(String... columns) {
    return new AsofJoinOptions(leftOn, rightOn, byLeft, Arrays.asList(columns), strategy, tolerance, suffix,
        allowExactMatches, checkSortedness, coalesce);
  }

  public AsofJoinOptions strategy(AsofStrategy which) {
    return new AsofJoinOptions(leftOn, rightOn, byLeft, byRight, which, tolerance, suffix, allowExactMatches,
        checkSortedness, coalesce);
  }

  /** The largest key distance, in the key's units (days for dates); null for none. */
  public AsofJoinOptions tolerance(Number distance) {
    return withTolerance(distance);
  }

  /** The largest key distance of temporal keys. */
  public AsofJoinOptions tolerance(Duration distance) {
    return withTolerance(distance);
  }

  private AsofJoinOptions withTolerance(Object distance) {
    return new AsofJoinOptions(leftOn, rightOn, byLeft, byRight, strategy, distance, suffix, allowExactMatches,
        checkSortedness, coalesce);
  }

  public AsofJoinOptions suffix(String text) {
    return new AsofJoinOptions(leftOn, rightOn, byLeft, byRight, strategy, tolerance, text, allowExactMatches,
        checkSortedness, coalesce);
  }

  public AsofJoinOptions allowExactMatches(boolean allow) {
    return new AsofJoinOptions(leftOn, rightOn, byLeft, byRight, strategy, tolerance, suffix, allow,
        checkSortedness, coalesce);
  }

  public AsofJoinOptions checkSortedness(boolean check) {
    return new AsofJoinOptions(leftOn, rightOn, byLeft, byRight, strategy, tolerance, suffix, allowExactMatches,
        check, coalesce);
  }

  public AsofJoinOptions coalesce(boolean merge) {
    return new AsofJoinOptions(leftOn, rightOn, byLeft, byRight, strategy, tolerance, suffix, allowExactMatches,
        checkSortedness, merge);
  }

  /** Whether the right key column is left out of the output (coalesced into the left one). */
  public boolean dropsRightKey() {
    return coalesce && leftOn.equals(rightOn);
  }
}
