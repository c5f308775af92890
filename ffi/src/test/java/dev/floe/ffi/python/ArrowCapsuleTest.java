package dev.floe.ffi.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrowCapsuleTest {
  private final PythonBridge bridge = TestPython.bridge();

  @BeforeEach
  void importLibraries() {
    bridge.exec("import gc, sys\nimport pyarrow as pa\nimport polars as pl\n"
        + "def arrow_bytes():\n    gc.collect()\n    return pa.total_allocated_bytes()\n"
        + "def sample(n):\n    return pa.table({'id': pa.array(range(n), pa.int64()),"
        + " 'name': pa.array([None if i % 3 == 0 else 'n%d' % i for i in range(n)], pa.string())})\n");
  }

  @AfterEach
  void noCapsuleDestructorFailed() {
    assertThat(PythonRuntime.start(PythonOptions.of(TestPython.executable())).capsules.destructorFailures()).isZero();
  }

  @Test
  void takesAStreamFromPyarrowAndReadsItInJava() {
    long baseline = (Long) bridge.call("arrow_bytes");
    PyObjectRef table = bridge.callRef("sample", 1000);
    bridge.exec("holder = []");
    bridge.call("holder.append", table);
    long references = (Long) bridge.eval("sys.getrefcount(holder[0])");
    assertThat((Long) bridge.call("arrow_bytes")).isGreaterThan(baseline);
    MemorySegment stream = bridge.takeArrowStream(table);
    table.close();
    try {
      assertThat(ArrowStreamCalls.isLive(stream, CapsuleStructs.STREAM_RELEASE)).isTrue();
      MemorySegment schema = ArrowStreamCalls.getSchema(stream);
      assertThat(ArrowStreamCalls.format(schema)).isEqualTo("+s");
      assertThat(ArrowStreamCalls.childNames(schema)).containsExactly("id:l", "name:u");
      MemorySegment first = ArrowStreamCalls.getNext(stream);
      assertThat(ArrowStreamCalls.isLive(first, CapsuleStructs.ARRAY_RELEASE)).isTrue();
      assertThat(ArrowStreamCalls.length(first)).isEqualTo(1000);
      MemorySegment end = ArrowStreamCalls.getNext(stream);
      assertThat(ArrowStreamCalls.isLive(end, CapsuleStructs.ARRAY_RELEASE)).isFalse();
      new ArrowArrayStructs(schema, first).releaseAndFree();
      CapsuleStructs.free(end);
    } finally {
      CapsuleStructs.releaseAndFree(stream, CapsuleStructs.STREAM_RELEASE);
    }
    // the stream held the table; released, only the Python list refers to it again
    assertThat((Long) bridge.eval("sys.getrefcount(holder[0])")).isEqualTo(references - 1);
    bridge.exec("del holder");
    assertThat((Long) bridge.call("arrow_bytes")).isEqualTo(baseline);
  }

  @Test
  void aStreamHandedBackIsReadByPyarrowAndPolars() {
    String[] readers = {
      "lambda o: pa.table(o).to_pydict()",
      "lambda o: pa.RecordBatchReader.from_stream(o).read_all().to_pydict()",
      "lambda o: pl.DataFrame(o).to_dict(as_series=False)",
    };
    Map<String, List<Object>> expected =
        Map.of("id", List.of(0L, 1L, 2L, 3L), "name", Arrays.asList(null, "n1", "n2", null));
    for (String reader : readers) {
      try (PyObjectRef wrapped = takeAndWrap(4)) {
        assertThat(bridge.call(reader, wrapped)).as(reader).isEqualTo(expected);
        assertThatThrownBy(() -> bridge.call("pa.table", wrapped)).isInstanceOf(PythonException.class)
            .hasMessageContaining("already consumed");
      }
    }
  }

  @Test
  void roundTripsManyTimesWithoutLeaksOrDoubleFrees() {
    long baseline = (Long) bridge.call("arrow_bytes");
    for (int warmup = 0; warmup < 50; warmup++) {
      roundTrip(warmup);
    }
    long rss = ArrowStreamCalls.residentBytes();
    for (int i = 0; i < 1000; i++) {
      roundTrip(i);
    }
    long growth = ArrowStreamCalls.residentBytes() - rss;
    assertThat(growth).as("RSS growth over 1,000 round trips").isLessThan(64L << 20);
    assertThat((Long) bridge.call("arrow_bytes")).isEqualTo(baseline);
  }

  private void roundTrip(int i) {
    try (PyObjectRef wrapped = takeAndWrap(100)) {
      switch (i % 3) {
        case 0 -> assertThat(bridge.call("lambda o: pa.table(o).num_rows", wrapped)).isEqualTo(100L);
        case 1 -> assertThat(bridge.call("lambda o: pl.DataFrame(o).height", wrapped)).isEqualTo(100L);
        default -> { } // never consumed: closing the wrapper releases the stream through the capsule
      }
    }
  }

  private PyObjectRef takeAndWrap(int rows) {
    MemorySegment stream;
    try (PyObjectRef table = bridge.callRef("sample", rows)) {
      stream = bridge.takeArrowStream(table);
    }
    return bridge.wrapArrowStream(stream);
  }

  @Test
  void movesArraysBothWays() {
    long baseline = (Long) bridge.call("arrow_bytes");
    ArrowArrayStructs structs;
    try (PyObjectRef batch = bridge.evalRef("pa.record_batch({'a': [1, 2, 3], 'b': ['x', None, 'z']})")) {
      structs = bridge.takeArrowArray(batch);
    }
    assertThat(ArrowStreamCalls.format(structs.schema())).isEqualTo("+s");
    assertThat(ArrowStreamCalls.childNames(structs.schema())).containsExactly("a:l", "b:u");
    assertThat(ArrowStreamCalls.length(structs.array())).isEqualTo(3);
    try (PyObjectRef wrapped = bridge.wrapArrowArray(structs.schema(), structs.array())) {
      assertThat(bridge.call("lambda o: pa.record_batch(o).to_pydict()", wrapped))
          .isEqualTo(Map.of("a", List.of(1L, 2L, 3L), "b", Arrays.asList("x", null, "z")));
    }
    try (PyObjectRef batch = bridge.evalRef("pa.record_batch({'a': [7]})")) {
      ArrowArrayStructs again = bridge.takeArrowArray(batch);
      try (PyObjectRef wrapped = bridge.wrapArrowArray(again.schema(), again.array())) {
        assertThat(bridge.call("lambda o: pl.DataFrame(o).to_dict(as_series=False)", wrapped))
            .isEqualTo(Map.of("a", List.of(7L)));
      }
    }
    try (PyObjectRef batch = bridge.evalRef("pa.record_batch({'a': [7]})")) {
      ArrowArrayStructs unused = bridge.takeArrowArray(batch);
      bridge.wrapArrowArray(unused.schema(), unused.array()).close(); // released by the capsules
    }
    assertThat((Long) bridge.call("arrow_bytes")).isEqualTo(baseline);
  }

  @Test
  void movesSchemasBothWays() {
    MemorySegment schema;
    try (PyObjectRef source = bridge.evalRef("pa.schema([('a', pa.int64()), ('b', pa.list_(pa.string()))])")) {
      schema = bridge.takeArrowSchema(source);
    }
    assertThat(ArrowStreamCalls.format(schema)).isEqualTo("+s");
    assertThat(ArrowStreamCalls.childNames(schema)).containsExactly("a:l", "b:+l");
    try (PyObjectRef wrapped = bridge.wrapArrowSchema(schema)) {
      assertThat(bridge.call("lambda o: pa.schema(o) == pa.schema([('a', pa.int64()), ('b', pa.list_(pa.string()))])",
          wrapped)).isEqualTo(true);
      assertThatThrownBy(() -> bridge.call("pa.schema", wrapped)).isInstanceOf(PythonException.class)
          .hasMessageContaining("already consumed");
    }
    try (PyObjectRef source = bridge.evalRef("pa.schema([('x', pa.float64())])")) {
      bridge.wrapArrowSchema(bridge.takeArrowSchema(source)).close(); // released by the capsule
    }
  }

  @Test
  void objectsWithoutTheProtocolGiveAPythonError() {
    try (PyObjectRef notArrow = bridge.evalRef("object()")) {
      assertThatThrownBy(() -> bridge.takeArrowStream(notArrow)).isInstanceOf(PythonException.class)
          .hasMessageContaining("AttributeError").hasMessageContaining("__arrow_c_stream__");
      assertThatThrownBy(() -> bridge.takeArrowArray(notArrow)).isInstanceOf(PythonException.class)
          .hasMessageContaining("__arrow_c_array__");
    }
  }
}
