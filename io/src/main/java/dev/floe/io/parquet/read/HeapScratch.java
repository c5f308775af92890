package dev.floe.io.parquet.read;

/**
 * Per-thread heap arrays the page decoders stage values in before one bulk copy off-heap. A fresh
 * array per page or per batch cost the JVM's zeroing of every byte (memset was 2% of a lineitem
 * read) and young-generation churn; a decode task runs on one thread from start to end and uses
 * each array for one step at a time, so one set per thread suffices. Arrays above {@link #LIMIT}
 * elements are not kept.
 */
final class HeapScratch {
  /** The largest array kept per thread, in elements. */
  static final int LIMIT = 16 << 20;

  private static final ThreadLocal<HeapScratch> CURRENT = ThreadLocal.withInitial(HeapScratch::new);

  private byte[] bytes = new byte[0];
  private int[] ints = new int[0];
  private int[] levels = new int[0];
  private long[] longs = new long[0];

  private HeapScratch() {}

  static HeapScratch get() {
    return CURRENT.get();
  }

  /** A byte array of at least {@code size} elements (contents undefined). */
  byte[] bytes(int size) {
    if (bytes.length >= size) {
      return bytes;
    }
    byte[] array = new byte[grown(bytes.length, size)];
    if (array.length <= LIMIT) {
      bytes = array;
    }
    return array;
  }

  /** An int array of at least {@code size} elements (contents undefined). */
  int[] ints(int size) {
    ints = grownInts(ints, size);
    return ints.length >= size ? ints : new int[size];
  }

  /** A second int array, for the levels of one page (contents undefined). */
  int[] levels(int size) {
    levels = grownInts(levels, size);
    return levels.length >= size ? levels : new int[size];
  }

  /** {@code current} when it holds {@code size}, else a larger array if that may be kept (else {@code current}). */
  private static int[] grownInts(int[] current, int size) {
    if (current.length >= size) {
      return current;
    }
    int length = grown(current.length, size);
    return length <= LIMIT ? new int[length] : current;
  }

  /** A long array of at least {@code size} elements (contents undefined). */
  long[] longs(int size) {
    if (longs.length >= size) {
      return longs;
    }
    long[] array = new long[grown(longs.length, size)];
    if (array.length <= LIMIT) {
      longs = array;
    }
    return array;
  }

  private static int grown(int current, int size) {
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(size, Math.max(4096, 2L * current)));
  }
}
