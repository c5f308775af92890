package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the columns of one RecordBatch message from its field nodes and buffer descriptors.
 * Every descriptor is checked against the body and every buffer against what its column needs
 * before a column is built on it. Uncompressed buffers are slices of the mapping (or copies when
 * not zero-copy); compressed ones are decompressed into new buffers.
 */
final class BatchDecoder {
  private final BufferAllocator allocator;
  private final BodyBuffers body;
  private final FlatBuffer fb;
  private final long nodes;
  private final int nodeCount;
  private final long variadic;
  private final int variadicCount;
  private final String where;
  private int nodeIndex;
  private int variadicIndex;
  private String column = "";
  private final List<Long> dictionaryIds;
  private final java.util.Map<Long, Column> dictionaries;
  private int dictionaryIndex;
  /** Whether offsets, views and dictionary indices are checked (a pass over the data). */
  private final boolean validateData;

  /**
   * A decoder of the record batch table {@code batch} of {@code message}; dictionary-encoded
   * columns take their ids from {@code dictionaryIds} in order and their values from
   * {@code dictionaries} (shared).
   */
  BatchDecoder(MappedFile file, boolean zeroCopy, IpcReadOptions.Validation validation, BufferAllocator allocator,
      IpcMessage message, long batch, String where, List<Long> dictionaryIds,
      java.util.Map<Long, Column> dictionaries) {
    this.dictionaryIds = dictionaryIds;
    this.dictionaries = dictionaries;
    this.allocator = allocator;
    this.fb = message.metadata();
    this.nodes = fb.getRef(batch, 1);
    this.nodeCount = nodes < 0 ? 0 : fb.vectorLength(nodes, 16);
    long compression = fb.getRef(batch, 3);
    IpcCompression codec = compression < 0 ? IpcCompression.NONE
        : switch (fb.getUByte(compression, 0, 0)) {
          case 0 -> IpcCompression.LZ4;
          case 1 -> IpcCompression.ZSTD;
          default -> throw new FloeIoException(where + ": unknown compression codec " + fb.getUByte(compression, 0, 0));
        };
    this.body = new BodyBuffers(file, zeroCopy, allocator, fb, fb.getRef(batch, 2), codec, message, where);
    this.validateData = validation == IpcReadOptions.Validation.FULL
        || (validation == IpcReadOptions.Validation.AUTO && !(zeroCopy && codec == IpcCompression.NONE));
    this.variadic = fb.getRef(batch, 4);
    this.variadicCount = variadic < 0 ? 0 : fb.vectorLength(variadic, 8);
    this.where = where;
  }

  /** Decodes a top-level column, or skips it (returns null) when {@code selected} is false. */
  Column next(Field field, boolean selected) {
    column = field.name();
    if (!selected) {
      skip(field.type());
      return null;
    }
    return decode(field.type());
  }

  private FloeIoException bad(String problem) {
    return new FloeIoException(where + ", column '" + column + "': " + problem);
  }

  private long[] node() {
    if (nodeIndex >= nodeCount) {
      throw bad("the record batch has only " + nodeCount + " field nodes");
    }
    long position = fb.vectorStruct(nodes, nodeIndex++, 16);
    long length = fb.readLong(position);
    long nulls = fb.readLong(position + 8);
    if (length < 0 || length > Integer.MAX_VALUE || nulls < 0 || nulls > length) {
      throw bad("field node " + (nodeIndex - 1) + " has length " + length + " and null count " + nulls);
    }
    return new long[] {length, nulls};
  }

  private void skip(DataType type) {
    node();
    int own = switch (type.layout()) {
      case NULL -> 0;
      case BOOLEAN, FIXED_WIDTH, FIXED_SIZE_BINARY, LIST, LARGE_LIST, VIEW, DICTIONARY -> 2;
      case VARIABLE, LARGE_VARIABLE -> 3;
      default -> 1;
    };
    if (type.layout() == dev.floe.memory.types.Layout.VIEW) {
      own += variadicBuffers();
    }
    body.skip(own);
    if (type instanceof DataType.Dictionary) {
      dictionaryIndex++;
    }
    for (Field child : children(type)) {
      skip(child.type());
    }
  }

  private static List<Field> children(DataType type) {
    return switch (type) {
      case DataType.ListType list -> List.of(list.valueField());
      case DataType.LargeListType list -> List.of(list.valueField());
      case DataType.FixedSizeListType list -> List.of(list.valueField());
      case DataType.StructType struct -> struct.fields();
      default -> List.of();
    };
  }

  private int variadicBuffers() {
    if (variadicIndex >= variadicCount) {
      throw bad("the record batch lacks a variadic buffer count for a view column");
    }
    long count = fb.readLong(fb.vectorStruct(variadic, variadicIndex++, 8));
    if (count < 0 || count > body.count()) {
      throw bad("a view column claims " + count + " data buffers");
    }
    return (int) count;
  }

