package dev.floe.kernels.hashing;

/**
 * Dense ids of distinct keys of two longs, in order of first {@link #id} call: an open-addressing
 * table (linear probing, load at most 1/2) of primitive arrays that stores the keys themselves, so
 * a lookup is one multiply and a compare of two longs, no row equality callback. The table behind
 * {@link PackedGroupIds}: one key column's short strings packed into (low, high) words, or several
 * columns' codes combined into one long (high word 0).
 */
final class PairIds {
  private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
  private static final long SPREAD = 0xC2B2AE3D27D4EB4FL;

  private long[] lows;
  private long[] highs;
  /** Id + 1 per slot, 0 when empty. */
  private int[] slots;
  private int shift;
  private int count;

  /** A table sized for about {@code expected} keys (it grows as needed). */
  PairIds(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, Math.min(expected, 1 << 28)) * 2 - 1) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    lows = new long[capacity];
    highs = new long[capacity];
    slots = new int[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  /** The number of distinct keys seen so far. */
  int count() {
    return count;
  }

  /** The next id, for a key kept outside the table (the null key). */
  int reserve() {
    return count++;
  }

  /** The id of key {@code (low, high)}: its existing one, else the next one ({@link #count}). */
  int id(long low, long high) {
    int mask = slots.length - 1;
    int slot = (int) (((low ^ (high * SPREAD)) * FIBONACCI) >>> shift);
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return insert(slot, low, high);
      }
      if (lows[slot] == low && highs[slot] == high) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int insert(int slot, long low, long high) {
    lows[slot] = low;
    highs[slot] = high;
    int id = count++;
    slots[slot] = id + 1;
    if (count * 2 > slots.length) {
      grow();
    }
    return id;
  }

  private void grow() {
    long[] oldLows = lows;
    long[] oldHighs = highs;
    int[] oldSlots = slots;
    allocate(oldSlots.length * 2);
    int mask = slots.length - 1;
    for (int old = 0; old < oldSlots.length; old++) {
      if (oldSlots[old] != 0) {
        long low = oldLows[old];
        long high = oldHighs[old];
        int slot = (int) (((low ^ (high * SPREAD)) * FIBONACCI) >>> shift);
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        lows[slot] = low;
        highs[slot] = high;
        slots[slot] = oldSlots[old];
      }
    }
  }
}
