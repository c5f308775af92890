package dev.floe.ffi.cdata;

import dev.floe.errors.InvalidOperationException;
import dev.floe.errors.SchemaMismatchException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedSizeBinaryColumn;
import dev.floe.memory.column.FixedSizeListColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Layout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Floe columns over one imported {@code ArrowArray} tree, zero-copy: each buffer is the
 * producer's memory wrapped by {@link BufferAllocator#wrapForeign} and holding a reference to the
 * tree's {@link ImportedArray}. The interface does not carry buffer sizes, so each is computed
 * from the type, offset and length (the spec's "Buffers" and the Columnar format's layouts): the
 * data of a variable-size binary column ends at its last offset, and a view column's data buffers
 * are as long as its variadic sizes buffer (the last buffer) says. Cheap checks (lengths, buffer
 * and child counts, required pointers) throw {@link InvalidOperationException} naming the field.
 */
final class ArrayImporter {
  private static final String PREFIX = "cannot import field '";
  private final BufferAllocator allocator;
  private final ImportedArray owner;

  ArrayImporter(BufferAllocator allocator, ImportedArray owner) {
    this.allocator = allocator;
    this.owner = owner;
  }

  /** One node (and its children) at {@code address} as a column of {@code field}. */
  Column read(Field field, long address, String path, int depth) {
    return new Node(field, address, path, depth).build();
  }

  /** The state of one node while its column is built; releases what it took if building fails. */
  private final class Node {
    private final Field field;
    private final DataType type;
    private final String path;
    private final int depth;
    private final long length;
    private final long nullCount;
    private final long offset;
    private final long bufferCount;
    private final long childCount;
    private final long buffers;
    private final long children;
    private final long dictionary;
    private final List<Buffer> taken = new ArrayList<>();
    private final List<Column> builtChildren = new ArrayList<>();

    Node(Field field, long address, String path, int depth) {
      this.field = field;
      this.type = field.type();
      this.path = path;
      this.depth = depth;
      if (address == 0) {
        throw bad("the ArrowArray pointer is NULL");
      }
      MemorySegment array = NativeHeap.view(address, ArrowStructs.ARRAY_SIZE);
      length = (long) ArrowStructs.ARRAY_LENGTH.get(array, 0L);
      nullCount = (long) ArrowStructs.ARRAY_NULL_COUNT.get(array, 0L);
      offset = (long) ArrowStructs.ARRAY_OFFSET.get(array, 0L);
      bufferCount = (long) ArrowStructs.ARRAY_N_BUFFERS.get(array, 0L);
      childCount = (long) ArrowStructs.ARRAY_N_CHILDREN.get(array, 0L);
      buffers = (long) ArrowStructs.ARRAY_BUFFERS.get(array, 0L);
      children = (long) ArrowStructs.ARRAY_CHILDREN.get(array, 0L);
      dictionary = (long) ArrowStructs.ARRAY_DICTIONARY.get(array, 0L);
    }

    Column build() {
      check();
      try {
        return construct();
      } catch (RuntimeException failure) {
        releaseTaken();
        throw named(failure);
      } catch (Error failure) {
        releaseTaken();
        throw failure;
      }
    }

    private void releaseTaken() {
      for (Buffer buffer : taken) {
        buffer.release();
      }
      for (Column child : builtChildren) {
        child.close();
      }
    }

    /** A column constructor's refusal (sizes, offsets, types) restated with the field and format. */
    private RuntimeException named(RuntimeException failure) {
      boolean refused = failure instanceof InvalidOperationException
          || failure instanceof SchemaMismatchException;
      if (!refused || failure.getMessage().startsWith(PREFIX)) {
        return failure;
      }
      return new InvalidOperationException(
          PREFIX + path + "' (format '" + type.arrowFormat() + "'): " + failure.getMessage(), failure);
    }

