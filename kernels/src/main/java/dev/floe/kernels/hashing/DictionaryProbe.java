package dev.floe.kernels.hashing;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The matches of a categorical probe key, looked up once per entry of its dictionary: each entry's
 * value is hashed and found in the build side's table (by value, so the two sides' dictionaries
 * need not agree, and a dictionary may hold a value twice or a null); a probe row then takes its
 * entry's match by its index, with no hashing or string comparison per row. Probing by dictionary
 * code instead of by value is how Polars joins categoricals of one string cache.
 */
public final class DictionaryProbe {
  private final JoinTable[] tables; // per entry: the partition that holds its match, or null
  private final int[] groups; // per entry: its group in that partition

  private DictionaryProbe(JoinTable[] tables, int[] groups) {
    this.tables = tables;
    this.groups = groups;
  }

  /**
   * Whether a probe key column can be looked up by {@link #of}: a dictionary column whose dictionary
   * is a flat column of {@code valueType} (the build key's type) and, where nulls match, whose rows
   * are not null.
   */
  public static boolean applies(Column probeKey, Column buildKey, boolean nullsMatch) {
    return probeKey instanceof DictionaryColumn column && column.dictionary().children().isEmpty()
        && column.dictionary().type().equals(buildKey.type()) && (!nullsMatch || column.nullCount() == 0);
  }

  /** The matches of every entry of {@code dictionary} in {@code table}, built over {@code buildKey}. */
  public static DictionaryProbe of(PartitionedJoinTable table, Column buildKey, Column dictionary,
      BufferAllocator allocator) {
    List<Column> values = List.of(dictionary);
    long[] hashes = JoinTable.hashes(values, allocator);
    CrossEquality equality = CrossEquality.of(List.of(buildKey), values);
    int entries = dictionary.length();
    JoinTable[] tables = new JoinTable[entries];
    int[] groups = new int[entries];
    for (int entry = 0; entry < entries; entry++) {
      if (!table.nullsMatch() && dictionary.isNull(entry)) {
        continue;
      }
      JoinTable part = table.part(hashes[entry]);
      int group = part.group(hashes[entry], equality, entry);
      if (group >= 0) {
        tables[entry] = part;
        groups[entry] = group;
      }
    }
    return new DictionaryProbe(tables, groups);
  }

  /** The table holding entry {@code entry}'s match, or null when the entry matches no build row. */
  public JoinTable table(int entry) {
    return tables[entry];
  }

  /** Entry {@code entry}'s group in {@link #table}. */
  public int group(int entry) {
    return groups[entry];
  }

  /**
   * Every row's dictionary index, -1 for a null row; an index outside the dictionary fails rather
   * than match wrongly.
   */
  public int[] entries(DictionaryColumn column) {
    int rows = column.length();
    int[] entries = new int[rows];
    boolean nulls = column.nullCount() > 0;
    for (int row = 0; row < rows; row++) {
      if (nulls && column.isNull(row)) {
        entries[row] = -1;
        continue;
      }
      int entry = column.getIndex(row);
      if (entry >= tables.length) {
        throw new InvalidOperationException("dictionary index " + entry + " at row " + row
            + " of a categorical join key is outside its dictionary of " + tables.length + " values");
      }
      entries[row] = entry;
    }
    return entries;
  }

  /**
   * The lookups of one join, one per dictionary: morsels of one column share its dictionary (slices
   * keep its buffers), so the entries are looked up once per query, and a morsel with another
   * dictionary gets its own. Safe for concurrent morsels.
   */
  public static final class Cache {
    private final Map<Identity, DictionaryProbe> byDictionary = new ConcurrentHashMap<>();

    /** The lookup for {@code dictionary}, made by {@code make} the first time it is asked for. */
    public DictionaryProbe get(Column dictionary, Supplier<DictionaryProbe> make) {
      return byDictionary.computeIfAbsent(Identity.of(dictionary), identity -> make.get());
    }
  }

  /** A dictionary by its buffer objects and rows (not by value); it holds no memory, only names. */
  private record Identity(Buffer[] buffers, int offset, int length) {
    static Identity of(Column dictionary) {
      return new Identity(dictionary.buffers().toArray(Buffer[]::new), dictionary.offset(), dictionary.length());
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Identity that) || offset != that.offset || length != that.length
          || buffers.length != that.buffers.length) {
        return false;
      }
      for (int index = 0; index < buffers.length; index++) {
        if (buffers[index] != that.buffers[index]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = 31 * offset + length;
      for (Buffer buffer : buffers) {
        hash = 31 * hash + System.identityHashCode(buffer);
      }
      return hash;
    }
  }
}
