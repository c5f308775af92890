package dev.floe.io.parquet.read;

import dev.floe.errors.FloeIoException;
import dev.floe.memory.Bitmaps;
import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.ListColumn;
import dev.floe.memory.column.StructColumn;
import dev.floe.memory.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a Floe column from the decoded leaves of one field (Dremel record assembly; see Melnik et
 * al., "Dremel: Interactive Analysis of Web-Scale Datasets", VLDB 2010, and parquet-format's
 * description of definition and repetition levels). Each node's slots are ranges of a leaf's level
 * entries: the rows start where the repetition level is 0; a list's elements split its non-empty
 * slots where the repetition level is at most the list's level. A node's validity is read from the
 * definition level of the first entry of each slot of its first leaf.
 */
final class ColumnAssembler {
  private final Map<Integer, LeafData> leaves;
  private final int rows;
  private final BufferAllocator allocator;
  private final String where;

  /** Slot {@code k} covers level entries {@code [starts[k], ends[k])}. */
  private record Slots(int[] starts, int[] ends, int count) {}

  ColumnAssembler(Map<Integer, LeafData> leaves, int rows, BufferAllocator allocator, String where) {
    this.leaves = leaves;
    this.rows = rows;
    this.allocator = allocator;
    this.where = where;
  }

  Column assemble(ReadNode node) {
    if (node instanceof ReadNode.Leaf leaf && leaf.maxRep() == 0) {
      LeafData data = leaves.get(leaf.column());
      if (data.entries != rows) {
        throw new FloeIoException(data.where + ": " + data.entries + " values for " + rows + " rows");
      }
      return leafColumn(data, null);
    }
    return build(node, List.of());
  }

  private Column build(ReadNode node, List<ReadNode.ListNode> lists) {
    return switch (node) {
      case ReadNode.Leaf leaf -> {
        LeafData data = leaves.get(leaf.column());
        yield leafColumn(data, slots(data, lists));
      }
      case ReadNode.Struct struct -> struct(struct, lists);
      case ReadNode.ListNode list -> list(list, lists);
    };
  }

  private Column leafColumn(LeafData data, Slots slots) {
    ReadNode.Leaf leaf = data.leaf;
    int length = slots == null ? data.entries : slots.count;
    int[] values = null;
    int present = data.entries;
    if (slots == null && data.defs != null && allDefined(data)) {
      // every entry holds a value: the values are the column as they are (no slots, no copy)
      present = data.entries;
    } else if (data.defs != null || slots != null) {
      values = new int[length];
      int[] index = valueIndex(data);
      present = index[data.entries];
      int max = leaf.maxDef();
      for (int k = 0; k < length; k++) {
        int entry = slots == null ? k : slots.starts[k];
        values[k] = data.def(entry) == max ? index[entry] : -1;
      }
    }
    if (present != data.values.count) {
      throw new FloeIoException(data.where + ": the levels define " + present + " values, the pages hold "
          + data.values.count);
    }
    return LeafColumns.build(leaf, data.values, values, length, allocator, data.where);
  }

  private static boolean allDefined(LeafData data) {
    return data.allDefined;
  }

  /** For each entry, the number of values before it; one more element holds the total. */
  private static int[] valueIndex(LeafData data) {
    int[] index = new int[data.entries + 1];
    int max = data.leaf.maxDef();
    int n = 0;
    for (int entry = 0; entry < data.entries; entry++) {
      index[entry] = n;
      n += data.def(entry) == max ? 1 : 0;
    }
    index[data.entries] = n;
    return index;
  }

  private Column struct(ReadNode.Struct struct, List<ReadNode.ListNode> lists) {
    LeafData first = leaves.get(struct.leaves().getFirst().column());
    Slots slots = slots(first, lists);
    List<Column> children = new ArrayList<>();
    Buffer validity = null;
    try {
      for (ReadNode child : struct.children()) {
        children.add(build(child, lists));
        if (children.getLast().length() != slots.count) {
          throw new FloeIoException(where + ": struct " + struct.field().name() + " has " + slots.count
              + " values, its field " + child.field().name() + " " + children.getLast().length());
        }
      }
      int nulls = 0;
      for (int k = 0; k < slots.count; k++) {
        if (first.def(slots.starts[k]) < struct.defLevel()) {
          if (validity == null) {
            validity = allocator.allocateZeroed(Bitmaps.bytesFor(slots.count));
            Bitmaps.setRange(validity.segment(), 0, slots.count);
          }
          Bitmaps.clear(validity.segment(), k);
          nulls++;
        }
      }
    } catch (RuntimeException failure) {
      children.forEach(Column::close);
      if (validity != null) {
        validity.release();
      }
      throw failure;
    }
    return new StructColumn((DataType.StructType) struct.field().type(), 0, slots.count, countNulls(validity,
        slots.count), validity, children);
  }

