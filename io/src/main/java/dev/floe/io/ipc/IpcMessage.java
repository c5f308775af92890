package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One encapsulated IPC message read from a mapped file: its Message flatbuffer (header type and
 * header table) and where its body lies. {@link #at} checks every length against the file.
 *
 * @param end the position just after the body (the next message), or -1 for end-of-stream
 */
record IpcMessage(FlatBuffer metadata, int headerType, long header, long bodyStart, long bodyLength, long end) {
  static final int SCHEMA = 1;
  static final int DICTIONARY_BATCH = 2;
  static final int RECORD_BATCH = 3;

  /** The message at {@code position}, or null at an end-of-stream marker or the end of the data. */
  static IpcMessage at(MemorySegment file, long position, long limit, String where) {
    if (position == limit) {
      return null;
    }
    if (position < 0 || position > limit - 4) {
      throw new FloeIoException(where + ": truncated message header at byte " + position);
    }
    int first = file.get(ValueLayout.JAVA_INT_UNALIGNED, position);
    long metadataStart = position + 4;
    int metadataLength = first;
    if (first == -1) {
      if (position > limit - 8) {
        throw new FloeIoException(where + ": truncated message length at byte " + position);
      }
      metadataLength = file.get(ValueLayout.JAVA_INT_UNALIGNED, position + 4);
      metadataStart = position + 8;
    }
    if (metadataLength == 0) {
      return null;
    }
    if (metadataLength < 0 || metadataLength > limit - metadataStart) {
      throw new FloeIoException(
          where + ": message at byte " + position + " claims " + Integer.toUnsignedString(metadataLength)
              + " bytes of metadata, but only " + (limit - metadataStart) + " remain");
    }
    String context = where + ", message at byte " + position;
    FlatBuffer fb = new FlatBuffer(file.asSlice(metadataStart, metadataLength), context);
    long message = fb.root();
    int headerType = fb.getUByte(message, 1, 0);
    long header = fb.getRef(message, 2);
    if (header < 0) {
      throw new FloeIoException(context + ": the message has no header");
    }
    long bodyStart = metadataStart + metadataLength;
    long bodyLength = fb.getLong(message, 3, 0);
    if (bodyLength < 0 || bodyLength > limit - bodyStart) {
      throw new FloeIoException(
          context + ": the body of " + bodyLength + " bytes does not fit the " + (limit - bodyStart)
              + " bytes that remain");
    }
    return new IpcMessage(fb, headerType, header, bodyStart, bodyLength, bodyStart + bodyLength);
  }
}
