package dev.floe.planner.expr;

/** Types the sequence functions ({@link SequenceFunction}): checks input types, inserts casts, names the result type. */
final class SequenceTyping {
  private final Typing typing;

  SequenceTyping(Typing typing) {
    this.typing = typing;
  }

  Typing.Typed type(SequenceFunction function) {
    Typing.Typed input = typing.type(function.input());
    throw new UnsupportedOperationException(
        function.op().method() + " over " + input.type() + " in " + function);
  }
}
