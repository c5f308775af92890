package dev.floe.io.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.files.HivePartitions;
import dev.floe.testkit.LeakChecked;
import dev.floe.testkit.LeakCheckedProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random hive paths {@code a=<int>/b=<str>/f} (with default partitions) and random predicates over
 * the partition columns {@code a}, {@code b} and a file column {@code c}: a file is kept exactly
 * when some value of {@code c} (any of its domain, or null) makes the predicate true for the
 * file's partition values, evaluated row-wise with Kleene logic.
 */
@LeakChecked
@LeakCheckedProperty
class PartitionPruningPropertyTest {
  private static final List<Object> INTS = List.of(-3L, 0L, 1L, 7L);
  private static final List<Object> STRINGS = List.of("a", "b", "é", "z");

  @Provide
  Arbitrary<List<Path>> files() {
    Arbitrary<String> a = Arbitraries.of("-3", "0", "1", "7", HivePartitions.DEFAULT_PARTITION);
    Arbitrary<String> b = Arbitraries.of("a", "b", "%C3%A9", "z", HivePartitions.DEFAULT_PARTITION);
    return Combinators.combine(a, b).as((x, y) -> Path.of("t/a=" + x + "/b=" + y + "/f.ipc"))
        .list().ofMinSize(1).ofMaxSize(8)
        .filter(list -> list.stream().anyMatch(p -> !p.toString().contains("a=__HIVE"))
            && list.stream().anyMatch(p -> !p.toString().contains("b=__HIVE")));
  }

  @Provide
  Arbitrary<ScanPredicate> predicates() {
    return Arbitraries.lazyOf(this::leaf, this::leaf, this::leaf,
        () -> predicates().map(ScanPredicate::not),
        () -> predicates().list().ofMaxSize(3).map(ScanPredicate.And::new),
        () -> predicates().list().ofMaxSize(3).map(ScanPredicate.Or::new));
  }

  private Arbitrary<ScanPredicate> leaf() {
    return Arbitraries.of("a", "b", "c").flatMap(column -> {
      List<Object> domain = column.equals("b") ? STRINGS : INTS;
      return Arbitraries.oneOf(
          Combinators.combine(Arbitraries.of(ScanPredicate.Op.values()), Arbitraries.of(domain))
              .as((op, literal) -> (ScanPredicate) new ScanPredicate.Compare(column, op, literal)),
          Arbitraries.of(domain).list().ofMaxSize(2).map(values -> ScanPredicate.in(column, values)),
          Arbitraries.of(ScanPredicate.isNull(column), ScanPredicate.isNotNull(column)));
    });
  }

  @Property(tries = 300)
  void keepsExactlyTheFilesSomeRowOfWhichMatches(@ForAll("files") List<Path> files,
      @ForAll("predicates") ScanPredicate predicate) {
    HivePartitions partitions = HivePartitions.of(files);
    List<Path> expected = new ArrayList<>();
    for (int file = 0; file < files.size(); file++) {
      Map<String, Object> row = new HashMap<>();
      row.put("a", partitions.values().get(file).get(0));
      row.put("b", partitions.values().get(file).get(1));
      List<Object> cValues = new ArrayList<>(INTS);
      cValues.add(null);
      boolean some = false;
      for (Object c : cValues) {
        row.put("c", c);
        some |= Boolean.TRUE.equals(eval(predicate, row));
      }
      if (some) {
        expected.add(files.get(file));
      }
    }
    assertThat(PartitionPruning.select(files, partitions, predicate)).as("%s", predicate)
        .containsAll(expected);
    if (!predicate.columns().contains("c")) {
      assertThat(PartitionPruning.select(files, partitions, predicate)).as("%s", predicate)
          .isEqualTo(expected);
    }
  }

  private static Boolean eval(ScanPredicate predicate, Map<String, Object> row) {
    return KleeneOracle.eval(predicate, row, PartitionPruningPropertyTest::compare);
  }

  private static int compare(Object value, Object literal) {
    if (value instanceof String text) {
      return Arrays.compareUnsigned(text.getBytes(StandardCharsets.UTF_8),
          ((String) literal).getBytes(StandardCharsets.UTF_8));
    }
    return Long.compare((Long) value, (Long) literal);
  }
}
