package dev.floe.planner.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** Generic walks over expression trees: children, replacement, selectors and output names. */
public final class ExprTrees {
  private ExprTrees() {}

  /** The direct sub-expressions, left to right. */
  public static List<Expr> children(Expr expr) {
    return switch (expr) {
      case ColumnRef column -> List.of();
      case Literal literal -> List.of();
      case FrameLength length -> List.of();
      case Selector selector -> List.of();
      case Alias alias -> List.of(alias.input());
      case NameMap map -> List.of(map.input());
      case Binary binary -> List.of(binary.left(), binary.right());
      case Unary unary -> List.of(unary.input());
      case CastExpr cast -> List.of(cast.input());
      case FillNullExpr fill ->
          fill.value() == null ? List.of(fill.input()) : List.of(fill.input(), fill.value());
      case Ternary ternary -> {
        List<Expr> all = new ArrayList<>();
        for (Ternary.Branch branch : ternary.branches()) {
          all.add(branch.condition());
          all.add(branch.value());
        }
        all.add(ternary.otherwise());
        yield all;
      }
      case IsIn isIn -> List.of(isIn.input());
      case IsBetween between -> List.of(between.input(), between.lower(), between.upper());
      case MathExpr math -> List.of(math.input());
      case StringFunction string -> List.of(string.input());
      case ConcatStr concat -> concat.inputs();
      case Round round -> List.of(round.input());
      case Clip clip -> List.of(clip.input());
      case Agg agg -> List.of(agg.input());
      case Correlation corr -> List.of(corr.a(), corr.b());
      case TemporalFunction temporal -> temporal.children();
      case SequenceFunction sequence -> sequence.children();
      case ReshapeFunction reshape -> reshape.children();
      case Window window -> window.children();
    };
  }

  /** The first selector in depth-first, left-to-right order. */
  public static Optional<Selector> firstSelector(Expr expr) {
    if (expr instanceof Selector selector) {
      return Optional.of(selector);
    }
    for (Expr child : children(expr)) {
      Optional<Selector> found = firstSelector(child);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The names of the columns {@code expr} reads ({@link ColumnRef}s), in depth-first, left-to-right
   * order of first use. Selectors are not expanded (they need a schema): expand with {@link
   * Resolver#expand} first when {@link #firstSelector} finds one.
   */
  public static Set<String> columnNames(Expr expr) {
    Set<String> names = new LinkedHashSet<>();
    collectColumnNames(expr, names);
    return names;
  }

  private static void collectColumnNames(Expr expr, Set<String> names) {
    if (expr instanceof ColumnRef column) {
      names.add(column.columnName());
      return;
    }
    for (Expr child : children(expr)) {
      collectColumnNames(child, names);
    }
  }

  /** {@code expr} with every occurrence of {@code target} replaced by {@code replacement}. */
  public static Expr replace(Expr expr, Expr target, Expr replacement) {
    if (expr.equals(target)) {
      return replacement;
    }
    return switch (expr) {
      case ColumnRef column -> column;
      case Literal literal -> literal;
      case FrameLength length -> length;
      case Selector selector -> selector;
      case Alias alias -> new Alias(replace(alias.input(), target, replacement), alias.outputName());
      case NameMap map ->
          new NameMap(replace(map.input(), target, replacement), map.prefix(), map.suffix());
      case Binary binary ->
          new Binary(
              replace(binary.left(), target, replacement),
              binary.op(),
              replace(binary.right(), target, replacement));
      case Unary unary -> new Unary(unary.op(), replace(unary.input(), target, replacement));
      case CastExpr cast ->
          new CastExpr(replace(cast.input(), target, replacement), cast.type(), cast.strict());
      case FillNullExpr fill ->
          new FillNullExpr(
              replace(fill.input(), target, replacement),
              fill.value() == null ? null : replace(fill.value(), target, replacement),
              fill.strategy());
      case Ternary ternary -> {
        List<Ternary.Branch> branches = new ArrayList<>();
        for (Ternary.Branch branch : ternary.branches()) {
          branches.add(
              new Ternary.Branch(
                  replace(branch.condition(), target, replacement),
                  replace(branch.value(), target, replacement)));
        }
        yield new Ternary(branches, replace(ternary.otherwise(), target, replacement));
      }
      case IsIn isIn -> new IsIn(replace(isIn.input(), target, replacement), isIn.values());
      case IsBetween between ->
          new IsBetween(
              replace(between.input(), target, replacement),
              replace(between.lower(), target, replacement),
              replace(between.upper(), target, replacement),
              between.lowerInclusive(),
              between.upperInclusive());
      case MathExpr math -> new MathExpr(math.function(), replace(math.input(), target, replacement));
      case StringFunction string -> string.withInput(replace(string.input(), target, replacement));
      case ConcatStr concat ->
          new ConcatStr(
              concat.inputs().stream().map(input -> replace(input, target, replacement)).toList(),
              concat.separator());
      case Round round -> new Round(replace(round.input(), target, replacement), round.decimals());
      case Clip clip -> new Clip(replace(clip.input(), target, replacement), clip.lower(), clip.upper());
      case Agg agg -> agg.withInput(replace(agg.input(), target, replacement));
      case Correlation corr ->
          new Correlation(replace(corr.a(), target, replacement), replace(corr.b(), target, replacement));
      case TemporalFunction temporal ->
          temporal.withChildren(replaceAll(temporal.children(), target, replacement));
      case SequenceFunction sequence ->
          sequence.withChildren(replaceAll(sequence.children(), target, replacement));
      case ReshapeFunction reshape ->
          reshape.withChildren(replaceAll(reshape.children(), target, replacement));
      case Window window -> window.withChildren(replaceAll(window.children(), target, replacement));
    };
  }

  private static List<Expr> replaceAll(List<Expr> exprs, Expr target, Expr replacement) {
    return exprs.stream().map(expr -> replace(expr, target, replacement)).toList();
  }

  /**
   * Polars' output name: an alias, else the name of the leftmost input (for when/then: the first
   * value), a column's own name, "literal" for a literal.
   */
  public static String outputName(Expr expr) {
    return switch (expr) {
      case Alias alias -> alias.outputName();
      case NameMap map -> map.prefix() + rootName(map.input()) + map.suffix();
      case ColumnRef column -> column.columnName();
      case Literal literal -> "literal";
      case FrameLength length -> "len";
      case Selector selector -> selector.toString();
      case Ternary ternary -> outputName(ternary.branches().getFirst().value());
      default -> outputName(children(expr).getFirst());
    };
  }

  /** The leftmost column's name, ignoring aliases ("literal" without columns). */
  public static String rootName(Expr expr) {
    return switch (expr) {
      case ColumnRef column -> column.columnName();
      case Literal literal -> "literal";
      case FrameLength length -> "len";
      case Ternary ternary -> rootName(ternary.branches().getFirst().value());
      case Selector selector -> selector.toString();
      default -> rootName(children(expr).getFirst());
    };
  }
}
