package dev.floe.planner.expr;

/** Types the dt functions ({@link TemporalFunction}): checks input types, inserts casts, names the result type. */
final class TemporalTyping {
  private final Typing typing;

  TemporalTyping(Typing typing) {
    this.typing = typing;
  }

  /**
   * Arithmetic and comparison with temporal operands (date - date, datetime + duration, ...), or
   * null when neither side is temporal and the numeric rules apply.
   */
  static Typing.Typed binary(Binary binary, Typing.Typed left, Typing.Typed right) {
    return null;
  }

  Typing.Typed type(TemporalFunction function) {
    Typing.Typed input = typing.type(function.input());
    throw new UnsupportedOperationException(
        function.op().method() + " over " + input.type() + " in " + function);
  }
}