    private void check() {
      if (depth > ArrowFormats.MAX_DEPTH) {
        throw bad("nested deeper than " + ArrowFormats.MAX_DEPTH);
      }
      if (length < 0 || offset < 0 || length + offset > Integer.MAX_VALUE) {
        throw bad("length " + length + " and offset " + offset + " must be >= 0 and together fit"
            + " in an int");
      }
      if (nullCount < -1 || nullCount > length) {
        throw bad("null_count " + nullCount + " is not -1 or in 0.." + length);
      }
      Layout layout = type.layout();
      String expected = expectedBuffers(layout, bufferCount);
      if (expected != null) {
        throw bad("n_buffers is " + bufferCount + ", but " + layout + " needs " + expected);
      }
      if (bufferCount > 0 && buffers == 0) {
        throw bad("n_buffers is " + bufferCount + " but the buffers pointer is NULL");
      }
      long expectedChildren = SchemaExporter.children(type).size();
      if (childCount != expectedChildren) {
        throw bad("n_children is " + childCount + ", expected " + expectedChildren);
      }
      if (childCount > 0 && children == 0) {
        throw bad("n_children is " + childCount + " but the children pointer is NULL");
      }
      if ((layout == Layout.DICTIONARY) != (dictionary != 0)) {
        throw bad(layout == Layout.DICTIONARY ? "the dictionary pointer is NULL"
            : "it has a dictionary, but the schema says it is not dictionary-encoded");
      }
    }

    private Column construct() {
      int len = (int) length;
      int off = (int) offset;
      long end = offset + length;
      if (type.layout() == Layout.NULL) {
        return new NullColumn(len);
      }
      long validityPointer = pointer(0);
      if (validityPointer == 0 && nullCount > 0) {
        throw bad("null_count is " + nullCount + " but the validity buffer is NULL");
      }
      Buffer validity = validityPointer == 0 ? null : take(0, Bitmaps.bytesFor(end), false);
      int nulls = validity == null ? 0 : (int) nullCount;
      Column result = switch (type.layout()) {
        case BOOLEAN -> {
          Buffer values = take(1, Bitmaps.bytesFor(end), true);
          handOver();
          yield new BooleanColumn(off, len, nulls, validity, values);
        }
        case FIXED_WIDTH -> {
          Buffer values = take(1, end * type.byteWidth(), true);
          handOver();
          yield new FixedWidthColumn(type, off, len, nulls, validity, values);
        }
        case FIXED_SIZE_BINARY -> {
          DataType.FixedSizeBinary binary = (DataType.FixedSizeBinary) type;
          Buffer values = take(1, end * binary.byteWidth(), true);
          handOver();
          yield new FixedSizeBinaryColumn(binary, off, len, nulls, validity, values);
        }
        case VARIABLE, LARGE_VARIABLE -> {
          int width = type.layout() == Layout.VARIABLE ? 4 : 8;
          Buffer offsets = take(1, (end + 1) * width, false);
          long dataBytes = lastOffset(offsets, end, width);
          Buffer data = take(2, dataBytes, true);
          handOver();
          yield new VarBinaryColumn(type, off, len, nulls, validity, offsets, data);
        }
        case VIEW -> {
          Buffer views = take(1, end * ViewColumn.VIEW_SIZE, true);
          int dataCount = (int) bufferCount - 3;
          long sizes = pointer((int) bufferCount - 1);
          if (dataCount > 0 && sizes == 0) {
            throw bad("the variadic buffer sizes (last buffer) are NULL");
          }
          MemorySegment sizeArray = NativeHeap.view(sizes, dataCount * 8L);
          List<Buffer> data = new ArrayList<>(dataCount);
          for (int index = 0; index < dataCount; index++) {
            long size = sizeArray.getAtIndex(ValueLayout.JAVA_LONG, index);
            if (size < 0) {
              throw bad("variadic buffer " + index + " has size " + size);
            }
            data.add(take(2 + index, size, true));
          }
          handOver();
          yield new ViewColumn(type, off, len, nulls, validity, views, data);
        }
        case LIST, LARGE_LIST -> {
          int width = type.layout() == Layout.LIST ? 4 : 8;
          Buffer offsets = take(1, (end + 1) * width, false);
          Column values = child(0, SchemaExporter.children(type).getFirst());
          handOver();
          yield new ListColumn(type, off, len, nulls, validity, offsets, values);
        }
        case FIXED_SIZE_LIST -> {
          DataType.FixedSizeListType list = (DataType.FixedSizeListType) type;
          Column values = child(0, list.valueField());
          handOver();
          yield new FixedSizeListColumn(list, off, len, nulls, validity, values);
        }
        case STRUCT -> {
          DataType.StructType struct = (DataType.StructType) type;
          List<Column> fields = new ArrayList<>(struct.fields().size());
          for (int index = 0; index < struct.fields().size(); index++) {
            fields.add(child(index, struct.fields().get(index)));
          }
          handOver();
          yield new StructColumn(struct, off, len, nulls, validity, fields);
        }
        case DICTIONARY -> {
          DataType.Dictionary encoded = (DataType.Dictionary) type;
          Buffer indices = take(1, end * encoded.byteWidth(), true);
          Column values = new Node(Field.of("", encoded.valueType()), dictionary,
              path + ".dictionary", depth + 1).build();
          builtChildren.add(values);
          handOver();
          yield new DictionaryColumn(encoded, off, len, nulls, validity, indices, values);
        }
        default -> throw bad("cannot import columns of layout " + type.layout());
      };
      return result;
    }

