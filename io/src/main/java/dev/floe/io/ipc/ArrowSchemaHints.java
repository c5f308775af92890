package dev.floe.io.ipc;

import dev.floe.errors.FloeIoException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the Arrow schema that pyarrow stores in a Parquet file's {@code ARROW:schema} key-value
 * metadata (base64 of an encapsulated IPC Schema message) as a light tree of type hints. Unlike
 * {@link IpcSchemas} it accepts every Arrow type (time32, date64, float16, ...): a Parquet reader
 * only consults it to restore what the Parquet types lose (time zone names, durations, nulls).
 */
public final class ArrowSchemaHints {
  private static final int MAX_DEPTH = 64;

  private ArrowSchemaHints() {}

  /**
   * One Arrow field: name, Arrow type id (Schema.fbs {@code Type} union: 1 Null, 2 Int, 3
   * FloatingPoint, 5 Utf8, 8 Date, 9 Time, 10 Timestamp, 18 Duration, 20 LargeUtf8, ...), the time
   * unit code (0 s, 1 ms, 2 us, 3 ns; -1 when the type has none), the time zone, whether it is
   * dictionary-encoded, and its children.
   */
  public record Hint(String name, int typeId, int unit, String timeZone, boolean dictionary, List<Hint> children) {
    public Hint {
      children = List.copyOf(children);
    }
  }

  /** The top-level fields, or throws {@link FloeIoException} when the value is not such a schema. */
  public static List<Hint> decode(String base64, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException invalid) {
      throw new FloeIoException(where + ": ARROW:schema is not base64: " + invalid.getMessage(), invalid);
    }
    MemorySegment segment = MemorySegment.ofArray(bytes);
    IpcMessage message = IpcMessage.at(segment, 0, bytes.length, where + ", ARROW:schema");
    if (message == null || message.headerType() != IpcMessage.SCHEMA) {
      throw new FloeIoException(where + ": ARROW:schema does not hold a schema message");
    }
    FlatBuffer fb = message.metadata();
    long fields = fb.getRef(message.header(), 1);
    List<Hint> out = new ArrayList<>();
    if (fields >= 0) {
      int count = fb.vectorLength(fields, 4);
      for (int index = 0; index < count; index++) {
        out.add(field(fb, fb.vectorTable(fields, index), 0));
      }
    }
    return out;
  }

  private static Hint field(FlatBuffer fb, long field, int depth) {
    if (depth > MAX_DEPTH) {
      throw fb.malformed("types are nested more than " + MAX_DEPTH + " levels deep", field);
    }
    String name = fb.getString(field, 0);
    int typeId = fb.getUByte(field, 2, 0);
    long type = fb.getRef(field, 3);
    boolean dictionary = fb.getRef(field, 4) >= 0;
    List<Hint> children = new ArrayList<>();
    long childVector = fb.getRef(field, 5);
    if (childVector >= 0) {
      int count = fb.vectorLength(childVector, 4);
      for (int index = 0; index < count; index++) {
        children.add(field(fb, fb.vectorTable(childVector, index), depth + 1));
      }
    }
    int unit = -1;
    String timeZone = null;
    if (type >= 0) {
      switch (typeId) {
        case 9, 18 -> unit = fb.getShort(type, 0, 1);
        case 10 -> {
          unit = fb.getShort(type, 0, 0);
          timeZone = fb.getString(type, 1);
        }
        default -> { }
      }
    }
    return new Hint(name == null ? "" : name, typeId, unit, timeZone, dictionary, children);
  }
}
