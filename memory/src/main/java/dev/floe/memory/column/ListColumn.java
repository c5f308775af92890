package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Variable-length lists: ListType (int32 offsets) and LargeListType (int64 offsets). Buffers:
 * validity, offsets; one child, the values column, kept whole.
 *
 * <p>Invariants (Arrow's): the offsets buffer holds {@code offset() + length() + 1} non-decreasing
 * entries; list {@code i} is child values {@code [offsets[offset() + i], offsets[offset() + i +
 * 1])}, indexed within the child (the child may itself be a slice); the last offset is at most the
 * child's length. Slicing shares the offsets and the whole child.
 */
public final class ListColumn extends AbstractColumn implements Column {
  private final boolean large;
  private final MemorySegment offsets;
  private final Column values;

  /**
   * Takes ownership of one reference to {@code validity} (nullable), {@code offsets} and of
   * {@code values}; releases them all and throws if the types or sizes do not fit.
   */
  public ListColumn(
      DataType type, int offset, int length, int nullCount, Buffer validity, Buffer offsets,
      Column values) {
    super(type, offset, length, nullCount, List.of(values), validity, offsets);
    this.values = values;
    DataType valueType =
        switch (type) {
          case DataType.ListType list -> list.valueType();
          case DataType.LargeListType list -> list.valueType();
          default -> {
            close();
            throw new InvalidOperationException(type + " is not a list type (list or large list)");
          }
        };
    this.large = type instanceof DataType.LargeListType;
    if (!valueType.equals(values.type())) {
      close();
      throw new SchemaMismatchException(
          "a column of " + type + " needs values of " + valueType + ", got " + values.type());
    }
    long requiredBytes = (offset + (long) length + 1) * (large ? 8 : 4);
    if (offsets.capacity() < requiredBytes) {
      close();
      throw new InvalidOperationException(
          "column of " + type + " with offset " + offset + " and length " + length + " needs "
              + requiredBytes + " bytes of offsets, but the buffer holds " + offsets.capacity());
    }
    this.offsets = offsets.segment();
    long end = offsetAt(offset + (long) length);
    if (end > values.length()) {
      close();
      throw new InvalidOperationException(
          "column of " + type + ": last offset " + end + " is beyond its " + values.length()
              + " values");
    }
  }

  /** True for LargeListType (int64 offsets). */
  public boolean isLarge() {
    return large;
  }

  /** The child index of the first value of list {@code index}. */
  public long valueStart(int index) {
    checkAccess(index);
    return offsetAt(offset + (long) index);
  }

  /** The number of values in list {@code index}. */
  public int valueLength(int index) {
    checkAccess(index);
    long slot = offset + (long) index;
    return (int) (offsetAt(slot + 1) - offsetAt(slot));
  }

  /** The whole child column (not sliced to this column's rows); do not close it. */
  public Column values() {
    return values;
  }

  /** The offsets buffer (int32 or int64 entries, see {@link #isLarge()}). */
  public Buffer offsetsBuffer() {
    return buffers().get(1);
  }

  /**
   * List {@code index} as an unmodifiable Java list of the child's values (which may be null),
   * regardless of this slot's validity (a null slot usually reads as an empty list).
   */
  public List<Object> getList(int index) {
    checkAccess(index);
    long slot = offset + (long) index;
    long first = offsetAt(slot);
    long last = offsetAt(slot + 1);
    // offsets of a trusted (unvalidated) file may be corrupt: fail as a bounds violation
    java.util.Objects.checkFromToIndex(first, last, values.length());
    int start = (int) first;
    int end = (int) last;
    List<Object> list = new ArrayList<>(end - start);
    for (int valueIndex = start; valueIndex < end; valueIndex++) {
      list.add(values.getObject(valueIndex));
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public ListColumn slice(int sliceOffset, int sliceLength) {
    checkSlice(sliceOffset, sliceLength);
    Buffer[] retained = retainedBuffers();
    return new ListColumn(
        type, offset + sliceOffset, sliceLength, nullCountForSlice(sliceOffset, sliceLength),
        retained[0], retained[1], sharedChildren().get(0));
  }

  @Override
  public Object getObject(int index) {
    return isNull(index) ? null : getList(index);
  }

  private long offsetAt(long slot) {
    return large
        ? offsets.get(ValueLayout.JAVA_LONG_UNALIGNED, slot << 3)
        : offsets.get(ValueLayout.JAVA_INT_UNALIGNED, slot << 2);
  }
}
