package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * Every row of {@code left}, in order, paired with at most one row of {@code right}: the one whose
 * key is nearest before, after or around the left key, as Polars' {@code join_asof} and the
 * {@code options} say; the right columns of an unpaired left row are null. Both inputs must be
 * sorted by their key (within each by group). Output columns: {@link AsofJoinLayout}.
 */
public record AsofJoin(LogicalPlan left, LogicalPlan right, AsofJoinOptions options) implements LogicalPlan {
  /**
   * The plan line: {@code ASOF JOIN BACKWARD ON col("t") = col("t")}, then the options that differ
   * from Polars' defaults ({@code BY [g] = [g]}, {@code TOLERANCE 5}, {@code SUFFIX "_r"}, {@code NO
   * EXACT MATCHES}, {@code NO SORTEDNESS CHECK}, {@code NO COALESCE}).
   */
  public String describe() {
    StringBuilder text = new StringBuilder("ASOF JOIN ").append(options.strategy())
        .append(" ON col(\"").append(options.leftOn()).append("\") = col(\"").append(options.rightOn()).append("\")");
    if (!options.byLeft().isEmpty()) {
      text.append(" BY [").append(String.join(", ", options.byLeft())).append("] = [")
          .append(String.join(", ", options.byRight())).append(']');
    }
    if (options.tolerance() != null) {
      text.append(" TOLERANCE ").append(options.tolerance());
    }
    if (!options.suffix().equals("_right")) {
      text.append(" SUFFIX \"").append(options.suffix()).append('"');
    }
    if (!options.allowExactMatches()) {
      text.append(" NO EXACT MATCHES");
    }
    if (!options.checkSortedness()) {
      text.append(" NO SORTEDNESS CHECK");
    }
    if (!options.coalesce()) {
      text.append(" NO COALESCE");
    }
    return text.toString();
  }

  @Override
  public Schema schema() {
    return AsofJoinLayout.of(this).layout().schema();
  }

  @Override
  public List<LogicalPlan> inputs() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withInputs(List<LogicalPlan> inputs) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("an as-of join takes two inputs, got " + inputs.size());
    }
    return new AsofJoin(inputs.get(0), inputs.get(1), options);
  }
}
