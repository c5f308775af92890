package dev.floe.kernels.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The read-bandwidth yardstick of the benchmarks: sums a segment of longs with the widest vectors
 * and four independent accumulators, so the loop is bound by memory, not by the add latency. Kernel
 * throughput is quoted as a percentage of this in the same JMH run (BandwidthBenchmark).
 */
public final class Bandwidth {
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  private Bandwidth() {}

  /** The wrapping sum of all longs of {@code segment} (its size a multiple of 8 bytes). */
  public static long readLongs(MemorySegment segment) {
    // An int-counted loop: C2 hoists the bounds checks of int loops more reliably than long ones.
    int count = Math.toIntExact(segment.byteSize() >>> 3);
    int lanes = LONGS.length();
    int step = lanes * 4;
    int vectorEnd = count - count % step;
    LongVector a = LongVector.zero(LONGS);
    LongVector b = LongVector.zero(LONGS);
    LongVector c = LongVector.zero(LONGS);
    LongVector d = LongVector.zero(LONGS);
    for (int index = 0; index < vectorEnd; index += step) {
      long byteOffset = (long) index << 3;
      a = a.add(LongVector.fromMemorySegment(LONGS, segment, byteOffset, LE));
      b = b.add(LongVector.fromMemorySegment(LONGS, segment, byteOffset + lanes * 8L, LE));
      c = c.add(LongVector.fromMemorySegment(LONGS, segment, byteOffset + lanes * 16L, LE));
      d = d.add(LongVector.fromMemorySegment(LONGS, segment, byteOffset + lanes * 24L, LE));
    }
    long sum = a.add(b).add(c).add(d).reduceLanes(VectorOperators.ADD);
    for (int index = vectorEnd; index < count; index++) {
      sum += segment.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, (long) index << 3);
    }
    return sum;
  }
}
