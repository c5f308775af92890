package dev.floe.io.parquet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every codec round-trips pages between heap and off-heap, and rejects corrupt or lying pages. */
@LeakChecked
class PageCodecsTest {
  private static byte[] page(long seed, int size) {
    Random random = new Random(seed);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt() : i % 13); // compressible
    }
    return bytes;
  }

  private static MemorySegment offHeap(Arena arena, byte[] bytes) {
    MemorySegment segment = arena.allocate(Math.max(1, bytes.length));
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return segment.asSlice(0, bytes.length);
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZ4_RAW", "ZSTD", "BROTLI"})
  void roundTrips(CompressionCodecName codec) throws Exception {
    try (Arena arena = Arena.ofConfined()) {
      for (int size : new int[] {0, 1, 100, 70_000, 1 << 20}) {
        byte[] original = page(size, size);
        byte[] compressed = PageCodecs.compress(codec, 3, original, 0, original.length);
        MemorySegment target = arena.allocate(Math.max(1, size)).asSlice(0, size);
        PageCodecs.decompress(codec, offHeap(arena, compressed), target, "t.parquet");
        assertThat(target.toArray(ValueLayout.JAVA_BYTE)).as("%s %d", codec, size).isEqualTo(original);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZ4_RAW", "ZSTD", "BROTLI"})
  void rejectsWrongSizesAndCorruption(CompressionCodecName codec) throws Exception {
    byte[] original = page(7, 10_000);
    byte[] compressed = PageCodecs.compress(codec, 3, original, 0, original.length);
    try (Arena arena = Arena.ofConfined()) {
      for (int size : new int[] {9_999, 10_001, 0}) {
        MemorySegment target = arena.allocate(size + 1).asSlice(0, size);
        assertThatThrownBy(() -> PageCodecs.decompress(codec, offHeap(arena, compressed), target, "t.parquet"))
            .as("%s into %d", codec, size)
            .isInstanceOf(FloeIoException.class)
            .hasMessageContaining("t.parquet");
      }
      Random random = new Random(11);
      for (int trial = 0; trial < 300; trial++) {
        byte[] mutated = compressed.clone();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
          mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
        }
        MemorySegment target = arena.allocate(original.length);
        try {
          PageCodecs.decompress(codec, offHeap(arena, mutated), target, "t.parquet");
          assertThat(target.byteSize()).isEqualTo(original.length);
        } catch (FloeIoException expected) {
          assertThat(expected).hasMessageContaining("t.parquet");
        }
      }
    }
  }
}
