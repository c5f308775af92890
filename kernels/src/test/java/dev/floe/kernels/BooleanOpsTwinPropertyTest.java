package dev.floe.kernels;

import dev.floe.kernels.scalar.BooleanOpsScalar;
import dev.floe.kernels.simd.BooleanOpsSimd;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The SIMD bitmap kernels (and, or, xor, not) equal their scalar twins word for word, on masks of
 * random density at random bit offsets (byte-aligned ones take the vector path).
 */
@LeakCheckedProperty
class BooleanOpsTwinPropertyTest {

  @Provide
  Arbitrary<Integer> lengths() {
    return KernelTestData.lengths();
  }

  @Property(tries = 300)
  void bitmapKernelsEqualTheirScalarTwins(@ForAll("lengths") int length, @ForAll long seed) {
    try (BooleanColumn a = KernelTestData.mask(length, 0.5, 0.0, seed);
        BooleanColumn b = KernelTestData.mask(length, 0.3, 0.0, seed + 1)) {
      MemorySegment x = a.valuesBuffer().segment();
      MemorySegment y = b.valuesBuffer().segment();
      long[] aligned = {a.offset() & ~7L, a.offset()};
      for (long xBit : new long[] {a.offset(), 0}) {
        for (long yBit : new long[] {b.offset(), 0}) {
          CompareTwinPropertyTest.same(length,
              out -> BooleanOpsSimd.INSTANCE.and(x, xBit, y, yBit, length, out),
              out -> BooleanOpsScalar.INSTANCE.and(x, xBit, y, yBit, length, out));
          CompareTwinPropertyTest.same(length,
              out -> BooleanOpsSimd.INSTANCE.or(x, xBit, y, yBit, length, out),
              out -> BooleanOpsScalar.INSTANCE.or(x, xBit, y, yBit, length, out));
          CompareTwinPropertyTest.same(length,
              out -> BooleanOpsSimd.INSTANCE.xor(x, xBit, y, yBit, length, out),
              out -> BooleanOpsScalar.INSTANCE.xor(x, xBit, y, yBit, length, out));
        }
      }
      for (long xBit : aligned) {
        CompareTwinPropertyTest.same(length,
            out -> BooleanOpsSimd.INSTANCE.not(x, xBit, length, out),
            out -> BooleanOpsScalar.INSTANCE.not(x, xBit, length, out));
      }
    }
  }
}
