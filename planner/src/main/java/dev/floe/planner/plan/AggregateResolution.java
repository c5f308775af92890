package dev.floe.planner.plan;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprPrinter;
import dev.floe.planner.expr.ExprTrees;
import dev.floe.planner.expr.ResolvedExpr;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.expr.Selector;
import dev.floe.planner.optimizer.RowWise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys and aggregations of an {@link Aggregate} resolved against its input's schema, and the
 * output schema: the keys, then one column per aggregation, typed as Polars 1.x types them (a sum
 * of i32 is i64, a mean f64, a count u32, a bare column a list of its type).
 *
 * @param keys the key expressions: row-wise, one value per input row
 * @param aggs the aggregations: each reduces a group to one value ({@link ResolvedExpr#scalar()}),
 *     or gives the group's values as a list ({@link #implodes}: a bare column, {@code col("x") * 2})
 */
public record AggregateResolution(List<ResolvedExpr> keys, List<ResolvedExpr> aggs, Schema schema) {

  /** Resolves {@code keys} and {@code aggs} over {@code input}; errors name the expression. */
  public static AggregateResolution of(Schema input, List<Expr> keys, List<Expr> aggs) {
    Resolver resolver = new Resolver(input);
    List<ResolvedExpr> resolvedKeys = resolver.resolve(keys);
    if (resolvedKeys.isEmpty()) {
      throw new InvalidOperationException("group_by needs at least one key column");
    }
    List<Field> fields = new ArrayList<>();
    for (ResolvedExpr key : resolvedKeys) {
      if (key.scalar() || !RowWise.isRowWise(key.expr())) {
        throw new InvalidOperationException("group_by key " + ExprPrinter.print(key.expr())
            + " must give one value per row (a column or a row-wise expression over columns)");
      }
      fields.add(Field.of(key.name(), key.type()));
    }
    List<ResolvedExpr> resolvedAggs = new ArrayList<>();
    for (ResolvedExpr agg : resolver.resolve(expandAggs(input, resolvedKeys, aggs))) {
      if (agg.scalar()) {
        resolvedAggs.add(agg);
      } else {
        // an expression that does not reduce (a bare column, col("x") * 2, x.filter(p)) gives
        // each group's values as a list, as in Polars (a bare column is Polars' implode)
        resolvedAggs.add(new ResolvedExpr(agg.expr(), agg.name(), DataType.ListType.of(agg.type()), false));
      }
      fields.add(Field.of(agg.name(), resolvedAggs.getLast().type()));
    }
    Set<String> seen = new HashSet<>();
    for (Field field : fields) {
      if (!seen.add(field.name())) {
        throw new InvalidOperationException("the name '" + field.name() + "' is duplicate in group_by(...).agg(...);"
            + " give one of the expressions another name with alias(...)");
      }
    }
    return new AggregateResolution(List.copyOf(resolvedKeys), List.copyOf(resolvedAggs), new Schema(fields));
  }

  /**
   * The aggregations with their selectors expanded. As in Polars, a selector in an aggregation
   * ({@code all().sum()}, {@code cs.numeric().mean()}) does not select the key columns.
   */
  public static List<Expr> expandAggs(Schema input, List<ResolvedExpr> keys, List<Expr> aggs) {
    Set<String> keyNames = new HashSet<>();
    keys.forEach(key -> keyNames.add(key.name()));
    List<Field> others = input.fields().stream().filter(field -> !keyNames.contains(field.name())).toList();
    Resolver full = new Resolver(input);
    Resolver withoutKeys = new Resolver(new Schema(others));
    List<Expr> expanded = new ArrayList<>();
    for (Expr agg : aggs) {
      boolean pattern = ExprTrees.firstSelector(agg).map(selector -> selector.kind() != Selector.Kind.NAMES)
          .orElse(false);
      expanded.addAll(pattern ? withoutKeys.expand(agg) : full.expand(agg));
    }
    return expanded;
  }

  /** {@link #expandAggs} with the keys resolved first. */
  public static List<Expr> expandAggsOver(Schema input, List<Expr> keys, List<Expr> aggs) {
    return expandAggs(input, new Resolver(input).resolve(keys), aggs);
  }

  /** True when aggregation {@code index} gives each group's values as a list. */
  public boolean implodes(int index) {
    return !aggs.get(index).scalar();
  }
}
