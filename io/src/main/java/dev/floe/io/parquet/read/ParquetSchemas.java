package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.io.ipc.ArrowSchemaHints.Hint;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Maps a Parquet schema to Floe fields and {@link ReadNode} trees the way Polars 1.44 reads it:
 * LIST (3-level and the legacy 2-level forms of parquet-format's LogicalTypes.md "Backward
 * compatibility rules") and MAP become lists (a map's entries are structs of key and value), other
 * groups structs; primitive types follow {@link PrimitiveTypes}. The optional Arrow schema hints
 * restore time zone names, durations and null columns.
 */
public final class ParquetSchemas {
  private static final int MAX_DEPTH = 64;

  private final String where;
  private int nextColumn;

  private ParquetSchemas(String where) {
    this.where = where;
  }

  /** One node per top-level field, in file order; {@code hints} may be null. */
  public static List<ReadNode> map(MessageType schema, List<Hint> hints, String where) {
    ParquetSchemas mapper = new ParquetSchemas(where);
    List<ReadNode> out = new ArrayList<>();
    for (int index = 0; index < schema.getFieldCount(); index++) {
      Type type = schema.getType(index);
      Hint hint = hintNamed(hints, type.getName(), index);
      out.add(mapper.node(type, hint, 0, 0, "", 0));
    }
    return out;
  }

  private static Hint hintNamed(List<Hint> hints, String name, int index) {
    if (hints == null) {
      return null;
    }
    if (index < hints.size() && hints.get(index).name().equals(name)) {
      return hints.get(index);
    }
    for (Hint hint : hints) {
      if (hint.name().equals(name)) {
        return hint;
      }
    }
    return null;
  }

  private static Hint child(Hint hint, int index) {
    return hint == null || index >= hint.children().size() ? null : hint.children().get(index);
  }

  private ReadNode node(Type type, Hint hint, int parentDef, int parentRep, String parentPath, int depth) {
    if (depth > MAX_DEPTH) {
      throw new FloeIoException(where + ": the schema is nested more than " + MAX_DEPTH + " levels deep");
    }
    String path = parentPath.isEmpty() ? type.getName() : parentPath + "." + type.getName();
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      // a repeated field outside a LIST/MAP group: a list that is never null, of required elements
      int def = parentDef + 1;
      int rep = parentRep + 1;
      ReadNode element = type.isPrimitive()
          ? leaf(type, child(hint, 0), "item", def, rep, path)
          : struct(type.asGroupType(), child(hint, 0), "item", def, rep, parentPath, depth);
      return new ReadNode.ListNode(Field.of(type.getName(), DataType.ListType.of(element.field().type())),
          parentDef, def, rep, element);
    }
    int def = type.isRepetition(Type.Repetition.OPTIONAL) ? parentDef + 1 : parentDef;
    if (type.isPrimitive()) {
      return leaf(type, hint, type.getName(), def, parentRep, path);
    }
    GroupType group = type.asGroupType();
    LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
    boolean isList = logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
    boolean isMap = logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
    if ((isList || isMap) && group.getFieldCount() == 1 && group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      return listOrMap(group, hint, isMap, def, parentRep, path, depth);
    }
    return struct(group, hint, type.getName(), def, parentRep, parentPath, depth);
  }

  private ReadNode listOrMap(GroupType group, Hint hint, boolean isMap, int def, int parentRep, String path,
      int depth) {
    Type repeated = group.getType(0);
    int elementsDef = def + 1;
    int rep = parentRep + 1;
    String repeatedPath = path + "." + repeated.getName();
    Hint elementHint = child(hint, 0);
    ReadNode element;
    if (repeated.isPrimitive()) {
      element = leaf(repeated, elementHint, "item", elementsDef, rep, repeatedPath);
    } else {
      GroupType repeatedGroup = repeated.asGroupType();
      boolean elementIsGroup = isMap || repeatedGroup.getFieldCount() != 1
          || repeated.getName().equals("array") || repeated.getName().equals(group.getName() + "_tuple");
      if (elementIsGroup) {
        element = struct(repeatedGroup, elementHint, "item", elementsDef, rep, path, depth + 1);
      } else {
        Type inner = repeatedGroup.getType(0);
        ReadNode innerNode = node(inner, elementHint, elementsDef, rep, repeatedPath, depth + 1);
        element = rename(innerNode, "item");
      }
    }
    DataType type = DataType.ListType.of(element.field().type());
    return new ReadNode.ListNode(Field.of(group.getName(), type), def, elementsDef, rep, element);
  }

  private ReadNode struct(GroupType group, Hint hint, String name, int def, int rep, String parentPath, int depth) {
    String path = parentPath.isEmpty() ? group.getName() : parentPath + "." + group.getName();
    List<ReadNode> children = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    for (int index = 0; index < group.getFieldCount(); index++) {
      ReadNode child = node(group.getType(index), child(hint, index), def, rep, path, depth + 1);
      children.add(child);
      fields.add(child.field());
    }
    if (fields.isEmpty()) {
      throw new FloeIoException(where + ": group " + path + " has no fields");
    }
    return new ReadNode.Struct(Field.of(name, new DataType.StructType(fields)), def, children);
  }

  private ReadNode leaf(Type type, Hint hint, String name, int def, int rep, String path) {
    PrimitiveTypes.Mapped mapped = PrimitiveTypes.map(type.asPrimitiveType(), hint, where + ", column " + path);
    return new ReadNode.Leaf(Field.of(name, mapped.type()), def, nextColumn++, path, type.asPrimitiveType(), def,
        rep, mapped.conversion());
  }

  private static ReadNode rename(ReadNode node, String name) {
    return switch (node) {
      case ReadNode.Leaf leaf -> new ReadNode.Leaf(leaf.field().withName(name), leaf.defLevel(), leaf.column(),
          leaf.path(), leaf.primitive(), leaf.maxDef(), leaf.maxRep(), leaf.conversion());
      case ReadNode.Struct struct -> new ReadNode.Struct(struct.field().withName(name), struct.defLevel(),
          struct.children());
      case ReadNode.ListNode list -> new ReadNode.ListNode(list.field().withName(name), list.defLevel(),
          list.elementsDefLevel(), list.repLevel(), list.element());
    };
  }
}
