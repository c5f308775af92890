package dev.floe.planner.expr;

/** Types the reshaping functions ({@link ReshapeFunction}): checks input types, inserts casts, names the result type. */
final class ReshapeTyping {
  private final Typing typing;

  ReshapeTyping(Typing typing) {
    this.typing = typing;
  }

  Typing.Typed type(ReshapeFunction function) {
    Typing.Typed input = typing.type(function.input());
    throw new UnsupportedOperationException(
        function.op().method() + " over " + input.type() + " in " + function);
  }
}
