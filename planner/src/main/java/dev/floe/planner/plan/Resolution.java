package dev.floe.planner.plan;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How the expression-bearing nodes derive their schemas (the analyzer's rules, shared). */
final class Resolution {
  private Resolution() {}

  /** The output fields of {@code exprs} over {@code input}, names unique. */
  static List<ResolvedExpr> outputs(Schema input, List<Expr> exprs, String operation) {
    List<ResolvedExpr> resolved = new Resolver(input).resolve(exprs);
    Set<String> seen = new HashSet<>();
    for (ResolvedExpr expr : resolved) {
      if (!seen.add(expr.name())) {
        throw new InvalidOperationException("the name '" + expr.name() + "' is duplicate in " + operation
            + "(...); give one of the expressions another name with alias(...)");
      }
    }
    return resolved;
  }

  static Schema select(Schema input, List<Expr> exprs) {
    List<Field> fields = new ArrayList<>();
    for (ResolvedExpr expr : outputs(input, exprs, "select")) {
      fields.add(Field.of(expr.name(), expr.type()));
    }
    return new Schema(fields);
  }

  /** Input columns in place (replaced when an expression has their name), new ones appended. */
  static Schema withColumns(Schema input, List<Expr> exprs) {
    Map<String, Field> added = new LinkedHashMap<>();
    for (ResolvedExpr expr : outputs(input, exprs, "withColumns")) {
      added.put(expr.name(), Field.of(expr.name(), expr.type()));
    }
    List<Field> fields = new ArrayList<>(input.size() + added.size());
    for (Field field : input.fields()) {
      Field replacement = added.remove(field.name());
      fields.add(replacement != null ? replacement : field);
    }
    fields.addAll(added.values());
    return new Schema(fields, input.metadata());
  }

  /** Checks that {@code predicate} is one boolean column over {@code input}. */
  static void predicate(Schema input, Expr predicate, String operation) {
    ResolvedExpr resolved = new Resolver(input).resolveOne(predicate);
    if (!(resolved.type() instanceof DataType.BooleanType)) {
      throw new InvalidOperationException(
          operation + " needs a bool predicate, but " + predicate + " is " + resolved.type());
    }
  }
}
