package dev.floe;

import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static dev.floe.Floe.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.python.PythonBridge;
import dev.floe.ffi.python.PythonException;
import dev.floe.ffi.python.PythonOptions;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mapBatchesPython}: a numpy/pyarrow UDF over a 10M-row frame of four chunks computes what
 * Floe's own expressions compute, sees Floe's buffers (the addresses it records are the chunks'),
 * and hands its own result buffers back without a copy; UDFs taking and returning Polars frames,
 * and pandas frames (or, where the interpreter has no pandas, a clear error naming it); a raising
 * UDF becomes a {@link PythonException} whose traceback names the function and the line; a UDF
 * returning something that is not a frame fails with a message saying what it returned.
 */
@LeakChecked
class PythonUdfTest {
  private static final int CHUNKS = 4;
  private static final int CHUNK_ROWS = 2_500_000;

  private static final String NUMPY_UDF = """
      import numpy as np
      import pyarrow as pa
      import pyarrow.compute as pc

      seen = []
      produced = []

      def affine(batch):
          x = batch.column(0)
          seen.append(x.buffers()[1].address + 8 * x.offset)
          y = pa.array(x.to_numpy(zero_copy_only=True) * 2 + 1)  # x has no nulls: numpy over Floe's buffer
          z = pc.multiply(batch.column(1), 3.0)                  # w has nulls: pyarrow compute
          produced.append(y.buffers()[1].address + 8 * y.offset)
          return pa.record_batch({'y': y, 'z': z})
      """;

  private static PythonBridge python;

  @BeforeAll
  static void startPython() throws Exception {
    python = Floe.startPython(PythonOptions.of(Path.of(PolarsPython.executable())));
  }

  /** {@code x}: 0..rows-1 (int64, no nulls); {@code w}: x * 0.5, null where x % 7 == 3. */
  private static DataFrame chunked(int chunks, int chunkRows) {
    List<DataFrame> parts = new ArrayList<>();
    try {
      for (int chunk = 0; chunk < chunks; chunk++) {
        long[] x = new long[chunkRows];
        for (int row = 0; row < chunkRows; row++) {
          x[row] = (long) chunk * chunkRows + row;
        }
        try (DataFrame part = DataFrame.of(Series.ofLongs("x", x))) {
          parts.add(part.withColumns(when(col("x").mod(7).eq(3)).then(lit(null, DataType.FLOAT64))
              .otherwise(col("x").cast(DataType.FLOAT64).mul(0.5)).alias("w")));
        }
      }
      return Floe.concat(parts);
    } finally {
      parts.forEach(DataFrame::close);
    }
  }

  private static List<Long> valueAddresses(DataFrame frame, String column) {
    List<Long> addresses = new ArrayList<>();
    for (Column chunk : frame.column(column).chunks()) {
      addresses.add(chunk.buffers().get(1).address() + 8L * chunk.offset());
    }
    return addresses;
  }

  @Test
  void aNumpyUdfOverTenMillionRowsSeesFloesBuffersAndMatchesFloe() {
    try (DataFrame source = chunked(CHUNKS, CHUNK_ROWS)) {
      int references = source.column("x").chunks().getFirst().buffers().get(1).referenceCount();
      assertThat(source.height()).isEqualTo(10_000_000L);
      int chunks = source.column("x").chunks().size();
      assertThat(chunks).as("several chunks").isGreaterThanOrEqualTo(CHUNKS);
      assertThat(source.column("w").chunks()).hasSize(chunks);
      try (DataFrame mapped = source.mapBatchesPython(NUMPY_UDF, "affine");
          DataFrame expected = source.select(col("x").mul(2).add(1).alias("y"), col("w").mul(3.0).alias("z"))) {
        assertThat(mapped.schema()).isEqualTo(expected.schema());
        assertThat(mapped.column("z").nullCount()).isEqualTo(expected.column("z").nullCount()).isPositive();
        assertThat(mapped).isEqualTo(expected);
        String namespace = udfNamespace(NUMPY_UDF);
        assertThat(python.eval(namespace, "seen")).as("the UDF read Floe's chunks in place")
            .isEqualTo(valueAddresses(source, "x"));
        assertThat(python.eval(namespace, "produced")).as("Floe took the UDF's results in place")
            .isEqualTo(valueAddresses(mapped, "y"));
        python.exec(namespace, "seen.clear(); produced.clear()");
      }
      python.exec("import gc; gc.collect()");
      assertThat(source.column("x").chunks().getFirst().buffers().get(1).referenceCount()).isEqualTo(references);
      assertThat(ArrowStreamExport.liveStreams()).isZero();
    }
  }

  /** The namespace PythonFrames runs a UDF's source in. */
  private static String udfNamespace(String source) {
    return "floe_frames_udf_" + Integer.toHexString(source.hashCode());
  }

  @Test
  void aUdfMayTakeAndReturnPolarsFrames() {
    String udf = """
        import polars as pl

        def polars_in(df):
            assert isinstance(df, pl.DataFrame), type(df)
            return df.select((pl.col('x') * 10).alias('x10'), pl.col('w').fill_null(-1.0))

        def polars_out(batch):
            return pl.from_arrow(batch).select(pl.col('x').cast(pl.Int32).alias('x32'), pl.lit('k').alias('k'))
        """;
    try (DataFrame source = chunked(3, 1_000)) {
      try (DataFrame mapped = source.mapBatchesPython(udf, "polars_in", PythonFrame.POLARS);
          DataFrame expected = source.select(col("x").mul(10).alias("x10"), col("w").fillNull(-1.0))) {
        assertThat(mapped).isEqualTo(expected);
      }
      try (DataFrame mapped = source.mapBatchesPython(udf, "polars_out");
          DataFrame expected = source.select(col("x").cast(DataType.INT32).alias("x32"), lit("k").alias("k"))) {
        assertThat(mapped.height()).isEqualTo(3_000);
        assertThat(mapped.column("x32")).isEqualTo(expected.column("x32"));
        assertThat(mapped.schema().field("k").type()).as("Polars strings come back as Utf8View")
            .isEqualTo(DataType.UTF8_VIEW);
        assertThat(mapped.column("k").toList()).containsOnly("k");
      }
    }
  }

  @Test
  void aUdfMayTakeAndReturnPandasFrames() {
    boolean pandas = (Boolean) python.eval("__import__('importlib.util').util.find_spec('pandas') is not None");
    String udf = """
        def pandas_in(df):
            df['y'] = df['x'] * 2
            return df[['y']]
        """;
    try (DataFrame source = chunked(2, 500)) {
      if (pandas) {
        try (DataFrame mapped = source.mapBatchesPython(udf, "pandas_in", PythonFrame.PANDAS);
            DataFrame expected = source.select(col("x").mul(2).alias("y"))) {
          assertThat(mapped).isEqualTo(expected);
        }
      } else {
        // the project's pinned venv (scripts/python-env.sh) has no pandas: the error must say so
        PythonException failure = catchThrowableOfType(PythonException.class,
            () -> source.mapBatchesPython(udf, "pandas_in", PythonFrame.PANDAS).close());
        assertThat(failure.pythonType()).isEqualTo("ModuleNotFoundError");
        assertThat(failure.getMessage()).contains("pandas");
      }
    }
  }

  @Test
  void aRaisingUdfBecomesAPythonExceptionWithItsTraceback() {
    String udf = """
        import pyarrow as pa

        def explode(batch):
            total = batch.num_rows
            raise ValueError(f'no thanks: {total} rows')
        """;
    try (DataFrame source = chunked(2, 100)) {
      PythonException failure = catchThrowableOfType(PythonException.class,
          () -> source.mapBatchesPython(udf, "explode").close());
      assertThat(failure.pythonType()).isEqualTo("ValueError");
      assertThat(failure.pythonMessage()).isEqualTo("no thanks: 100 rows");
      assertThat(failure.pythonTraceback()).contains("line 5, in explode")
          .contains("ValueError: no thanks: 100 rows");
      assertThat(failure.kind()).isEqualTo(dev.floe.errors.FloeException.Kind.FOREIGN);
    }
  }

  @Test
  void aUdfReturningSomethingElseFailsClearly() {
    String udf = """
        def answer(batch):
            return 42

        def rows(batch):
            return batch.to_pylist()
        """;
    try (DataFrame source = chunked(1, 10)) {
      PythonException failure = catchThrowableOfType(PythonException.class,
          () -> source.mapBatchesPython(udf, "answer").close());
      assertThat(failure.pythonType()).isEqualTo("TypeError");
      assertThat(failure.pythonMessage()).contains("answer returned int").contains("expected a pyarrow Table");
      failure = catchThrowableOfType(PythonException.class, () -> source.mapBatchesPython(udf, "rows").close());
      assertThat(failure.pythonMessage()).contains("rows returned list");
      PythonException missing = catchThrowableOfType(PythonException.class,
          () -> source.mapBatchesPython(udf, "no_such_function").close());
      assertThat(missing.pythonType()).isEqualTo("NameError");
      assertThat(missing.pythonMessage()).contains("no_such_function");
    }
    python.exec("import gc; gc.collect()");
    assertThat(ArrowStreamExport.liveStreams()).isZero();
  }
}
