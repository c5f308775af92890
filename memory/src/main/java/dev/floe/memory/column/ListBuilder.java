package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.util.List;

/**
 * Builds a {@link ListColumn} of a ListType or LargeListType. Either append whole Java lists with
 * {@link #appendObject}, or stream values: {@link #startList()}, append the list's values to
 * {@link #values()}, {@link #endList()}. A null list takes no values (its offset repeats).
 */
public final class ListBuilder implements ColumnBuilder {
  private final DataType type;
  private final ValidityBuilder validity;
  private final OffsetsBuilder offsets;
  private final ColumnBuilder values;
  private boolean listOpen;

  public ListBuilder(DataType type, BufferAllocator allocator) {
    this(type, allocator, Growth.DEFAULT_CAPACITY);
  }

  public ListBuilder(DataType type, BufferAllocator allocator, int initialCapacity) {
    DataType valueType =
        switch (type) {
          case DataType.ListType list -> list.valueType();
          case DataType.LargeListType list -> list.valueType();
          default ->
              throw new InvalidOperationException(
                  type + " is not a list type (list or large list)");
        };
    this.type = type;
    this.validity = new ValidityBuilder(allocator);
    this.offsets =
        new OffsetsBuilder(
            allocator, type instanceof DataType.LargeListType, type.toString(), initialCapacity);
    this.values = ColumnBuilders.forType(valueType, allocator);
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public int length() {
    return offsets.valueCount();
  }

  /** The builder of the (flattened) child values; owned by this builder, do not close it. */
  public ColumnBuilder values() {
    return values;
  }

  /** Starts a valid list: append its values to {@link #values()}, then call {@link #endList()}. */
  public void startList() {
    if (listOpen) {
      throw new InvalidOperationException(
          "startList() of a " + type + " builder called twice without endList()");
    }
    listOpen = true;
  }

  /** Ends the list started by {@link #startList()}: it holds the values appended since. */
  public void endList() {
    if (!listOpen) {
      throw new InvalidOperationException(
          "endList() of a " + type + " builder called without startList()");
    }
    int index = length();
    offsets.append(values.length());
    validity.appendValid(index);
    listOpen = false;
  }

  @Override
  public void appendNull() {
    checkNoOpenList("appendNull()");
    int index = length();
    offsets.append(values.length());
    validity.appendNull(index);
  }

  /** Accepts any java.util.List whose elements the value builder accepts. */
  @Override
  public void appendObject(Object value) {
    switch (value) {
      case null -> appendNull();
      case List<?> list -> {
        startList();
        for (Object element : list) {
          values.appendObject(element);
        }
        endList();
      }
      default -> throw ColumnBuilders.mismatch(type, value);
    }
  }

  @Override
  public ListColumn build() {
    checkNoOpenList("build()");
    int length = length();
    int nullCount = validity.nullCount();
    Column children = values.build();
    return new ListColumn(
        type, 0, length, nullCount, validity.finish(length), offsets.finish(), children);
  }

  @Override
  public void close() {
    listOpen = false;
    validity.close();
    offsets.close();
    values.close();
  }

  private void checkNoOpenList(String call) {
    if (listOpen) {
      throw new InvalidOperationException(
          call + " of a " + type + " builder called between startList() and endList()");
    }
  }
}
