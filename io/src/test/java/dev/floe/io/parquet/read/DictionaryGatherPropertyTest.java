package dev.floe.io.parquet.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.BufferAllocator;
import dev.floe.testkit.LeakCheckedProperty;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Dictionary gathers of every shape the decoder specialises (one-byte values, values up to 16 and
 * up to 32 bytes moved as whole words, longer values copied one by one; 4- and 8-byte fixed
 * values) equal a plain concatenation of the chosen values, over several batches appended to one
 * chunk; an index outside the dictionary is a typed error naming it.
 */
@LeakCheckedProperty
class DictionaryGatherPropertyTest {
  private static byte[][] dictionary(Random random, int size, int longest) {
    byte[][] values = new byte[size][];
    for (int k = 0; k < size; k++) {
      values[k] = new byte[longest == 1 ? 1 : random.nextInt(longest + 1)];
      random.nextBytes(values[k]);
    }
    return values;
  }

  @Property(tries = 200)
  void stringGathersEqualTheConcatenationOfTheChosenValues(
      @ForAll @IntRange(min = 1, max = 40) int size, @ForAll @IntRange(min = 0, max = 3) int shape,
      @ForAll @IntRange(min = 1, max = 3) int batches, @ForAll long seed) {
    Random random = new Random(seed);
    int longest = new int[] {1, 16, 32, 90}[shape];
    byte[][] values = dictionary(random, size, longest);
    BufferAllocator allocator = BufferAllocator.current();
    try (PhysicalValues dict = new PhysicalValues(allocator, PhysicalValues.VARIABLE, size);
        PhysicalValues out = new PhysicalValues(allocator, PhysicalValues.VARIABLE, 4)) {
      for (byte[] value : values) {
        dict.appendBinary(MemorySegment.ofArray(value), 0, value.length, "t");
      }
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      int total = 0;
      for (int batch = 0; batch < batches; batch++) {
        int n = random.nextInt(300);
        int[] indices = new int[n + 5];
        for (int k = 0; k < n; k++) {
          indices[k] = random.nextInt(size);
          expected.writeBytes(values[indices[k]]);
        }
        out.gather(dict, indices, n, "t");
        total += n;
      }
      assertThat(out.count).isEqualTo(total);
      byte[] data = out.values.segment().asSlice(0, out.values.size()).toArray(ValueLayout.JAVA_BYTE);
      assertThat(data).isEqualTo(expected.toByteArray());
      assertThat(out.offsetAt(total)).isEqualTo(expected.size());
    }
  }

  @Property(tries = 100)
  void fixedGathersEqualTheChosenValues(
      @ForAll @IntRange(min = 1, max = 50) int size, @ForAll boolean wide, @ForAll long seed) {
    Random random = new Random(seed);
    int width = wide ? 8 : 4;
    BufferAllocator allocator = BufferAllocator.current();
    byte[] dictBytes = new byte[size * width];
    random.nextBytes(dictBytes);
    try (PhysicalValues dict = new PhysicalValues(allocator, width, size);
        PhysicalValues out = new PhysicalValues(allocator, width, 4)) {
      dict.appendFixed(MemorySegment.ofArray(dictBytes), 0, size);
      int n = random.nextInt(600);
      int[] indices = new int[n];
      for (int k = 0; k < n; k++) {
        indices[k] = random.nextInt(size);
      }
      out.gather(dict, indices, n, "t");
      MemorySegment got = out.values.segment();
      for (int k = 0; k < n; k++) {
        assertThat(got.asSlice((long) k * width, width).toArray(ValueLayout.JAVA_BYTE))
            .isEqualTo(java.util.Arrays.copyOfRange(dictBytes, indices[k] * width, (indices[k] + 1) * width));
      }
    }
  }

  @Property(tries = 50)
  void anIndexOutsideTheDictionaryIsATypedError(
      @ForAll @IntRange(min = 1, max = 20) int size, @ForAll boolean negative, @ForAll boolean strings) {
    BufferAllocator allocator = BufferAllocator.current();
    int width = strings ? PhysicalValues.VARIABLE : 8;
    try (PhysicalValues dict = new PhysicalValues(allocator, width, size);
        PhysicalValues out = new PhysicalValues(allocator, width, 4)) {
      byte[] eight = new byte[8];
      for (int k = 0; k < size; k++) {
        if (strings) {
          dict.appendBinary(MemorySegment.ofArray(eight), 0, 3, "t");
        } else {
          dict.appendFixed(MemorySegment.ofArray(eight), 0, 1);
        }
      }
      int bad = negative ? -1 : size;
      int[] indices = {0, bad, 0};
      assertThatThrownBy(() -> out.gather(dict, indices, 3, "file.parquet, page 2"))
          .isInstanceOf(FloeIoException.class)
          .hasMessageContaining("file.parquet, page 2")
          .hasMessageContaining("dictionary index " + Integer.toUnsignedString(bad))
          .hasMessageContaining("dictionary of " + size + " values");
    }
  }
}
