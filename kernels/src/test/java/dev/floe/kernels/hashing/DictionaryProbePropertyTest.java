package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link DictionaryProbe} against probing the categorical key's values row by row: for a random
 * string build key (with nulls, repeated or unique values) in 1 to 8 partitions and a random
 * categorical probe column (its own dictionary, which may hold a value twice or a null; null rows;
 * sliced at an offset), every probe row's entry leads to the build rows its value matches. The
 * lookup is cached by dictionary: slices of one column share it, another dictionary gets its own.
 * An index outside the dictionary fails with a typed exception.
 */
@LeakCheckedProperty
class DictionaryProbePropertyTest {
  @Property(tries = 300)
  void entriesFindWhatTheirValuesFind(@ForAll long seed) {
    Random random = new Random(seed);
    int buildRows = random.nextInt(50);
    int entries = 1 + random.nextInt(12);
    int probeRows = random.nextInt(40);
    int skip = random.nextInt(3);
    int range = random.nextBoolean() ? 8 : 1000;
    boolean nullsMatch = random.nextBoolean();
    BufferAllocator allocator = BufferAllocator.current();
    List<Object> buildValues = new ArrayList<>();
    for (int row = 0; row < buildRows; row++) {
      buildValues.add(random.nextInt(7) == 0 ? null : "v" + random.nextInt(range));
    }
    List<Object> dictionaryValues = new ArrayList<>();
    for (int entry = 0; entry < entries; entry++) {
      dictionaryValues.add(random.nextInt(10) == 0 ? null : "v" + random.nextInt(Math.min(range, 12)));
    }
    List<Object> indices = new ArrayList<>();
    for (int row = 0; row < skip + probeRows; row++) {
      indices.add(random.nextInt(6) == 0 ? null : (long) random.nextInt(entries));
    }
    try (Column buildKey = JavaValues.toColumn(allocator, DataType.UTF8, buildValues);
        DictionaryColumn whole = categorical(allocator, dictionaryValues, indices);
        DictionaryColumn probe = whole.slice(skip, probeRows);
        DictionaryColumn other = categorical(allocator, dictionaryValues, indices);
        PartitionedJoinTable table = PartitionedJoinTable.build(List.of(buildKey), nullsMatch, 1 << random.nextInt(4),
            tasks -> tasks.forEach(Runnable::run), allocator)) {
      boolean applies = DictionaryProbe.applies(probe, buildKey, nullsMatch);
      assertThat(applies).isEqualTo(!nullsMatch || probe.nullCount() == 0);
      if (!applies) {
        return;
      }
      DictionaryProbe.Cache cache = new DictionaryProbe.Cache();
      DictionaryProbe lookup = cache.get(probe.dictionary(),
          () -> DictionaryProbe.of(table, buildKey, probe.dictionary(), allocator));
      assertThat(cache.get(whole.dictionary(), () -> null)).as("a slice shares the lookup").isSameAs(lookup);
      DictionaryProbe another = cache.get(other.dictionary(),
          () -> DictionaryProbe.of(table, buildKey, other.dictionary(), allocator));
      assertThat(another).as("another dictionary gets its own lookup").isNotSameAs(lookup);
      int[] rowEntries = lookup.entries(probe);
      for (int row = 0; row < probeRows; row++) {
        Object value = probe.getObject(row);
        List<Integer> expected = new ArrayList<>();
        for (int build = 0; build < buildRows; build++) {
          Object key = buildValues.get(build);
          if (value == null ? nullsMatch && key == null : value.equals(key)) {
            expected.add(build);
          }
        }
        int entry = rowEntries[row];
        JoinTable part = entry < 0 ? null : lookup.table(entry);
        List<Integer> actual = part == null ? List.of()
            : PartitionedJoinTablePropertyTest.rows(part, lookup.group(entry));
        assertThat(actual).as("probe row %d (%s)", row, value).isEqualTo(expected);
      }
      List<Object> outside = new ArrayList<>(indices);
      outside.add((long) entries);
      try (DictionaryColumn bad = categorical(allocator, dictionaryValues, outside)) {
        DictionaryProbe badLookup = DictionaryProbe.of(table, buildKey, bad.dictionary(), allocator);
        assertThatThrownBy(() -> badLookup.entries(bad)).isInstanceOf(InvalidOperationException.class);
      }
    }
  }

  /** A categorical column of {@code indices} (null: a null row) into a dictionary of {@code values}. */
  private static DictionaryColumn categorical(BufferAllocator allocator, List<Object> values, List<Object> indices) {
    Column dictionary = JavaValues.toColumn(allocator, DataType.UTF8, values);
    try (Column column = JavaValues.toColumn(allocator, DataType.UINT32, indices)) {
      FixedWidthColumn codes = (FixedWidthColumn) column;
      Buffer validity = codes.validity() == null ? null : codes.validity().retain();
      return new DictionaryColumn(DataType.CATEGORICAL, 0, codes.length(), codes.nullCount(), validity,
          codes.valuesBuffer().retain(), dictionary);
    }
  }
}
