package dev.floe.io.ipc;

/** Arrow IPC body compression codecs (BodyCompression.codec in Message.fbs). */
public enum IpcCompression {
  /** Buffers are written as they are (memory-mappable, zero-copy on read). */
  NONE,
  /** Each buffer is an LZ4 frame. */
  LZ4,
  /** Each buffer is a Zstandard frame. */
  ZSTD
}
