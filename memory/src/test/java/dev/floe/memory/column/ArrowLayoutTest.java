package dev.floe.memory.column;

import static dev.floe.memory.column.ColumnTesting.allocator;
import static dev.floe.memory.column.ColumnTesting.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Buffers byte for byte against the Arrow columnar format specification. */
class ArrowLayoutTest {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  @Test
  void int32WithANull() {
    try (BufferAllocator allocator = allocator();
        FixedWidthColumn column =
            (FixedWidthColumn) JavaValues.toColumn(allocator, DataType.INT32, listOf(1, null, 3))) {
      assertThat(byteAt(column.validity(), 0)).isEqualTo((byte) 0b101);
      assertThat(column.buffers()).hasSize(2);
      MemorySegment values = column.valuesBuffer().segment();
      assertThat(values.get(INT, 0)).isEqualTo(1);
      assertThat(values.get(INT, 8)).isEqualTo(3);
    }
  }

  @Test
  void noNullsMeansNoValidityBitmap() {
    try (BufferAllocator allocator = allocator();
        Column column = JavaValues.toColumn(allocator, List.of("a", "b"))) {
      assertThat(column.validity()).isNull();
      assertThat(column.buffers().get(0)).isNull();
    }
  }

  @Test
  void utf8OffsetsAndData() {
    try (BufferAllocator allocator = allocator();
        VarBinaryColumn column =
            (VarBinaryColumn) JavaValues.toColumn(allocator, listOf("a", null, "bc"))) {
      MemorySegment offsets = column.offsetsBuffer().segment();
      assertThat(new int[] {offsets.get(INT, 0), offsets.get(INT, 4), offsets.get(INT, 8),
          offsets.get(INT, 12)}).containsExactly(0, 1, 1, 3);
      assertThat(text(column.dataBuffer(), 3)).isEqualTo("abc");
      assertThat(byteAt(column.validity(), 0)).isEqualTo((byte) 0b101);
      assertThat(column.valueStart(2)).isEqualTo(1);
      assertThat(column.valueLength(2)).isEqualTo(2);
    }
  }

  @Test
  void largeUtf8HasInt64Offsets() {
    try (BufferAllocator allocator = allocator();
        VarBinaryColumn column = (VarBinaryColumn)
            JavaValues.toColumn(allocator, DataType.LARGE_UTF8, listOf("xy", null, "z"))) {
      MemorySegment offsets = column.offsetsBuffer().segment();
      assertThat(new long[] {offsets.get(LONG, 0), offsets.get(LONG, 8), offsets.get(LONG, 16),
          offsets.get(LONG, 24)}).containsExactly(0L, 2L, 2L, 3L);
      assertThat(text(column.dataBuffer(), 3)).isEqualTo("xyz");
    }
  }

  @Test
  void booleanValuesAndValidityBits() {
    try (BufferAllocator allocator = allocator();
        BooleanColumn column = (BooleanColumn)
            JavaValues.toColumn(allocator, listOf(true, null, false, true))) {
      assertThat(byteAt(column.valuesBuffer(), 0)).isEqualTo((byte) 0b1001);
      assertThat(byteAt(column.validity(), 0)).isEqualTo((byte) 0b1101);
    }
  }

  @Test
  void listOffsetsAndChild() {
    try (BufferAllocator allocator = allocator();
        ListColumn column = (ListColumn) JavaValues.toColumn(
            allocator, listOf(List.of(1, 2), null, List.of(3)))) {
      MemorySegment offsets = column.offsetsBuffer().segment();
      assertThat(new int[] {offsets.get(INT, 0), offsets.get(INT, 4), offsets.get(INT, 8),
          offsets.get(INT, 12)}).containsExactly(0, 2, 2, 3);
      assertThat(byteAt(column.validity(), 0)).isEqualTo((byte) 0b101);
      assertThat(column.children()).hasSize(1);
      FixedWidthColumn values = (FixedWidthColumn) column.values();
      assertThat(values.type()).isEqualTo(DataType.INT32);
      assertThat(values.validity()).isNull();
      assertThat(ColumnTesting.values(values)).containsExactly(1, 2, 3);
    }
  }

  @Test
  void structChildrenHaveOneSlotPerRow() {
    DataType.StructType type =
        DataType.StructType.of(Field.of("a", DataType.INT32), Field.of("b", DataType.UTF8));
    try (BufferAllocator allocator = allocator();
        StructColumn column = (StructColumn) JavaValues.toColumn(
            allocator, type, listOf(Map.of("a", 1, "b", "x"), null, Map.of("a", 3)))) {
      assertThat(column.buffers()).hasSize(1);
      assertThat(byteAt(column.validity(), 0)).isEqualTo((byte) 0b101);
      FixedWidthColumn a = (FixedWidthColumn) column.fieldColumn(0);
      VarBinaryColumn b = (VarBinaryColumn) column.fieldColumn(1);
      assertThat(a.length()).isEqualTo(3);
      assertThat(a.valuesBuffer().segment().get(INT, 8)).isEqualTo(3);
      assertThat(byteAt(a.validity(), 0)).isEqualTo((byte) 0b101);
      assertThat(byteAt(b.validity(), 0)).isEqualTo((byte) 0b001);
      assertThat(b.offsetsBuffer().segment().get(INT, 12)).isEqualTo(1);
    }
  }

