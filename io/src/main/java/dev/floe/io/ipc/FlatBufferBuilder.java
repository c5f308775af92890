package dev.floe.io.ipc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes FlatBuffers front to back from a small object model (tables, strings, vectors of tables,
 * vectors of 8-byte-word structs). Each table's vtable precedes it; children follow their parent,
 * so every unsigned offset points forward. Scalars are naturally aligned; the result is meant to
 * start at an 8-byte aligned position. Only for Arrow's small metadata, so it lives on the heap.
 */
final class FlatBufferBuilder {
  /** Something an offset field can point to. */
  sealed interface Node permits Table, Str, TableVector, WordVector {}

  /** A string. */
  record Str(String value) implements Node {}

  /** A vector of tables. */
  record TableVector(List<Table> tables) implements Node {}

  /** A vector of {@code count} structs (or longs) made of 8-byte little-endian words. */
  record WordVector(long[] words, int count) implements Node {}

  private record Slot(int index, int size, long value, Node node) {}

  /** A table under construction: add fields by slot number. */
  static final class Table implements Node {
    private final List<Slot> slots = new ArrayList<>();

    Table addLong(int slot, long value) {
      slots.add(new Slot(slot, 8, value, null));
      return this;
    }

    Table addInt(int slot, int value) {
      slots.add(new Slot(slot, 4, value, null));
      return this;
    }

    Table addShort(int slot, int value) {
      slots.add(new Slot(slot, 2, value, null));
      return this;
    }

    Table addByte(int slot, int value) {
      slots.add(new Slot(slot, 1, value, null));
      return this;
    }

    Table addBool(int slot, boolean value) {
      return addByte(slot, value ? 1 : 0);
    }

    Table add(int slot, Node node) {
      if (node != null) {
        slots.add(new Slot(slot, 4, 0, node));
      }
      return this;
    }

    Table addString(int slot, String value) {
      return value == null ? this : add(slot, new Str(value));
    }
  }

  private ByteBuffer out = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

  private FlatBufferBuilder() {}

  /** The bytes of a buffer whose root is {@code root}, padded to a multiple of 8. */
  static byte[] finish(Table root) {
    FlatBufferBuilder builder = new FlatBufferBuilder();
    builder.putInt(0);
    long rootPosition = builder.writeTable(root);
    builder.out.putInt(0, (int) rootPosition);
    builder.pad(8, 0);
    byte[] result = new byte[builder.out.position()];
    builder.out.flip().get(result);
    return result;
  }

  private void ensure(int more) {
    if (out.remaining() < more) {
      ByteBuffer bigger =
          ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + more))
              .order(ByteOrder.LITTLE_ENDIAN);
      out.flip();
      bigger.put(out);
      out = bigger;
    }
  }

  private void putInt(int value) {
    ensure(4);
    out.putInt(value);
  }

  /** Pads with zeros until position % alignment == remainder. */
  private void pad(int alignment, int remainder) {
    while (out.position() % alignment != remainder) {
      ensure(1);
      out.put((byte) 0);
    }
  }

  private int writeNode(Node node) {
    return switch (node) {
      case Table table -> writeTable(table);
      case Str string -> {
        byte[] utf8 = string.value().getBytes(StandardCharsets.UTF_8);
        pad(4, 0);
        int position = out.position();
        ensure(utf8.length + 5);
        out.putInt(utf8.length).put(utf8).put((byte) 0);
        yield position;
      }
      case WordVector vector -> {
        pad(8, 4);
        int position = out.position();
        ensure(4 + 8 * vector.words().length);
        out.putInt(vector.count());
        for (long word : vector.words()) {
          out.putLong(word);
        }
        yield position;
      }
      case TableVector vector -> {
        pad(4, 0);
        int position = out.position();
        int count = vector.tables().size();
        ensure(4 + 4 * count);
        out.putInt(count);
        int first = out.position();
        out.position(first + 4 * count);
        for (int index = 0; index < count; index++) {
          int child = writeTable(vector.tables().get(index));
          int slot = first + 4 * index;
          out.putInt(slot, child - slot);
        }
        yield position;
      }
    };
  }

  private int writeTable(Table table) {
    List<Slot> slots = new ArrayList<>(table.slots);
    slots.sort(Comparator.comparingInt(Slot::size).reversed());
    int slotCount = 0;
    for (Slot slot : slots) {
      slotCount = Math.max(slotCount, slot.index() + 1);
    }
    pad(2, 0);
    int vtable = out.position();
    int vtableSize = 4 + 2 * slotCount;
    ensure(vtableSize);
    out.position(vtable + vtableSize);
    pad(8, 4);
    int start = out.position();
    putInt(start - vtable);
    int[] positions = new int[slots.size()];
    for (int index = 0; index < slots.size(); index++) {
      Slot slot = slots.get(index);
      pad(slot.size(), 0);
      positions[index] = out.position();
      ensure(slot.size());
      switch (slot.size()) {
        case 8 -> out.putLong(slot.value());
        case 4 -> out.putInt((int) slot.value());
        case 2 -> out.putShort((short) slot.value());
        default -> out.put((byte) slot.value());
      }
    }
    int end = out.position();
    out.putShort(vtable, (short) vtableSize);
    out.putShort(vtable + 2, (short) (end - start));
    for (int index = 4; index < vtableSize; index++) {
      out.put(vtable + index, (byte) 0);
    }
    for (int index = 0; index < slots.size(); index++) {
      out.putShort(vtable + 4 + 2 * slots.get(index).index(), (short) (positions[index] - start));
    }
    for (int index = 0; index < slots.size(); index++) {
      Slot slot = slots.get(index);
      if (slot.node() != null) {
        int child = writeNode(slot.node());
        out.putInt(positions[index], child - positions[index]);
      }
    }
    return start;
  }
}
