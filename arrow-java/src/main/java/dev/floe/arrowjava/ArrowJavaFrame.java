package dev.floe.arrowjava;

import dev.floe.DataFrame;
import java.util.Objects;
import org.apache.arrow.c.CDataDictionaryProvider;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A Floe frame seen by Arrow Java: the {@link VectorSchemaRoot} over Floe's buffers and the
 * dictionaries of its dictionary-encoded (categorical) columns, which Arrow Java keeps apart from
 * the root. The root's vectors carry each dictionary's id in their field's {@code
 * DictionaryEncoding}; {@code dictionaries().lookup(id)} finds it, and Arrow Java's {@code
 * DictionaryEncoder.decode} turns such a vector back into plain values.
 *
 * <p>Both halves share one imported C array: Floe's buffers are released (once) after the root
 * <em>and</em> the dictionaries are closed, which {@link #close()} does in that order. A frame
 * without categorical columns has an empty provider.
 *
 * @param root the columns, one vector per Floe column, zero-copy over Floe's buffers
 * @param dictionaries the dictionaries of the dictionary-encoded vectors of {@code root}
 */
public record ArrowJavaFrame(VectorSchemaRoot root, CDataDictionaryProvider dictionaries) implements AutoCloseable {
  /** Checks both halves are present. */
  public ArrowJavaFrame {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(dictionaries, "dictionaries");
  }

  /**
   * This Arrow Java data back as a Floe frame ({@link ArrowJava#fromVectorSchemaRoot}): zero-copy,
   * so the result sits on the same Floe buffers it came from. This frame stays open and the
   * caller's to close.
   */
  public DataFrame toFloe() {
    return ArrowJava.fromVectorSchemaRoot(root, dictionaries);
  }

  /** Closes the root and then the dictionaries; the last one closed releases Floe's buffers. */
  @Override
  public void close() {
    try {
      root.close();
    } finally {
      dictionaries.close();
    }
  }
}
