package dev.floe.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.kernels.scalar.HashScalar;
import dev.floe.kernels.simd.HashSimd;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnArbitraries;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakChecked;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hash kernels: SIMD equals scalar bit for bit; equal keys hash alike; nulls are constant. */
@LeakChecked
@LeakCheckedProperty
class HashTest {

  @Provide
  Arbitrary<ColumnSample> eightByteColumns() {
    return Arbitraries.of(DataType.INT64, DataType.FLOAT64, DataType.UINT64, DataType.INT32, DataType.UINT32,
            DataType.DATE32)
        .flatMap(type -> ColumnArbitraries.columns(type, AggregateTwinPropertyTest.lengths()));
  }

  @Property(tries = 300)
  void simdEqualsScalar(@ForAll("eightByteColumns") ColumnSample sample) {
    BufferAllocator allocator = BufferAllocator.current();
    try (FixedWidthColumn column = (FixedWidthColumn) sample.build()) {
      int length = column.length();
      Buffer simd = allocator.allocate(Math.max(length * 8L, 1));
      Buffer scalar = allocator.allocate(Math.max(length * 8L, 1));
      try {
        MemorySegment values = column.valuesBuffer().segment();
        if (column.type().isFloatingPoint()) {
          HashSimd.hashDoubles(values, column.offset(), length, simd.segment());
          HashScalar.hashDoubles(values, column.offset(), length, scalar.segment());
        } else if (column.type().byteWidth() == 4) {
          boolean signed = !(column.type() instanceof DataType.UInt32);
          HashSimd.hashInts(values, column.offset(), length, signed, simd.segment());
          HashScalar.hashInts(values, column.offset(), length, signed, scalar.segment());
          for (int row = 0; row < length; row++) { // the same hash as the value widened to 8 bytes
            if (column.isValid(row)) {
              assertThat(scalar.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, row))
                  .isEqualTo(HashScalar.mix(AggregateValues.asLong(column, row)));
            }
          }
        } else {
          HashSimd.hashLongs(values, column.offset(), length, simd.segment());
          HashScalar.hashLongs(values, column.offset(), length, scalar.segment());
        }
        assertThat(simd.segment().asSlice(0, length * 8L).mismatch(scalar.segment().asSlice(0, length * 8L)))
            .isEqualTo(-1L);
      } finally {
        simd.release();
        scalar.release();
      }
    }
  }

  @Property(tries = 200)
  void everyTypeHashesEqualValuesAlikeAndNullsToTheConstant(@ForAll("anyLeaf") ColumnSample sample) {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column column = sample.build();
        FixedWidthColumn hashes = Hash.hash64(column, allocator);
        Column again = sample.unsliced().build();
        FixedWidthColumn hashesAgain = Hash.hash64(again, allocator)) {
      assertThat(hashes.type()).isEqualTo(DataType.UINT64);
      assertThat(hashes.nullCount()).isZero();
      for (int row = 0; row < column.length(); row++) {
        assertThat(hashes.getLong(row)).isEqualTo(hashesAgain.getLong(row));
        if (column.isNull(row)) {
          assertThat(hashes.getLong(row)).isEqualTo(HashScalar.NULL_HASH);
        }
      }
    }
  }

  @Provide
  Arbitrary<ColumnSample> anyLeaf() {
    return ColumnArbitraries.leafColumns();
  }

  @Test
  void zerosAndNaNsHashAlikeAndValuesSpread() {
    BufferAllocator allocator = BufferAllocator.current();
    double otherNaN = Double.longBitsToDouble(0x7FF0000000000123L);
    try (Column doubles = JavaValues.toColumn(allocator, DataType.FLOAT64,
            Arrays.asList(0.0, -0.0, Double.NaN, otherNaN, -Double.NaN, null, 1.0, 1.0, 1.0, 1.0, 1.0));
        FixedWidthColumn hashes = Hash.hash64(doubles, allocator)) {
      assertThat(hashes.getLong(0)).isEqualTo(hashes.getLong(1));
      assertThat(hashes.getLong(2)).isEqualTo(hashes.getLong(3)).isEqualTo(hashes.getLong(4));
      assertThat(hashes.getLong(5)).isEqualTo(HashScalar.NULL_HASH);
      assertThat(hashes.getLong(0)).isNotEqualTo(hashes.getLong(6));
    }
    try (Column strings = JavaValues.toColumn(allocator, DataType.UTF8,
            Arrays.asList("a", "a", "", "b", "a longer string over 12 bytes"));
        Column views = JavaValues.toColumn(allocator, DataType.UTF8_VIEW,
            Arrays.asList("a", "a", "", "b", "a longer string over 12 bytes"));
        FixedWidthColumn hashes = Hash.hash64(strings, allocator);
        FixedWidthColumn viewHashes = Hash.hash64(views, allocator)) {
      assertThat(hashes.getLong(0)).isEqualTo(hashes.getLong(1)).isNotEqualTo(hashes.getLong(3));
      for (int row = 0; row < 5; row++) {
        assertThat(viewHashes.getLong(row)).isEqualTo(hashes.getLong(row));
      }
    }
    // 100,000 consecutive integers: no collisions, and the low 16 bits (a hash table's bucket)
    // are spread: every bucket of 65,536 is hit at least once in 1M keys would be too slow here,
    // so check distinct low-16-bit values over 100k keys exceed 75% of the expected occupancy.
    Set<Long> seen = new HashSet<>();
    Set<Long> buckets = new HashSet<>();
    for (long key = 0; key < 100_000; key++) {
      long hash = HashScalar.mix(key);
      seen.add(hash);
      buckets.add(hash & 0xFFFF);
    }
    assertThat(seen).hasSize(100_000);
    assertThat(buckets.size()).isGreaterThan((int) (0.75 * 65536 * (1 - Math.exp(-100_000.0 / 65536))));
  }

  @Test
  void combineDependsOnBothColumnsAndOrder() {
    BufferAllocator allocator = BufferAllocator.current();
    try (Column a = JavaValues.toColumn(allocator, DataType.INT64, Arrays.asList(1L, 2L, 1L));
        Column b = JavaValues.toColumn(allocator, DataType.INT64, Arrays.asList(2L, 1L, 2L));
        FixedWidthColumn ha = Hash.hash64(a, allocator);
        FixedWidthColumn hb = Hash.hash64(b, allocator);
        FixedWidthColumn ab = Hash.combine(ha, b, allocator);
        FixedWidthColumn ba = Hash.combine(hb, a, allocator)) {
      assertThat(ab.getLong(0)).isEqualTo(ab.getLong(2)).isNotEqualTo(ab.getLong(1));
      assertThat(ab.getLong(0)).isNotEqualTo(ba.getLong(0));
      MemorySegment unused = ab.valuesBuffer().segment();
      assertThat(unused.get(ValueLayout.JAVA_LONG_UNALIGNED, 0)).isEqualTo(ab.getLong(0));
    }
  }
}
