package dev.floe.planner.expr;

/**
 * The keyword arguments of {@code valueCounts(...)}:
 * {@code ValueCountsOptions.DEFAULT.withSort(true).withName("n")}.
 *
 * @param sort most frequent values first (ties in order of first appearance)
 * @param normalize each value's share of all rows (f64) instead of its count (u32)
 * @param name the count field's name; null: "count", or "proportion" when normalized
 */
public record ValueCountsOptions(boolean sort, boolean normalize, String name) {
  /** Unsorted counts named "count". */
  public static final ValueCountsOptions DEFAULT = new ValueCountsOptions(false, false, null);

  public ValueCountsOptions withSort(boolean newSort) {
    return new ValueCountsOptions(newSort, normalize, name);
  }

  public ValueCountsOptions withNormalize(boolean newNormalize) {
    return new ValueCountsOptions(sort, newNormalize, name);
  }

  public ValueCountsOptions withName(String newName) {
    return new ValueCountsOptions(sort, normalize, newName);
  }
}
