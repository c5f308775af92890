package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.scalar.FilterScalar;
import dev.floe.kernels.simd.FilterSimd;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The SIMD filter kernels equal their scalar twins exactly (count and every selected value), on
 * generated 8- and 4-byte columns (slices, edge values) and masks of every density (all-zero,
 * sparse, dense, all-ones words) at bit offsets that are not multiples of 8.
 */
@LeakCheckedProperty
class FilterTwinPropertyTest {

  @Provide
  Arbitrary<ColumnSample> columns() {
    return Arbitraries.of(DataType.INT64, DataType.FLOAT64, DataType.INT32, DataType.FLOAT32)
        .flatMap(type -> ColumnArbitraries.columns(type, KernelTestData.lengths()));
  }

  @Provide
  Arbitrary<Double> densities() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, 0.01, 0.1, 0.5, 0.9, 0.99, 1.0),
        Arbitraries.doubles().between(0, 1));
  }

  @Property(tries = 400)
  void filterKernelsEqualTheirScalarTwins(@ForAll("columns") ColumnSample sample,
      @ForAll("densities") double density, @ForAll long seed) {
    try (Column column = sample.build();
        BooleanColumn mask = KernelTestData.mask(sample.length(), density, 0.0, seed)) {
      int width = column.type().byteWidth();
      int length = column.length();
      MemorySegment values = KernelTestData.values(column);
      MemorySegment bits = mask.valuesBuffer().segment();
      long bytes = (long) length * width + 64;
      Buffer simdOut = BufferAllocator.current().allocateZeroed(bytes);
      Buffer scalarOut = BufferAllocator.current().allocateZeroed(bytes);
      try {
        int simdCount = width == 8
            ? FilterSimd.INSTANCE.filterLongs(values, column.offset(), bits, mask.offset(), length,
                simdOut.segment())
            : FilterSimd.INSTANCE.filterInts(values, column.offset(), bits, mask.offset(), length,
                simdOut.segment());
        int scalarCount = width == 8
            ? FilterScalar.INSTANCE.filterLongs(values, column.offset(), bits, mask.offset(),
                length, scalarOut.segment())
            : FilterScalar.INSTANCE.filterInts(values, column.offset(), bits, mask.offset(),
                length, scalarOut.segment());
        assertThat(simdCount).isEqualTo(scalarCount).isEqualTo(Filter.countSelected(mask));
        long used = (long) scalarCount * width;
        assertThat(simdOut.segment().asSlice(0, used).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE))
            .isEqualTo(scalarOut.segment().asSlice(0, used)
                .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        for (int position = 0, row = 0; row < length; row++) {
          if (mask.getBoolean(row)) {
            long expected = width == 8
                ? values.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED,
                    (column.offset() + (long) row) * 8)
                : values.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED,
                    (column.offset() + (long) row) * 4);
            long actual = width == 8
                ? scalarOut.segment().get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED,
                    (long) position * 8)
                : scalarOut.segment().get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED,
                    (long) position * 4);
            assertThat(actual).as("selected row %d", row).isEqualTo(expected);
            position++;
          }
        }
      } finally {
        simdOut.release();
        scalarOut.release();
      }
    }
  }
}
