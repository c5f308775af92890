package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;

/** Types the {@code str} namespace functions ({@link StringFunction}). */
final class StringTyping {
  private final Typing typing;

  StringTyping(Typing typing) {
    this.typing = typing;
  }

  Typing.Typed type(StringFunction function) {
    Typing.Typed input = typing.type(function.input());
    if (!input.type().isString()) {
      throw new InvalidOperationException(
          "cannot apply str." + function.op().method() + "() to " + input.type() + " in "
              + function);
    }
    if (!function.literal() && function.pattern() != null) {
      try {
        java.util.regex.Pattern.compile(function.pattern());
      } catch (java.util.regex.PatternSyntaxException invalid) {
        throw new InvalidOperationException(
            "invalid regular expression " + ExprPrinter.quote(function.pattern()) + ": "
                + invalid.getDescription() + " in " + function);
      }
    }
    return new Typing.Typed(
        function.withInput(input.expr()), function.op().outputType(input.type()), input.scalar());
  }
}
