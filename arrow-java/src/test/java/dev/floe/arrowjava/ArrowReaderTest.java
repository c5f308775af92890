package dev.floe.arrowjava;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.DataFrame;
import dev.floe.Floe;
import dev.floe.LazyFrame;
import dev.floe.errors.FloeException;
import dev.floe.ffi.cdata.ArrowStreamExport;
import dev.floe.memory.Buffer;
import dev.floe.testkit.LeakChecked;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Floe frames and queries as Arrow Java {@link ArrowReader}s (one batch per chunk) and readers as
 * Floe frames, through the C Stream Interface: equal values, the same buffers, every stream
 * released.
 */
@LeakChecked
class ArrowReaderTest {
  private RootAllocator arrow;

  @BeforeEach
  void openArrow() {
    arrow = new RootAllocator();
  }

  @AfterEach
  void closeArrow() {
    arrow.close();
    assertThat(ArrowStreamExport.liveStreams()).as("every Floe stream released").isZero();
  }

  @Test
  void aChunkedFrameReadsAsOneBatchPerChunkOverFloesBuffers() throws IOException {
    try (DataFrame first = Samples.allTypes(0, 300); DataFrame second = Samples.allTypes(300, 200);
        DataFrame third = Samples.allTypes(500, 7); DataFrame source = Floe.concat(first, second, third);
        ArrowReader reader = ArrowJava.toArrowReader(source, arrow)) {
      List<DataFrame> parts = List.of(first, second, third);
      int batch = 0;
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        assertThat(root.getRowCount()).isEqualTo((int) parts.get(batch).height());
        try (DataFrame loaded = ArrowJava.fromVectorSchemaRoot(root, reader)) {
          assertThat(loaded).isEqualTo(parts.get(batch));
          assertThat(Samples.floeAddresses(loaded, 0)).containsAll(Samples.floeAddresses(source, batch));
        }
        batch++;
      }
      assertThat(batch).isEqualTo(3);
    }
  }

  @Test
  void aReaderOfAFloeFrameComesBackAsTheSameFrameOnTheSameBuffers() {
    // Floe's stream import (Arrow Java or not) puts the chunks of a categorical column on one new
    // dictionary: the indices stay where they are when each chunk lists its values in the same
    // order, as these parts do (else they are remapped, a copy)
    try (DataFrame first = Samples.allTypes(0, 66); DataFrame second = Samples.allTypes(66, 65);
        DataFrame source = Floe.concat(first, second);
        DataFrame back = ArrowJava.fromArrowReader(ArrowJava.toArrowReader(source, arrow))) {
      assertThat(back).isEqualTo(source);
      assertThat(back.column("id").chunks()).hasSize(2);
      for (int chunk = 0; chunk < 2; chunk++) {
        for (String name : source.columns()) {
          List<Long> expected = Samples.floeAddresses(source.column(name), chunk);
          if (name.equals("tag")) {
            expected = expected.subList(0, 2); // validity and indices; the dictionary is Floe's copy
          }
          assertThat(Samples.floeAddresses(back.column(name), chunk)).as(name + " chunk " + chunk)
              .containsAll(expected);
        }
      }
    }
  }

  @Test
  void aQueryRunsWhenTheReaderLoadsAndItsSlicesCrossCorrectly() throws IOException {
    try (DataFrame source = Samples.allTypes(0, 5_000)) {
      LazyFrame query = source.lazy().filter(col("id").gt(100))
          .select(col("id").mul(2).alias("twice"), col("name"), col("tag"), col("point")).slice(7, 2_000);
      ArrowReader reader = ArrowJava.toArrowReader(query, arrow);
      assertThat(reader.getVectorSchemaRoot().getSchema().getFields()).extracting(field -> field.getName())
          .containsExactly("twice", "name", "tag", "point");
      // fromArrowReader closes the reader (closing an ArrowArrayStreamReader twice throws)
      try (DataFrame streamed = ArrowJava.fromArrowReader(reader); DataFrame expected = query.collect()) {
        assertThat(streamed).isEqualTo(expected);
      }
    }
  }

  @Test
  void theFrameMayBeClosedBeforeTheReaderLoadsItsFirstBatch() throws IOException {
    ArrowReader reader;
    try (DataFrame source = Samples.allTypes(0, 200)) {
      reader = ArrowJava.toArrowReader(source, arrow);
    }
    try (reader; DataFrame expected = Samples.allTypes(0, 200)) {
      assertThat(reader.loadNextBatch()).isTrue();
      try (DataFrame loaded = ArrowJava.fromVectorSchemaRoot(reader.getVectorSchemaRoot(), reader)) {
        assertThat(loaded).isEqualTo(expected);
      }
      assertThat(reader.loadNextBatch()).isFalse();
    }
  }

  @Test
  void floesReleaseRunsOnceWhenTheReaderIsClosed() throws IOException {
    try (DataFrame source = Samples.allTypes(0, 100)) {
      Buffer names = source.column("name").chunks().getFirst().buffers().get(2);
      ArrowReader reader = ArrowJava.toArrowReader(source, arrow);
      assertThat(names.referenceCount()).as("the stream's own share").isEqualTo(2);
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(reader.getVectorSchemaRoot().getVector("name").getDataBufferAddress()).isEqualTo(names.address());
      assertThat(names.referenceCount()).as("the share and the batch").isEqualTo(3);
      reader.close();
      assertThat(names.referenceCount()).isEqualTo(1);
      assertThat(arrow.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void aSlicedFrameStreamsItsOwnRows() {
    try (DataFrame whole = Samples.allTypes(0, 1_000); DataFrame slice = whole.slice(333, 111);
        DataFrame back = ArrowJava.fromArrowReader(ArrowJava.toArrowReader(slice, arrow))) {
      assertThat(back).isEqualTo(slice);
    }
  }

  @Test
  void anArrowJavaIpcReaderBecomesAFrame() {
    byte[] ipc = NativeRoots.ipc(arrow, 100, 0, 257);
    try (DataFrame frame = ArrowJava.fromArrowReader(new ArrowStreamReader(new ByteArrayInputStream(ipc), arrow));
        DataFrame expected = NativeRoots.expected(0, 357)) {
      assertThat(frame).isEqualTo(expected);
      assertThat(arrow.getAllocatedMemory()).as("the IPC batches are Floe's now").isPositive();
    }
  }

  @Test
  void aReaderOfATypeFloeDoesNotHaveFailsClosedAndWithoutLeaks() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (Float2Vector halves = new Float2Vector("half", arrow)) {
      halves.allocateNew(4);
      halves.setValueCount(4);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(halves);
          ArrowStreamWriter writer = new ArrowStreamWriter(root, null, bytes)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    }
    ArrowReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes.toByteArray()), arrow);
    assertThatThrownBy(() -> ArrowJava.fromArrowReader(reader))
        .isInstanceOf(FloeException.class).hasMessageContaining("half");
  }
}
