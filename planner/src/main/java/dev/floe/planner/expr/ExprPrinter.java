package dev.floe.planner.expr;

import java.util.List;
import java.util.stream.Collectors;

/** Prints expressions as Polars-like text: {@code (col("a") + 1).sum().alias("s")}. */
public final class ExprPrinter {
  private ExprPrinter() {}

  public static String print(Expr expr) {
    return switch (expr) {
      case ColumnRef column -> "col(" + quote(column.columnName()) + ")";
      case Literal literal -> value(literal.value());
      case FrameLength length -> "len()";
      case Alias alias -> receiver(alias.input()) + ".alias(" + quote(alias.outputName()) + ")";
      case Binary binary ->
          binary.op() == BinaryOp.EQ_MISSING
              ? receiver(binary.left()) + ".eqMissing(" + print(binary.right()) + ")"
              : operand(binary.left()) + " " + binary.op().symbol() + " " + operand(binary.right());
      case Unary unary -> receiver(unary.input()) + "." + unary.op().method() + "()";
      case CastExpr cast ->
          receiver(cast.input()) + ".cast(" + cast.type() + (cast.strict() ? "" : ", strict=false")
              + ")";
      case FillNullExpr fill ->
          receiver(fill.input()) + ".fillNull("
              + (fill.value() != null ? print(fill.value()) : fill.strategy().name()) + ")";
      case Ternary ternary -> ternary(ternary);
      case IsIn isIn ->
          receiver(isIn.input()) + ".isIn(["
              + isIn.values().stream().map(ExprPrinter::print).collect(Collectors.joining(", "))
              + "])";
      case IsBetween between ->
          receiver(between.input()) + ".isBetween(" + print(between.lower()) + ", "
              + print(between.upper()) + closed(between) + ")";
      case MathExpr math -> receiver(math.input()) + "." + math.function().method() + "()";
      case StringFunction string -> string(string);
      case ConcatStr concat ->
          "concatStr(["
              + concat.inputs().stream().map(ExprPrinter::print).collect(Collectors.joining(", "))
              + "], " + quote(concat.separator()) + ")";
      case Round round -> receiver(round.input()) + ".round(" + round.decimals() + ")";
      case Clip clip ->
          receiver(clip.input()) + ".clip(" + value(clip.lower()) + ", " + value(clip.upper())
              + ")";
      case Correlation corr -> "pl.corr(" + print(corr.a()) + ", " + print(corr.b()) + ")";
      case Agg agg ->
          receiver(agg.input()) + "." + agg.function().method() + "("
              + (isDdofFunction(agg) && agg.ddof() != 1 ? "ddof=" + agg.ddof() : "")
              + (agg.function() == AggFunction.QUANTILE
                  ? agg.quantile() + ", " + quote(agg.interpolation().polarsName())
                  : "")
              + ")";
      case Selector selector -> selector(selector);
      case TemporalFunction temporal -> receiver(temporal.input()) + ".dt()." + temporal.printCall();
      case SequenceFunction sequence -> receiver(sequence.input()) + "." + sequence.printCall();
      case ReshapeFunction reshape -> receiver(reshape.input()) + "." + reshape.printCall();
      case Window window -> receiver(window.input()) + window.printCall();
      case NameMap map ->
          receiver(map.input()) + ".name()"
              + (!map.prefix().isEmpty() ? ".prefix(" + quote(map.prefix()) + ")" : "")
              + (!map.suffix().isEmpty() ? ".suffix(" + quote(map.suffix()) + ")" : "")
              + (map.prefix().isEmpty() && map.suffix().isEmpty() ? ".keep()" : "");
    };
  }

