package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.scalar.CompareScalar;
import dev.floe.kernels.simd.CompareSimd;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every SIMD compare kernel equals its scalar twin bit for bit (all words, including bits past the
 * length), called directly, on generated columns: lengths around the vector width, random nulls
 * (compared values include null slots), slices at non-zero offsets, edge values (MIN/MAX, NaN, -0.0,
 * infinities) and constants drawn from the column or from the edges.
 */
@LeakCheckedProperty
class CompareTwinPropertyTest {
  private static final CompareKernels SIMD = CompareSimd.INSTANCE;
  private static final CompareKernels SCALAR = CompareScalar.INSTANCE;

  @Provide
  Arbitrary<ColumnSample> numbers() {
    return Arbitraries.of(DataType.INT64, DataType.INT32, DataType.FLOAT64, DataType.FLOAT32)
        .flatMap(type -> ColumnArbitraries.columns(type, KernelTestData.lengths()));
  }

  @Property(tries = 400)
  void constantKernelsEqualTheirScalarTwins(
      @ForAll("numbers") ColumnSample sample, @ForAll long seed) {
    try (Column column = sample.build()) {
      Random random = new Random(seed);
      MemorySegment values = KernelTestData.values(column);
      long first = column.offset();
      int length = column.length();
      FixedWidthColumn fixed = (FixedWidthColumn) column;
      int pick = length == 0 ? 0 : random.nextInt(length);
      switch (column.type()) {
        case DataType.Int64 t -> {
          long c = random.nextBoolean() && length > 0 ? fixed.getLong(pick)
              : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1}[random.nextInt(4)];
          same(length, out -> SIMD.eqLong(values, first, length, c, out),
              out -> SCALAR.eqLong(values, first, length, c, out));
          same(length, out -> SIMD.ltLong(values, first, length, c, out),
              out -> SCALAR.ltLong(values, first, length, c, out));
          same(length, out -> SIMD.gtLong(values, first, length, c, out),
              out -> SCALAR.gtLong(values, first, length, c, out));
        }
        case DataType.Int32 t -> {
          int c = random.nextBoolean() && length > 0 ? fixed.getInt(pick)
              : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1}[random.nextInt(4)];
          same(length, out -> SIMD.eqInt(values, first, length, c, out),
              out -> SCALAR.eqInt(values, first, length, c, out));
          same(length, out -> SIMD.ltInt(values, first, length, c, out),
              out -> SCALAR.ltInt(values, first, length, c, out));
          same(length, out -> SIMD.gtInt(values, first, length, c, out),
              out -> SCALAR.gtInt(values, first, length, c, out));
        }
        case DataType.Float64 t -> {
          double picked = length > 0 ? fixed.getDouble(pick) : 0.0;
          double c = random.nextBoolean() && !Double.isNaN(picked) ? picked
              : new double[] {-0.0, 0.0, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
                  Double.POSITIVE_INFINITY, 1.5}[random.nextInt(6)];
          same(length, out -> SIMD.eqDouble(values, first, length, c, out),
              out -> SCALAR.eqDouble(values, first, length, c, out));
          same(length, out -> SIMD.ltDouble(values, first, length, c, out),
              out -> SCALAR.ltDouble(values, first, length, c, out));
          same(length, out -> SIMD.gtDouble(values, first, length, c, out),
              out -> SCALAR.gtDouble(values, first, length, c, out));
          same(length, out -> SIMD.isNanDouble(values, first, length, out),
              out -> SCALAR.isNanDouble(values, first, length, out));
          same(length, out -> SIMD.isFiniteDouble(values, first, length, out),
              out -> SCALAR.isFiniteDouble(values, first, length, out));
        }
        default -> {
          float picked = length > 0 ? fixed.getFloat(pick) : 0.0f;
          float c = random.nextBoolean() && !Float.isNaN(picked) ? picked
              : new float[] {-0.0f, 0.0f, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
                  Float.POSITIVE_INFINITY, 1.5f}[random.nextInt(6)];
          same(length, out -> SIMD.eqFloat(values, first, length, c, out),
              out -> SCALAR.eqFloat(values, first, length, c, out));
          same(length, out -> SIMD.ltFloat(values, first, length, c, out),
              out -> SCALAR.ltFloat(values, first, length, c, out));
          same(length, out -> SIMD.gtFloat(values, first, length, c, out),
              out -> SCALAR.gtFloat(values, first, length, c, out));
          same(length, out -> SIMD.isNanFloat(values, first, length, out),
              out -> SCALAR.isNanFloat(values, first, length, out));
          same(length, out -> SIMD.isFiniteFloat(values, first, length, out),
              out -> SCALAR.isFiniteFloat(values, first, length, out));
        }
      }
    }
  }

  @Property(tries = 400)
  void columnKernelsEqualTheirScalarTwins(
      @ForAll("numbers") ColumnSample sample, @ForAll long seed) {
    try (Column left = sample.build();
        Column right = KernelTestData.partner(sample, seed).build()) {
      MemorySegment x = KernelTestData.values(left);
      MemorySegment y = KernelTestData.values(right);
      long xFirst = left.offset();
      long yFirst = right.offset();
      int length = left.length();
      switch (left.type()) {
        case DataType.Int64 t -> {
          same(length, out -> SIMD.eqLongs(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.eqLongs(x, xFirst, y, yFirst, length, out));
          same(length, out -> SIMD.ltLongs(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.ltLongs(x, xFirst, y, yFirst, length, out));
        }
        case DataType.Int32 t -> {
          same(length, out -> SIMD.eqInts(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.eqInts(x, xFirst, y, yFirst, length, out));
          same(length, out -> SIMD.ltInts(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.ltInts(x, xFirst, y, yFirst, length, out));
        }
        case DataType.Float64 t -> {
          same(length, out -> SIMD.eqDoubles(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.eqDoubles(x, xFirst, y, yFirst, length, out));
          same(length, out -> SIMD.ltDoubles(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.ltDoubles(x, xFirst, y, yFirst, length, out));
        }
        default -> {
          same(length, out -> SIMD.eqFloats(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.eqFloats(x, xFirst, y, yFirst, length, out));
          same(length, out -> SIMD.ltFloats(x, xFirst, y, yFirst, length, out),
              out -> SCALAR.ltFloats(x, xFirst, y, yFirst, length, out));
        }
      }
    }
  }

  /** Runs both kernels into fresh bitmaps (pre-filled with garbage) and compares every word. */
  static void same(int length, Consumer<MemorySegment> simd, Consumer<MemorySegment> scalar) {
    long bytes = Math.max(8L, ((length + 63L) >>> 6) << 3);
    Buffer simdOut = allocateDirty(bytes);
    Buffer scalarOut = allocateDirty(bytes);
    try {
      simd.accept(simdOut.segment());
      scalar.accept(scalarOut.segment());
      assertThat(simdOut.segment().asSlice(0, bytes).toArray(ValueLayout.JAVA_LONG))
          .isEqualTo(scalarOut.segment().asSlice(0, bytes).toArray(ValueLayout.JAVA_LONG));
    } finally {
      simdOut.release();
      scalarOut.release();
    }
  }

  private static Buffer allocateDirty(long bytes) {
    Buffer buffer = BufferAllocator.current().allocate(bytes);
    buffer.segment().fill((byte) 0x5A);
    return buffer;
  }
}
