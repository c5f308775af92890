package dev.floe.planner.plan;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.ColumnRef;
import dev.floe.planner.expr.Expr;
import dev.floe.planner.expr.ExprPrinter;
import dev.floe.planner.expr.Resolver;
import dev.floe.planner.expr.Supertypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A join's output columns and key types, as Polars 1.44 lays them out: the left columns, then the
 * right ones; a right name the left already uses gets the suffix. When every key is a plain
 * column, the key pairs are coalesced when the options say so (Polars' default: inner, left and right joins): an inner or
 * left join keeps the left key column (its type) and drops the right one, a right join drops the
 * left one and keeps the right one in place, a full join puts the coalesced key (the supertype) in
 * the left key's place. Semi and anti joins output the left columns only. Keys are compared in
 * their supertype: equal types, integers of any width, floats, strings; anything else fails.
 *
 * @param columns where each output column comes from, in output order
 * @param keyTypes the type each key pair is compared in
 * @param coalesced which key pairs are coalesced
 */
public record JoinLayout(List<Column> columns, List<DataType> keyTypes, List<Boolean> coalesced) {
  /** Where an output column comes from. */
  public enum Side {
    LEFT,
    RIGHT,
    /** A coalesced key of a full join: the left key where the left row exists, else the right one. */
    KEY
  }

  /** One output column: {@code index} is the input column for LEFT and RIGHT, the key number for KEY. */
  public record Column(String name, DataType type, Side side, int index) {}

  public JoinLayout {
    columns = List.copyOf(columns);
    keyTypes = List.copyOf(keyTypes);
    coalesced = List.copyOf(coalesced);
  }

  public Schema schema() {
    return new Schema(columns.stream().map(column -> Field.of(column.name(), column.type())).toList());
  }

  public static JoinLayout of(Join join) {
    Schema left = join.left().schema();
    Schema right = join.right().schema();
    JoinOptions options = join.options();
    int keys = join.leftOn().size();
    if (join.how() == JoinType.CROSS ? keys != 0 || !join.rightOn().isEmpty() : keys == 0) {
      throw new InvalidOperationException(join.how() == JoinType.CROSS ? "a cross join takes no keys"
          : "a " + join.how().keyword() + " join needs at least one key (on, or leftOn and rightOn)");
    }
    if (join.rightOn().size() != keys) {
      throw new InvalidOperationException("join has " + keys + " left keys but " + join.rightOn().size()
          + " right keys; give as many of each");
    }
    if (options.validate() != JoinOptions.Validate.MANY_TO_MANY && (join.how() == JoinType.RIGHT
        || join.how() == JoinType.SEMI || join.how() == JoinType.ANTI)) {
      throw new InvalidOperationException(options.validate().keyword() + " validation on a " + join.how().keyword()
          + " join is not supported (as in Polars)");
    }
    List<DataType> keyTypes = new ArrayList<>(keys);
    List<Boolean> coalesced = new ArrayList<>(keys);
    Set<String> leftKeys = new HashSet<>();
    Set<String> rightKeys = new HashSet<>();
    for (int key = 0; key < keys; key++) {
      Expr leftKey = join.leftOn().get(key);
      Expr rightKey = join.rightOn().get(key);
      DataType leftType = keyType(left, leftKey, "left");
      DataType rightType = keyType(right, rightKey, "right");
      keyTypes.add(supertype(leftKey, leftType, rightKey, rightType));
      boolean merge = options.coalesces() && allPlain(join);
      coalesced.add(merge);
      if (merge) {
        leftKeys.add(((ColumnRef) leftKey).columnName());
        rightKeys.add(((ColumnRef) rightKey).columnName());
      }
    }
    List<Column> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int index = 0; index < left.size(); index++) {
      Field field = left.field(index);
      if (join.how() == JoinType.RIGHT && leftKeys.contains(field.name())) {
        continue;
      }
      int key = join.how() == JoinType.FULL ? coalescedKey(join, coalesced, field.name()) : -1;
      columns.add(key < 0 ? new Column(field.name(), field.type(), Side.LEFT, index)
          : new Column(field.name(), keyTypes.get(key), Side.KEY, key));
      names.add(field.name());
    }
    if (join.how() == JoinType.SEMI || join.how() == JoinType.ANTI) {
      return new JoinLayout(columns, keyTypes, coalesced);
    }
    for (int index = 0; index < right.size(); index++) {
      Field field = right.field(index);
      if (join.how() != JoinType.RIGHT && rightKeys.contains(field.name())) {
        continue;
      }
      String name = names.contains(field.name()) ? field.name() + options.suffix() : field.name();
      if (!names.add(name)) {
        throw new InvalidOperationException("join: the output would have two columns named '" + name
            + "' (right column '" + field.name() + "' with suffix '" + options.suffix()
            + "'); rename a column before joining or choose another suffix");
      }
      columns.add(new Column(name, field.type(), Side.RIGHT, index));
    }
    return new JoinLayout(columns, keyTypes, coalesced);
  }

  /** Whether every key on both sides is a plain column (Polars coalesces only then). */
  private static boolean allPlain(Join join) {
    return join.leftOn().stream().allMatch(ColumnRef.class::isInstance)
        && join.rightOn().stream().allMatch(ColumnRef.class::isInstance);
  }

  /** The coalesced key whose left column is {@code name}, or -1. */
  private static int coalescedKey(Join join, List<Boolean> coalesced, String name) {
    for (int key = 0; key < coalesced.size(); key++) {
      if (coalesced.get(key) && ((ColumnRef) join.leftOn().get(key)).columnName().equals(name)) {
        return key;
      }
    }
    return -1;
  }

  /** The type of one key over its side; a missing column fails naming the side and the key. */
  private static DataType keyType(Schema schema, Expr key, String side) {
    try {
      return new Resolver(schema).resolveOne(key).type();
    } catch (ColumnNotFoundException missing) {
      throw new ColumnNotFoundException(missing.column(), schema.names(),
          "join: " + side + " key " + ExprPrinter.print(key));
    }
  }

  /** The type both keys are compared in; a pair without one fails naming both keys and types. */
  private static DataType supertype(Expr leftKey, DataType leftType, Expr rightKey, DataType rightType) {
    DataType common = leftType.equals(rightType) ? leftType : null;
    boolean integers = leftType.isNumeric() && rightType.isNumeric() && !leftType.isFloatingPoint()
        && !rightType.isFloatingPoint();
    boolean floats = leftType.isFloatingPoint() && rightType.isFloatingPoint();
    boolean strings = leftType.isString() && rightType.isString();
    if (common == null && (integers || floats || strings || leftType instanceof DataType.NullType
        || rightType instanceof DataType.NullType)) {
      common = Supertypes.of(leftType, rightType);
    }
    if (common == null) {
      throw new SchemaMismatchException("join key types do not match: " + ExprPrinter.print(leftKey) + " is "
          + leftType + " on the left, " + ExprPrinter.print(rightKey) + " is " + rightType + " on the right");
    }
    return common;
  }
}
