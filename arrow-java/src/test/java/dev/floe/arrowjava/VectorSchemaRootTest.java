package dev.floe.arrowjava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.DataFrame;
import dev.floe.Series;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Floe frames as Arrow Java {@link VectorSchemaRoot}s and back: equal values, the same buffers on
 * both sides, and Floe's release run once, after Arrow Java closed everything over it. Each test
 * has its own {@link RootAllocator}, which throws on close if Arrow Java still holds memory.
 */
@LeakChecked
class VectorSchemaRootTest {
  private RootAllocator arrow;

  @BeforeEach
  void openArrow() {
    arrow = new RootAllocator();
  }

  @AfterEach
  void closeArrow() {
    arrow.close();
  }

  @Test
  void aFrameBecomesARootOverFloesBuffers() {
    try (DataFrame source = Samples.allTypes(0, 1_000); ArrowJavaFrame view = ArrowJava.toArrowJava(source, arrow)) {
      VectorSchemaRoot root = view.root();
      assertThat(root.getRowCount()).isEqualTo(1_000);
      assertThat(root.getSchema().getFields()).extracting(field -> field.getName())
          .containsExactlyElementsOf(source.columns());
      BigIntVector ids = (BigIntVector) root.getVector("id");
      VarCharVector names = (VarCharVector) root.getVector("name");
      for (int row = 0; row < 1_000; row++) {
        assertThat(ids.getObject(row)).isEqualTo(source.column("id").get(row));
        byte[] name = names.get(row);
        assertThat(name == null ? null : new String(name, StandardCharsets.UTF_8))
            .isEqualTo(source.column("name").get(row));
      }
      FieldVector tags = root.getVector("tag");
      Dictionary dictionary = view.dictionaries().lookup(tags.getField().getDictionary().getId());
      try (ValueVector decoded = DictionaryEncoder.decode(tags, dictionary)) {
        for (int row = 0; row < 1_000; row++) {
          Object tag = decoded.getObject(row);
          assertThat(tag == null ? null : tag.toString()).isEqualTo(source.column("tag").get(row));
        }
      }
      for (int column = 0; column < source.width(); column++) {
        Series series = source.column(column);
        FieldVector vector = root.getVector(column);
        if (series.dtype() instanceof DataType.Dictionary) {
          // the indices are in the root, the values in the dictionary
          assertThat(Samples.arrowAddresses(vector))
              .containsAll(Samples.floeAddresses(series, 0).subList(0, 2));
          assertThat(Samples.arrowAddresses(dictionary.getVector()))
              .containsAll(Samples.floeAddresses(series, 0).subList(2, Samples.floeAddresses(series, 0).size()));
        } else {
          assertThat(Samples.arrowAddresses(vector)).as(series.name())
              .containsAll(Samples.floeAddresses(series, 0));
        }
      }
    }
  }

  @Test
  void aRootTurnedBackIntoAFrameIsTheSameFrameOnTheSameBuffers() {
    try (DataFrame source = Samples.allTypes(0, 777); ArrowJavaFrame view = ArrowJava.toArrowJava(source, arrow);
        DataFrame back = view.toFloe()) {
      assertThat(back).isEqualTo(source);
      assertThat(back.schema()).isEqualTo(source.schema());
      assertThat(Samples.floeAddresses(back, 0)).containsAll(Samples.floeAddresses(source, 0));
    }
  }

  @Test
  void floesReleaseRunsOnceAfterTheRootAndItsDictionariesAreClosed() {
    try (DataFrame source = Samples.allTypes(0, 100)) {
      Buffer ids = source.column("id").chunks().getFirst().buffers().get(1);
      Buffer tagIndices = source.column("tag").chunks().getFirst().buffers().get(1);
      assertThat(ids.referenceCount()).isEqualTo(1);
      ArrowJavaFrame view = ArrowJava.toArrowJava(source, arrow);
      assertThat(ids.referenceCount()).as("held by the export").isEqualTo(2);
      assertThat(arrow.getAllocatedMemory()).as("Arrow Java accounts the foreign memory").isPositive();
      view.root().close();
      assertThat(ids.referenceCount()).as("the dictionaries share the imported array").isEqualTo(2);
      view.dictionaries().close();
      assertThat(ids.referenceCount()).isEqualTo(1);
      assertThat(tagIndices.referenceCount()).isEqualTo(1);
      view.close(); // closing again is harmless
      assertThat(ids.referenceCount()).isEqualTo(1);
    }
    assertThat(arrow.getAllocatedMemory()).isZero();
  }

