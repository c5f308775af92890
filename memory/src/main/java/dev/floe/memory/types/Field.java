package dev.floe.memory.types;

import java.util.Map;
import java.util.Objects;

/**
 * A named, typed slot of a schema or of a nested type: name, type, nullability and string metadata
 * (as in Arrow's {@code Field}). Immutable.
 */
public record Field(String name, DataType type, boolean nullable, Map<String, String> metadata) {

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    metadata = Map.copyOf(metadata);
  }

  /** A nullable field without metadata. */
  public static Field of(String name, DataType type) {
    return new Field(name, type, true, Map.of());
  }

  /** This field under another name. */
  public Field withName(String newName) {
    return new Field(newName, type, nullable, metadata);
  }

  /** This field with another type. */
  public Field withType(DataType newType) {
    return new Field(name, newType, nullable, metadata);
  }

  /** This field with another nullability. */
  public Field withNullable(boolean newNullable) {
    return new Field(name, type, newNullable, metadata);
  }

  @Override
  public String toString() {
    return name + ": " + type;
  }
}
