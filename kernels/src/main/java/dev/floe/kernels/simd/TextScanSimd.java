package dev.floe.kernels.simd;

import dev.floe.kernels.TextScanKernels;
import dev.floe.kernels.scalar.TextScanScalar;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Byte scans with {@link ByteVector}s, as in simdjson's and simdcsv's stage 1 (Langdale &amp;
 * Lemire, "Parsing Gigabytes of JSON per Second", VLDB Journal 2019): compare 64 bytes against a
 * broadcast byte and turn the lane mask into a {@code long} with {@code VectorMask.toLong()} (one
 * 512-bit vector, or two 256-bit halves). The ASCII test ORs whole vectors and tests the sign bits
 * once per 256 bytes. Tails shorter than a vector, and segments a vector cannot load from (heap
 * segments of other arrays than {@code byte[]}), go through the scalar twin.
 */
public final class TextScanSimd implements TextScanKernels {
  public static final TextScanSimd INSTANCE = new TextScanSimd();

  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
  private static final int LANES = BYTES.length();
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  private TextScanSimd() {}

  /** {@code ByteVector} loads take native segments and heap segments of a {@code byte[]} only. */
  private static boolean loadable(MemorySegment data) {
    return data.isNative() || data.heapBase().orElse(null) instanceof byte[];
  }

  @Override
  public boolean ascii(MemorySegment data, long start, long end) {
    if (!loadable(data)) {
      return TextScanScalar.INSTANCE.ascii(data, start, end);
    }
    long p = start;
    long block = 4L * LANES;
    while (p + block <= end) {
      ByteVector any = ByteVector.fromMemorySegment(BYTES, data, p, LE)
          .or(ByteVector.fromMemorySegment(BYTES, data, p + LANES, LE))
          .or(ByteVector.fromMemorySegment(BYTES, data, p + 2L * LANES, LE))
          .or(ByteVector.fromMemorySegment(BYTES, data, p + 3L * LANES, LE));
      if (any.compare(VectorOperators.LT, (byte) 0).anyTrue()) {
        return false;
      }
      p += block;
    }
    return TextScanScalar.INSTANCE.ascii(data, p, end);
  }

  @Override
  public long mask64(MemorySegment data, long offset, byte a, byte b) {
    if (!loadable(data)) {
      return TextScanScalar.INSTANCE.mask64(data, offset, a, b);
    }
    if (LANES == 64) {
      ByteVector v = ByteVector.fromMemorySegment(BYTES, data, offset, LE);
      return v.eq(a).or(v.eq(b)).toLong();
    }
    if (LANES == 32) {
      ByteVector low = ByteVector.fromMemorySegment(BYTES, data, offset, LE);
      ByteVector high = ByteVector.fromMemorySegment(BYTES, data, offset + 32, LE);
      return (low.eq(a).or(low.eq(b)).toLong() & 0xFFFF_FFFFL)
          | (high.eq(a).or(high.eq(b)).toLong() << 32);
    }
    return TextScanScalar.INSTANCE.mask64(data, offset, a, b);
  }

  @Override
  public void csvMasks64(MemorySegment data, long offset, byte separator, byte quote, long[] out) {
    if (!loadable(data) || (LANES != 64 && LANES != 32)) {
      TextScanScalar.INSTANCE.csvMasks64(data, offset, separator, quote, out);
      return;
    }
    if (LANES == 64) {
      ByteVector v = ByteVector.fromMemorySegment(BYTES, data, offset, LE);
      out[0] = v.eq(separator).toLong();
      out[1] = v.eq((byte) '\n').toLong();
      out[2] = v.eq(quote).toLong();
      out[3] = v.lt((byte) 0).toLong();
      return;
    }
    ByteVector low = ByteVector.fromMemorySegment(BYTES, data, offset, LE);
    ByteVector high = ByteVector.fromMemorySegment(BYTES, data, offset + 32, LE);
    out[0] = (low.eq(separator).toLong() & 0xFFFF_FFFFL) | (high.eq(separator).toLong() << 32);
    out[1] = (low.eq((byte) '\n').toLong() & 0xFFFF_FFFFL) | (high.eq((byte) '\n').toLong() << 32);
    out[2] = (low.eq(quote).toLong() & 0xFFFF_FFFFL) | (high.eq(quote).toLong() << 32);
    out[3] = (low.lt((byte) 0).toLong() & 0xFFFF_FFFFL) | (high.lt((byte) 0).toLong() << 32);
  }
}
