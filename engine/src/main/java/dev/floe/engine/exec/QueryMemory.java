package dev.floe.engine.exec;

import dev.floe.errors.FloeOutOfMemoryException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Ownership;
import dev.floe.memory.column.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The allocators of one running query: a query allocator, a child of the caller's allocator with
 * the query's memory limit, and under it one child per operator (named by the operator's plan
 * text), so that every byte is accounted to the operator that allocated it, an allocation over the
 * limit fails naming that operator, and a buffer an operator forgets to free is reported under the
 * operator's name when the query ends. The result is handed to the caller's allocator ({@link
 * #handOver}) before the query's allocators close.
 */
final class QueryMemory implements AutoCloseable {
  private static final AtomicLong QUERIES = new AtomicLong();

  private final BufferAllocator caller;
  private final BufferAllocator query;
  private final List<BufferAllocator> operators = new ArrayList<>();
  private int next;

  QueryMemory(BufferAllocator caller, long limit) {
    this.caller = caller;
    this.query = caller.newChild("query " + QUERIES.incrementAndGet(), limit);
  }

  /**
   * A new allocator for one operator, named by its text (and a number that keeps names unique),
   * under {@code parent} (one of this query's; null: the query's own).
   */
  synchronized BufferAllocator forOperator(BufferAllocator parent, String label) {
    BufferAllocator allocator = (parent == null ? query : parent).newChild("#" + ++next + " " + label, Long.MAX_VALUE);
    operators.add(allocator);
    return allocator;
  }

  /** The most bytes the query held at once. */
  long peakBytes() {
    return query.peakBytes();
  }

  long limit() {
    return query.limit();
  }

  /** Moves the accounting of the result's buffers that the query allocated to the caller's allocator. */
  List<RecordBatch> handOver(List<RecordBatch> result) {
    for (RecordBatch batch : result) {
      Ownership.transfer(batch, query, caller);
    }
    return result;
  }

  /**
   * A limit failure of this query's allocator with the setting to change in front; other failures
   * unchanged.
   */
  RuntimeException explain(RuntimeException failure) {
    if (failure instanceof FloeOutOfMemoryException memory && query.name().equals(memory.limitedBy())) {
      return memory.withContext("the query needs more than its memory limit of " + query.limit()
          + " bytes (raise it with CollectOptions.withMemoryLimit, Floe.config().setMemoryLimit or FLOE_MEMORY_LIMIT;"
          + " spilling to disk is not supported yet)");
    }
    return failure;
  }

  /**
   * Closes every operator's allocator, then the query's. Buffers still allocated are a leak in the
   * operator that allocated them: the first report names it (the rest are suppressed into it).
   */
  @Override
  public void close() {
    InvalidOperationException leak = null;
    for (BufferAllocator operator : operators.reversed()) { // children before their parents
      try {
        operator.close();
      } catch (InvalidOperationException report) {
        if (leak == null) {
          leak = report;
        } else {
          leak.addSuppressed(report);
        }
      }
    }
    try {
      query.close();
    } catch (InvalidOperationException report) {
      if (leak == null) {
        leak = report;
      }
    }
    if (leak != null) {
      throw leak;
    }
  }
}