  @Test
  void viewsInlineShortValuesAndPointAtLongOnes() {
    String longValue = "a string longer than 12";
    try (BufferAllocator allocator = allocator();
        ViewColumn column = (ViewColumn) JavaValues.toColumn(
            allocator, DataType.UTF8_VIEW, listOf("short", null, longValue, "exactly12byt"))) {
      MemorySegment views = column.viewsBuffer().segment();
      assertThat(views.get(INT, 0)).isEqualTo(5);
      assertThat(text(views.asSlice(4, 12))).isEqualTo("short\0\0\0\0\0\0\0");
      assertThat(views.get(LONG, 16)).isZero();
      assertThat(views.get(LONG, 24)).isZero();
      assertThat(views.get(INT, 32)).isEqualTo(23);
      assertThat(text(views.asSlice(36, 4))).isEqualTo("a st");
      assertThat(views.get(INT, 40)).isEqualTo(0);
      assertThat(views.get(INT, 44)).isEqualTo(0);
      assertThat(views.get(INT, 48)).isEqualTo(12);
      assertThat(text(views.asSlice(52, 12))).isEqualTo("exactly12byt");
      assertThat(column.dataBuffers()).hasSize(1);
      assertThat(text(column.dataBuffers().get(0), 23)).isEqualTo(longValue);
      assertThat(column.buffers()).hasSize(3);
    }
  }

  @Test
  void fixedSizeBinaryValuesAreContiguous() {
    DataType.FixedSizeBinary type = new DataType.FixedSizeBinary(2);
    try (BufferAllocator allocator = allocator();
        FixedSizeBinaryColumn column = (FixedSizeBinaryColumn) JavaValues.toColumn(
            allocator, type, listOf(new byte[] {1, 2}, null, new byte[] {5, 6}))) {
      MemorySegment values = column.valuesBuffer().segment();
      assertThat(values.asSlice(0, 6).toArray(ValueLayout.JAVA_BYTE))
          .containsExactly(1, 2, 0, 0, 5, 6);
    }
  }

  @Test
  void decimal128IsLittleEndianTwosComplement() {
    try (BufferAllocator allocator = allocator();
        FixedWidthColumn column = (FixedWidthColumn) JavaValues.toColumn(
            allocator, new DataType.Decimal128(10, 2),
            listOf(new BigDecimal("-0.01"), new BigDecimal("123.45")))) {
      byte[] bytes = column.valuesBuffer().segment().asSlice(0, 32).toArray(ValueLayout.JAVA_BYTE);
      for (int index = 0; index < 16; index++) {
        assertThat(bytes[index]).as("byte %d of -1", index).isEqualTo((byte) -1);
      }
      assertThat(bytes[16]).isEqualTo((byte) 0x39);
      assertThat(bytes[17]).isEqualTo((byte) 0x30);
      for (int index = 18; index < 32; index++) {
        assertThat(bytes[index]).as("byte %d of 12345", index).isZero();
      }
    }
  }

  @Test
  void everyBufferIsAlignedAndPaddedTo64Bytes() {
    List<Object> rows = listOf(
        Map.of("s", "x".repeat(20), "l", List.of(1L, 2L), "b", true), null,
        Map.of("s", "y", "l", List.of(), "b", false));
    try (BufferAllocator allocator = allocator();
        Column column = JavaValues.toColumn(allocator, rows);
        Column views = JavaValues.toColumn(allocator, DataType.UTF8_VIEW, listOf("x".repeat(30)))) {
      assertAligned(column);
      assertAligned(views);
    }
  }

  private static void assertAligned(Column column) {
    for (Buffer buffer : column.buffers()) {
      if (buffer != null) {
        assertThat(buffer.address() % 64).as("address of a buffer of %s", column.type()).isZero();
        assertThat(buffer.capacity() % 64).as("size of a buffer of %s", column.type()).isZero();
      }
    }
    column.children().forEach(ArrowLayoutTest::assertAligned);
  }

  static byte byteAt(Buffer buffer, long index) {
    return buffer.segment().get(ValueLayout.JAVA_BYTE, index);
  }

  private static String text(Buffer buffer, int length) {
    return text(buffer.segment().asSlice(0, length));
  }

  private static String text(MemorySegment bytes) {
    return new String(bytes.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
  }
}
