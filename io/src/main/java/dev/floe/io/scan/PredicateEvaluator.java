package dev.floe.io.scan;

import java.util.function.Function;

/**
 * Evaluates a {@link ScanPredicate} over a group of rows from what is known of each column: the
 * {@link Outcomes} of each leaf come from its column's {@link ColumnRange}, and {@code And},
 * {@code Or} and {@code Not} combine them with Kleene's three-valued logic.
 */
public final class PredicateEvaluator {
  private PredicateEvaluator() {}

  /**
   * The values {@code predicate} may take over a group of rows.
   *
   * @param columns the range of each named column over the group (use {@link
   *     ColumnRange#unknown} for columns nothing is known about)
   */
  public static Outcomes evaluate(ScanPredicate predicate, Function<String, ColumnRange> columns) {
    return switch (predicate) {
      case ScanPredicate.Compare c -> columns.apply(c.column()).compare(c.column(), c.op(), c.literal());
      case ScanPredicate.IsNull n -> columns.apply(n.column()).isNull();
      case ScanPredicate.IsNotNull n -> columns.apply(n.column()).isNotNull();
      case ScanPredicate.In in -> columns.apply(in.column()).in(in.column(), in.values());
      case ScanPredicate.Not not -> evaluate(not.term(), columns).not();
      case ScanPredicate.And and -> {
        Outcomes result = Outcomes.TRUE;
        for (ScanPredicate term : and.terms()) {
          result = result.and(evaluate(term, columns));
        }
        yield result;
      }
      case ScanPredicate.Or or -> {
        Outcomes result = Outcomes.FALSE;
        for (ScanPredicate term : or.terms()) {
          result = result.or(evaluate(term, columns));
        }
        yield result;
      }
    };
  }
}
