package dev.floe.planner.plan;

import dev.floe.memory.types.Schema;
import java.util.List;

/**
 * A node of a lazy query's logical plan: an immutable record that names what to compute, not how.
 * Expressions are kept as the user wrote them; {@link #schema()} resolves them against the input's
 * schema (name and type errors surface there, before anything runs), so a plan can always say
 * what it will produce. Rewrites build new nodes with {@link #withInputs}; a rule that does not
 * apply returns the node it was given.
 */
public sealed interface LogicalPlan
    permits Scan, Filter, Select, WithColumns, Sort, Slice, Distinct, Union, Cache, Aggregate, Join,
        AsofJoin, Explode {
  /** The columns this node produces, resolved against its inputs. */
  Schema schema();

  /** The nodes this one reads, in order (empty for a scan). */
  List<LogicalPlan> inputs();

  /** This node over other inputs (same count), everything else unchanged. */
  LogicalPlan withInputs(List<LogicalPlan> inputs);

  /** The single input of a unary node. */
  static LogicalPlan only(List<LogicalPlan> inputs, String node) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(node + " takes one input, got " + inputs.size());
    }
    return inputs.getFirst();
  }
}
