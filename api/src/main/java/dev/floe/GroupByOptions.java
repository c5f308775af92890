package dev.floe;

/**
 * How {@code groupBy} groups rows, as Polars' {@code group_by(..., maintain_order=)}. Immutable:
 * {@code GroupByOptions.DEFAULT.withMaintainOrder(true)}.
 *
 * @param maintainOrder give the groups in order of their first row (Polars then guarantees the
 *     order; without it the order of groups is unspecified, though Floe also gives first-appearance
 *     order today)
 */
public record GroupByOptions(boolean maintainOrder) {
  /** Order of groups not guaranteed. */
  public static final GroupByOptions DEFAULT = new GroupByOptions(false);

  public GroupByOptions withMaintainOrder(boolean maintain) {
    return new GroupByOptions(maintain);
  }
}
