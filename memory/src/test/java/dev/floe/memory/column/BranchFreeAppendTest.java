package dev.floe.memory.column;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@code append(value, valid)} builds exactly the buffers of {@code append(value)}/{@code appendNull()}. */
class BranchFreeAppendTest {

  @Property(tries = 100)
  void branchFreeAppendsMatchBranchyAppendsByteForByte(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 100) int nullPercent,
      @ForAll @IntRange(min = 0, max = 3000) int rows) {
    Random random = new Random(seed);
    try (BufferAllocator allocator = BufferAllocator.newRoot("branch-free", Long.MAX_VALUE)) {
      for (DataType type : new DataType[] {DataType.INT64, DataType.INT32, DataType.FLOAT64}) {
        try (FixedWidthBuilder branchy = new FixedWidthBuilder(type, allocator);
            FixedWidthBuilder branchFree = new FixedWidthBuilder(type, allocator)) {
          for (int row = 0; row < rows; row++) {
            boolean valid = random.nextInt(100) >= nullPercent;
            long value = random.nextLong();
            switch (type) {
              case DataType.Int64 t -> branchFree.appendLong(value, valid);
              case DataType.Int32 t -> branchFree.appendInt((int) value, valid);
              default -> branchFree.appendDouble(Double.longBitsToDouble(value), valid);
            }
            if (!valid) {
              branchy.appendNull();
            } else {
              switch (type) {
                case DataType.Int64 t -> branchy.appendLong(value);
                case DataType.Int32 t -> branchy.appendInt((int) value);
                default -> branchy.appendDouble(Double.longBitsToDouble(value));
              }
            }
          }
          try (FixedWidthColumn expected = branchy.build();
              FixedWidthColumn actual = branchFree.build()) {
            assertThat(actual.length()).isEqualTo(expected.length());
            assertThat(actual.nullCount()).isEqualTo(expected.nullCount());
            assertSameBytes(actual.valuesBuffer(), expected.valuesBuffer(), (long) rows * type.byteWidth());
            assertThat(actual.validity() == null).isEqualTo(expected.validity() == null);
            if (expected.validity() != null) {
              assertSameBytes(actual.validity(), expected.validity(), (rows + 7) / 8);
            }
          }
        }
      }
    }
  }

  private static void assertSameBytes(Buffer actual, Buffer expected, long bytes) {
    MemorySegment left = actual.segment().asSlice(0, bytes);
    MemorySegment right = expected.segment().asSlice(0, bytes);
    assertThat(left.mismatch(right)).as("first differing byte").isEqualTo(-1L);
  }
}
