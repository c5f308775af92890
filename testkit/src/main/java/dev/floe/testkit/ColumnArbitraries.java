package dev.floe.testkit;

import static dev.floe.testkit.DataTypeArbitraries.weighted;

import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.memory.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of column contents, columns and record batches for every {@link DataType}.
 *
 * <ul>
 *   <li>Lengths favour the word and vector boundaries {@link #SPECIAL_LENGTHS}, then random ones.
 *   <li>Null density is none, all, or random in between.
 *   <li>Values are those {@code Column.getObject} returns for the type, with edge values mixed in
 *       (see {@link ValueGenerators}); about three columns in four are slices, most at a
 *       non-zero offset.
 *   <li>Values are drawn from a seed, so shrinking a failing column shortens it to a prefix.
 * </ul>
 *
 * <p>Types come from {@link DataTypeArbitraries}.
 */
public final class ColumnArbitraries {
  /** Lengths around 8-bit, 64-bit and vector boundaries, as the kernel property tests use. */
  public static final List<Integer> SPECIAL_LENGTHS = List.of(0, 1, 7, 8, 63, 64, 65, 1023, 4098);

  private ColumnArbitraries() {}

  /** Column lengths: a special length, a short random one, or (rarely) up to 5000. */
  public static Arbitrary<Integer> lengths() {
    return Arbitraries.frequencyOf(List.of(
        weighted(4, Arbitraries.of(SPECIAL_LENGTHS)),
        weighted(3, Arbitraries.integers().between(0, 200)),
        weighted(1, Arbitraries.integers().between(0, 5000))));
  }

  /** The fraction of null values: 0, 1, or random in between (sometimes very sparse). */
  public static Arbitrary<Double> nullDensities() {
    return Arbitraries.frequencyOf(List.of(
        weighted(3, Arbitraries.just(0.0)),
        weighted(1, Arbitraries.just(1.0)),
        weighted(1, Arbitraries.doubles().between(0.0, 0.02)),
        weighted(3, Arbitraries.doubles().between(0.0, 1.0))));
  }

  /** Lists of values of {@code type} (nulls included), as {@code getObject} returns them. */
  public static Arbitrary<List<Object>> values(DataType type) {
    return values(type, lengths());
  }

  /** Lists of values of {@code type} with lengths from {@code lengths}. */
  public static Arbitrary<List<Object>> values(DataType type, Arbitrary<Integer> lengths) {
    return Combinators.combine(lengths, nullDensities(), seeds())
        .as((length, density, seed) -> ValueGenerators.column(type, length, density, new Random(seed)));
  }

  /** Columns of {@code type}, about three in four of them slices of a larger column. */
  public static Arbitrary<ColumnSample> columns(DataType type) {
    return columns(type, lengths());
  }

  /** Columns of {@code type} with lengths from {@code lengths}. */
  public static Arbitrary<ColumnSample> columns(DataType type, Arbitrary<Integer> lengths) {
    return Combinators.combine(values(type, lengths), paddings(), paddings(), seeds())
        .as((values, before, after, seed) -> {
          Random random = new Random(seed);
          double density = random.nextBoolean() ? 0.0 : random.nextDouble();
          return new ColumnSample(type, values,
              ValueGenerators.column(type, before, density, random),
              ValueGenerators.column(type, after, density, random));
        });
  }

  /** Columns of any type from {@link DataTypeArbitraries#dataTypes()}. */
  public static Arbitrary<ColumnSample> columns() {
    return DataTypeArbitraries.dataTypes().flatMap(ColumnArbitraries::columns);
  }

  /** Columns of non-nested types only. */
  public static Arbitrary<ColumnSample> leafColumns() {
    return DataTypeArbitraries.leafTypes().flatMap(ColumnArbitraries::columns);
  }

  /** Batches of 1 to 5 columns of random types named c0, c1, ..., all with the same row count. */
  public static Arbitrary<BatchSample> recordBatches() {
    return recordBatches(DataTypeArbitraries.dataTypes());
  }

  /** Batches whose column types come from {@code types}. */
  public static Arbitrary<BatchSample> recordBatches(Arbitrary<DataType> types) {
    return Combinators.combine(types.list().ofMinSize(1).ofMaxSize(5), lengths())
        .flatAs((columnTypes, rowCount) -> {
          List<Arbitrary<ColumnSample>> columns = new ArrayList<>(columnTypes.size());
          List<Field> fields = new ArrayList<>(columnTypes.size());
          for (int index = 0; index < columnTypes.size(); index++) {
            columns.add(columns(columnTypes.get(index), Arbitraries.just(rowCount)));
            fields.add(Field.of("c" + index, columnTypes.get(index)));
          }
          Schema schema = new Schema(fields);
          return Combinators.combine(columns).as(samples -> new BatchSample(schema, samples, rowCount));
        });
  }

  /** Values before or after a slice: none (not a slice), a boundary count, or random. */
  private static Arbitrary<Integer> paddings() {
    return Arbitraries.frequencyOf(List.of(
        weighted(4, Arbitraries.just(0)),
        weighted(3, Arbitraries.of(1, 3, 7, 8, 9, 63, 64, 65)),
        weighted(1, Arbitraries.integers().between(0, 200))));
  }

  private static Arbitrary<Long> seeds() {
    return Arbitraries.longs().withoutEdgeCases();
  }
}
