package dev.floe.kernels;

import dev.floe.memory.Bitmaps;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanBuilder;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.testkit.ColumnSample;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Shared generators and helpers of the K1 kernel tests (compare, boolean, filter). */
final class KernelTestData {
  static final List<Integer> LENGTHS = List.of(0, 1, 7, 8, 63, 64, 65, 255, 256, 1023, 4098);

  private KernelTestData() {}

  static Arbitrary<Integer> lengths() {
    return Arbitraries.oneOf(Arbitraries.of(LENGTHS), Arbitraries.integers().between(0, 5000));
  }

  /** A boolean mask of {@code length} rows with about {@code density} true and some nulls. */
  static BooleanColumn mask(int length, double density, double nullDensity, long seed) {
    Random random = new Random(seed);
    int before = random.nextInt(70);
    try (BooleanBuilder builder = new BooleanBuilder(BufferAllocator.current())) {
      for (int row = 0; row < before + length + random.nextInt(5); row++) {
        if (random.nextDouble() < nullDensity) {
          builder.appendNull();
        } else {
          builder.append(random.nextDouble() < density);
        }
      }
      try (BooleanColumn whole = builder.build()) {
        return whole.slice(before, length);
      }
    }
  }

  /** A right-hand side for {@code left}: a third equal, the rest other values of the sample. */
  static ColumnSample partner(ColumnSample left, long seed) {
    Random random = new Random(seed);
    List<Object> values = new ArrayList<>(left.values());
    List<Object> right = new ArrayList<>(values.size());
    for (Object value : values) {
      right.add(random.nextInt(3) == 0 || values.isEmpty()
          ? value : values.get(random.nextInt(values.size())));
    }
    List<Object> before = new ArrayList<>();
    for (int row = random.nextInt(3) * random.nextInt(40); row > 0; row--) {
      before.add(values.isEmpty() ? null : values.get(random.nextInt(values.size())));
    }
    return new ColumnSample(left.type(), right, before, List.of());
  }

  static MemorySegment values(Column column) {
    return ((FixedWidthColumn) column).valuesBuffer().segment();
  }

  /** The first {@code length} bits of a bitmap at bit 0, as a list. */
  static List<Boolean> bits(MemorySegment bitmap, int length) {
    List<Boolean> bits = new ArrayList<>(length);
    for (int row = 0; row < length; row++) {
      bits.add(Bitmaps.get(bitmap, row));
    }
    return bits;
  }
}
