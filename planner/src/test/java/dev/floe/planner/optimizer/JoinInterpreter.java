package dev.floe.planner.optimizer;

import dev.floe.planner.plan.Join;
import dev.floe.planner.plan.JoinLayout;
import dev.floe.planner.plan.JoinOptions.MaintainOrder;
import dev.floe.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PlanInterpreter}'s joins: a nested loop over both row lists (the definition, not an
 * algorithm), pairs in the primary side's order (the left one, the right one for right joins or
 * when asked), unmatched primary rows in place, unmatched rows of the other side at the end.
 */
final class JoinInterpreter {
  private JoinInterpreter() {}

  static PlanInterpreter.Frame join(Join join, PlanInterpreter.Frame left, PlanInterpreter.Frame right) {
    List<ExprInterpreter.Value> leftKeys = join.leftOn().stream().map(key -> ExprInterpreter.eval(key, left)).toList();
    List<ExprInterpreter.Value> rightKeys = join.rightOn().stream().map(key -> ExprInterpreter.eval(key, right)).toList();
    int nl = left.rows().size();
    int nr = right.rows().size();
    MaintainOrder order = join.options().maintainOrder();
    boolean rightFirst = join.how() == JoinType.RIGHT
        ? order != MaintainOrder.LEFT && order != MaintainOrder.LEFT_RIGHT
        : order == MaintainOrder.RIGHT || order == MaintainOrder.RIGHT_LEFT;
    if (join.how() == JoinType.SEMI || join.how() == JoinType.ANTI) {
      rightFirst = false;
    }
    int primaryRows = rightFirst ? nr : nl;
    int secondaryRows = rightFirst ? nl : nr;
    boolean leftOuter = join.how() == JoinType.LEFT || join.how() == JoinType.FULL;
    boolean rightOuter = join.how() == JoinType.RIGHT || join.how() == JoinType.FULL;
    List<int[]> pairs = new ArrayList<>();
    boolean[] secondaryMatched = new boolean[secondaryRows];
    for (int p = 0; p < primaryRows; p++) {
      boolean found = false;
      for (int s = 0; s < secondaryRows; s++) {
        int l = rightFirst ? s : p;
        int r = rightFirst ? p : s;
        if (join.how() == JoinType.CROSS || matches(join, leftKeys, rightKeys, l, r)) {
          found = true;
          secondaryMatched[s] = true;
          if (join.how() != JoinType.SEMI && join.how() != JoinType.ANTI) {
            pairs.add(new int[] {l, r});
          }
        }
      }
      if (join.how() == JoinType.SEMI && found || join.how() == JoinType.ANTI && !found) {
        pairs.add(new int[] {p, -1});
      } else if (!found && (rightFirst ? rightOuter : leftOuter)) {
        pairs.add(rightFirst ? new int[] {-1, p} : new int[] {p, -1});
      }
    }
    if (rightFirst ? leftOuter : rightOuter) {
      for (int s = 0; s < secondaryRows; s++) {
        if (!secondaryMatched[s]) {
          pairs.add(rightFirst ? new int[] {s, -1} : new int[] {-1, s});
        }
      }
    }
    JoinLayout layout = JoinLayout.of(join);
    List<List<Object>> rows = new ArrayList<>();
    for (int[] pair : pairs) {
      List<Object> row = new ArrayList<>();
      for (JoinLayout.Column column : layout.columns()) {
        row.add(switch (column.side()) {
          case LEFT -> value(left, join.left().schema().field(column.index()).name(), pair[0]);
          case RIGHT -> value(right, join.right().schema().field(column.index()).name(), pair[1]);
          case KEY -> pair[0] >= 0 ? leftKeys.get(column.index()).at(pair[0])
              : rightKeys.get(column.index()).at(pair[1]);
        });
      }
      rows.add(row);
    }
    return new PlanInterpreter.Frame(layout.columns().stream().map(JoinLayout.Column::name).toList(), rows);
  }

  private static Object value(PlanInterpreter.Frame frame, String name, int row) {
    return row < 0 ? null : frame.rows().get(row).get(frame.names().indexOf(name));
  }

  private static boolean matches(Join join, List<ExprInterpreter.Value> leftKeys, List<ExprInterpreter.Value> rightKeys,
      int l, int r) {
    for (int key = 0; key < leftKeys.size(); key++) {
      Object a = leftKeys.get(key).at(l);
      Object b = rightKeys.get(key).at(r);
      if (a == null || b == null) {
        if (!(a == null && b == null && join.options().nullsEqual())) {
          return false;
        }
      } else if (ExprInterpreter.compare(a, b) != 0) {
        return false;
      }
    }
    return true;
  }
}
