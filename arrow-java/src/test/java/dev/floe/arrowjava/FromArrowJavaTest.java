package dev.floe.arrowjava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.DataFrame;
import dev.floe.errors.FloeException;
import dev.floe.memory.types.DataType;
import dev.floe.testkit.LeakChecked;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data made by Arrow Java becoming Floe frames: equal values, Arrow Java's buffers under Floe's
 * columns, and Arrow Java's memory held exactly as long as a Floe column uses it.
 */
@LeakChecked
class FromArrowJavaTest {
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
  void anArrowJavaRootBecomesAFrameOverItsBuffers() {
    try (VectorSchemaRoot root = NativeRoots.plain(arrow, 0, 1_000);
        DataFrame frame = ArrowJava.fromVectorSchemaRoot(root);
        DataFrame expected = NativeRoots.expected(0, 1_000)) {
      assertThat(frame).isEqualTo(expected);
      assertThat(Samples.floeAddresses(frame, 0)).containsAll(Samples.arrowAddresses(root));
    }
  }

  @Test
  void theFrameKeepsArrowJavasMemoryAfterTheRootIsClosed() {
    DataFrame frame;
    try (VectorSchemaRoot root = NativeRoots.plain(arrow, 0, 500)) {
      frame = ArrowJava.fromVectorSchemaRoot(root);
    }
    try (frame; DataFrame expected = NativeRoots.expected(0, 500)) {
      assertThat(arrow.getAllocatedMemory()).as("still used by Floe").isPositive();
      assertThat(frame).isEqualTo(expected);
    }
    assertThat(arrow.getAllocatedMemory()).as("released once Floe closed its columns").isZero();
  }

  @Test
  void aRootReloadedAfterTheExportDoesNotChangeTheFrame() {
    try (VectorSchemaRoot root = NativeRoots.plain(arrow, 0, 100);
        DataFrame frame = ArrowJava.fromVectorSchemaRoot(root);
        DataFrame expected = NativeRoots.expected(0, 100)) {
      root.clear(); // Arrow Java drops its own references; Floe's keep the buffers
      assertThat(frame).isEqualTo(expected);
    }
  }

  @Test
  void dictionaryEncodedVectorsBecomeDictionaryColumns() {
    List<String> words = List.of("red", "green", "blue");
    try (VarCharVector values = new VarCharVector("dictionary", arrow);
        VarCharVector plain = new VarCharVector("color", arrow)) {
      values.allocateNew();
      for (int index = 0; index < words.size(); index++) {
        values.setSafe(index, words.get(index).getBytes(StandardCharsets.UTF_8));
      }
      values.setValueCount(words.size());
      plain.allocateNew();
      List<String> rows = new ArrayList<>();
      for (int row = 0; row < 200; row++) {
        String word = row % 11 == 3 ? null : words.get(row * 7 % 3);
        rows.add(word);
        if (word == null) {
          plain.setNull(row);
        } else {
          plain.setSafe(row, word.getBytes(StandardCharsets.UTF_8));
        }
      }
      plain.setValueCount(200);
      Dictionary dictionary = new Dictionary(values, new DictionaryEncoding(7L, false, null));
      DictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider(dictionary);
      try (ValueVector encoded = DictionaryEncoder.encode(plain, dictionary);
          VectorSchemaRoot root = VectorSchemaRoot.of((FieldVector) encoded);
          DataFrame frame = ArrowJava.fromVectorSchemaRoot(root, provider)) {
        assertThat(frame.column("color").dtype()).isEqualTo(new DataType.Dictionary(DataType.INT32, DataType.UTF8, false));
        for (int row = 0; row < 200; row++) {
          assertThat(frame.column("color").get(row)).isEqualTo(rows.get(row));
        }
        assertThat(Samples.floeAddresses(frame, 0)).contains(values.getDataBufferAddress(),
            ((FieldVector) encoded).getDataBufferAddress());
      }
    }
  }

  @Test
  void anEmptyRootBecomesAnEmptyFrame() {
    try (VectorSchemaRoot root = NativeRoots.plain(arrow, 0, 0);
        DataFrame frame = ArrowJava.fromVectorSchemaRoot(root);
        DataFrame expected = NativeRoots.expected(0, 0)) {
      assertThat(frame.height()).isZero();
      assertThat(frame).isEqualTo(expected);
    }
  }

  @Test
  void aTypeFloeDoesNotHaveIsRefusedWithoutLeaks() {
    try (Float2Vector halves = new Float2Vector("half", arrow)) {
      halves.allocateNew(4);
      halves.setValueCount(4);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(halves)) {
        assertThatThrownBy(() -> ArrowJava.fromVectorSchemaRoot(root))
            .isInstanceOf(FloeException.class).hasMessageContaining("half");
      }
    }
  }
}
