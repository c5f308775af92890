package dev.floe.engine.expr;

import dev.floe.kernels.Strings;
import dev.floe.kernels.StringsNumbers;
import dev.floe.kernels.StringsRegex;
import dev.floe.kernels.StringsSplit;
import dev.floe.kernels.temporal.ParseTemporal;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.StringFunction;

/** The {@code str} namespace functions ({@link StringFunction}) over the string kernels. */
final class StringEvaluation {
  private final ExpressionEvaluator evaluator;
  private final BufferAllocator allocator;

  StringEvaluation(ExpressionEvaluator evaluator) {
    this.evaluator = evaluator;
    this.allocator = evaluator.allocator();
  }

  Column evaluate(StringFunction function) {
    try (Column input = evaluator.eval(function.input())) {
      return apply(function, input);
    }
  }

  private Column apply(StringFunction f, Column input) {
    return switch (f.op()) {
      case LEN_CHARS -> Strings.lenChars(input, allocator);
      case LEN_BYTES -> Strings.lenBytes(input, allocator);
      case CONTAINS -> Strings.contains(input, f.pattern(), f.literal(), allocator);
      case STARTS_WITH -> Strings.startsWith(input, f.pattern(), allocator);
      case ENDS_WITH -> Strings.endsWith(input, f.pattern(), allocator);
      case TO_LOWERCASE -> Strings.toLowercase(input, allocator);
      case TO_UPPERCASE -> Strings.toUppercase(input, allocator);
      case STRIP -> Strings.strip(input, allocator);
      case STRIP_PREFIX -> Strings.stripPrefix(input, f.pattern(), allocator);
      case STRIP_SUFFIX -> Strings.stripSuffix(input, f.pattern(), allocator);
      case REPLACE -> Strings.replace(input, f.pattern(), f.value(), f.literal(), false, allocator);
      case REPLACE_ALL ->
          Strings.replace(input, f.pattern(), f.value(), f.literal(), true, allocator);
      case SLICE -> Strings.slice(input, f.offset(), f.length(), allocator);
      case PAD_START -> Strings.padStart(input, f.width(), f.fill(), allocator);
      case PAD_END -> Strings.padEnd(input, f.width(), f.fill(), allocator);
      case ZFILL -> Strings.zfill(input, f.width(), allocator);
      case SPLIT ->
          StringsSplit.split(
              input, f.pattern(), f.options().inclusive(), f.literal(), f.options().strict(),
              allocator);
      case EXTRACT_ALL -> StringsSplit.extractAll(input, f.pattern(), allocator);
      case EXTRACT ->
          StringsRegex.extract(input, f.pattern(), f.options().groupIndex(), allocator);
      case COUNT_MATCHES -> StringsRegex.countMatches(input, f.pattern(), f.literal(), allocator);
      case TO_INTEGER ->
          StringsNumbers.toInteger(
              input, f.options().base(),
              f.options().target() == null ? DataType.INT64 : f.options().target(),
              f.options().strict(), allocator);
      case TO_DECIMAL -> StringsNumbers.toDecimal(input, f.options().scale(), allocator);
      case STRPTIME ->
          ParseTemporal.strptime(
              input, f.options().target(), f.pattern(), f.options().strict(),
              f.options().exact(), allocator);
    };
  }
}
