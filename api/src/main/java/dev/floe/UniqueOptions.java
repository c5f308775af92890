package dev.floe;

import java.util.List;

/**
 * How {@link DataFrame#unique(UniqueOptions)} deduplicates rows, as Polars' {@code unique(subset=,
 * keep=, maintain_order=)}. Immutable; change it with the withers:
 * {@code UniqueOptions.DEFAULT.withSubset("a", "b").withKeep(UniqueOptions.Keep.LAST)}.
 *
 * @param subset the columns whose values identify a duplicate; empty means all columns
 * @param keep which row of a set of duplicates survives
 * @param maintainOrder keep the surviving rows in their input order (Floe always does; accepted for
 *     Polars compatibility)
 */
public record UniqueOptions(List<String> subset, Keep keep, boolean maintainOrder) {
  /** All columns, keep any, order not maintained. */
  public static final UniqueOptions DEFAULT = new UniqueOptions(List.of(), Keep.ANY, false);

  /** Which row of a set of duplicates {@code unique} keeps. */
  public enum Keep {
    /** The first row of each set. */
    FIRST,
    /** The last row of each set. */
    LAST,
    /** Any one row of each set (Floe: the first). */
    ANY,
    /** No row of a set with duplicates: only rows whose key occurs once. */
    NONE
  }

  public UniqueOptions {
    subset = List.copyOf(subset);
    java.util.Objects.requireNonNull(keep, "keep");
  }

  public UniqueOptions withSubset(String... columns) {
    return new UniqueOptions(List.of(columns), keep, maintainOrder);
  }

  public UniqueOptions withKeep(Keep which) {
    return new UniqueOptions(subset, which, maintainOrder);
  }

  public UniqueOptions withMaintainOrder(boolean maintain) {
    return new UniqueOptions(subset, keep, maintain);
  }
}
