package dev.floe.memory.column;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The word-at-a-time validity builder against a plain list of booleans. */
class ValidityBuilderTest {

  @Property(tries = 300)
  void bitsMatchAModelOfSingleAndBulkAppends(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 100) int nullPercent,
      @ForAll @IntRange(min = 0, max = 5000) int target) {
    Random random = new Random(seed);
    try (BufferAllocator allocator = BufferAllocator.newRoot("validity", Long.MAX_VALUE)) {
      ValidityBuilder builder = new ValidityBuilder(allocator);
      for (int round = 0; round < 2; round++) { // the second round checks reuse after finish()
        List<Boolean> model = new ArrayList<>();
        while (model.size() < target) {
          int index = model.size();
          if (random.nextInt(10) == 0) {
            int count = random.nextInt(200);
            builder.appendValid(index, count);
            for (int step = 0; step < count; step++) {
              model.add(true);
            }
          } else if (random.nextInt(4) == 0) {
            boolean valid = random.nextInt(100) >= nullPercent;
            builder.append(index, valid);
            model.add(valid);
          } else if (random.nextInt(100) < nullPercent) {
            builder.appendNull(index);
            model.add(false);
          } else {
            builder.appendValid(index);
            model.add(true);
          }
        }
        long expectedNulls = model.stream().filter(valid -> !valid).count();
        assertThat(builder.nullCount()).isEqualTo(expectedNulls);
        Buffer bitmap = builder.finish(model.size());
        if (expectedNulls == 0) {
          assertThat(bitmap).isNull();
          continue;
        }
        assertThat(bitmap.capacity()).isGreaterThanOrEqualTo(Bitmaps.bytesFor(model.size()));
        for (int index = 0; index < model.size(); index++) {
          assertThat(Bitmaps.get(bitmap.segment(), index)).as("bit %d", index).isEqualTo(model.get(index));
        }
        // Bits past the end are zero, so word-wise readers see no phantom valid values.
        long tailBits = bitmap.capacity() * 8 - model.size();
        assertThat(Bitmaps.countSet(bitmap.segment(), model.size(), tailBits)).isZero();
        bitmap.release();
      }
      builder.close();
    }
  }
}
