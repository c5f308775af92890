package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.FloeException;
import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.python.PyObjectRef;
import dev.floe.ffi.python.PythonBridge;
import dev.floe.ffi.python.PythonOptions;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edges of the Python hand-off: empty frames, frames of several chunks (one Arrow chunk per
 * Floe chunk, on Floe's buffers), one-shot Python streams, pandas, objects that are not frames and
 * closed references.
 */
@LeakChecked
class PythonEdgeCasesTest {
  private static final String NS = "floe_python_edge_cases_test";
  private static PythonBridge python;

  @BeforeAll
  static void startPython() throws Exception {
    python = Floe.startPython(PythonOptions.of(Path.of(PolarsPython.executable())));
    python.exec(NS, """
        import gc
        import pyarrow as pa
        import polars as pl

        def describe(table):
            return [table.num_rows, table.column_names, [str(t) for t in table.schema.types],
                    table.column(0).num_chunks,
                    [c.buffers()[1].address + c.offset * 8 for c in table.column(0).chunks]]
        """);
  }

  @AfterEach
  void collect() {
    python.exec(NS, "gc.collect()");
    assertThat(ArrowStreamExport.liveStreams()).isZero();
  }

  @Test
  void theRunningBridgeIsFloesBridge() {
    assertThat(Floe.python()).isSameAs(python);
    assertThat(python.pythonVersion()).startsWith("3.");
  }

  @Test
  void anEmptyFrameKeepsItsSchemaBothWays() {
    try (DataFrame empty = DataFrame.of(Series.of("i", DataType.INT64), Series.of("s", DataType.UTF8));
        PyObjectRef table = empty.toPython(PythonFrame.PYARROW);
        DataFrame back = Floe.fromPython(table)) {
      assertThat(empty.height()).isZero();
      List<?> described = (List<?>) python.callIn(NS, "describe", table);
      assertThat(described.get(0)).isEqualTo(0L);
      assertThat(described.get(1)).isEqualTo(List.of("i", "s"));
      assertThat(described.get(2)).isEqualTo(List.of("int64", "string"));
      assertThat(back.schema()).isEqualTo(empty.schema());
      assertThat(back.height()).isZero();
    }
    try (PyObjectRef polars = python.evalRef(NS, "pl.DataFrame({'a': pl.Series([], dtype=pl.Int16)})");
        DataFrame back = Floe.fromPython(polars)) {
      assertThat(back.height()).isZero();
      assertThat(back.schema().field("a").type()).isEqualTo(DataType.INT16);
    }
  }

  @Test
  void aChunkedFrameBecomesAChunkedTableOnFloesBuffers() {
    try (DataFrame first = DataFrame.of(Series.ofLongs("x", 1, 2, 3)); DataFrame second =
            DataFrame.of(Series.ofLongs("x", 4, 5)); DataFrame third = DataFrame.of(Series.ofLongs("x", 6));
        DataFrame source = Floe.concat(first, second, third)) {
      List<Long> addresses = new ArrayList<>();
      for (Column chunk : source.column("x").chunks()) {
        addresses.add(chunk.buffers().get(1).address() + 8L * chunk.offset());
      }
      try (PyObjectRef table = source.toPython(PythonFrame.PYARROW)) {
        List<?> described = (List<?>) python.callIn(NS, "describe", table);
        assertThat(described.get(0)).isEqualTo(6L);
        assertThat(described.get(3)).isEqualTo(3L);
        assertThat(described.get(4)).isEqualTo(addresses);
        try (DataFrame back = Floe.fromPython(table)) {
          assertThat(back).isEqualTo(source);
          assertThat(back.column("x").chunks()).hasSize(3);
        }
      }
      try (PyObjectRef frame = source.toPython(PythonFrame.POLARS)) {
        assertThat(python.callMethod(frame, "n_chunks")).isEqualTo(3L);
        assertThat(python.callIn(NS, "lambda df: df['x'].sum()", frame)).isEqualTo(21L);
      }
    }
  }

  @Test
  void aOneShotPythonStreamIsReadOnceThenEmpty() {
    try (PyObjectRef reader = python.evalRef(NS,
        "pa.RecordBatchReader.from_batches(pa.schema([('v', pa.int32())]), "
            + "[pa.record_batch({'v': pa.array([1, 2], pa.int32())}), pa.record_batch({'v': pa.array([3], pa.int32())})])")) {
      try (DataFrame frame = Floe.fromPython(reader)) {
        assertThat(frame.column("v").toList()).containsExactly(1, 2, 3);
        assertThat(frame.column("v").chunks()).hasSize(2);
      }
      try (DataFrame again = Floe.fromPython(reader)) { // pyarrow hands out its exhausted reader again
        assertThat(again.height()).isZero();
        assertThat(again.schema().field("v").type()).isEqualTo(DataType.INT32);
      }
    }
  }

  @Test
  void pandasFramesGoBothWaysOrFailNamingPandas() {
    boolean pandas = (Boolean) python.eval("__import__('importlib.util').util.find_spec('pandas') is not None");
    try (DataFrame source = DataFrame.of(Series.of("i", DataType.INT64, 1L, null, 3L),
        Series.of("s", DataType.UTF8, "a", "b", null))) {
      if (pandas) {
        try (PyObjectRef frame = source.toPython(PythonFrame.PANDAS)) {
          assertThat(python.callIn(NS, "lambda df: type(df).__module__.split('.')[0]", frame)).isEqualTo("pandas");
          assertThat(python.callIn(NS, "lambda df: int(df['i'].isna().sum())", frame)).isEqualTo(1L);
          try (DataFrame back = Floe.fromPython(frame)) {
            assertThat(back.column("s").toList()).containsExactly("a", "b", null);
            // pyarrow's to_pandas(): an int64 column with nulls becomes float64 with NaN, null again on the way back
            assertThat(back.schema().field("i").type()).isEqualTo(DataType.FLOAT64);
            assertThat(back.column("i").toList()).containsExactly(1.0, null, 3.0);
          }
        }
      } else {
        assertThatThrownBy(() -> source.toPython(PythonFrame.PANDAS).close())
            .isInstanceOf(dev.floe.ffi.python.PythonException.class).hasMessageContaining("pandas");
      }
    }
  }

  @Test
  void anObjectThatIsNotAFrameOrAClosedReferenceFailsClearly() {
    try (PyObjectRef number = python.evalRef(NS, "42")) {
      assertThatThrownBy(() -> Floe.fromPython(number).close()).isInstanceOf(FloeException.class)
          .hasMessageContaining("__arrow_c_stream__");
    }
    PyObjectRef closed;
    try (DataFrame source = DataFrame.of(Series.ofLongs("x", 1))) {
      closed = source.toPython(PythonFrame.PYARROW);
    }
    closed.close();
    assertThatThrownBy(() -> Floe.fromPython(closed).close()).isInstanceOf(FloeException.class)
        .hasMessageContaining("closed");
  }
}
