package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Expr;
import java.util.List;

/**
 * The rows of {@code left} and {@code right} paired where the keys {@code leftOn} and {@code
 * rightOn} (expressions over each side, one pair per key) are equal, as Polars' {@code join}; the
 * other {@code options} (join type, suffix, validation, null matching, coalescing, order) say
 * which pairs and columns come out ({@link JoinLayout}). The options are kept without keys.
 */
public record Join(LogicalPlan left, LogicalPlan right, List<Expr> leftOn, List<Expr> rightOn, JoinOptions options)
    implements LogicalPlan {
  public Join {
    leftOn = List.copyOf(leftOn);
    rightOn = List.copyOf(rightOn);
    if (!options.leftOn().isEmpty() || !options.rightOn().isEmpty()) {
      options = options.withKeys(List.of(), List.of());
    }
  }

  /** The join of {@code left} and {@code right} as {@code options} (keys included) say. */
  public static Join of(LogicalPlan left, LogicalPlan right, JoinOptions options) {
    return new Join(left, right, options.leftOn(), options.rightOn(), options);
  }

  /**
   * The plan line: {@code LEFT JOIN ON [col("a")] = [col("b")]}, then the options that differ from
   * Polars' defaults ({@code SUFFIX "_r"}, {@code VALIDATE 1:1}, {@code NULLS EQUAL}, {@code
   * COALESCE}/{@code NO COALESCE}, {@code MAINTAIN ORDER LEFT}).
   */
  public String describe() {
    StringBuilder text = new StringBuilder(how().name()).append(" JOIN");
    if (how() != JoinType.CROSS) {
      text.append(" ON ").append(keys(leftOn)).append(" = ").append(keys(rightOn));
    }
    if (!options.suffix().equals("_right")) {
      text.append(" SUFFIX \"").append(options.suffix()).append('"');
    }
    if (options.validate() != JoinOptions.Validate.MANY_TO_MANY) {
      text.append(" VALIDATE ").append(options.validate().keyword());
    }
    if (options.nullsEqual()) {
      text.append(" NULLS EQUAL");
    }
    if (options.coalesce() != null) {
      text.append(options.coalesce() ? " COALESCE" : " NO COALESCE");
    }
    if (options.maintainOrder() != JoinOptions.MaintainOrder.NONE) {
      text.append(" MAINTAIN ORDER ").append(options.maintainOrder());
    }
    return text.toString();
  }

  private static String keys(List<Expr> keys) {
    return keys.stream().map(dev.floe.planner.expr.ExprPrinter::print)
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  public JoinType how() {
    return options.how();
  }

  @Override
  public Schema schema() {
    return JoinLayout.of(this).schema();
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("join takes two inputs, got " + inputs.size());
    }
    return new Join(inputs.get(0), inputs.get(1), leftOn, rightOn, options);
  }
}
