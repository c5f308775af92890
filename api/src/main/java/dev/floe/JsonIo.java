package dev.floe;

import dev.floe.io.json.JsonReadOptions;
import dev.floe.io.json.JsonReader;
import dev.floe.io.json.JsonWriteOptions;
import dev.floe.io.json.JsonWriter;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The glue between the eager API and the JSON reader and writer of the io module. */
final class JsonIo {
  private JsonIo() {}

  static DataFrame readJson(Path path, JsonReadOptions options) {
    try (RecordBatch batch = JsonReader.readJson(path, options, BufferAllocator.current())) {
      return FrameRowIndex.apply(DataFrame.fromBatch(batch), options.rowIndexName(), options.rowIndexOffset());
    }
  }

  /** Large files are decoded in parallel chunks: the frame's columns have one chunk each. */
  static DataFrame readNdjson(Path path, JsonReadOptions options) {
    List<RecordBatch> batches = JsonReader.readNdjsonBatches(path, options, BufferAllocator.current());
    List<DataFrame> frames = new ArrayList<>(batches.size());
    try {
      for (RecordBatch batch : batches) {
        frames.add(DataFrame.fromBatch(batch));
      }
      DataFrame frame = frames.size() == 1 ? frames.getFirst().clone() : Floe.concat(frames);
      return FrameRowIndex.apply(frame, options.rowIndexName(), options.rowIndexOffset());
    } finally {
      frames.forEach(DataFrame::close);
      batches.forEach(RecordBatch::close);
    }
  }

  static void writeJson(DataFrame frame, Path path) {
    try (RecordBatch batch = FrameExpressions.toBatch(frame)) {
      JsonWriter.writeJson(batch, path);
    }
  }

  static void writeNdjson(DataFrame frame, Path path, JsonWriteOptions options) {
    try (RecordBatch batch = FrameExpressions.toBatch(frame)) {
      JsonWriter.writeNdjson(batch, path, options);
    }
  }
}
