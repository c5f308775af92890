package dev.floe.memory.column;

import dev.floe.memory.Buffer;
import dev.floe.memory.BufferAllocator;

/**
 * Moves the accounting of the buffers behind columns and batches from one part of the allocator
 * tree to another ({@link Buffer#transferTo}), without copying. A lazy query allocates from its own
 * allocators and hands its result to the caller this way; buffers the result shares with the
 * query's inputs (zero-copy slices of the caller's frames) keep the allocator they have.
 */
public final class Ownership {
  private Ownership() {}

  /** Transfers every buffer of {@code batch} accounted within {@code from}'s subtree to {@code to}. */
  public static void transfer(RecordBatch batch, BufferAllocator from, BufferAllocator to) {
    for (Column column : batch.columns()) {
      transfer(column, from, to);
    }
  }

  /** Transfers every buffer of {@code column} (children included) accounted within {@code from}'s subtree to {@code to}. */
  public static void transfer(Column column, BufferAllocator from, BufferAllocator to) {
    for (Buffer buffer : column.buffers()) {
      if (buffer != null && buffer.allocator().isWithin(from)) {
        buffer.transferTo(to);
      }
    }
    for (Column child : column.children()) {
      transfer(child, from, to);
    }
  }
}
