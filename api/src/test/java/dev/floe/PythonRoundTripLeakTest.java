package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.ffi.python.PyObjectRef;
import dev.floe.ffi.python.PythonBridge;
import dev.floe.ffi.python.PythonOptions;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.Field;
import dev.floe.testkit.LeakChecked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 10,000 round trips Floe → pyarrow.Table → Floe ({@code toPython(PYARROW)}, {@code fromPython})
 * leave nothing behind: no bytes in Floe's allocator, no live stream, pyarrow's allocator at its
 * baseline, and the process's resident memory within a small bound of what it was after a warm-up
 * of 500 rounds (a per-round leak of the C structs or capsules, or of a Python object, would grow
 * it by megabytes).
 */
@LeakChecked
class PythonRoundTripLeakTest {
  private static final String NS = "floe_python_round_trip_test";
  private static final int WARM_UP = 500;
  private static final int ROUNDS = 10_000;
  /** Bound on VmRSS growth over the 10,000 rounds. */
  private static final long RSS_BOUND_KB = 16 * 1024;

  private static PythonBridge python;

  @BeforeAll
  static void startPython() throws Exception {
    python = Floe.startPython(PythonOptions.of(Path.of(PolarsPython.executable())));
    python.exec(NS, "import gc\nimport pyarrow as pa");
  }

  private static DataFrame sample(int rows) {
    List<Object> ids = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    List<Object> lists = new ArrayList<>();
    List<Object> points = new ArrayList<>();
    List<Object> tags = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      ids.add(row % 5 == 2 ? null : (long) row);
      names.add(row % 7 == 3 ? null : "name " + row);
      lists.add(row % 4 == 1 ? null : List.of(row, row + 1));
      points.add(row % 6 == 5 ? null : Map.of("x", row * 0.5, "label", "p" + row));
      tags.add(row % 9 == 4 ? null : "tag" + row % 3);
    }
    return DataFrame.of(Series.ofList("id", DataType.INT64, ids), Series.ofList("name", DataType.UTF8, names),
        Series.ofList("list", DataType.ListType.of(DataType.INT32), lists),
        Series.ofList("point", DataType.StructType.of(Field.of("x", DataType.FLOAT64),
            Field.of("label", DataType.UTF8)), points),
        Series.ofList("tag", DataType.CATEGORICAL, tags));
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new AssertionError("no VmRSS in /proc/self/status");
  }

  private static void settle() {
    python.exec(NS, "gc.collect()");
    System.gc();
  }

  private static void roundTrip(DataFrame source, boolean check) {
    try (PyObjectRef table = source.toPython(PythonFrame.PYARROW); DataFrame back = Floe.fromPython(table)) {
      if (check) {
        assertThat(back).isEqualTo(source);
        Buffer original = source.column("id").chunks().getFirst().buffers().get(1);
        assertThat(back.column("id").chunks().getFirst().buffers().get(1).address()).isEqualTo(original.address());
      } else {
        assertThat(back.height()).isEqualTo(source.height());
      }
    }
  }

  @Test
  void tenThousandRoundTripsLeaveNoBytesAndNoRssGrowth(BufferAllocator allocator) throws IOException {
    try (DataFrame source = sample(1_000)) {
      long sourceBytes = allocator.allocatedBytes();
      List<Integer> counts = PythonTypesInteropTest.floeBuffers(source).stream().map(Buffer::referenceCount).toList();
      long pyarrowBaseline = (Long) python.eval(NS, "pa.total_allocated_bytes()");
      roundTrip(source, true);
      for (int round = 0; round < WARM_UP; round++) {
        roundTrip(source, false);
      }
      settle();
      long rssBefore = rssKb();
      long objectsBefore = (Long) python.eval(NS, "len(gc.get_objects())");
      long started = System.nanoTime();
      for (int round = 0; round < ROUNDS; round++) {
        roundTrip(source, round % 1_000 == 0);
      }
      long elapsed = System.nanoTime() - started;
      settle();
      long rssAfter = rssKb();
      long objectsAfter = (Long) python.eval(NS, "len(gc.get_objects())");
      System.out.printf("PythonRoundTripLeakTest: %,d round trips in %,d ms (%.1f us each); VmRSS %,d kB -> %,d kB "
              + "(%+,d kB); Python objects %,d -> %,d; Floe bytes %,d -> %,d; pyarrow bytes %,d -> %,d%n",
          ROUNDS, elapsed / 1_000_000, elapsed / 1e3 / ROUNDS, rssBefore, rssAfter, rssAfter - rssBefore,
          objectsBefore, objectsAfter, sourceBytes, allocator.allocatedBytes(), pyarrowBaseline,
          (Long) python.eval(NS, "pa.total_allocated_bytes()"));
      assertThat(allocator.allocatedBytes()).as("only the source's bytes").isEqualTo(sourceBytes);
      assertThat(ArrowStreamExport.liveStreams()).isZero();
      assertThat((Long) python.eval(NS, "pa.total_allocated_bytes()")).isEqualTo(pyarrowBaseline);
      assertThat(objectsAfter - objectsBefore).as("Python objects left behind").isLessThan(100);
      assertThat(rssAfter - rssBefore).as("VmRSS growth in kB").isLessThan(RSS_BOUND_KB);
      assertThat(PythonTypesInteropTest.floeBuffers(source).stream().map(Buffer::referenceCount).toList())
          .as("every export released").isEqualTo(counts);
    }
    assertThat(allocator.allocatedBytes()).as("zero bytes once the source is closed").isZero();
  }
}
