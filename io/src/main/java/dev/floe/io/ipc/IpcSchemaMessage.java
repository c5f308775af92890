package dev.floe.io.ipc;

import dev.floe.io.ipc.FlatBufferBuilder.Table;
import dev.floe.memory.types.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A schema as one encapsulated Arrow IPC message (continuation marker, metadata length, Message
 * flatbuffer with a Schema header, padded to 8 bytes), the form other formats embed: Parquet
 * writers store it base64-encoded under the {@code ARROW:schema} key so that Arrow readers restore
 * the exact Arrow types (durations, views, large types, dictionaries).
 */
public final class IpcSchemaMessage {
  private IpcSchemaMessage() {}

  /** The encapsulated Schema message of {@code schema}. */
  public static byte[] encode(Schema schema) {
    Table message = new Table().addShort(0, 4).addByte(1, 1).add(2, IpcSchemas.schemaTable(schema)).addLong(3, 0);
    byte[] metadata = FlatBufferBuilder.finish(message);
    int padded = (metadata.length + 7) & ~7;
    ByteBuffer out = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(-1).putInt(padded).put(metadata);
    return out.array();
  }
}
