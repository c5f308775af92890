package dev.floe.engine.exec;

import dev.floe.planner.expr.Binary;
import dev.floe.planner.expr.BinaryOp;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.IsIn;
import dev.floe.planner.expr.StringOp;
import dev.floe.planner.expr.Unary;
import dev.floe.planner.expr.UnaryOp;
import dev.floe.planner.expr.Literal;
import dev.floe.planner.expr.StringFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter's conjunction split in two stages: the other conjuncts first, then the string tests
 * ({@link #testsStrings}), evaluated only on the rows the first stage kept; a conjunction of string
 * tests only puts its equalities first. A string test costs tens of times a comparison of fixed-width values, and a
 * scan's conjunction on dates usually keeps few rows: TPC-H Q12 tests {@code l_shipmode} on the
 * 5% of {@code lineitem} its date conditions keep instead of all of it. Keeping the rows where
 * both stages are true is keeping the rows where the conjunction is true (null counts as false in
 * both), and the string tests split off cannot fail, so the result is the same.
 *
 * @param first the conjuncts evaluated on every row (null: none, no staging)
 * @param second the string tests evaluated on the rows {@code first} kept (null: no staging)
 */
record StagedPredicate(Expr first, Expr second) {
  /** The stages of {@code predicate}, or null when it is not a conjunction of both kinds. */
  static StagedPredicate of(Expr predicate) {
    List<Expr> conjuncts = new ArrayList<>();
    conjuncts(predicate, conjuncts);
    List<Expr> cheap = new ArrayList<>();
    List<Expr> strings = new ArrayList<>();
    for (Expr conjunct : conjuncts) {
      (testsStrings(conjunct) ? strings : cheap).add(conjunct);
    }
    if (cheap.isEmpty()) {
      // only string tests: equalities (a length check, then a few words) go first (Q19's
      // l_shipinstruct == 'DELIVER IN PERSON' before its l_shipmode.isIn)
      for (Expr test : List.copyOf(strings)) {
        if (test instanceof Binary binary && binary.op() == BinaryOp.EQ) {
          cheap.add(test);
          strings.remove(test);
        }
      }
    }
    if (cheap.isEmpty() || strings.isEmpty()) {
      return null;
    }
    return new StagedPredicate(and(cheap), and(strings));
  }

  private static void conjuncts(Expr expr, List<Expr> out) {
    if (expr instanceof Binary binary && binary.op() == BinaryOp.AND) {
      conjuncts(binary.left(), out);
      conjuncts(binary.right(), out);
    } else {
      out.add(expr);
    }
  }

  private static Expr and(List<Expr> exprs) {
    Expr all = exprs.getFirst();
    for (int index = 1; index < exprs.size(); index++) {
      all = new Binary(all, BinaryOp.AND, exprs.get(index));
    }
    return all;
  }

  /**
   * Whether the conjunct is a string test that cannot fail on a row: a column compared with a string
   * literal, a column's {@code isIn} of string literals, a column's contains/startsWith/endsWith,
   * or the negation of one of these.
   */
  static boolean testsStrings(Expr expr) {
    return switch (expr) {
      case Unary unary when unary.op() == UnaryOp.NOT -> testsStrings(unary.input());
      case Binary binary when COMPARISONS.contains(binary.op()) ->
          columnAndString(binary.left(), binary.right()) || columnAndString(binary.right(), binary.left());
      case IsIn isIn -> isIn.input() instanceof ColumnRef && !isIn.values().isEmpty()
          && isIn.values().stream().allMatch(value -> value.value() instanceof String);
      case StringFunction function -> function.input() instanceof ColumnRef
          && (function.op() == StringOp.CONTAINS || function.op() == StringOp.STARTS_WITH
              || function.op() == StringOp.ENDS_WITH);
      default -> false;
    };
  }

  private static boolean columnAndString(Expr column, Expr value) {
    return column instanceof ColumnRef && value instanceof Literal literal && literal.value() instanceof String;
  }

  private static final java.util.Set<BinaryOp> COMPARISONS = java.util.EnumSet.of(BinaryOp.EQ, BinaryOp.NE,
      BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE);
}
