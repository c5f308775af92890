package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.ColumnSample;
import dev.floe.testkit.LeakCheckedProperty;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link PackedGroupIds} against {@link GroupIdsReference} (a HashMap over Java values) and the
 * general hash-table path ({@link GroupIds#ofHashed}): one to three keys mixing short strings and
 * binaries (empty, one byte, non-ASCII, up to 15 bytes, 32- and 64-bit offsets) with integers,
 * floats (-0.0, NaN) and booleans, with nulls and slices, group identically (ids, first rows,
 * count); a string longer than 15 bytes makes it decline, and {@link GroupIds#of} still groups.
 * The packed words of a byte range equal their byte-by-byte reading, at a buffer's end too.
 */
@LeakCheckedProperty
class PackedGroupIdsPropertyTest {
  private static final DataType[] STRINGS = {DataType.UTF8, DataType.LARGE_UTF8, DataType.BINARY};
  private static final DataType[] OTHERS = {DataType.INT32, DataType.INT64, DataType.FLOAT64, DataType.BOOLEAN,
      DataType.INT8};
  private static final String[] WORDS = {"", "A", "N", "R", "é", "日本", "Brand#45", "abcdefghijklmno",
      "abcdefghijklmnp", "MEDIUM BRUSHED", "x\u0000", "\u0000"};

  @Property(tries = 400)
  void packedKeysGroupLikeTheReference(@ForAll long seed) {
    Random random = new Random(seed);
    int length = random.nextInt(6) == 0 ? random.nextInt(3) : random.nextInt(2000);
    int keyCount = 1 + random.nextInt(3);
    boolean longStrings = random.nextInt(5) == 0;
    BufferAllocator allocator = BufferAllocator.current();
    List<Column> keys = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    boolean hasLong = false;
    try {
      for (int key = 0; key < keyCount; key++) {
        boolean string = key == 0 || random.nextBoolean();
        DataType type = string ? STRINGS[random.nextInt(STRINGS.length)] : OTHERS[random.nextInt(OTHERS.length)];
        double nulls = random.nextInt(3) == 0 ? 0 : random.nextInt(10) == 0 ? 1 : random.nextDouble() * 0.3;
        int distinct = 1 + random.nextInt(random.nextBoolean() ? 4 : 500);
        List<Object> column = new ArrayList<>();
        for (int row = 0; row < length; row++) {
          Object value = random.nextDouble() < nulls ? null : value(type, random.nextInt(distinct), longStrings, random);
          hasLong |= value instanceof String text && text.getBytes(StandardCharsets.UTF_8).length > 15
              || value instanceof byte[] bytes && bytes.length > 15;
          column.add(value);
        }
        values.add(column);
        ColumnSample sample = random.nextBoolean() ? ColumnSample.of(type, column)
            : new ColumnSample(type, column, Collections.singletonList(value(type, 7, longStrings, random)),
                Collections.singletonList(value(type, 3, longStrings, random)));
        keys.add(sample.build());
      }
      GroupIdsReference expected = new GroupIdsReference(values, length);
      GroupIds packed = PackedGroupIds.tryOf(keys);
      if (hasLong) {
        assertThat(packed).as("a string over 15 bytes is declined").isNull();
      } else {
        assertThat(packed).as("short keys %s", keys.stream().map(Column::type).toList()).isNotNull();
        assertThat(packed.ids()).containsExactly(expected.ids);
        assertThat(packed.firstRows()).containsExactly(expected.firstRowsArray());
        assertThat(packed.groupCount()).isEqualTo(expected.firstRows.size());
      }
      GroupIds general = GroupIds.ofHashed(keys, GroupIds.hashes(keys, allocator));
      assertThat(general.ids()).containsExactly(expected.ids);
      assertThat(GroupIds.of(keys, allocator).ids()).containsExactly(expected.ids);
    } finally {
      keys.forEach(Column::close);
    }
  }

  @Property(tries = 300)
  void packedWordsEqualTheBytes(@ForAll long seed) {
    Random random = new Random(seed);
    byte[] bytes = new byte[random.nextInt(40)];
    random.nextBytes(bytes);
    MemorySegment data = MemorySegment.ofArray(bytes); // exactly sized: ranges at its end read byte by byte
    int start = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
    int end = start + random.nextInt(Math.min(15, bytes.length - start) + 1);
    long low = 0;
    long high = (long) (end - start) << 56;
    for (int at = start; at < end; at++) {
      int index = at - start;
      if (index < 8) {
        low |= (bytes[at] & 0xFFL) << (8 * index);
      } else {
        high |= (bytes[at] & 0xFFL) << (8 * (index - 8));
      }
    }
    assertThat(PackedKeys.low(data, start, end)).isEqualTo(low);
    assertThat(PackedKeys.high(data, start, end)).isEqualTo(high);
  }

  private static Object value(DataType type, int index, boolean longStrings, Random random) {
    return switch (type) {
      case DataType.Int32 t -> index - 50;
      case DataType.Int64 t -> (long) index * 1_000_003L - 7;
      case DataType.Int8 t -> (byte) index;
      case DataType.Float64 t -> switch (index % 5) {
        case 0 -> -0.0;
        case 1 -> 0.0;
        case 2 -> Double.NaN;
        default -> index / 4.0;
      };
      case DataType.BooleanType t -> index % 2 == 0;
      default -> {
        String text = index < WORDS.length ? WORDS[index]
            : longStrings && index % 7 == 0 ? "a long string number " + index : "s" + index;
        yield type instanceof DataType.Binary ? text.getBytes(StandardCharsets.UTF_8) : text;
      }
    };
  }
}