  private static String string(StringFunction f) {
    String args =
        switch (f.op()) {
          case LEN_CHARS, LEN_BYTES, TO_LOWERCASE, TO_UPPERCASE, STRIP -> "";
          case CONTAINS -> quote(f.pattern()) + (f.literal() ? ", literal=true" : "");
          case STARTS_WITH, ENDS_WITH, STRIP_PREFIX, STRIP_SUFFIX -> quote(f.pattern());
          case REPLACE, REPLACE_ALL ->
              quote(f.pattern()) + ", " + quote(f.value()) + (f.literal() ? ", literal=true" : "");
          case SLICE -> f.offset() + (f.length() != null ? ", " + f.length() : "");
          case PAD_START, PAD_END -> f.width() + ", " + quote(String.valueOf(f.fill()));
          case ZFILL -> String.valueOf(f.width());
          case SPLIT ->
              quote(f.pattern()) + (f.options().inclusive() ? ", inclusive=true" : "")
                  + (f.literal() ? "" : ", literal=false")
                  + (f.options().strict() ? "" : ", strict=false");
          case EXTRACT -> quote(f.pattern()) + ", " + f.options().groupIndex();
          case EXTRACT_ALL -> quote(f.pattern());
          case COUNT_MATCHES -> quote(f.pattern()) + (f.literal() ? ", literal=true" : "");
          case TO_INTEGER ->
              "base=" + f.options().base()
                  + (f.options().target() == null || f.options().target().equals(
                          dev.floe.memory.types.DataType.INT64)
                      ? "" : ", dtype=" + f.options().target())
                  + (f.options().strict() ? "" : ", strict=false");
          case TO_DECIMAL -> "scale=" + f.options().scale();
          case STRPTIME ->
              f.options().target() + ", " + value(f.pattern())
                  + (f.options().strict() ? "" : ", strict=false")
                  + (f.options().exact() ? "" : ", exact=false");
        };
    return receiver(f.input()) + ".str()." + f.op().method() + "(" + args + ")";
  }

  private static boolean isDdofFunction(Agg agg) {
    return agg.function() == AggFunction.STD || agg.function() == AggFunction.VAR;
  }

  private static String closed(IsBetween between) {
    if (between.lowerInclusive() && between.upperInclusive()) {
      return "";
    }
    for (ClosedInterval closed : ClosedInterval.values()) {
      if (closed.lowerInclusive() == between.lowerInclusive()
          && closed.upperInclusive() == between.upperInclusive()) {
        return ", ClosedInterval." + closed.name();
      }
    }
    throw new IllegalStateException("every combination of bounds has a ClosedInterval");
  }

  private static String ternary(Ternary ternary) {
    StringBuilder text = new StringBuilder();
    for (Ternary.Branch branch : ternary.branches()) {
      text.append(text.isEmpty() ? "" : ".")
          .append("when(")
          .append(print(branch.condition()))
          .append(").then(")
          .append(print(branch.value()))
          .append(")");
    }
    return text.append(".otherwise(").append(print(ternary.otherwise())).append(")").toString();
  }

  private static String selector(Selector selector) {
    String base =
        switch (selector.kind()) {
          case ALL -> "all()";
          case REGEX -> "col(" + quote(selector.pattern()) + ")";
          case NAMES -> "col(" + names(selector.names()) + ")";
          case NUMERIC -> "cs.numeric()";
          case STRING -> "cs.string()";
          case TEMPORAL -> "cs.temporal()";
          case BOOLEAN -> "cs.bool()";
        };
    return selector.excluded().isEmpty()
        ? base
        : base + ".exclude(" + names(selector.excluded()) + ")";
  }

  private static String names(List<String> names) {
    return names.stream().map(ExprPrinter::quote).collect(Collectors.joining(", "));
  }

  /** A method receiver: binary operations need parentheses. */
  static String receiver(Expr expr) {
    return expr instanceof Binary binary && binary.op() != BinaryOp.EQ_MISSING
        ? "(" + print(expr) + ")"
        : print(expr);
  }

  private static String operand(Expr expr) {
    return receiver(expr);
  }

  static String value(Object value) {
    return switch (value) {
      case null -> "null";
      case String text -> quote(text);
      default -> String.valueOf(value);
    };
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
