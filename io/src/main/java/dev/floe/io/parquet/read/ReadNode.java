package dev.floe.io.parquet.read;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.util.List;
import org.apache.parquet.schema.PrimitiveType;

/**
 * How one Floe field is read from Parquet: a tree mirroring the Floe type, with the definition
 * and repetition levels at which each node exists. A node at definition level {@code d} is present
 * (non-null) in a slot whose first level entry has a definition level {@code >= d}; a required node
 * has its parent's level.
 */
public sealed interface ReadNode {
  Field field();

  int defLevel();

  /** The leaves under this node, depth first (the order of the Parquet column chunks). */
  List<Leaf> leaves();

  /**
   * A primitive Parquet column: {@code column} indexes the file's column chunks, {@code maxDef} /
   * {@code maxRep} are the column's maximum levels, {@code conversion} turns its physical values
   * into the Floe type.
   */
  record Leaf(Field field, int defLevel, int column, String path, PrimitiveType primitive, int maxDef,
      int maxRep, Conversion conversion) implements ReadNode {
    @Override
    public List<Leaf> leaves() {
      return List.of(this);
    }

    public DataType type() {
      return field.type();
    }
  }

  /** A group read as a struct. */
  record Struct(Field field, int defLevel, List<ReadNode> children) implements ReadNode {
    public Struct {
      children = List.copyOf(children);
    }

    @Override
    public List<Leaf> leaves() {
      return children.stream().flatMap(child -> child.leaves().stream()).toList();
    }
  }

  /**
   * A list: null below {@code defLevel}, empty below {@code elementsDefLevel} (the repeated field's
   * level), and its elements start where the repetition level is {@code repLevel} or less.
   */
  record ListNode(Field field, int defLevel, int elementsDefLevel, int repLevel, ReadNode element)
      implements ReadNode {
    @Override
    public List<Leaf> leaves() {
      return element.leaves();
    }
  }
}
