package dev.floe.io.parquet.write;

/**
 * Growable parallel arrays of the entries of one leaf column for a run of rows: the value's index
 * in the leaf column (or -1 for an entry that ends above the leaf: a null or empty ancestor), its
 * repetition level and, for those -1 entries, its definition level.
 */
final class Levels {
  int[] index = new int[1024];
  int[] rep = new int[1024];
  int[] def = new int[1024];
  int size;

  void clear(int capacity) {
    size = 0;
    ensure(capacity);
  }

  void ensure(int capacity) {
    if (capacity > index.length) {
      int grown = Math.max(capacity, index.length * 2);
      index = java.util.Arrays.copyOf(index, grown);
      rep = java.util.Arrays.copyOf(rep, grown);
      def = java.util.Arrays.copyOf(def, grown);
    }
  }

  void add(int valueIndex, int repetition, int definition) {
    if (size == index.length) {
      ensure(size + 1);
    }
    index[size] = valueIndex;
    rep[size] = repetition;
    def[size] = definition;
    size++;
  }
}
