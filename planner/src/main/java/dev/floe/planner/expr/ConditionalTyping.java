package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.planner.expr.Typing.Typed;
import java.util.ArrayList;
import java.util.List;

/** Typing of the expressions that choose between values: fillNull, when/then, isIn, isBetween. */
final class ConditionalTyping {
  private final Typing typing;

  ConditionalTyping(Typing typing) {
    this.typing = typing;
  }

  Typed fillNull(FillNullExpr fill) {
    Typed input = typing.type(fill.input());
    if (fill.value() != null) {
      Typed value = typing.type(fill.value());
      DataType common = Typing.commonType(input, value);
      if (common == null) {
        throw new InvalidOperationException(
            "cannot fill nulls of " + input.type() + " with " + value.type() + " in " + fill);
      }
      return new Typed(
          new FillNullExpr(Typing.cast(input, common), Typing.cast(value, common), null),
          common,
          input.scalar());
    }
    DataType type = input.type();
    switch (fill.strategy()) {
      case FORWARD, BACKWARD -> {}
      case MIN, MAX -> {
        if (type.isNested()) {
          throw new InvalidOperationException("cannot fill nulls of " + type + " in " + fill);
        }
      }
      case MEAN, ZERO, ONE -> {
        if (!type.isNumeric() && !(type instanceof DataType.BooleanType)) {
          throw new InvalidOperationException("cannot fill nulls of " + type + " in " + fill);
        }
      }
    }
    return new Typed(new FillNullExpr(input.expr(), null, fill.strategy()), type, input.scalar());
  }
  Typed ternary(Ternary ternary) {
    List<Typed> conditions = new ArrayList<>();
    List<Typed> values = new ArrayList<>();
    boolean scalar = true;
    for (Ternary.Branch branch : ternary.branches()) {
      Typed condition = typing.type(branch.condition());
      if (!Typing.isBooleanOrNull(condition.type())) {
        throw new InvalidOperationException(
            "when(...) needs a bool condition, got " + condition.type() + " from "
                + branch.condition() + " in " + ternary);
      }
      conditions.add(condition);
      values.add(typing.type(branch.value()));
    }
    values.add(typing.type(ternary.otherwise()));
    Typed common = values.getFirst();
    DataType type = common.type();
    for (Typed value : values) {
      DataType next = Typing.commonType(new Typed(common.expr(), type, common.scalar()), value);
      if (next == null) {
        throw new InvalidOperationException(
            "when/then/otherwise values have no common type: " + type + " and " + value.type()
                + " in " + ternary);
      }
      if (!(value.expr() instanceof Literal literal && literal.dynamic())) {
        common = value;
      }
      type = next;
    }
    List<Ternary.Branch> branches = new ArrayList<>();
    for (int index = 0; index < conditions.size(); index++) {
      scalar &= conditions.get(index).scalar() && values.get(index).scalar();
      branches.add(
          new Ternary.Branch(
              Typing.cast(conditions.get(index), DataType.BOOLEAN), Typing.cast(values.get(index), type)));
    }
    Typed otherwise = values.getLast();
    scalar &= otherwise.scalar();
    return new Typed(new Ternary(branches, Typing.cast(otherwise, type)), type, scalar);
  }
  Typed isIn(IsIn isIn) {
    Typed input = typing.type(isIn.input());
    List<Literal> values = new ArrayList<>();
    for (Literal value : isIn.values()) {
      Typed literal = new Typed(value, value.type(), true);
      DataType common = Typing.commonType(input, literal);
      if (common == null) {
        throw new InvalidOperationException(
            "cannot check whether " + input.type() + " values are in a list of " + value.type()
                + " in " + isIn);
      }
      if (input.type().isNumeric() && value.type().isNumeric() && !fits(value, input.type())) {
        continue; // as in Polars: a number the column's type cannot hold never matches
      }
      values.add(Literal.typed(LiteralValues.convert(value.value(), input.type()), input.type()));
    }
    return new Typed(new IsIn(input.expr(), values), DataType.BOOLEAN, input.scalar());
  }
  /** Whether a numeric literal converts to {@code type} exactly (in range, no fraction lost). */
  private static boolean fits(Literal value, DataType type) {
    if (value.value() instanceof Number number && type.isInteger()
        && (number instanceof Double || number instanceof Float)
        && number.doubleValue() != Math.rint(number.doubleValue())) {
      return false;
    }
    try {
      LiteralValues.convert(value.value(), type);
      return true;
    } catch (InvalidOperationException outOfRange) {
      return false;
    }
  }

  Typed isBetween(IsBetween between) {
    Typed input = typing.type(between.input());
    Typed lower = typing.type(between.lower());
    Typed upper = typing.type(between.upper());
    if (input.type().isTemporal() || lower.type().isTemporal() || upper.type().isTemporal()) {
      // (x >= lower) & (x <= upper), as Polars defines it: the comparisons' temporal rules apply
      Expr above = new Binary(between.input(),
          between.lowerInclusive() ? BinaryOp.GE : BinaryOp.GT, between.lower());
      Expr below = new Binary(between.input(),
          between.upperInclusive() ? BinaryOp.LE : BinaryOp.LT, between.upper());
      return typing.type(new Binary(above, BinaryOp.AND, below));
    }
    DataType common = Typing.commonType(input, lower);
    DataType withUpper = common == null ? null : Typing.commonType(new Typed(input.expr(), common, false), upper);
    if (withUpper == null) {
      throw new InvalidOperationException(
          "cannot compare " + input.type() + " with bounds of " + lower.type() + " and "
              + upper.type() + " in " + between);
    }
    return new Typed(
        new IsBetween(
            Typing.cast(input, withUpper),
            Typing.cast(lower, withUpper),
            Typing.cast(upper, withUpper),
            between.lowerInclusive(),
            between.upperInclusive()),
        DataType.BOOLEAN,
        input.scalar() && lower.scalar() && upper.scalar());
  }
}
