package dev.floe.io.parquet.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Headers and bit widths the spec forbids are rejected with the offset and the bad value. */
@LeakChecked
class DeltaHeaderRejectionTest {
  private static final String WHERE = "t.parquet column 'x' row group 2 page 5";

  static String decode64(int count, int... bytes) {
    return decode(true, count, bytes);
  }

  static String decode(boolean int64, int count, int... bytes) {
    byte[] data = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      data[i] = (byte) bytes[i];
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.exact(arena, data);
      MemorySegment dst = arena.allocate(8L * count + 1);
      if (int64) {
        DeltaBinaryPacked.decodeInt64(src, 0, data.length, count, dst, 0, WHERE);
      } else {
        DeltaBinaryPacked.decodeInt32(src, 0, data.length, count, dst, 0, WHERE);
      }
      return "decoded";
    }
  }

  static String prefix(String detail) {
    return WHERE + ": DELTA_BINARY_PACKED " + detail;
  }

  @Test
  void rejectsBadBlockShapes() {
    assertThatThrownBy(() -> decode64(1, 100, 4, 1, 0))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(prefix("block size 100 at byte 0 is not a positive multiple of 128 below 2^31"));
    assertThatThrownBy(() -> decode64(1, 0x80, 1, 3, 1, 0))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(prefix("miniblock count 3 at byte 2 does not divide block size 128 into"
            + " miniblocks of a multiple of 32 values"));
    // 8 miniblocks of 16 values: divides 128, but 16 is not a multiple of 32.
    assertThatThrownBy(() -> decode64(1, 0x80, 1, 8, 1, 0))
        .isInstanceOf(FloeIoException.class).hasMessageContaining("miniblock count 8 at byte 2");
    assertThatThrownBy(() -> decode64(1, 0x80, 1, 0, 1, 0))
        .isInstanceOf(FloeIoException.class).hasMessageContaining("miniblock count 0 at byte 2");
    assertThatThrownBy(() -> decode64(0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(prefix("block size at byte 0 overflows 64 bits (byte 0x7f)"));
  }

  @Test
  void rejectsBitWidthsBeyondThePhysicalType() {
    // Block 128 / 4 miniblocks, 2 values, first 0; min delta 0, widths 33 / 0 / 0 / 0 + 132 bytes.
    int[] int32 = new int[10 + 132];
    System.arraycopy(new int[] {0x80, 1, 4, 2, 0, 0, 33, 0, 0, 0}, 0, int32, 0, 10);
    assertThatThrownBy(() -> decode(false, 2, int32))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(prefix("miniblock bit width 33 at byte 6 exceeds 32"));
    int32[6] = 71;
    assertThatThrownBy(() -> decode(true, 2, int32))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(prefix("miniblock bit width 71 at byte 6 exceeds 64"));
    int32[6] = 33;
    assertThat(decode(true, 2, int32)).isEqualTo("decoded");
  }

  @Test
  void rejectsMiniblocksRunningPastTheEnd() {
    assertThatThrownBy(() -> decode64(2, 0x80, 1, 4, 2, 0, 0, 8, 0, 0, 0, 1, 2, 3))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(prefix("miniblock of 32 bytes at byte 10 runs past the end (3 bytes left)"));
    assertThatThrownBy(() -> decode64(2, 0x80, 1, 4, 2, 0, 0, 8))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(prefix("4 miniblock bit widths at byte 6 run past the end (1 bytes left)"));
  }
}
