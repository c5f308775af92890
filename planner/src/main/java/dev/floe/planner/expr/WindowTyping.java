package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Types a {@link Window} as Polars does: the result has the input's type (an aggregate's type for
 * an aggregate, broadcast to its group's rows), except that mapping "join" of a length-keeping
 * input gives a list of that type per row. The partition and order keys are typed (so implicit
 * casts inside them become explicit) but do not change the result type. A window is never a
 * scalar: it has a value per row.
 */
final class WindowTyping {
  private final Typing typing;

  WindowTyping(Typing typing) {
    this.typing = typing;
  }

  Typing.Typed type(Window window) {
    if (containsWindow(window.input())) {
      throw new InvalidOperationException(
          "a window expression cannot contain another window expression in its input: " + window);
    }
    Typing.Typed input = typing.type(window.input());
    List<Expr> keys = typedKeys(window.partitionBy(), window, "partition");
    List<Expr> order = typedKeys(window.options().orderBy(), window, "order");
    WindowOptions options = new WindowOptions(
        order, window.options().descending(), window.options().nullsLast(), window.options().mapping());
    DataType type = input.type();
    if (options.mapping() == WindowOptions.Mapping.JOIN && !input.scalar()) {
      type = DataType.ListType.of(type);
    }
    return new Typing.Typed(new Window(input.expr(), keys, options), type, false);
  }

  private List<Expr> typedKeys(List<Expr> keys, Window window, String what) {
    List<Expr> typed = new ArrayList<>();
    for (Expr key : keys) {
      if (containsWindow(key)) {
        throw new InvalidOperationException(
            "a " + what + " key of a window cannot be a window expression: " + key + " in " + window);
      }
      Typing.Typed keyType = typing.type(key);
      if (keyType.type().isNested()) {
        throw new InvalidOperationException(
            "cannot " + what + " a window by " + keyType.type() + " values of " + key + " in "
                + window);
      }
      typed.add(keyType.expr());
    }
    return typed;
  }

  /** True when {@code expr} is or contains a {@link Window}. */
  static boolean containsWindow(Expr expr) {
    if (expr instanceof Window) {
      return true;
    }
    for (Expr child : ExprTrees.children(expr)) {
      if (containsWindow(child)) {
        return true;
      }
    }
    return false;
  }
}
