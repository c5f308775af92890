package dev.floe.memory.column;

import dev.floe.memory.Buffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What is known about dictionaries: whether a dictionary column holds no null and no value twice,
 * so that rows pointing into it are equal exactly when their indices are. Dictionaries Floe builds
 * (casts to categorical, {@link DictionaryUnion}) are recorded as they are made; others are checked
 * once by whoever needs to know ({@code kernels.hashing.DictionaryKeys}) and recorded then. A
 * verdict is keyed by the dictionary's first buffer (slices, shares and gathers keep the buffers)
 * and its rows, and forgotten when the buffer object is.
 */
public final class UniqueDictionaries {
  private record Verdict(int offset, int length, boolean unique) {}

  private static final Map<Buffer, Verdict> VERDICTS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private UniqueDictionaries() {}

  /** The recorded verdict on {@code dictionary}, or null when nothing is known yet. */
  public static Boolean known(Column dictionary) {
    Buffer key = firstBuffer(dictionary);
    if (key == null) {
      return dictionary.length() <= 1 ? Boolean.TRUE : null;
    }
    Verdict verdict = VERDICTS.get(key);
    return verdict != null && verdict.offset() == dictionary.offset()
        && verdict.length() == dictionary.length() ? verdict.unique() : null;
  }

  /** Records whether {@code dictionary} holds each value once and no null. */
  public static void record(Column dictionary, boolean unique) {
    Buffer key = firstBuffer(dictionary);
    if (key != null) {
      VERDICTS.put(key, new Verdict(dictionary.offset(), dictionary.length(), unique));
    }
  }

  private static Buffer firstBuffer(Column column) {
    for (Buffer buffer : column.buffers()) {
      if (buffer != null) {
        return buffer;
      }
    }
    return null;
  }
}
