package dev.floe.planner.optimizer;

import dev.floe.planner.plan.AsofJoin;
import dev.floe.planner.plan.AsofJoinLayout;
import dev.floe.planner.plan.AsofJoinOptions;
import dev.floe.planner.plan.AsofStrategy;
import dev.floe.planner.plan.JoinLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link PlanInterpreter}'s as-of joins by their definition, a scan of all right rows per left
 * row: among the right rows of the same by values (none null) and a non-null key, backward takes the
 * largest key at most the left one, forward the smallest at least it, nearest the closest (a tie to
 * the larger key); of equal keys the last row, except forward, which takes the first. Integer
 * keys only (tolerance as a number); the order of the inputs does not matter here.
 */
final class AsofInterpreter {
  private AsofInterpreter() {}

  static PlanInterpreter.Frame join(AsofJoin join, PlanInterpreter.Frame left, PlanInterpreter.Frame right) {
    AsofJoinOptions options = join.options();
    int leftKey = left.names().indexOf(options.leftOn());
    int rightKey = right.names().indexOf(options.rightOn());
    List<List<Object>> rows = new ArrayList<>();
    JoinLayout layout = AsofJoinLayout.of(join).layout();
    for (List<Object> leftRow : left.rows()) {
      int match = -1;
      Object key = leftRow.get(leftKey);
      for (int r = 0; key != null && r < right.rows().size(); r++) {
        List<Object> rightRow = right.rows().get(r);
        Object candidate = rightRow.get(rightKey);
        if (candidate == null || !sameGroup(options, left, leftRow, right, rightRow)) {
          continue;
        }
        long l = ((Number) key).longValue();
        long c = ((Number) candidate).longValue();
        if (!allowed(options, l, c)) {
          continue;
        }
        if (match < 0 || better(options.strategy(), l, c, ((Number) right.rows().get(match).get(rightKey)).longValue())) {
          match = r;
        }
      }
      List<Object> row = new ArrayList<>();
      for (JoinLayout.Column column : layout.columns()) {
        String name = (column.side() == JoinLayout.Side.LEFT ? join.left() : join.right()).schema()
            .field(column.index()).name();
        row.add(column.side() == JoinLayout.Side.LEFT ? leftRow.get(left.names().indexOf(name))
            : match < 0 ? null : right.rows().get(match).get(right.names().indexOf(name)));
      }
      rows.add(row);
    }
    return new PlanInterpreter.Frame(layout.columns().stream().map(JoinLayout.Column::name).toList(), rows);
  }

  private static boolean sameGroup(AsofJoinOptions options, PlanInterpreter.Frame left, List<Object> leftRow,
      PlanInterpreter.Frame right, List<Object> rightRow) {
    for (int index = 0; index < options.byLeft().size(); index++) {
      Object a = leftRow.get(left.names().indexOf(options.byLeft().get(index)));
      Object b = rightRow.get(right.names().indexOf(options.byRight().get(index)));
      if (a == null || !Objects.equals(a, b)) {
        return false;
      }
    }
    return true;
  }

  /** Whether right key {@code c} may pair with left key {@code l} at all (side, exactness, tolerance). */
  private static boolean allowed(AsofJoinOptions options, long l, long c) {
    if (c == l && !options.allowExactMatches()) {
      return false;
    }
    if (options.tolerance() != null && Math.abs(c - l) > ((Number) options.tolerance()).doubleValue()) {
      return false;
    }
    return switch (options.strategy()) {
      case BACKWARD -> c <= l;
      case FORWARD -> c >= l;
      case NEAREST -> true;
    };
  }

  /** Whether a later right row with key {@code c} replaces the match so far (key {@code best}). */
  private static boolean better(AsofStrategy strategy, long l, long c, long best) {
    return switch (strategy) {
      case BACKWARD -> c >= best;
      case FORWARD -> c < best;
      case NEAREST -> Math.abs(c - l) < Math.abs(best - l) || Math.abs(c - l) == Math.abs(best - l) && c >= best;
    };
  }
}
