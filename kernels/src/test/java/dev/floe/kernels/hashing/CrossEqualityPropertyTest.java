package dev.floe.kernels.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakCheckedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link CrossEquality} and {@link JoinTable#group(long, CrossEquality, int)} against the
 * single-list path ({@link RowEquality} through {@link JoinTable#group(int)} over the two sides
 * concatenated), and {@link JoinTable#groupOfKey} where one integer key is kept in the slots: for
 * random build and probe key columns (i64, i32, f64 with NaN and -0.0, strings,
 * with nulls; one or two keys; probe columns sliced at an offset), every probe row finds the same
 * group and the same build rows.
 */
@LeakCheckedProperty
class CrossEqualityPropertyTest {
  private static final DataType[] TYPES = {DataType.INT64, DataType.INT32, DataType.FLOAT64, DataType.UTF8};

  @Property(tries = 300)
  void probingOtherColumnsMatchesProbingTheConcatenation(@ForAll long seed) {
    Random random = new Random(seed);
    int buildRows = random.nextInt(40);
    int probeRows = random.nextInt(40);
    int skip = random.nextInt(3);
    int keyCount = 1 + random.nextInt(2);
    boolean nullsMatch = random.nextBoolean();
    boolean nulls = random.nextBoolean();
    List<Column> build = new ArrayList<>();
    List<Column> probe = new ArrayList<>();
    List<Column> both = new ArrayList<>();
    BufferAllocator allocator = BufferAllocator.current();
    try {
      for (int key = 0; key < keyCount; key++) {
        DataType type = TYPES[random.nextInt(TYPES.length)];
        List<Object> buildValues = values(random, type, buildRows, nulls);
        List<Object> probeValues = values(random, type, skip + probeRows, nulls);
        List<Object> all = new ArrayList<>(buildValues);
        all.addAll(probeValues.subList(skip, probeValues.size()));
        build.add(JavaValues.toColumn(allocator, type, buildValues));
        try (Column whole = JavaValues.toColumn(allocator, type, probeValues)) {
          probe.add(whole.slice(skip, probeRows));
        }
        both.add(JavaValues.toColumn(allocator, type, all));
      }
      try (JoinTable reference = JoinTable.build(both, 0, buildRows, nullsMatch, allocator);
          JoinTable table = JoinTable.buildForProbing(build, JoinTable.hashes(build, allocator), nullsMatch,
              allocator)) {
        IntegerKeys integers = table.keysInSlots(probe) ? IntegerKeys.of(probe) : null;
        if (keyCount == 1 && !nulls && build.getFirst().type().isInteger() && buildRows > 0 && probeRows > 0) {
          assertThat(integers).as("one integer key without nulls is kept in the slots").isNotNull();
        }
        long[] probeHashes = JoinTable.hashes(probe, allocator);
        CrossEquality equality = CrossEquality.of(build, probe);
        for (int row = 0; row < probeRows; row++) {
          int expected = reference.group(buildRows + row);
          boolean nullKey = !nullsMatch && PartitionedJoinTablePropertyTest.hasNull(probe, row);
          int actual = nullKey ? -1 : table.group(probeHashes[row], equality, row);
          assertThat(PartitionedJoinTablePropertyTest.rows(table, actual)).as("probe row %d", row).isEqualTo(PartitionedJoinTablePropertyTest.rows(reference, expected));
          if (integers != null) {
            assertThat(PartitionedJoinTablePropertyTest.rows(table, table.groupOfKey(probeHashes[row], integers.at(row))))
                .as("probe row %d by the key in the slots", row).isEqualTo(PartitionedJoinTablePropertyTest.rows(reference, expected));
          }
        }
      }
    } finally {
      build.forEach(Column::close);
      probe.forEach(Column::close);
      both.forEach(Column::close);
    }
  }

  private static List<Object> values(Random random, DataType type, int rows, boolean nulls) {
    List<Object> values = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      int value = random.nextInt(5);
      values.add(nulls && random.nextInt(6) == 0 ? null : switch (type) {
        case DataType.Int64 ignored -> (long) value;
        case DataType.Int32 ignored -> value;
        case DataType.Float64 ignored -> value == 4 ? Double.NaN : value == 3 ? (random.nextBoolean() ? -0.0 : 0.0)
            : (double) value;
        default -> "key" + value;
      });
    }
    return values;
  }
}
