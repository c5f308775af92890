package dev.floe.memory.column;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts dictionary columns of one type onto one dictionary, so that their indices mean the same
 * value everywhere (what grouping, joining and concatenating categorical columns need). Columns
 * that already share a dictionary ({@link DictionaryColumn#sharesDictionaryWith}) are shared as
 * they are. Otherwise every distinct dictionary is walked once, its values added to a merged
 * dictionary in order (first column first, so values keep their order of first appearance), and
 * each column's indices rewritten through its dictionary's position map; a column whose map is
 * the identity keeps its indices buffer. Null dictionary values become null rows. The work is per
 * dictionary value plus one integer rewrite per row; no row value is hashed.
 */
public final class DictionaryUnion {
  private DictionaryUnion() {}

  /**
   * New handles on {@code columns} (dictionary columns of one type, at least one) that all share
   * one dictionary; the inputs stay owned by the caller, the caller closes the results.
   */
  public static List<Column> unify(List<? extends Column> columns, BufferAllocator allocator) {
    DictionaryColumn first = (DictionaryColumn) columns.getFirst();
    List<Column> result = new ArrayList<>(columns.size());
    if (allShare(columns, first)) {
      for (Column column : columns) {
        result.add(column.share());
      }
      return result;
    }
    DataType.Dictionary type = (DataType.Dictionary) first.type();
    List<DictionaryColumn> distinct = new ArrayList<>();
    List<int[]> maps = new ArrayList<>();
    Column dictionary;
    try (ColumnBuilder values = ColumnBuilders.forType(type.valueType(), allocator)) {
      Map<Object, Integer> positions = new HashMap<>();
      BytesPositions bytes = new BytesPositions();
      long maxDistinct = DictionaryBuilder.maxDistinct(type.indexType());
      for (Column column : columns) {
        DictionaryColumn dictionaryColumn = (DictionaryColumn) column;
        if (find(distinct, dictionaryColumn) < 0) {
          distinct.add(dictionaryColumn);
          maps.add(dictionaryColumn.dictionary() instanceof VarBinaryColumn strings
              ? bytesMap(strings, values, bytes, maxDistinct, type)
              : positionMap(dictionaryColumn.dictionary(), values, positions, maxDistinct, type));
        }
      }
      dictionary = values.build();
    }
    if (type.valueType().isString()) {
      UniqueDictionaries.record(dictionary, true); // distinct strings (the map's keys), no null
    }
    try {
      for (Column column : columns) {
        DictionaryColumn dictionaryColumn = (DictionaryColumn) column;
        result.add(rewrite(dictionaryColumn, maps.get(find(distinct, dictionaryColumn)), dictionary,
            allocator));
      }
      return result;
    } catch (RuntimeException failure) {
      result.forEach(Column::close);
      throw failure;
    } finally {
      dictionary.close(); // each result holds its own share
    }
  }

  /** The concatenation of dictionary columns of one type (for {@link Concatenation}). */
  static Column concat(BufferAllocator allocator, List<Column> columns, int length) {
    List<Column> unified = unify(columns, allocator);
    try {
      DictionaryColumn first = (DictionaryColumn) unified.getFirst();
      Buffer indices =
          Concatenation.concatFixedBytes(allocator, unified, length, first.type().byteWidth());
      Buffer validity = Concatenation.concatValidity(allocator, unified, length, List.of(indices));
      return new DictionaryColumn((DataType.Dictionary) first.type(), 0, length,
          Concatenation.nullCount(unified), validity, indices, first.dictionary().share());
    } finally {
      unified.forEach(Column::close);
    }
  }

  private static boolean allShare(List<? extends Column> columns, DictionaryColumn first) {
    for (Column column : columns) {
      if (!first.sharesDictionaryWith((DictionaryColumn) column)) {
        return false;
      }
    }
    return true;
  }

  private static int find(List<DictionaryColumn> distinct, DictionaryColumn column) {
    for (int index = 0; index < distinct.size(); index++) {
      if (distinct.get(index).sharesDictionaryWith(column)) {
        return index;
      }
    }
    return -1;
  }

  /** Each position of {@code dictionary} in the merged dictionary (-1: a null value). */
  private static int[] positionMap(Column dictionary, ColumnBuilder values,
      Map<Object, Integer> positions, long maxDistinct, DataType type) {
    int[] map = new int[dictionary.length()];
    for (int position = 0; position < map.length; position++) {
      Object value = dictionary.getObject(position);
      if (value == null) {
        map[position] = -1;
        continue;
      }
      Object key = DictionaryBuilder.key(value);
      Integer merged = positions.get(key);
      if (merged == null) {
        merged = values.length();
        if (merged >= maxDistinct) {
          throw new InvalidOperationException("the dictionaries of these " + type
              + " columns hold more than " + maxDistinct + " distinct values together");
        }
        values.appendObject(value);
        positions.put(key, merged);
      }
      map[position] = merged;
    }
    return map;
  }

  /** {@link #positionMap} for string and binary dictionaries: bytes hashed in place. */
  private static int[] bytesMap(VarBinaryColumn dictionary, ColumnBuilder values,
      BytesPositions positions, long maxDistinct, DataType type) {
    int[] map = new int[dictionary.length()];
    MemorySegment data = dictionary.dataBuffer().segment();
    boolean nullable = dictionary.nullCount() > 0;
    for (int position = 0; position < map.length; position++) {
      if (nullable && dictionary.isNull(position)) {
        map[position] = -1;
        continue;
      }
      long start = dictionary.valueStart(position);
      int length = dictionary.valueLength(position);
      long hash = BytesPositions.hash(data, start, length);
      int merged = positions.find(data, start, length, hash);
      if (merged < 0) {
        if (values.length() >= maxDistinct) {
          throw new InvalidOperationException("the dictionaries of these " + type
              + " columns hold more than " + maxDistinct + " distinct values together");
        }
        values.appendObject(dictionary.getObject(position));
        merged = positions.add(data, start, length, hash);
      }
      map[position] = merged;
    }
    return map;
  }

  /** {@code column} pointing into {@code dictionary} through {@code map}. */
  private static Column rewrite(
      DictionaryColumn column, int[] map, Column dictionary, BufferAllocator allocator) {
    DataType.Dictionary type = (DataType.Dictionary) column.type();
    if (isIdentity(map)) {
      Buffer validity = column.validity() == null ? null : column.validity().retain();
      return new DictionaryColumn(type, column.offset(), column.length(), -1, validity,
          column.indicesBuffer().retain(), dictionary.share());
    }
    int length = column.length();
    try (FixedWidthBuilder indices = new FixedWidthBuilder(type.indexType(), allocator, length)) {
      int width = type.indexType().byteWidth();
      for (int row = 0; row < length; row++) {
        int target = column.isNull(row) ? -1 : map[column.getIndex(row)];
        if (target < 0) {
          indices.appendNull();
        } else {
          switch (width) {
            case 1 -> indices.appendByte((byte) target);
            case 2 -> indices.appendShort((short) target);
            case 4 -> indices.appendInt(target);
            default -> indices.appendLong(target);
          }
        }
      }
      try (FixedWidthColumn built = indices.build()) {
        Buffer validity = built.validity() == null ? null : built.validity().retain();
        return new DictionaryColumn(type, 0, length, built.nullCount(), validity,
            built.valuesBuffer().retain(), dictionary.share());
      }
    }
  }

  private static boolean isIdentity(int[] map) {
    for (int position = 0; position < map.length; position++) {
      if (map[position] != position) {
        return false;
      }
    }
    return true;
  }
}