  @Test
  void theFrameMayBeClosedBeforeTheRoot() {
    ArrowJavaFrame view;
    try (DataFrame source = Samples.plainTypes(0, 50)) {
      view = ArrowJava.toArrowJava(source, arrow);
    }
    try (view) {
      assertThat(((BigIntVector) view.root().getVector("id")).get(49)).isEqualTo(49L);
      assertThat(view.root().getVector("name").getObject(48).toString()).isEqualTo("name 48");
    }
  }

  @Test
  void aSliceAtAnOffsetIsCopiedBecauseArrowJavaIgnoresOffsets() {
    try (DataFrame whole = Samples.allTypes(0, 1_000); DataFrame slice = whole.slice(37, 400);
        ArrowJavaFrame view = ArrowJava.toArrowJava(slice, arrow); DataFrame back = view.toFloe()) {
      assertThat(view.root().getRowCount()).isEqualTo(400);
      assertThat(((BigIntVector) view.root().getVector("id")).getObject(1)).isEqualTo(38L);
      assertThat(view.root().getVector("name").getObject(0).toString()).isEqualTo("name 37");
      assertThat(back).isEqualTo(slice);
      long floeIds = whole.column("id").chunks().getFirst().buffers().get(1).address();
      assertThat(view.root().getVector("id").getDataBufferAddress()).as("a compact copy")
          .isNotEqualTo(floeIds).isNotEqualTo(floeIds + 37 * Long.BYTES);
    }
  }

  @Test
  void aSliceFromTheFirstRowCrossesWithoutCopies() {
    try (DataFrame whole = Samples.allTypes(0, 1_000); DataFrame head = whole.slice(0, 300);
        ArrowJavaFrame view = ArrowJava.toArrowJava(head, arrow); DataFrame back = view.toFloe()) {
      assertThat(view.root().getRowCount()).isEqualTo(300);
      assertThat(back).isEqualTo(head);
      assertThat(Samples.floeAddresses(back, 0)).containsAll(Samples.floeAddresses(whole, 0));
    }
  }

  @Test
  void aPlainRootNeedsNoProviderButACategoricalColumnDoes() {
    try (DataFrame plain = Samples.plainTypes(0, 30); VectorSchemaRoot root = ArrowJava.toVectorSchemaRoot(plain, arrow);
        DataFrame back = ArrowJava.fromVectorSchemaRoot(root)) {
      assertThat(back).isEqualTo(plain);
    }
    try (DataFrame all = Samples.allTypes(0, 30)) {
      assertThatThrownBy(() -> ArrowJava.toVectorSchemaRoot(all, arrow))
          .isInstanceOf(InvalidOperationException.class).hasMessageContaining("'tag'")
          .hasMessageContaining("toArrowJava");
    }
  }

  @Test
  void anEmptyFrameBecomesAnEmptyRoot() {
    try (DataFrame source = Samples.allTypes(0, 0); ArrowJavaFrame view = ArrowJava.toArrowJava(source, arrow);
        DataFrame back = view.toFloe()) {
      assertThat(view.root().getRowCount()).isZero();
      assertThat(view.root().getFieldVectors()).hasSize(10);
      assertThat(back).isEqualTo(source);
    }
  }

  @Test
  void tenThousandRoundTripsLeaveNothingBehind() {
    try (DataFrame source = Samples.allTypes(0, 64)) {
      for (int round = 0; round < 10_000; round++) {
        try (ArrowJavaFrame view = ArrowJava.toArrowJava(source, arrow); DataFrame back = view.toFloe()) {
          assertThat(back.height()).isEqualTo(64);
        }
      }
      assertThat(source.column("name").chunks().getFirst().buffers().get(2).referenceCount()).isEqualTo(1);
    }
    assertThat(arrow.getAllocatedMemory()).isZero();
  }
}
