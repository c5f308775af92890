package dev.floe.io.parquet.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.util.Random;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/**
 * Value conversions against independent Java arithmetic: big-endian decimals of every length on
 * BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY (java.math.BigInteger), INT96 timestamps (java.time), with
 * nulls placed by slots.
 */
@LeakChecked
class LeafColumnsTest {
  private static ReadNode.Leaf leaf(String schema) {
    return (ReadNode.Leaf) ParquetSchemas.map(MessageTypeParser.parseMessageType(schema), null, "t").getFirst();
  }

  @Test
  void decimalsOfEveryLengthOnByteArrays(BufferAllocator allocator) {
    ReadNode.Leaf leaf = leaf("message m { optional binary d (DECIMAL(38, 3)); }");
    Random random = new Random(7);
    BigInteger[] expected = new BigInteger[200];
    try (PhysicalValues values = new PhysicalValues(allocator, PhysicalValues.VARIABLE, 10)) {
      for (int k = 0; k < expected.length; k++) {
        BigInteger value = new BigInteger(1 + random.nextInt(120), random);
        expected[k] = random.nextBoolean() ? value.negate() : value;
        byte[] bytes = expected[k].toByteArray();
        values.appendBinary(MemorySegment.ofArray(bytes), 0, bytes.length, "t");
      }
      int[] slots = new int[expected.length + 1];
      for (int k = 0; k < slots.length; k++) {
        slots[k] = k == 5 ? -1 : k < 5 ? k : k - 1;
      }
      try (Column column = LeafColumns.build(leaf, values, slots, slots.length, allocator, "t")) {
        assertThat(column.type().toString()).isEqualTo("decimal[38,3]");
        for (int k = 0; k < slots.length; k++) {
          Object want = slots[k] < 0 ? null : new BigDecimal(expected[slots[k]], 3);
          assertThat(column.getObject(k)).as("row %d", k).isEqualTo(want);
        }
      }
    }
  }

  @Test
  void decimalsOnFixedLengthArrays(BufferAllocator allocator) {
    ReadNode.Leaf leaf = leaf("message m { required fixed_len_byte_array(5) d (DECIMAL(11, 1)); }");
    Random random = new Random(11);
    long[] expected = new long[100];
    try (PhysicalValues values = new PhysicalValues(allocator, 5, 100)) {
      for (int k = 0; k < expected.length; k++) {
        expected[k] = random.nextLong() >> 28;
        byte[] eight = ByteBuffer.allocate(8).putLong(expected[k]).array();
        values.appendFixed(MemorySegment.ofArray(eight), 3, 1);
      }
      try (Column column = LeafColumns.build(leaf, values, null, expected.length, allocator, "t")) {
        for (int k = 0; k < expected.length; k++) {
          assertThat(column.getObject(k)).isEqualTo(BigDecimal.valueOf(expected[k], 1));
        }
      }
    }
  }

  @Test
  void int96TimestampsAreNanosecondsSinceTheEpoch(BufferAllocator allocator) {
    ReadNode.Leaf leaf = leaf("message m { required int96 t; }");
    LocalDateTime[] times = {
      LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789),
      LocalDateTime.of(1900, 6, 15, 12, 0, 0, 1)
    };
    try (PhysicalValues values = new PhysicalValues(allocator, 12, times.length)) {
      for (LocalDateTime time : times) {
        long julianDay = time.toLocalDate().toEpochDay() + 2_440_588L;
        long nanos = time.toLocalTime().toNanoOfDay();
        byte[] bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(nanos).putInt((int) julianDay)
            .array();
        values.appendFixed(MemorySegment.ofArray(bytes), 0, 1);
      }
      try (Column column = LeafColumns.build(leaf, values, null, times.length, allocator, "t")) {
        assertThat(column.type().toString()).isEqualTo("datetime[ns]");
        for (int k = 0; k < times.length; k++) {
          assertThat(column.getObject(k)).isEqualTo(times[k]);
        }
      }
    }
  }
}
