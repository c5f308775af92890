package dev.floe.kernels;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanColumn;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.VarBinaryColumn;
import dev.floe.memory.column.ViewColumn;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * isIn for string and binary columns on the bytes in place, allocating nothing per row: a small
 * set is tried member by member (length first, then words, {@link ByteConstant}); a larger one is
 * an open-addressing table keyed by a hash of the bytes, probed linearly.
 */
final class IsInBytes {
  /** Sets up to this many members are scanned instead of hashed. */
  static final int LINEAR = 8;

  private IsInBytes() {}

  static BooleanColumn isIn(Column values, Column set, BufferAllocator allocator) {
    List<ByteConstant> members = distinctMembers(set);
    StringRows.ByteTest test;
    if (members.isEmpty()) {
      test = (segment, start, length) -> false;
    } else if (members.size() == 1) {
      ByteConstant only = members.getFirst();
      test = only::equalsValue;
    } else if (members.size() <= LINEAR) {
      ByteConstant[] scan = members.toArray(ByteConstant[]::new);
      test = (segment, start, length) -> {
        for (ByteConstant member : scan) {
          if (member.equalsValue(segment, start, length)) {
            return true;
          }
        }
        return false;
      };
    } else {
      test = new Table(members)::contains;
    }
    return StringRows.test(values, false, test, allocator);
  }

  private static List<ByteConstant> distinctMembers(Column set) {
    Set<java.nio.ByteBuffer> seen = new HashSet<>();
    List<ByteConstant> members = new ArrayList<>();
    for (int row = 0; row < set.length(); row++) {
      if (set.isNull(row)) {
        continue;
      }
      byte[] bytes = switch (set) {
        case VarBinaryColumn c -> c.getBytes(row);
        case ViewColumn c -> c.getBytes(row);
        default -> throw new IllegalArgumentException("not a string set: " + set.type());
      };
      if (seen.add(java.nio.ByteBuffer.wrap(bytes))) {
        members.add(new ByteConstant(bytes));
      }
    }
    return members;
  }

  /** A hash of {@code length} bytes at {@code start}, a word at a time (same for any segment). */
  static int hash(MemorySegment segment, long start, int length) {
    long h = length * 0x9E3779B97F4A7C15L;
    int whole = length >>> 3;
    for (int word = 0; word < whole; word++) {
      h = (h ^ segment.get(ByteConstant.WORD, start + ((long) word << 3))) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    int tail = length & 7;
    if (tail != 0) {
      h = (h ^ ByteConstant.partial(segment, start + ((long) whole << 3), tail))
          * 0xBF58476D1CE4E5B9L;
    }
    h ^= h >>> 29;
    return (int) (h ^ (h >>> 32));
  }

  /** Open addressing over the members' indices (+1; 0 = empty), at most half full. */
  private static final class Table {
    private final ByteConstant[] members;
    private final int[] slots;
    private final int mask;

    Table(List<ByteConstant> distinct) {
      members = distinct.toArray(ByteConstant[]::new);
      int capacity = Integer.highestOneBit(Math.max(4, members.length) * 2) << 1;
      slots = new int[capacity];
      mask = capacity - 1;
      for (int index = 0; index < members.length; index++) {
        ByteConstant member = members[index];
        int slot = hash(MemorySegment.ofArray(member.bytes), 0, member.length) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = index + 1;
      }
    }

    boolean contains(MemorySegment segment, long start, int length) {
      int slot = hash(segment, start, length) & mask;
      while (true) {
        int entry = slots[slot];
        if (entry == 0) {
          return false;
        }
        if (members[entry - 1].equalsValue(segment, start, length)) {
          return true;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
}
