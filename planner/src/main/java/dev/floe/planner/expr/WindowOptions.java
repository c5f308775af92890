package dev.floe.planner.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The keyword arguments of {@code over(...)}, as Polars 1.44's {@code over(partition_by, *,
 * order_by, descending, nulls_last, mapping_strategy)}:
 * {@code WindowOptions.DEFAULT.withOrderBy(col("t")).withDescending(true)}.
 *
 * @param orderBy the keys that order the rows within each group before the expression runs (empty:
 *     the rows' own order)
 * @param descending order by the {@code orderBy} keys from largest to smallest
 * @param nullsLast put null {@code orderBy} keys after the values (else before)
 * @param mapping how each group's result maps back to the rows
 */
public record WindowOptions(
    List<Expr> orderBy, boolean descending, boolean nullsLast, Mapping mapping) {

  /** No ordering, results mapped back to the rows of their group. */
  public static final WindowOptions DEFAULT =
      new WindowOptions(List.of(), false, false, Mapping.GROUP_TO_ROWS);

  public WindowOptions {
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(mapping, "mapping");
  }

  /** Polars' {@code mapping_strategy}. */
  public enum Mapping {
    /** Each row gets its group's result at its own position (an aggregate: broadcast). */
    GROUP_TO_ROWS,
    /** Each row gets its group's whole result as a list (an aggregate: broadcast as is). */
    JOIN,
    /** The groups' results one after another, in order of first appearance (changes the rows). */
    EXPLODE;

    /** The Polars name: group_to_rows, join or explode. */
    public String polarsName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public WindowOptions withOrderBy(Expr... keys) {
    return new WindowOptions(Arrays.asList(keys), descending, nullsLast, mapping);
  }

  public WindowOptions withOrderBy(String... names) {
    return withOrderBy(Arrays.stream(names).map(ColumnRef::new).toArray(Expr[]::new));
  }

  public WindowOptions withDescending(boolean newDescending) {
    return new WindowOptions(orderBy, newDescending, nullsLast, mapping);
  }

  public WindowOptions withNullsLast(boolean newNullsLast) {
    return new WindowOptions(orderBy, descending, newNullsLast, mapping);
  }

  public WindowOptions withMapping(Mapping newMapping) {
    return new WindowOptions(orderBy, descending, nullsLast, newMapping);
  }
}
