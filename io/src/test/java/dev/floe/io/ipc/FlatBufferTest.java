package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The FlatBuffers reader on malformed input: every bad offset or length is a typed error. */
@LeakChecked
class FlatBufferTest {
  /** root -> table at 12 with vtable at 4: field 0 = int 7, field 1 = offset to a string "ab". */
  private static byte[] valid() {
    ByteBuffer out = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0, 12);                  // root offset
    out.putShort(4, (short) 8);         // vtable size: 2 fields
    out.putShort(6, (short) 12);        // table size
    out.putShort(8, (short) 4);         // field 0 at table + 4
    out.putShort(10, (short) 8);        // field 1 at table + 8
    out.putInt(12, 8);                  // table: soffset to vtable (12 - 8 = 4)
    out.putInt(16, 7);                  // field 0
    out.putInt(20, 4);                  // field 1: string at 24
    out.putInt(24, 2);                  // string length
    out.put(28, (byte) 'a').put(29, (byte) 'b');
    return out.array();
  }

  private static FlatBuffer reader(byte[] bytes) {
    return new FlatBuffer(MemorySegment.ofArray(bytes), "test.arrow footer");
  }

  private static void assertMalformed(Consumer<ByteBuffer> corrupt, Consumer<FlatBuffer> read) {
    byte[] bytes = valid();
    corrupt.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    assertThatThrownBy(() -> read.accept(reader(bytes)))
        .isInstanceOf(FloeIoException.class)
        .hasMessageContaining("test.arrow footer")
        .hasMessageContaining("malformed IPC metadata");
  }

  @Test
  void readsAValidTable() {
    FlatBuffer fb = reader(valid());
    long table = fb.root();
    assertThat(fb.getInt(table, 0, -1)).isEqualTo(7);
    assertThat(fb.getString(table, 1)).isEqualTo("ab");
    assertThat(fb.getInt(table, 5, -1)).isEqualTo(-1);
  }

  @Test
  void rejectsAnEmptyOrTinyBuffer() {
    assertThatThrownBy(() -> reader(new byte[0]).root()).isInstanceOf(FloeIoException.class);
    assertThatThrownBy(() -> reader(new byte[3]).root()).isInstanceOf(FloeIoException.class);
  }

  @Test
  void rejectsARootOutsideTheBuffer() {
    assertMalformed(b -> b.putInt(0, 1000), FlatBuffer::root);
    assertMalformed(b -> b.putInt(0, -4), FlatBuffer::root);
  }

  @Test
  void rejectsAVtableOutsideTheBuffer() {
    assertMalformed(b -> b.putInt(12, 5000), fb -> fb.getInt(fb.root(), 0, 0));
    assertMalformed(b -> b.putInt(12, -5000), fb -> fb.getInt(fb.root(), 0, 0));
    assertMalformed(b -> b.putInt(12, Integer.MIN_VALUE), fb -> fb.getInt(fb.root(), 0, 0));
  }

  @Test
  void rejectsABadVtableSize() {
    assertMalformed(b -> b.putShort(4, (short) 3), fb -> fb.getInt(fb.root(), 0, 0));
    assertMalformed(b -> b.putShort(4, (short) 2), fb -> fb.getInt(fb.root(), 0, 0));
    assertMalformed(b -> b.putShort(4, (short) 0xFFFE), fb -> fb.getInt(fb.root(), 0, 0));
  }

  @Test
  void rejectsATableOrFieldBeyondTheBuffer() {
    assertMalformed(b -> b.putShort(6, (short) 0x7000), fb -> fb.getInt(fb.root(), 0, 0));
    assertMalformed(b -> b.putShort(8, (short) 200), fb -> fb.getInt(fb.root(), 0, 0));
  }

  @Test
  void rejectsLyingStringAndVectorLengths() {
    assertMalformed(b -> b.putInt(24, 1_000_000), fb -> fb.getString(fb.root(), 1));
    assertMalformed(b -> b.putInt(24, -1), fb -> fb.getString(fb.root(), 1));
    assertMalformed(b -> b.putInt(20, 0x7FFF_FFF0), fb -> fb.getString(fb.root(), 1));
    assertMalformed(b -> b.putInt(24, 1_000_000), fb -> fb.vectorLength(fb.getRef(fb.root(), 1), 16));
    assertMalformed(b -> { }, fb -> fb.vectorStruct(fb.getRef(fb.root(), 1), 5, 16));
  }

  @Test
  void rejectsInvalidUtf8() {
    assertMalformed(b -> b.put(28, (byte) 0xC3).put(29, (byte) 0x28), fb -> fb.getString(fb.root(), 1));
  }

  @Test
  void builderOutputWithNestedVectorsReadsBack() {
    FlatBufferBuilder.Table child = new FlatBufferBuilder.Table().addString(0, "k").addLong(1, Long.MIN_VALUE);
    byte[] bytes = FlatBufferBuilder.finish(new FlatBufferBuilder.Table()
        .add(0, new FlatBufferBuilder.TableVector(List.of(child, child)))
        .add(1, new FlatBufferBuilder.WordVector(new long[] {1, 2, 3, 4}, 2))
        .addBool(2, true));
    FlatBuffer fb = reader(bytes);
    long root = fb.root();
    long tables = fb.getRef(root, 0);
    assertThat(fb.vectorLength(tables, 4)).isEqualTo(2);
    assertThat(fb.getString(fb.vectorTable(tables, 1), 0)).isEqualTo("k");
    assertThat(fb.getLong(fb.vectorTable(tables, 1), 1, 0)).isEqualTo(Long.MIN_VALUE);
    long words = fb.getRef(root, 1);
    assertThat(fb.vectorLength(words, 16)).isEqualTo(2);
    assertThat(fb.readLong(fb.vectorStruct(words, 1, 16) + 8)).isEqualTo(4);
    assertThat((words + 4) % 8).as("struct vectors are 8-byte aligned").isZero();
    assertThat(fb.getBool(root, 2, false)).isTrue();
  }
}
