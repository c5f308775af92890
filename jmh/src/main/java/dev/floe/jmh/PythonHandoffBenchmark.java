package dev.floe.jmh;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.PythonFrame;
import dev.floe.Series;
import dev.floe.ffi.python.PyObjectRef;
import dev.floe.ffi.python.PythonBridge;
import dev.floe.ffi.python.PythonOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 10M-row int64 frame handed to pyarrow in the same process ({@code toPython(PYARROW)}: a C
 * stream wrapped in a PyCapsule, read into a {@code pyarrow.Table} over Floe's buffers) and summed
 * there with {@code pyarrow.compute.sum}, against the same sum on a table already in Python. The
 * difference is the hand-off, independent of the rows (no data is copied); the target is {@link
 * #handOffAndSum} under {@link #sumInPython} + 2 ms. Setup checks both sums and that the table
 * sits on Floe's buffer.
 *
 * <p>Python: {@code -Dfloe.polars.python} (see {@link BenchPython}); JMH's {@code -jvmArgsAppend}
 * replaces the fork's flags, so pass them all: {@code -jvmArgsAppend "--add-modules=jdk.incubator.vector
 * --enable-native-access=ALL-UNNAMED -Dfloe.polars.python=.venv/bin/python"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PythonHandoffBenchmark {
  private static final int ROWS = 10_000_000;
  private static final String NS = "floe_python_handoff_benchmark";

  private PythonBridge python;
  private DataFrame frame;
  private PyObjectRef resident;
  private long expected;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    python = Floe.startPython(PythonOptions.of(Path.of(BenchPython.executable())));
    python.exec(NS, """
        import pyarrow as pa
        import pyarrow.compute as pc

        def total(table):
            return pc.sum(table.column(0)).as_py()

        def values_address(table):
            chunk = table.column(0).chunk(0)
            return chunk.buffers()[1].address
        """);
    long[] values = new long[ROWS];
    for (int row = 0; row < ROWS; row++) {
      values[row] = row;
    }
    frame = DataFrame.of(Series.ofLongs("x", values));
    expected = (long) ROWS * (ROWS - 1) / 2;
    resident = frame.toPython(PythonFrame.PYARROW);
    long floeAddress = frame.column("x").chunks().getFirst().buffers().get(1).address();
    Object pythonAddress = python.callIn(NS, "values_address", resident);
    if (!Long.valueOf(floeAddress).equals(pythonAddress)) {
      throw new IllegalStateException("pyarrow's table is not on Floe's buffer: " + pythonAddress + " vs " + floeAddress);
    }
    long first = handOffAndSum();
    long second = sumInPython();
    if (first != expected || second != expected) {
      throw new IllegalStateException("sums " + first + ", " + second + "; expected " + expected);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    resident.close();
    python.exec(NS, "import gc; gc.collect()");
    int references = frame.column("x").chunks().getFirst().buffers().get(1).referenceCount();
    frame.close();
    if (references != 1) {
      throw new IllegalStateException("Python still holds " + (references - 1) + " reference(s) to the frame");
    }
  }

  /** (a) Hand the frame to pyarrow and sum it there; the table is dropped with its reference. */
  @Benchmark
  public long handOffAndSum() {
    try (PyObjectRef table = frame.toPython(PythonFrame.PYARROW)) {
      return (Long) python.callIn(NS, "total", table);
    }
  }

  /** The hand-off alone: export, wrap, read into a pyarrow.Table, drop it (the releases run). */
  @Benchmark
  public long handOffOnly() {
    try (PyObjectRef table = frame.toPython(PythonFrame.PYARROW)) {
      return table.isClosed() ? 0 : 1;
    }
  }

  /** (b) The same sum on a table already in Python: the peer of (a). */
  @Benchmark
  public long sumInPython() {
    return (Long) python.callIn(NS, "total", resident);
  }
}
