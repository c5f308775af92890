package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.VarBinaryBuilder;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The CSV reader's Utf8 builder builds the same column as the general {@link VarBinaryBuilder}:
 * short and long values (word copies and bulk copies, also at the end of the source), nulls first,
 * in between or never, Strings, and growth past the first capacity.
 */
@LeakCheckedProperty
class CsvStringBuilderTest {

  @Property(tries = 200)
  void buildsWhatTheGeneralBuilderBuilds(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 700) int count, @ForAll @IntRange(min = 0, max = 300) int rows) {
    Random random = new Random(seed);
    byte[] text = new byte[4096];
    for (int index = 0; index < text.length; index++) {
      text[index] = (byte) ('a' + random.nextInt(26));
    }
    BufferAllocator allocator = BufferAllocator.current();
    double nulls = random.nextInt(3) * 0.2;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment source = arena.allocate(text.length);
      MemorySegment.copy(MemorySegment.ofArray(text), 0, source, 0, text.length);
      CsvStringBuilder fast = new CsvStringBuilder(DataType.UTF8, allocator, rows);
      VarBinaryBuilder general = new VarBinaryBuilder(DataType.UTF8, allocator);
      try (fast; general) {
        for (int value = 0; value < count; value++) {
          double pick = random.nextDouble();
          if (pick < nulls) {
            fast.appendNull();
            general.appendNull();
          } else if (pick < nulls + 0.05) {
            String string = "é" + value;
            fast.appendObject(string);
            general.appendObject(string);
          } else {
            int length = random.nextDouble() < 0.8 ? random.nextInt(17) : random.nextInt(200);
            int start = random.nextDouble() < 0.1 ? text.length - length
                : random.nextInt(text.length - length + 1);
            fast.append(source, start, length);
            general.append(source, start, length);
          }
        }
        assertThat(fast.length()).isEqualTo(count);
        try (VarBinaryColumn expected = general.build();
            VarBinaryColumn actual = fast.build()) {
          assertThat(actual.length()).isEqualTo(expected.length());
          assertThat(actual.nullCount()).isEqualTo(expected.nullCount());
          assertThat(actual.validity() == null).isEqualTo(expected.validity() == null);
          for (int index = 0; index < count; index++) {
            assertThat(actual.isNull(index)).isEqualTo(expected.isNull(index));
            if (!expected.isNull(index)) {
              assertThat(new String(actual.getBytes(index), StandardCharsets.UTF_8))
                  .isEqualTo(new String(expected.getBytes(index), StandardCharsets.UTF_8));
            }
          }
        }
      }
    }
  }
}
