package dev.floe.io.parquet.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.testkit.LeakChecked;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.junit.jupiter.api.Test;

/** BYTE_STREAM_SPLIT decoding is the inverse of parquet-mr's writers for every width. */
@LeakChecked
@LeakCheckedProperty
class ByteStreamSplitTest {
  @Provide
  Arbitrary<double[]> doubles() {
    Arbitrary<Double> any = Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN,
        -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY),
        Arbitraries.longs().map(Double::longBitsToDouble));
    return Arbitraries.integers().between(0, 1100).flatMap(n -> any.array(double[].class).ofSize(n));
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void doublesMatchParquetMr(@ForAll("doubles") double[] values) {
    byte[] encoded = Encoders.streamSplitDoubles(values);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.offHeap(arena, encoded, 3);
      MemorySegment dst = arena.allocate(8L * values.length + 8);
      ByteStreamSplit.decode(src, 3, encoded.length, values.length, 8, dst, 8, "t");
      long[] bits = dst.asSlice(8).toArray(DeltaBinaryPackedTest.LONG_LE);
      for (int i = 0; i < values.length; i++) {
        assertThat(bits[i]).as("value %d", i).isEqualTo(Double.doubleToRawLongBits(values[i]));
      }
      assertThat(dst.get(ValueLayout.JAVA_LONG, 0)).isZero();
    }
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void fixedWidthsMatchParquetMr(@ForAll @IntRange(min = 1, max = 19) int width,
      @ForAll @IntRange(min = 0, max = 300) int count, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<byte[]> values = new java.util.ArrayList<>();
    byte[] plain = new byte[count * width];
    for (int i = 0; i < count; i++) {
      byte[] value = new byte[width];
      random.nextBytes(value);
      values.add(value);
      System.arraycopy(value, 0, plain, i * width, width);
    }
    byte[] encoded = Encoders.streamSplitFixed(width, values);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.exact(arena, encoded);
      MemorySegment dst = arena.allocate(Math.max(1, plain.length)).asSlice(0, plain.length);
      ByteStreamSplit.decode(src, 0, encoded.length, count, width, dst, 0, "t");
      assertThat(dst.toArray(ValueLayout.JAVA_BYTE)).isEqualTo(plain);
    }
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.MIXIN)
  void floatsIntsAndLongsMatchParquetMr(@ForAll @IntRange(min = 0, max = 600) int count,
      @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    var floats = new ByteStreamSplitValuesWriter.FloatByteStreamSplitValuesWriter(64, 1 << 16,
        Encoders.HEAP);
    var ints = new ByteStreamSplitValuesWriter.IntegerByteStreamSplitValuesWriter(64, 1 << 16,
        Encoders.HEAP);
    var longs = new ByteStreamSplitValuesWriter.LongByteStreamSplitValuesWriter(64, 1 << 16,
        Encoders.HEAP);
    int[] intBits = new int[count];
    int[] floatBits = new int[count];
    long[] longBits = new long[count];
    for (int i = 0; i < count; i++) {
      intBits[i] = i % 7 == 0 ? Integer.MIN_VALUE : random.nextInt();
      floatBits[i] = Float.floatToRawIntBits(Float.intBitsToFloat(random.nextInt()));
      longBits[i] = i % 5 == 0 ? Long.MAX_VALUE : random.nextLong();
      ints.writeInteger(intBits[i]);
      floats.writeFloat(Float.intBitsToFloat(floatBits[i]));
      longs.writeLong(longBits[i]);
    }
    try (Arena arena = Arena.ofConfined()) {
      assertThat(decode(arena, Encoders.bytes(ints), count, 4).toArray(DeltaBinaryPackedTest.INT_LE))
          .isEqualTo(intBits);
      assertThat(decode(arena, Encoders.bytes(floats), count, 4).toArray(DeltaBinaryPackedTest.INT_LE))
          .isEqualTo(floatBits);
      assertThat(decode(arena, Encoders.bytes(longs), count, 8).toArray(DeltaBinaryPackedTest.LONG_LE))
          .isEqualTo(longBits);
    }
  }

  private static MemorySegment decode(Arena arena, byte[] encoded, int count, int width) {
    MemorySegment dst = arena.allocate((long) count * width + 1).asSlice(0, (long) count * width);
    ByteStreamSplit.decode(Encoders.exact(arena, encoded), 0, encoded.length, count, width, dst, 0,
        "t");
    return dst;
  }

  @Test
  void rejectsStreamsOfTheWrongLengthAndBadWidths() {
    byte[] encoded = Encoders.streamSplitDoubles(new double[] {1, 2, 3});
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment src = Encoders.exact(arena, encoded);
      MemorySegment dst = arena.allocate(64);
      assertThatThrownBy(() -> ByteStreamSplit.decode(src, 0, 24, 2, 8, dst, 0, "t"))
          .isInstanceOf(FloeIoException.class)
          .hasMessage("t: BYTE_STREAM_SPLIT data of 24 bytes at byte 0 is not 8 streams of 2 bytes (16)");
      assertThatThrownBy(() -> ByteStreamSplit.decode(src, 0, 23, 3, 8, dst, 0, "t"))
          .isInstanceOf(FloeIoException.class).hasMessageStartingWith("t: BYTE_STREAM_SPLIT");
      assertThatThrownBy(() -> ByteStreamSplit.decode(src, 0, 24, 3, 0, dst, 0, "t"))
          .isInstanceOf(FloeIoException.class).hasMessageContaining("width 0");
      assertThatThrownBy(() -> ByteStreamSplit.decode(src, 0, 24, 3, 8, dst, 48, "t"))
          .isInstanceOf(FloeIoException.class).hasMessageContaining("destination");
    }
  }
}
