package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked reader of FlatBuffers tables over a memory segment (the Arrow IPC metadata).
 * Positions are byte offsets into the segment; every offset and length read from the bytes is
 * checked against the segment before it is followed, and a bad one throws {@link FloeIoException}
 * naming {@code where} and the position, never an out-of-bounds read.
 */
final class FlatBuffer {
  private final MemorySegment bytes;
  private final long size;
  private final String where;

  FlatBuffer(MemorySegment bytes, String where) {
    this.bytes = bytes;
    this.size = bytes.byteSize();
    this.where = where;
  }

  /** The position of the root table. */
  long root() {
    return deref(0);
  }

  /** Fails with a message naming the metadata and the position. */
  FloeIoException malformed(String problem, long position) {
    return new FloeIoException(
        where + ": malformed IPC metadata (flatbuffer of " + size + " bytes): " + problem
            + " at byte " + position);
  }

  private void check(long position, long length) {
    if (position < 0 || length < 0 || position > size - length) {
      throw malformed(length + " bytes are out of bounds", position);
    }
  }

  int readInt(long position) {
    check(position, 4);
    return bytes.get(ValueLayout.JAVA_INT_UNALIGNED, position);
  }

  long readLong(long position) {
    check(position, 8);
    return bytes.get(ValueLayout.JAVA_LONG_UNALIGNED, position);
  }

  int readUShort(long position) {
    check(position, 2);
    return Short.toUnsignedInt(bytes.get(ValueLayout.JAVA_SHORT_UNALIGNED, position));
  }

  int readUByte(long position) {
    check(position, 1);
    return Byte.toUnsignedInt(bytes.get(ValueLayout.JAVA_BYTE, position));
  }

  /** Follows the unsigned 32-bit offset stored at {@code position}. */
  long deref(long position) {
    long target = position + Integer.toUnsignedLong(readInt(position));
    check(target, 4);
    return target;
  }

  /** The absolute position of field {@code slot} of the table at {@code table}, or -1 if absent. */
  long field(long table, int slot) {
    long vtable = table - readInt(table);
    int vtableSize = readUShort(vtable);
    if (vtableSize < 4 || (vtableSize & 1) != 0) {
      throw malformed("vtable size " + vtableSize + " is invalid", vtable);
    }
    check(vtable, vtableSize);
    int tableSize = readUShort(vtable + 2);
    check(table, tableSize);
    int entry = 4 + 2 * slot;
    if (entry + 2 > vtableSize) {
      return -1;
    }
    int offset = readUShort(vtable + entry);
    if (offset == 0) {
      return -1;
    }
    if (offset >= tableSize) {
      throw malformed("field " + slot + " lies outside its table of " + tableSize + " bytes", table);
    }
    return table + offset;
  }

  long getLong(long table, int slot, long absent) {
    long position = field(table, slot);
    return position < 0 ? absent : readLong(position);
  }

  int getInt(long table, int slot, int absent) {
    long position = field(table, slot);
    return position < 0 ? absent : readInt(position);
  }

  int getShort(long table, int slot, int absent) {
    long position = field(table, slot);
    return position < 0 ? absent : (short) readUShort(position);
  }

  int getUByte(long table, int slot, int absent) {
    long position = field(table, slot);
    return position < 0 ? absent : readUByte(position);
  }

  boolean getBool(long table, int slot, boolean absent) {
    long position = field(table, slot);
    return position < 0 ? absent : readUByte(position) != 0;
  }

  /** The table (or vector, or string) the offset field {@code slot} points to, or -1. */
  long getRef(long table, int slot) {
    long position = field(table, slot);
    return position < 0 ? -1 : deref(position);
  }

  /** The UTF-8 string field {@code slot}, or null when absent. */
  String getString(long table, int slot) {
    long string = getRef(table, slot);
    if (string < 0) {
      return null;
    }
    long length = Integer.toUnsignedLong(readInt(string));
    check(string + 4, length);
    byte[] utf8 = bytes.asSlice(string + 4, length).toArray(ValueLayout.JAVA_BYTE);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException invalid) {
      throw malformed("a string is not valid UTF-8", string);
    }
  }

  /** The element count of the vector at {@code vector}, checked to fit {@code elementSize} each. */
  int vectorLength(long vector, int elementSize) {
    long length = Integer.toUnsignedLong(readInt(vector));
    check(vector + 4, length * elementSize);
    return (int) length;
  }

  /** The table element {@code index} of a vector of tables. */
  long vectorTable(long vector, int index) {
    return deref(vector + 4 + 4L * index);
  }

  /** The position of struct element {@code index} of {@code elementSize} bytes. */
  long vectorStruct(long vector, int index, int elementSize) {
    long position = vector + 4 + (long) index * elementSize;
    check(position, elementSize);
    return position;
  }
}
