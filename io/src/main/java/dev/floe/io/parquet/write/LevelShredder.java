package dev.floe.io.parquet.write;

import dev.floe.memory.column.Column;
import dev.floe.memory.column.DictionaryColumn;
import dev.floe.memory.column.FixedSizeListColumn;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.StructColumn;

/**
 * Computes repetition and definition levels of one leaf for a run of rows, straight from the
 * validity bitmaps and offsets of the nested Arrow columns: the record shredding of Dremel
 * (Melnik et al., "Dremel: Interactive Analysis of Web-Scale Datasets", VLDB 2010, section 4.2),
 * done one nesting level at a time over whole runs of rows instead of record by record, as Arrow
 * C++'s {@code parquet/arrow/path_internal.cc} describes it.
 *
 * <p>Every node is optional (one definition level when present); a list adds its repeated
 * {@code list} group (one more definition level when non-empty, one repetition level). Entries that
 * end at a null or empty ancestor keep the definition level reached there and index -1; the others
 * end at the leaf column with definition level {@code maxDefinition - 1}, and the leaf writer adds
 * the leaf's own level for non-null values.
 */
final class LevelShredder {
  private Levels current = new Levels();
  private Levels next = new Levels();
  private Column leaf;

  /** The leaf column the entries of the last {@link #shred} index into. */
  Column leaf() {
    return leaf;
  }

  /** Entries of rows {@code [start, start + count)} of {@code top} along {@code path}. */
  Levels shred(Column top, int start, int count, LeafPath path) {
    Levels levels = current;
    levels.clear(count);
    for (int k = 0; k < count; k++) {
      levels.index[k] = start + k;
      levels.rep[k] = 0;
      levels.def[k] = 0;
    }
    levels.size = count;
    Column column = top;
    int definition = 0;
    int repetition = 0;
    for (int step : path.steps()) {
      markNulls(levels, column, definition);
      definition++;
      switch (column) {
        case StructColumn struct -> {
          int offset = struct.offset();
          for (int k = 0; k < levels.size; k++) {
            if (levels.index[k] >= 0) {
              levels.index[k] += offset;
            }
          }
          column = struct.fieldColumn(step);
        }
        case ListColumn list -> {
          repetition++;
          levels = expand(levels, list, null, definition, repetition);
          column = list.values();
          definition++;
        }
        case FixedSizeListColumn list -> {
          repetition++;
          levels = expand(levels, null, list, definition, repetition);
          column = list.values();
          definition++;
        }
        default -> throw new IllegalStateException("unexpected nested column " + column);
      }
    }
    if (column instanceof DictionaryColumn dictionary) {
      for (int k = 0; k < levels.size; k++) {
        int index = levels.index[k];
        if (index >= 0) {
          if (dictionary.isNull(index)) {
            levels.index[k] = -1;
            levels.def[k] = definition;
          } else {
            levels.index[k] = dictionary.getIndex(index);
          }
        }
      }
      column = dictionary.dictionary();
    }
    leaf = column;
    return levels;
  }

  /** Live entries whose value is null at this node end here, at the level reached above it. */
  private static void markNulls(Levels levels, Column column, int definition) {
    if (column.validity() == null) {
      return;
    }
    for (int k = 0; k < levels.size; k++) {
      int index = levels.index[k];
      if (index >= 0 && column.isNull(index)) {
        levels.index[k] = -1;
        levels.def[k] = definition;
      }
    }
  }

  private Levels expand(Levels from, ListColumn list, FixedSizeListColumn fixed, int definition, int repetition) {
    Levels to = next;
    to.clear(from.size);
    for (int k = 0; k < from.size; k++) {
      int index = from.index[k];
      if (index < 0) {
        to.add(-1, from.rep[k], from.def[k]);
        continue;
      }
      int start;
      int length;
      if (list != null) {
        start = (int) list.valueStart(index);
        length = list.valueLength(index);
      } else {
        length = fixed.listSize();
        start = (fixed.offset() + index) * length;
      }
      if (length == 0) {
        to.add(-1, from.rep[k], definition);
        continue;
      }
      to.ensure(to.size + length);
      to.index[to.size] = start;
      to.rep[to.size] = from.rep[k];
      to.def[to.size] = definition + 1;
      to.size++;
      for (int j = 1; j < length; j++) {
        to.index[to.size] = start + j;
        to.rep[to.size] = repetition;
        to.def[to.size] = definition + 1;
        to.size++;
      }
    }
    next = from;
    current = to;
    return to;
  }
}
