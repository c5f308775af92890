package dev.floe.planner.expr;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Types the length-changing functions ({@link ReshapeFunction}): checks options and index types,
 * names the result type. A function of a column is never a scalar; of a scalar it stays one only
 * for sort, reverse and unique (as in Polars: {@code lit(1).head(2)} does not broadcast).
 */
final class ReshapeTyping {
  private final Typing typing;

  ReshapeTyping(Typing typing) {
    this.typing = typing;
  }

  Typing.Typed type(ReshapeFunction function) {
    Typing.Typed input = typing.type(function.input());
    boolean scalar = input.scalar() && function.op().keepsScalar();
    List<Expr> operands = new ArrayList<>();
    List<Object> arguments = function.arguments();
    DataType type = input.type();
    switch (function.op()) {
      case UNIQUE -> { }
      case UNIQUE_COUNTS -> type = DataType.UINT32;
      case SORT, ARG_SORT -> {
        requireFlat(input.type(), function);
        if (function.op() == ReshapeOp.ARG_SORT) {
          type = DataType.UINT32;
        }
      }
      case VALUE_COUNTS -> {
        boolean normalize = (Boolean) arguments.get(1);
        String name = (String) arguments.get(2);
        String countName = name != null ? name : normalize ? "proportion" : "count";
        String valueName = ExprTrees.outputName(function.input());
        if (countName.equals(valueName)) {
          throw new InvalidOperationException(
              "valueCounts on an expression named '" + valueName + "' would lead to duplicate"
                  + " field names; give the counts another name in " + function);
        }
        type = new DataType.StructType(List.of(
            Field.of(valueName, input.type()),
            Field.of(countName, normalize ? DataType.FLOAT64 : DataType.UINT32)));
        arguments = List.of(arguments.get(0), normalize, countName, valueName);
      }
      case HEAD, TAIL -> requireNonNegative((Long) arguments.getFirst(), "n", function);
      case SLICE -> {
        if (arguments.get(1) != null) {
          requireNonNegative((Long) arguments.get(1), "length", function);
        }
      }
      case GATHER -> {
        for (Expr operand : function.operands()) {
          Typing.Typed indices = typing.type(operand);
          if (!indices.type().isInteger()) {
            throw new InvalidOperationException(
                "gather expects integer indices, got " + indices.type() + " from " + operand
                    + " in " + function);
          }
          operands.add(indices.expr());
        }
      }
      case FILTER -> {
        Typing.Typed predicate = typing.type(function.operands().getFirst());
        if (!(predicate.type() instanceof DataType.BooleanType)) {
          throw new InvalidOperationException(
              "filter needs a bool predicate, but " + function.operands().getFirst() + " is "
                  + predicate.type() + " in " + function);
        }
        operands.add(predicate.expr());
      }
      case REVERSE, DROP_NULLS, DROP_NANS -> { }
      case SORT_BY -> SortByTyping.check(typing, function, operands);
    }
    return new Typing.Typed(
        new ReshapeFunction(function.op(), input.expr(), operands, arguments), type, scalar);
  }

  private static void requireFlat(DataType type, ReshapeFunction function) {
    if (type.isNested()) {
      throw new InvalidOperationException(
          function.op().method() + "() is not supported for " + type + " in " + function);
    }
  }

  private static void requireNonNegative(long value, String what, ReshapeFunction function) {
    if (value < 0) {
      throw new InvalidOperationException(
          function.op().method() + "() needs a non-negative " + what + ", got " + value + " in "
              + function);
    }
  }
}