  private static int countNulls(Buffer validity, int length) {
    return validity == null ? 0 : (int) (length - Bitmaps.countSet(validity.segment(), 0, length));
  }

  private Column list(ReadNode.ListNode list, List<ReadNode.ListNode> lists) {
    LeafData first = leaves.get(list.leaves().getFirst().column());
    Slots slots = slots(first, lists);
    Buffer offsets = allocator.allocate((slots.count + 1L) * 4);
    Buffer validity = null;
    Column element = null;
    try {
      MemorySegment out = offsets.segment();
      int total = 0;
      out.set(ValueLayout.JAVA_INT_UNALIGNED, 0, 0);
      for (int k = 0; k < slots.count; k++) {
        int start = slots.starts[k];
        int def = first.def(start);
        if (def < list.defLevel()) {
          if (validity == null) {
            validity = allocator.allocateZeroed(Bitmaps.bytesFor(slots.count));
            Bitmaps.setRange(validity.segment(), 0, slots.count);
          }
          Bitmaps.clear(validity.segment(), k);
        } else if (def >= list.elementsDefLevel()) {
          total++;
          for (int entry = start + 1; entry < slots.ends[k]; entry++) {
            total += first.rep(entry) <= list.repLevel() ? 1 : 0;
          }
        }
        out.set(ValueLayout.JAVA_INT_UNALIGNED, 4L * (k + 1), total);
      }
      List<ReadNode.ListNode> inner = new ArrayList<>(lists);
      inner.add(list);
      element = build(list.element(), inner);
      if (element.length() != total) {
        throw new FloeIoException(where + ": list " + list.field().name() + " has " + total
            + " elements, its values " + element.length());
      }
    } catch (RuntimeException failure) {
      offsets.release();
      if (validity != null) {
        validity.release();
      }
      if (element != null) {
        element.close();
      }
      throw failure;
    }
    return new ListColumn(list.field().type(), 0, slots.count, countNulls(validity, slots.count), validity, offsets,
        element);
  }

  /** The slots of a node below {@code lists} (outermost first), in the entries of {@code data}. */
  private Slots slots(LeafData data, List<ReadNode.ListNode> lists) {
    int n = data.entries;
    int[] starts;
    int[] ends;
    int count;
    if (data.reps == null) {
      starts = new int[n];
      ends = new int[n];
      for (int k = 0; k < n; k++) {
        starts[k] = k;
        ends[k] = k + 1;
      }
      count = n;
    } else {
      if (n > 0 && data.reps[0] != 0) {
        throw new FloeIoException(data.where + ": the first repetition level is " + data.reps[0] + ", not 0");
      }
      starts = new int[n];
      ends = new int[n];
      count = 0;
      for (int entry = 0; entry < n; entry++) {
        if (data.reps[entry] == 0) {
          if (count > 0) {
            ends[count - 1] = entry;
          }
          starts[count++] = entry;
        }
      }
      if (count > 0) {
        ends[count - 1] = n;
      }
    }
    if (count != rows) {
      throw new FloeIoException(data.where + ": the levels hold " + count + " rows, the row group " + rows);
    }
    for (ReadNode.ListNode list : lists) {
      int[] innerStarts = new int[n];
      int[] innerEnds = new int[n];
      int inner = 0;
      for (int k = 0; k < count; k++) {
        int start = starts[k];
        if (data.def(start) < list.elementsDefLevel()) {
          continue;
        }
        innerStarts[inner++] = start;
        for (int entry = start + 1; entry < ends[k]; entry++) {
          if (data.rep(entry) <= list.repLevel()) {
            innerEnds[inner - 1] = entry;
            innerStarts[inner++] = entry;
          }
        }
        innerEnds[inner - 1] = ends[k];
      }
      starts = innerStarts;
      ends = innerEnds;
      count = inner;
    }
    return new Slots(starts, ends, count);
  }
}