  private Column decode(DataType type) {
    long[] node = node();
    int length = (int) node[0];
    int nulls = (int) node[1];
    if (type.layout() == dev.floe.memory.types.Layout.NULL) {
      return new NullColumn(length);
    }
    List<AutoCloseable> owned = new ArrayList<>();
    try {
      Buffer validity = own(owned, nulls == 0 ? skipBuffer() : take(Bitmaps.bytesFor(length)));
      Column result = switch (type.layout()) {
        case BOOLEAN -> new BooleanColumn(0, length, nulls, validity, own(owned, take(Bitmaps.bytesFor(length))));
        case FIXED_WIDTH ->
            new FixedWidthColumn(type, 0, length, nulls, validity, own(owned, take((long) length * type.byteWidth())));
        case FIXED_SIZE_BINARY -> new FixedSizeBinaryColumn(
            (DataType.FixedSizeBinary) type, 0, length, nulls, validity,
            own(owned, take((long) length * ((DataType.FixedSizeBinary) type).byteWidth())));
        case VARIABLE, LARGE_VARIABLE -> {
          int width = type.layout() == dev.floe.memory.types.Layout.VARIABLE ? 4 : 8;
          Buffer offsets = own(owned, offsets(length, width));
          Buffer data = own(owned, take(0));
          if (validateData) {
            check(IpcValidation.offsets(offsets.segment(), length, width, lastLength));
          }
          yield new VarBinaryColumn(type, 0, length, nulls, validity, offsets, data);
        }
        case VIEW -> {
          Buffer views = own(owned, take((long) length * ViewColumn.VIEW_SIZE));
          int count = variadicBuffers();
          List<Buffer> data = new ArrayList<>();
          long[] dataLengths = new long[count];
          for (int index = 0; index < count; index++) {
            data.add(own(owned, take(0)));
            dataLengths[index] = lastLength;
          }
          if (validateData) {
            check(IpcValidation.views(views.segment(), length, dataLengths));
          }
          yield new ViewColumn(type, 0, length, nulls, validity, views, data);
        }
        case LIST, LARGE_LIST -> {
          int width = type.layout() == dev.floe.memory.types.Layout.LIST ? 4 : 8;
          Buffer offsets = own(owned, offsets(length, width));
          Column values = own(owned, decode(children(type).getFirst().type()));
          if (validateData) {
            check(IpcValidation.offsets(offsets.segment(), length, width, values.length()));
          }
          yield new ListColumn(type, 0, length, nulls, validity, offsets, values);
        }
        case FIXED_SIZE_LIST -> new FixedSizeListColumn(
            (DataType.FixedSizeListType) type, 0, length, nulls, validity,
            own(owned, decode(children(type).getFirst().type())));
        case STRUCT -> {
          List<Column> fields = new ArrayList<>();
          for (Field child : children(type)) {
            fields.add(own(owned, decode(child.type())));
          }
          yield new StructColumn((DataType.StructType) type, 0, length, nulls, validity, fields);
        }
        case DICTIONARY -> {
          DataType.Dictionary encoded = (DataType.Dictionary) type;
          Buffer indices = own(owned, take((long) length * encoded.byteWidth()));
          if (dictionaryIndex >= dictionaryIds.size()) {
            throw bad("the schema has fewer dictionary ids than dictionary-encoded columns");
          }
          long id = dictionaryIds.get(dictionaryIndex++);
          Column values = dictionaries.get(id);
          if (values == null) {
            throw bad("dictionary " + id + " was not sent before the record batch");
          }
          if (validateData) {
            check(IpcValidation.indices(validity == null ? null : validity.segment(), indices.segment(), length,
                encoded.byteWidth(), encoded.indexType().isSignedInteger(), values.length()));
          }
          yield new DictionaryColumn(encoded, 0, length, nulls, validity, indices, own(owned, values.share()));
        }
        default -> throw bad("cannot read columns of " + type);
      };
      owned.clear();
      return result;
    } catch (RuntimeException failure) {
      // a constructor that threw has already released what it was given; release the rest
      for (AutoCloseable each : owned) {
        closeQuietly(each);
      }
      throw failure;
    }
  }

  private static <T> T own(List<AutoCloseable> owned, T resource) {
    if (resource instanceof Buffer buffer) {
      owned.add(buffer::release);
    } else if (resource instanceof Column column) {
      owned.add(column);
    }
    return resource;
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // already released by the constructor that failed
    }
  }

  /** The meaningful length of the last buffer taken. */
  private long lastLength;

  private Buffer offsets(int length, int width) {
    Buffer offsets = take(length == 0 ? 0 : (length + 1L) * width);
    if (length == 0 && lastLength < width) {
      offsets.release();
      return allocator.allocateZeroed(width);
    }
    return offsets;
  }

  private void check(String problem) {
    if (problem != null) {
      throw bad(problem);
    }
  }

  private Buffer skipBuffer() {
    body.skip();
    return null;
  }

  private Buffer take(long required) {
    Buffer buffer = body.take(required, column);
    lastLength = body.lastLength();
    return buffer;
  }
}
