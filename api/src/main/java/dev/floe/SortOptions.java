package dev.floe;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link DataFrame#sort} orders rows, as Polars' {@code sort(descending=, nulls_last=,
 * maintain_order=)}. Immutable; change it with the withers:
 * {@code SortOptions.DEFAULT.withDescending(true, false).withNullsLast(true)}.
 *
 * @param descending per key; one value applies to every key; empty means all ascending
 * @param nullsLast nulls after all values (else before, Polars' default), for every key
 * @param maintainOrder keep the input order of equal keys; Floe's sort is always stable, so this
 *     is accepted for Polars compatibility and costs nothing
 */
public record SortOptions(List<Boolean> descending, boolean nullsLast, boolean maintainOrder) {
  /** Ascending, nulls first. */
  public static final SortOptions DEFAULT = new SortOptions(List.of(), false, false);

  public SortOptions {
    descending = List.copyOf(descending);
  }

  public SortOptions withDescending(boolean... perKey) {
    List<Boolean> values = new ArrayList<>(perKey.length);
    for (boolean value : perKey) {
      values.add(value);
    }
    return new SortOptions(values, nullsLast, maintainOrder);
  }

  public SortOptions withNullsLast(boolean last) {
    return new SortOptions(descending, last, maintainOrder);
  }

  public SortOptions withMaintainOrder(boolean maintain) {
    return new SortOptions(descending, nullsLast, maintain);
  }

  /** The direction of key {@code index} among {@code keyCount} keys. */
  boolean[] directions(int keyCount) {
    if (descending.size() > 1 && descending.size() != keyCount) {
      throw new dev.floe.errors.InvalidOperationException(
          "sort got " + keyCount + " keys but " + descending.size() + " descending flags");
    }
    boolean[] directions = new boolean[keyCount];
    for (int index = 0; index < keyCount; index++) {
      directions[index] = !descending.isEmpty() && descending.get(descending.size() == 1 ? 0 : index);
    }
    return directions;
  }
}
