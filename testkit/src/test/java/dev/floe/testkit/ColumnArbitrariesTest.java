package dev.floe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.memory.types.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generators cover every type, the special lengths and the edge values they promise. */
class ColumnArbitrariesTest {

  private static Set<Class<?>> allTypeVariants() {
    return new HashSet<>(Arrays.asList(DataType.class.getPermittedSubclasses()));
  }

  @Test
  void representativeTypesCoverEveryDataTypeVariant() {
    Set<Class<?>> covered = DataTypeArbitraries.representativeTypes().stream()
        .map(Object::getClass).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(allTypeVariants());
  }

  @Test
  void randomTypesReachEveryVariantAndNestTwoLevels() {
    List<DataType> types = DataTypeArbitraries.dataTypes().sampleStream().limit(3000).toList();
    assertThat(types.stream().map(Object::getClass).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(allTypeVariants());
    assertThat(types).anySatisfy(type -> assertThat(type).isInstanceOfAny(DataType.ListType.class)
        .matches(list -> ((DataType.ListType) list).valueType().isNested()));
  }

  @Test
  void lengthsIncludeEverySpecialLength() {
    Set<Integer> lengths = ColumnArbitraries.lengths().sampleStream().limit(3000)
        .collect(Collectors.toSet());
    assertThat(lengths).containsAll(ColumnArbitraries.SPECIAL_LENGTHS);
    assertThat(lengths.stream().filter(length -> !ColumnArbitraries.SPECIAL_LENGTHS.contains(length)))
        .hasSizeGreaterThan(100);
  }

  @Test
  void nullDensitiesIncludeNoneAllAndSome() {
    List<Double> densities = ColumnArbitraries.nullDensities().sampleStream().limit(500).toList();
    assertThat(densities).contains(0.0, 1.0).anyMatch(density -> density > 0 && density < 1);
  }

  @Test
  void floatingPointColumnsContainTheEdgeValues() {
    List<Object> doubles = ValueGenerators.column(DataType.FLOAT64, 2000, 0, new Random(1));
    assertThat(doubles).contains(Double.NaN, -0.0d, 0.0d, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE);
    List<Object> floats = ValueGenerators.column(DataType.FLOAT32, 2000, 0, new Random(1));
    assertThat(floats).contains(Float.NaN, -0.0f, Float.POSITIVE_INFINITY, Float.MAX_VALUE);
  }

  @Test
  void integerColumnsContainTheirExtremes() {
    assertThat(ValueGenerators.column(DataType.INT64, 1000, 0, new Random(2)))
        .contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
    assertThat(ValueGenerators.column(DataType.UINT8, 1000, 0, new Random(2)))
        .contains((short) 0, (short) 255).allMatch(value -> (Short) value >= 0 && (Short) value <= 255);
    assertThat(ValueGenerators.column(DataType.UINT32, 1000, 0, new Random(2)))
        .contains(0xFFFF_FFFFL).allMatch(value -> (Long) value >= 0 && (Long) value <= 0xFFFF_FFFFL);
  }

  @Test
  void stringColumnsContainEmptyUnicodeAndViewBoundaryStrings() {
    List<Object> strings = ValueGenerators.column(DataType.UTF8_VIEW, 3000, 0, new Random(3));
    assertThat(strings).contains("", "😀", "abcdefghijkl", "abcdefghijklm");
    // Valid UTF-16 (no lone surrogates) is exactly what survives a trip through UTF-8 unchanged.
    assertThat(strings).allMatch(value ->
        new String(((String) value).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(value));
    assertThat(strings).anyMatch(value -> ((String) value).codePoints().anyMatch(cp -> cp > 0xFFFF));
  }

  @Test
  void valuesHaveTheClassesGetObjectReturns() {
    DataType.Decimal128 decimal = new DataType.Decimal128(20, 4);
    assertThat(ValueGenerators.column(decimal, 500, 0, new Random(4)))
        .allSatisfy(value -> assertThat(((BigDecimal) value).scale()).isEqualTo(4))
        .allSatisfy(value -> assertThat(((BigDecimal) value).precision()).isLessThanOrEqualTo(20));
    var zoned = new DataType.Timestamp(dev.floe.memory.types.TimeUnit.MILLISECOND, "Asia/Kolkata");
    assertThat(ValueGenerators.column(zoned, 500, 0, new Random(4)))
        .allSatisfy(value -> assertThat(((ZonedDateTime) value).getZone()).isEqualTo(ZoneId.of("Asia/Kolkata")));
    var naive = new DataType.Timestamp(dev.floe.memory.types.TimeUnit.SECOND, null);
    assertThat(ValueGenerators.column(naive, 500, 0, new Random(4))).allMatch(LocalDateTime.class::isInstance);
  }

  @Test
  void nullDensityZeroAndOneGiveNoNullsAndAllNulls() {
    assertThat(ValueGenerators.column(DataType.UTF8, 500, 0.0, new Random(5))).doesNotContainNull();
    assertThat(ValueGenerators.column(DataType.UTF8, 500, 1.0, new Random(5))).allMatch(Objects::isNull);
  }

  @Test
  void aShorterColumnFromTheSameSeedIsAPrefix() {
    DataType type = DataType.ListType.of(DataType.UTF8);
    List<Object> longer = ValueGenerators.column(type, 100, 0.3, new Random(6));
    List<Object> shorter = ValueGenerators.column(type, 40, 0.3, new Random(6));
    assertThat(shorter).isEqualTo(longer.subList(0, 40));
  }

  @Test
  void mostSamplesAreSlices() {
    List<ColumnSample> samples = ColumnArbitraries.columns(DataType.INT32).sampleStream().limit(400).toList();
    long slices = samples.stream().filter(ColumnSample::isSlice).count();
    assertThat(slices).isBetween(240L, 360L);
    assertThat(samples).anyMatch(sample -> sample.sliceOffset() % 8 != 0);
  }

  @Test
  void batchSamplesHaveEqualLengthColumnsMatchingTheSchema() {
    ColumnArbitraries.recordBatches().sampleStream().limit(50).forEach(batch -> {
      assertThat(batch.columns()).allMatch(column -> column.length() == batch.rowCount());
      for (int index = 0; index < batch.columns().size(); index++) {
        assertThat(batch.schema().field(index).type()).isEqualTo(batch.columns().get(index).type());
      }
    });
  }
}
