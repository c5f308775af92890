package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.scalar.TextScanScalar;
import dev.floe.kernels.simd.TextScanSimd;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The SIMD text scans (ASCII test, 64-byte two-value mask) equal their scalar twins and a byte-by-byte
 * reference, on random text with separators, newlines and a few high bytes, at every offset.
 */
@LeakCheckedProperty
class TextScanTwinPropertyTest {
  private static final byte[] ALPHABET = "ab,\n\r\"09-.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static byte[] text(int length, long seed, int highBytes) {
    Random random = new Random(seed);
    byte[] bytes = new byte[length];
    for (int index = 0; index < length; index++) {
      bytes[index] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    for (int count = 0; count < highBytes && length > 0; count++) {
      bytes[random.nextInt(length)] = (byte) (0x80 + random.nextInt(128));
    }
    return bytes;
  }

  @Property(tries = 300)
  void asciiEqualsTheScalarTwinAndTheReference(
      @ForAll @IntRange(min = 0, max = 1200) int length, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 2) int highBytes) {
    byte[] bytes = text(length, seed, highBytes);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment data = arena.allocate(Math.max(1, length));
      MemorySegment.copy(MemorySegment.ofArray(bytes), 0, data, 0, length);
      Random random = new Random(seed);
      for (int round = 0; round < 8; round++) {
        int start = length == 0 ? 0 : random.nextInt(length + 1);
        int end = start + (length == start ? 0 : random.nextInt(length - start + 1));
        boolean expected = true;
        for (int index = start; index < end; index++) {
          expected &= bytes[index] >= 0;
        }
        assertThat(TextScanSimd.INSTANCE.ascii(data, start, end)).isEqualTo(expected);
        assertThat(TextScanScalar.INSTANCE.ascii(data, start, end)).isEqualTo(expected);
        assertThat(TextScan.ascii(data, start, end)).isEqualTo(expected);
      }
    }
  }

  @Property(tries = 200)
  void mask64EqualsTheScalarTwinAndTheReference(
      @ForAll @IntRange(min = 64, max = 400) int length, @ForAll long seed) {
    byte[] bytes = text(length, seed, 3);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment data = arena.allocate(length);
      MemorySegment.copy(MemorySegment.ofArray(bytes), 0, data, 0, length);
      byte[][] pairs = {{',', '\n'}, {'"', '"'}, {'\t', '\n'}, {(byte) 0xC3, 'a'}};
      for (int offset = 0; offset + 64 <= length; offset++) {
        for (byte[] pair : pairs) {
          long expected = 0;
          for (int bit = 0; bit < 64; bit++) {
            byte b = bytes[offset + bit];
            if (b == pair[0] || b == pair[1]) {
              expected |= 1L << bit;
            }
          }
          assertThat(TextScanSimd.INSTANCE.mask64(data, offset, pair[0], pair[1]))
              .isEqualTo(expected);
          assertThat(TextScanScalar.INSTANCE.mask64(data, offset, pair[0], pair[1]))
              .isEqualTo(expected);
        }
      }
    }
  }

  @Property(tries = 50)
  void heapSegmentsOfOtherArraysTakeTheScalarPath(@ForAll long seed) {
    byte[] bytes = text(128, seed, 1);
    long[] words = new long[16];
    MemorySegment data = MemorySegment.ofArray(words);
    MemorySegment.copy(MemorySegment.ofArray(bytes), 0, data, 0, 128);
    assertThat(TextScanSimd.INSTANCE.ascii(data, 0, 128))
        .isEqualTo(TextScanScalar.INSTANCE.ascii(data, 0, 128));
    assertThat(TextScanSimd.INSTANCE.mask64(data, 3, (byte) ',', (byte) '\n'))
        .isEqualTo(TextScanScalar.INSTANCE.mask64(data, 3, (byte) ',', (byte) '\n'));
  }

  @Property(tries = 200)
  void csvMasks64EqualsTheScalarTwinAndTheReference(
      @ForAll @IntRange(min = 64, max = 300) int length, @ForAll long seed) {
    byte[] bytes = text(length, seed, 3);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment data = arena.allocate(length);
      MemorySegment.copy(MemorySegment.ofArray(bytes), 0, data, 0, length);
      byte[][] pairs = {{',', '"'}, {'\t', '\''}, {';', '\n'}};
      long[] simd = new long[4];
      long[] scalar = new long[4];
      for (int offset = 0; offset + 64 <= length; offset++) {
        for (byte[] pair : pairs) {
          long[] expected = new long[4];
          for (int bit = 0; bit < 64; bit++) {
            byte b = bytes[offset + bit];
            expected[0] |= b == pair[0] ? 1L << bit : 0;
            expected[1] |= b == '\n' ? 1L << bit : 0;
            expected[2] |= b == pair[1] ? 1L << bit : 0;
            expected[3] |= b < 0 ? 1L << bit : 0;
          }
          TextScanSimd.INSTANCE.csvMasks64(data, offset, pair[0], pair[1], simd);
          TextScanScalar.INSTANCE.csvMasks64(data, offset, pair[0], pair[1], scalar);
          assertThat(simd).isEqualTo(expected);
          assertThat(scalar).isEqualTo(expected);
        }
      }
    }
  }
}