    /** The constructor about to run owns everything taken (it releases it all if it throws). */
    private void handOver() {
      taken.clear();
      builtChildren.clear();
    }

    private Column child(int index, Field childField) {
      long address = NativeHeap.view(children, childCount * 8).getAtIndex(ValueLayout.JAVA_LONG, index);
      Column column =
          new Node(childField, address, path + "." + childField.name(), depth + 1).build();
      builtChildren.add(column);
      return column;
    }

    private long pointer(int index) {
      return NativeHeap.view(buffers, bufferCount * 8).getAtIndex(ValueLayout.JAVA_LONG, index);
    }

    /**
     * Wraps buffer {@code index} of {@code bytes} bytes. A NULL pointer is accepted for an empty
     * buffer (and for the offsets of an empty array), replaced by zeroed Floe memory.
     */
    private Buffer take(int index, long bytes, boolean emptyMayBeNull) {
      long address = pointer(index);
      Buffer buffer;
      if (address == 0) {
        boolean empty = bytes == 0 || (!emptyMayBeNull && index == 1 && length + offset == 0);
        if (!empty) {
          throw bad("buffer " + index + " is NULL, but " + bytes + " bytes are needed");
        }
        buffer = allocator.allocateZeroed(bytes);
      } else {
        owner.retain();
        try {
          buffer = allocator.wrapForeign(NativeHeap.view(address, bytes), owner);
        } catch (RuntimeException failure) {
          owner.run();
          throw failure;
        }
      }
      taken.add(buffer);
      return buffer;
    }

    private long lastOffset(Buffer offsets, long end, int width) {
      MemorySegment segment = offsets.segment();
      long first = width == 4 ? segment.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, offset)
          : segment.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, offset);
      long last = width == 4 ? segment.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, end)
          : segment.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, end);
      if (first < 0 || last < first) {
        throw bad("offsets run from " + first + " to " + last);
      }
      return last;
    }

    private InvalidOperationException bad(String problem) {
      return new InvalidOperationException(
          PREFIX + path + "' (format '" + type.arrowFormat() + "'): " + problem);
    }
  }

  /**
   * Null if {@code count} buffers fit {@code layout} (the spec's buffer counts per layout; a view
   * has validity, views, any number of data buffers and the sizes), else what it needs.
   */
  private static String expectedBuffers(Layout layout, long count) {
    return switch (layout) {
      case NULL -> count == 0 ? null : "0";
      case FIXED_SIZE_LIST, STRUCT -> count == 1 ? null : "1";
      case VARIABLE, LARGE_VARIABLE -> count == 3 ? null : "3";
      case VIEW -> count >= 3 && count < 1L << 20 ? null : "3 or more (validity, views, data..., sizes)";
      default -> count == 2 ? null : "2";
    };
  }
}
