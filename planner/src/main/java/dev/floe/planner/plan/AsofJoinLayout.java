package dev.floe.planner.plan;

import dev.floe.errors.ColumnNotFoundException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import dev.floe.planner.expr.Supertypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An as-of join's output columns and key type, as Polars 1.44 lays them out: every left column,
 * then the right ones except the right by columns (always dropped: they equal the left ones) and the
 * right key when it has the left key's name and the options coalesce; a right name the left already
 * uses gets the suffix (two output columns of one name fail). Keys must be numeric (compared in
 * their supertype: integers with integers, floats with floats) or of one temporal type (date,
 * datetime, duration, time); by columns must have equal types on both sides. A {@link Duration} tolerance needs a temporal key.
 *
 * @param layout the output columns (sides LEFT and RIGHT only), as a hash join's layout
 * @param keyType the type both keys are compared in
 * @param byTypes the type of each by column pair
 */
public record AsofJoinLayout(JoinLayout layout, DataType keyType, List<DataType> byTypes) {
  public AsofJoinLayout {
    byTypes = List.copyOf(byTypes);
  }

  public static AsofJoinLayout of(AsofJoin join) {
    Schema left = join.left().schema();
    Schema right = join.right().schema();
    AsofJoinOptions options = join.options();
    DataType leftType = type(left, options.leftOn(), "left key");
    DataType rightType = type(right, options.rightOn(), "right key");
    DataType keyType = keyType(options, leftType, rightType);
    if (options.tolerance() instanceof Duration && !keyType.isTemporal()) {
      throw new InvalidOperationException("joinAsof: a Duration tolerance needs a temporal key, but '"
          + options.leftOn() + "' is " + keyType + "; give the tolerance as a number");
    }
    if (options.byLeft().size() != options.byRight().size()) {
      throw new InvalidOperationException("joinAsof has " + options.byLeft().size() + " left by columns but "
          + options.byRight().size() + " right ones; give as many of each");
    }
    List<DataType> byTypes = new ArrayList<>();
    for (int index = 0; index < options.byLeft().size(); index++) {
      DataType byLeft = type(left, options.byLeft().get(index), "left by column");
      DataType byRight = type(right, options.byRight().get(index), "right by column");
      if (!byLeft.equals(byRight)) {
        throw new SchemaMismatchException("joinAsof by column types do not match: '" + options.byLeft().get(index)
            + "' is " + byLeft + " on the left, '" + options.byRight().get(index) + "' is " + byRight
            + " on the right");
      }
      byTypes.add(byLeft);
    }
    List<JoinLayout.Column> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int index = 0; index < left.size(); index++) {
      Field field = left.field(index);
      columns.add(new JoinLayout.Column(field.name(), field.type(), JoinLayout.Side.LEFT, index));
      names.add(field.name());
    }
    Set<String> leftNames = Set.copyOf(names);
    Set<String> dropped = new HashSet<>(options.byRight());
    if (options.dropsRightKey()) {
      dropped.add(options.rightOn());
    }
    for (int index = 0; index < right.size(); index++) {
      Field field = right.field(index);
      if (dropped.contains(field.name())) {
        continue;
      }
      // only a left name calls for the suffix; a clash with another right column fails (as Polars)
      String name = leftNames.contains(field.name()) ? field.name() + options.suffix() : field.name();
      if (!names.add(name)) {
        throw new InvalidOperationException("joinAsof: the output would have two columns named '" + name
            + "' (right column '" + field.name() + "' with suffix '" + options.suffix()
            + "'); rename a column before joining or choose another suffix");
      }
      columns.add(new JoinLayout.Column(name, field.type(), JoinLayout.Side.RIGHT, index));
    }
    return new AsofJoinLayout(new JoinLayout(columns, List.of(keyType), List.of(false)), keyType, byTypes);
  }

  private static DataType type(Schema schema, String column, String role) {
    if (!schema.contains(column)) {
      throw new ColumnNotFoundException(column, schema.names(), "joinAsof: " + role);
    }
    return schema.field(column).type();
  }

  /** The type both keys are compared in; keys that are not numeric or temporal, or do not agree, fail. */
  private static DataType keyType(AsofJoinOptions options, DataType left, DataType right) {
    for (DataType type : List.of(left, right)) {
      boolean temporal = type instanceof DataType.Date32 || type instanceof DataType.Timestamp
          || type instanceof DataType.Duration || type instanceof DataType.Time64;
      if (!type.isNumeric() && !temporal) {
        throw new InvalidOperationException("joinAsof keys must be numeric or temporal (date, datetime, duration, "
            + "time), but '" + (type == left ? options.leftOn() : options.rightOn()) + "' is " + type);
      }
    }
    boolean integers = left.isInteger() && right.isInteger();
    boolean floats = left.isFloatingPoint() && right.isFloatingPoint();
    DataType common = left.equals(right) ? left : integers || floats ? Supertypes.of(left, right) : null;
    if (common == null) {
      throw new SchemaMismatchException("joinAsof key types do not match: '" + options.leftOn() + "' is " + left
          + " on the left, '" + options.rightOn() + "' is " + right + " on the right");
    }
    return common;
  }
}
