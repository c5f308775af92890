package dev.floe.engine.exec;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import java.util.Set;

/**
 * A streaming operator: one output batch per input morsel, computed from that morsel alone, so
 * morsels run on any thread in any order. Implementations are stateless and thread-safe.
 */
interface MorselOperator {
  /** The output for {@code input}; takes ownership of {@code input} (closes it), even on failure. */
  RecordBatch apply(RecordBatch input, BufferAllocator allocator);

  /** The operator as error messages and profiles name it: {@code Filter col("a") > 3}. */
  String describe();

  /**
   * The input columns this operator reads when the operators after it need {@code needed} of its
   * output columns (null: all), or null when it needs every input column. A filter before it then
   * copies only these ({@link LateMaterialization}).
   */
  default Set<String> columnsRead(Set<String> needed) {
    return null;
  }
}
