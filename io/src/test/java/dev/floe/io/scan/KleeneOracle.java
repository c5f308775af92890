package dev.floe.io.scan;

import java.util.Map;
import java.util.function.ToIntBiFunction;

/**
 * Row-at-a-time evaluation of a {@link ScanPredicate} with Polars' semantics (Kleene logic: a
 * comparison with null is null, {@code not(null)} is null), written independently of the pruning
 * code so property tests can compare the two. Values are compared by the caller's {@code compare}.
 */
public final class KleeneOracle {
  private KleeneOracle() {}

  /** TRUE, FALSE or null for {@code predicate} on {@code row} (column name to value). */
  public static Boolean eval(ScanPredicate predicate, Map<String, Object> row,
      ToIntBiFunction<Object, Object> compare) {
    return switch (predicate) {
      case ScanPredicate.Compare c -> {
        Object value = row.get(c.column());
        if (value == null) {
          yield null;
        }
        int cmp = compare.applyAsInt(value, c.literal());
        yield switch (c.op()) {
          case EQ -> cmp == 0;
          case NE -> cmp != 0;
          case LT -> cmp < 0;
          case LE -> cmp <= 0;
          case GT -> cmp > 0;
          case GE -> cmp >= 0;
        };
      }
      case ScanPredicate.IsNull n -> row.get(n.column()) == null;
      case ScanPredicate.IsNotNull n -> row.get(n.column()) != null;
      case ScanPredicate.In in -> {
        Object value = row.get(in.column());
        yield value == null ? null : in.values().stream().anyMatch(v -> compare.applyAsInt(value, v) == 0);
      }
      case ScanPredicate.Not not -> {
        Boolean inner = eval(not.term(), row, compare);
        yield inner == null ? null : !inner;
      }
      case ScanPredicate.And and -> {
        Boolean result = true;
        for (ScanPredicate term : and.terms()) {
          Boolean next = eval(term, row, compare);
          result = Boolean.FALSE.equals(result) || Boolean.FALSE.equals(next) ? Boolean.FALSE
              : result == null || next == null ? null : Boolean.TRUE;
        }
        yield result;
      }
      case ScanPredicate.Or or -> {
        Boolean result = false;
        for (ScanPredicate term : or.terms()) {
          Boolean next = eval(term, row, compare);
          result = Boolean.TRUE.equals(result) || Boolean.TRUE.equals(next) ? Boolean.TRUE
              : result == null || next == null ? null : Boolean.FALSE;
        }
        yield result;
      }
    };
  }
}
