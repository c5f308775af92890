package dev.floe.io.parquet.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.testkit.LeakChecked;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** DELTA_BINARY_PACKED decoding equals what parquet-mr's writers encoded, for many block shapes. */
@LeakChecked
@LeakCheckedProperty
class DeltaBinaryPackedTest {
  static final ValueLayout.OfLong LONG_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfInt INT_LE =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  /** Block size and miniblock count pairs parquet-mr accepts (miniblocks of 32 or 128 values). */
  static final int[][] SHAPES = {{128, 4}, {256, 8}, {128, 1}, {512, 4}, {1024, 32}, {4096, 2}};

  @Provide
  Arbitrary<long[]> longSeries() {
    Arbitrary<Integer> sizes = Arbitraries.oneOf(Arbitraries.integers().between(0, 70),
        Arbitraries.integers().between(0, 3000), Arbitraries.of(0, 1, 2, 31, 32, 33, 127, 128, 129));
    Arbitrary<Long> any = Arbitraries.longs().edgeCases(e -> e.add(Long.MIN_VALUE, Long.MAX_VALUE));
    Arbitrary<long[]> random = sizes.flatMap(n -> any.array(long[].class).ofSize(n));
    Arbitrary<long[]> extremes = sizes.flatMap(n -> Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE,
        0L, -1L, 1L).array(long[].class).ofSize(n));
    Arbitrary<long[]> equal = sizes.flatMap(n -> any.map(v -> filled(n, v, 0)));
    Arbitrary<long[]> monotone = sizes.flatMap(n -> Arbitraries.longs().between(-1000, 1000)
        .flatMap(step -> any.map(v -> filled(n, v, step))));
    Arbitrary<long[]> narrow = sizes.flatMap(n -> Arbitraries.longs().between(-5, 50)
        .array(long[].class).ofSize(n));
    return Arbitraries.oneOf(random, extremes, equal, monotone, narrow);
  }

  static long[] filled(int n, long start, long step) {
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = start + step * i;
    }
    return values;
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void int64MatchesParquetMr(@ForAll("longSeries") long[] values,
      @ForAll("shapes") int[] shape) {
    byte[] encoded = Encoders.deltaLongs(shape[0], shape[1], values);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.offHeap(arena, encoded, 7);
      for (int count : new int[] {values.length, values.length / 2}) {
        MemorySegment dst = arena.allocate(8L * count + 16);
        long consumed = DeltaBinaryPacked.decodeInt64(src, 7, encoded.length, count, dst, 8, "t");
        assertThat(consumed).isEqualTo(encoded.length);
        for (int i = 0; i < count; i++) {
          assertThat(dst.get(LONG_LE, 8 + 8L * i)).as("value %d", i).isEqualTo(values[i]);
        }
        assertThat(dst.get(LONG_LE, 0)).isZero();
        assertThat(dst.get(LONG_LE, 8 + 8L * count)).isZero();
      }
    }
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void int32MatchesParquetMr(@ForAll("longSeries") long[] wide, @ForAll("shapes") int[] shape) {
    int[] values = new int[wide.length];
    for (int i = 0; i < wide.length; i++) {
      values[i] = (int) (wide[i] ^ (wide[i] >>> 32));
    }
    byte[] encoded = Encoders.deltaInts(shape[0], shape[1], values);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.offHeap(arena, encoded, 3);
      MemorySegment dst = arena.allocate(4L * values.length);
      long consumed = DeltaBinaryPacked.decodeInt32(src, 3, encoded.length, values.length, dst, 0, "t");
      assertThat(consumed).isEqualTo(encoded.length);
      assertThat(dst.toArray(INT_LE)).isEqualTo(values);
    }
  }

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.of(SHAPES);
  }

  @Test
  void wrapsAroundAtTheExtremesInBothWidths() {
    long[] longs = {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0, Long.MIN_VALUE, -1, 1};
    int[] ints = {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, Integer.MIN_VALUE, -1};
    try (Arena arena = Arena.ofConfined()) {
      byte[] l = Encoders.deltaLongs(128, 4, longs);
      MemorySegment dst = arena.allocate(8L * longs.length);
      DeltaBinaryPacked.decodeInt64(Encoders.exact(arena, l), 0, l.length, longs.length, dst, 0, "t");
      assertThat(dst.toArray(LONG_LE)).containsExactly(longs);
      byte[] i = Encoders.deltaInts(128, 4, ints);
      MemorySegment dst32 = arena.allocate(4L * ints.length);
      DeltaBinaryPacked.decodeInt32(Encoders.exact(arena, i), 0, i.length, ints.length, dst32, 0, "t");
      assertThat(dst32.toArray(INT_LE)).containsExactly(ints);
    }
  }

  @Test
  void acceptsArbitraryPaddingAndUnusedBitWidths() {
    // Encodings.md: padding bits and the bit widths of unneeded miniblocks may be arbitrary.
    // Header: block 128, 4 miniblocks, 3 values, first value 5 (zigzag 10); block: min delta -1
    // (zigzag 1), widths 2 / 0xFF / 0xFF / 0xFF, one 8-byte miniblock: deltas 0+(-1), 3+(-1).
    byte[] bytes = {(byte) 0x80, 1, 4, 3, 10, 1, 2, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0b1111_1100, -1, -1, -1, -1, -1, -1, -1};
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment dst = arena.allocate(24);
      long consumed = DeltaBinaryPacked.decodeInt64(Encoders.exact(arena, bytes), 0, bytes.length, 3,
          dst, 0, "t");
      assertThat(consumed).isEqualTo(bytes.length);
      assertThat(dst.toArray(LONG_LE)).containsExactly(5, 4, 6);
    }
  }

  @Test
  void decodesWidth64AndZeroValues() {
    long[] values = {0, Long.MIN_VALUE, Long.MAX_VALUE, -7};
    byte[] encoded = Encoders.deltaLongs(128, 4, values);
    byte[] empty = Encoders.deltaLongs(128, 4, new long[0]);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment dst = arena.allocate(32);
      DeltaBinaryPacked.decodeInt64(Encoders.exact(arena, encoded), 0, encoded.length, 4, dst, 0, "t");
      assertThat(dst.toArray(LONG_LE)).containsExactly(values);
      long consumed = DeltaBinaryPacked.decodeInt64(Encoders.exact(arena, empty), 0, empty.length, 0,
          dst.asSlice(0, 0), 0, "t");
      assertThat(consumed).isEqualTo(empty.length);
    }
  }
}
