package dev.floe.io.parquet.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated, bit-flipped and lying encodings either decode or raise {@link FloeIoException} whose
 * message starts with {@code where} and names a byte offset; never another exception, never a
 * read or write outside the given ranges (the segments are sliced to exactly the ranges, so a
 * stray access would raise {@link IndexOutOfBoundsException}).
 */
@LeakChecked
class MalformedInputTest {
  private static final String WHERE = "t.parquet column 'x' row group 2 page 5";

  /** One decoder run: decodes {@code count} values of {@code bytes}, all off-heap and exact. */
  @FunctionalInterface
  interface Decoder {
    long decode(MemorySegment src, int count, Arena arena);
  }

  static final Decoder INT64 = (src, count, arena) -> DeltaBinaryPacked.decodeInt64(src, 0,
      src.byteSize(), count, arena.allocate(8L * count + 1).asSlice(0, 8L * count), 0, WHERE);
  static final Decoder INT32 = (src, count, arena) -> DeltaBinaryPacked.decodeInt32(src, 0,
      src.byteSize(), count, arena.allocate(4L * count + 1).asSlice(0, 4L * count), 0, WHERE);
  static final Decoder LENGTHS = (src, count, arena) -> DeltaLengthByteArray.decode(src, 0,
      src.byteSize(), count, new Encoders.Collect(), WHERE);
  static final Decoder STRINGS = (src, count, arena) -> DeltaByteArray.decode(src, 0,
      src.byteSize(), count, new Encoders.Collect(), WHERE);
  static final Decoder SPLIT = (src, count, arena) -> {
    ByteStreamSplit.decode(src, 0, src.byteSize(), count, 8,
        arena.allocate(8L * count + 1).asSlice(0, 8L * count), 0, WHERE);
    return src.byteSize();
  };

  static long[] mixedLongs(int n, long seed) {
    Random random = new Random(seed);
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = switch (i / 40 % 3) {
        case 0 -> i * 3L;
        case 1 -> random.nextInt(1000);
        default -> random.nextLong();
      };
    }
    return values;
  }

  static List<byte[]> strings(int n) {
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(("prefix-" + (i * 7 % 13) + "-é".repeat(i % 3)).getBytes(StandardCharsets.UTF_8));
    }
    return values;
  }

  /** Decodes {@code bytes}; a failure must be a well-formed {@link FloeIoException}. */
  static boolean survives(Decoder decoder, byte[] bytes, int count) {
    try (Arena arena = Arena.ofConfined()) {
      long consumed = decoder.decode(Encoders.exact(arena, bytes), count, arena);
      assertThat(consumed).isBetween(0L, (long) bytes.length);
      return true;
    } catch (FloeIoException e) {
      assertThat(e.getMessage()).startsWith(WHERE + ": ").contains(" byte");
      return false;
    }
  }

  static void fuzz(Decoder decoder, byte[] valid, int count, long seed) {
    assertThat(survives(decoder, valid, count)).isTrue();
    int rejected = 0;
    for (int cut = 0; cut < valid.length; cut++) {
      rejected += survives(decoder, java.util.Arrays.copyOf(valid, cut), count) ? 0 : 1;
    }
    assertThat(rejected).as("truncations rejected").isGreaterThan(valid.length / 2);
    Random random = new Random(seed);
    for (int trial = 0; trial < 3000; trial++) {
      byte[] mutated = valid.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
      }
      survives(decoder, mutated, count);
    }
  }

  @Test
  void deltaBinaryPackedSurvivesTruncationAndBitFlips() {
    long[] longs = mixedLongs(300, 1);
    int[] ints = new int[longs.length];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = (int) longs[i];
    }
    fuzz(INT64, Encoders.deltaLongs(128, 4, longs), longs.length, 2);
    fuzz(INT32, Encoders.deltaInts(256, 8, ints), ints.length, 3);
  }

  @Test
  void byteArraysSurviveTruncationAndBitFlips() {
    List<byte[]> values = strings(150);
    fuzz(LENGTHS, Encoders.deltaLength(values), values.size(), 4);
    fuzz(STRINGS, Encoders.deltaStrings(values), values.size(), 5);
    fuzz(SPLIT, Encoders.streamSplitDoubles(new double[] {1.5, -2, 1e300, Double.NaN, 0, 7, 8, 9, 10}),
        9, 6);
  }

  /** A header claiming {@code total} values in blocks of 2^30 with one zero-width miniblock each. */
  static byte[] zeroWidthClaim(long total, int blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    uleb(out, 1L << 30);
    uleb(out, 1);
    uleb(out, total);
    uleb(out, 0);
    for (int b = 0; b < blocks; b++) {
      uleb(out, 2); // min delta +1
      out.write(0); // bit width 0: no miniblock bytes
    }
    return out.toByteArray();
  }

  static void uleb(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  @Test
  void hugeClaimedCountsNeitherHangNorOverrun() {
    for (long total : new long[] {1L << 40, Long.MAX_VALUE, (2L << 30) + 2}) {
      byte[] bytes = zeroWidthClaim(total, 2);
      for (Decoder decoder : List.of(INT64, INT32, LENGTHS)) {
        assertThatThrownBy(() -> decoder.decode(Encoders.exact(Arena.ofAuto(), bytes), 1000,
            Arena.ofAuto()))
            .isInstanceOf(FloeIoException.class)
            .hasMessageStartingWith(WHERE + ": ")
            .hasMessageContaining("cut off by the end of the data");
      }
    }
    // Exactly as many blocks as claimed: 2^30 + 1 values of 0, 1, 2, ...; decode the first 1000.
    byte[] exact = zeroWidthClaim((1L << 30) + 1, 1);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment dst = arena.allocate(8000);
      long consumed = DeltaBinaryPacked.decodeInt64(Encoders.exact(arena, exact), 0, exact.length,
          1000, dst, 0, WHERE);
      assertThat(consumed).isEqualTo(exact.length);
      assertThat(dst.getAtIndex(DeltaBinaryPackedTest.LONG_LE, 999)).isEqualTo(999);
    }
    byte[] oneBlock = zeroWidthClaim(5, 1);
    assertThatThrownBy(() -> INT64.decode(Encoders.exact(Arena.ofAuto(), oneBlock), 6, Arena.ofAuto()))
        .isInstanceOf(FloeIoException.class)
        .hasMessage(WHERE + ": DELTA_BINARY_PACKED total value count 5 at byte 6 is less than the 6"
            + " values expected");
  }
}
