package dev.floe.planner.expr;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The analyzer of expressions against a {@link Schema}: expands selectors ({@code all()},
 * {@code col(regex)}, {@code exclude}, {@code cs.numeric()}), checks column names, computes output
 * names and types, casts operands to their {@link Supertypes supertype} and rejects operations the
 * types do not support, all before any data is touched. Errors name the offending expression.
 */
public final class Resolver {
  private final Schema schema;

  public Resolver(Schema schema) {
    this.schema = schema;
  }

  /** Each expression expanded and resolved, in order. */
  public List<ResolvedExpr> resolve(List<? extends Expr> exprs) {
    List<ResolvedExpr> resolved = new ArrayList<>();
    for (Expr expr : exprs) {
      for (Expr expanded : expand(expr)) {
        resolved.add(resolveSingle(expanded));
      }
    }
    return resolved;
  }

  /** One expression that must select exactly one output (a predicate, a sort key). */
  public ResolvedExpr resolveOne(Expr expr) {
    List<Expr> expanded = expand(expr);
    if (expanded.size() != 1) {
      throw new InvalidOperationException(
          "expected one column from " + expr + ", but it selects " + expanded.size());
    }
    return resolveSingle(expanded.getFirst());
  }

  // ---- expansion ----

  /** One expression per column the first selector in {@code expr} matches (or {@code expr}). */
  public List<Expr> expand(Expr expr) {
    Optional<Selector> selector = ExprTrees.firstSelector(expr);
    if (selector.isEmpty()) {
      return List.of(expr);
    }
    List<Expr> expanded = new ArrayList<>();
    for (String name : select(selector.get())) {
      expanded.addAll(expand(ExprTrees.replace(expr, selector.get(), new ColumnRef(name))));
    }
    return expanded;
  }

  private List<String> select(Selector selector) {
    for (String excluded : selector.excluded()) {
      requireColumn(excluded);
    }
    List<String> names = new ArrayList<>();
    if (selector.kind() == Selector.Kind.NAMES) {
      for (String name : selector.names()) {
        requireColumn(name);
        if (!selector.excluded().contains(name)) {
          names.add(name);
        }
      }
      return names;
    }
    Pattern pattern = selector.kind() == Selector.Kind.REGEX ? compile(selector.pattern()) : null;
    for (Field field : schema.fields()) {
      boolean matches =
          switch (selector.kind()) {
            case ALL -> true;
            case REGEX -> pattern.matcher(field.name()).find();
            case NUMERIC -> field.type().isNumeric() || field.type() instanceof DataType.Decimal128;
            case STRING -> field.type().isString();
            case TEMPORAL -> field.type().isTemporal();
            case BOOLEAN -> field.type() instanceof DataType.BooleanType;
            case NAMES -> false;
          };
      if (matches && !selector.excluded().contains(field.name())) {
        names.add(field.name());
      }
    }
    return names;
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException invalid) {
      throw new InvalidOperationException(
          "invalid regular expression in col(\"" + regex + "\"): " + invalid.getDescription());
    }
  }

  private void requireColumn(String name) {
    if (!schema.contains(name)) {
      throw new ColumnNotFoundException(name, schema.names());
    }
  }

  // ---- resolution of one expression ----

  private ResolvedExpr resolveSingle(Expr expr) {
    Typing.Typed typed = new Typing(schema).type(expr);
    Expr body = typed.expr();
    if (body instanceof Literal) {
      body = Typing.cast(typed, typed.type()); // a lone dynamic literal takes its default type
    }
    return new ResolvedExpr(body, ExprTrees.outputName(expr), typed.type(), typed.scalar());
  }
}
