package dev.floe;

import dev.floe.errors.InvalidOperationException;
import dev.floe.ffi.cdata.ArrowStructs;
import dev.floe.ffi.cdata.CDataExporter;
import dev.floe.ffi.python.PyObjectRef;
import dev.floe.ffi.python.PythonBridge;
import dev.floe.ffi.python.PythonOptions;
import dev.floe.memory.column.RecordBatch;
import java.io.File;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames handed to and from CPython in this process ({@code ffi.python}) through the Arrow
 * PyCapsule protocol: {@link DataFrame#toPython}, {@link Floe#fromPython} and {@link
 * DataFrame#mapBatchesPython}. Python sees Floe's buffers (a C stream or a C array per batch) and
 * Floe sees Python's, with no serialization.
 */
final class PythonFrames {
  /** The bridge's namespace for the helpers below. */
  private static final String NAMESPACE = "floe_frames";
  private static final String HELPERS = """
      import pyarrow as pa

      def as_frame(source, kind):
          if kind == "pyarrow":
              return pa.table(source)
          if kind == "polars":
              import polars as pl
              return pl.DataFrame(source)
          return pa.table(source).to_pandas()

      def as_batch(source, kind):
          batch = pa.record_batch(source)
          if kind == "pyarrow":
              return batch
          if kind == "polars":
              import polars as pl
              return pl.from_arrow(batch)
          return batch.to_pandas()

      def as_stream(result, function):
          if isinstance(result, pa.RecordBatch):
              return pa.Table.from_batches([result])
          if hasattr(result, "__arrow_c_stream__"):
              return result
          if hasattr(result, "__arrow_c_array__"):
              return pa.Table.from_batches([pa.record_batch(result)])
          try:
              import pandas
              if isinstance(result, pandas.DataFrame):
                  return pa.Table.from_pandas(result, preserve_index=False)
          except ImportError:
              pass
          raise TypeError(f"{function} returned {type(result).__name__}; expected a pyarrow Table or "
                          "RecordBatch, a polars DataFrame, a pandas DataFrame or any object with "
                          "__arrow_c_stream__ or __arrow_c_array__")

      def map_batch(function, source, kind):
          return as_stream(function(as_batch(source, kind)), function.__name__)
      """;

  private static volatile PythonBridge helpersReady;

  private PythonFrames() {}

  /** The running bridge, else one started on {@link #defaultPython()}; with the helpers loaded. */
  static PythonBridge bridge() {
    PythonBridge bridge;
    try {
      bridge = PythonBridge.get();
    } catch (InvalidOperationException notStarted) {
      bridge = PythonBridge.start(PythonOptions.of(defaultPython()));
    }
    if (helpersReady != bridge) {
      synchronized (PythonFrames.class) {
        if (helpersReady != bridge) {
          bridge.exec(NAMESPACE, HELPERS);
          helpersReady = bridge;
        }
      }
    }
    return bridge;
  }

  /**
   * The python to start when none runs: {@code -Dfloe.python}, else {@code FLOE_PYTHON}, else
   * {@code python3} on the {@code PATH}. A venv's python brings that venv's packages.
   */
  static Path defaultPython() {
    String configured = System.getProperty("floe.python", System.getenv("FLOE_PYTHON"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "python3");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new InvalidOperationException("no Python to start: set -Dfloe.python or FLOE_PYTHON to a python "
        + "executable (a venv's python for its packages), or put python3 on the PATH, or call "
        + "Floe.startPython(PythonOptions.of(path)) first");
  }

  static PyObjectRef toPython(DataFrame frame, PythonFrame kind) {
    PythonBridge bridge = bridge();
    MemorySegment stream = ArrowStructs.allocateStream();
    try {
      ArrowInterop.exportStream(frame, stream);
    } catch (RuntimeException failure) {
      ArrowStructs.free(stream);
      throw failure;
    }
    try (PyObjectRef source = bridge.wrapArrowStream(stream)) { // the bridge owns the struct now
      return bridge.callRefIn(NAMESPACE, "as_frame", source, kind.pythonName());
    }
  }

  static DataFrame fromPython(PyObjectRef frame) {
    MemorySegment stream = bridge().takeArrowStream(frame);
    try {
      return ArrowInterop.importStream(stream);
    } finally {
      ArrowStructs.free(stream); // moved out by the import (or released by it on failure)
    }
  }

  static DataFrame mapBatches(DataFrame frame, String source, String function, PythonFrame kind) {
    PythonBridge bridge = bridge();
    String namespace = NAMESPACE + "_udf_" + Integer.toHexString(source.hashCode());
    bridge.exec(namespace, source);
    List<DataFrame> parts = new ArrayList<>();
    List<RecordBatch> batches = new ArrayList<>();
    try (PyObjectRef udf = bridge.evalRef(namespace, function)) {
      batches.addAll(FrameBatches.of(frame));
      for (int index = 0; index < batches.size(); index++) {
        try (RecordBatch batch = batches.set(index, null)) { // a failure closes the batches not mapped yet
          parts.add(mapBatch(bridge, udf, batch, kind));
        }
      }
      if (parts.isEmpty()) {
        return DataFrame.empty(); // a frame with no columns and no rows has no batch to map
      }
      return parts.size() == 1 ? parts.removeFirst() : Floe.concat(parts);
    } finally {
      for (RecordBatch batch : batches) {
        if (batch != null) {
          batch.close();
        }
      }
      parts.forEach(DataFrame::close);
    }
  }

  private static DataFrame mapBatch(PythonBridge bridge, PyObjectRef udf, RecordBatch batch, PythonFrame kind) {
    MemorySegment schema = ArrowStructs.allocateSchema();
    MemorySegment array = ArrowStructs.allocateArray();
    try {
      CDataExporter.exportBatch(batch, array, schema);
    } catch (RuntimeException failure) {
      ArrowStructs.free(schema);
      ArrowStructs.free(array);
      throw failure;
    }
    try (PyObjectRef input = bridge.wrapArrowArray(schema, array);
        PyObjectRef result = bridge.callRefIn(NAMESPACE, "map_batch", udf, input, kind.pythonName())) {
      return fromPython(result);
    }
  }
}
