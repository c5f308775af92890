package dev.floe.engine.exec;

import dev.floe.errors.ComputeException;
import dev.floe.errors.FloeException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.RecordBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a chain of streaming operators over a {@link BatchStream} as it is pulled: the query thread
 * pulls a batch, cuts it into morsels and submits one task per morsel to the query pool, then
 * pulls the next batch while the tasks run (a read-ahead of one batch). At most {@link
 * #IN_FLIGHT_PER_THREAD} morsels per pool thread are in flight (submitted but not yet taken in
 * order), so the input held at once stays bounded; outputs are taken in morsel order, so row
 * order is kept.
 *
 * <p>Early stop: when only the first {@code wanted} rows are needed (a head above the pipeline),
 * the stream is no longer pulled once the in-order prefix of finished morsels holds that many
 * rows; morsels after the prefix that have not started are skipped, and the stream is closed. A
 * failing morsel stops the pull the same way: the failure of the first failing morsel in order is
 * thrown, unless the rows before it already suffice. Every batch made is closed on every path.
 */
final class StreamedPipeline {
  /** Morsels in flight per thread of the pool: enough to keep every thread busy while the next batch is read. */
  static final int IN_FLIGHT_PER_THREAD = 2;

  private final List<MorselOperator> operators;
  private final List<BufferAllocator> allocators;
  private final QueryContext context;
  private final long wanted;
  private final int maxInFlight;
  private final Deque<Task> inFlight = new ArrayDeque<>();
  private final List<RecordBatch> done = new ArrayList<>();
  /** Morsels with a larger index skip their work: set at the first failure or when enough rows are done. */
  private final AtomicInteger cutoff = new AtomicInteger(Integer.MAX_VALUE);
  private long rows;
  private int submitted;
  /** Input rows pulled into morsels so far. */
  private long pulledRows;
  private RuntimeException failure;
  private boolean skipped;

  private StreamedPipeline(List<MorselOperator> operators, List<BufferAllocator> allocators, QueryContext context,
      long wanted) {
    this.operators = operators;
    this.allocators = allocators;
    this.context = context;
    this.wanted = wanted;
    this.maxInFlight = IN_FLIGHT_PER_THREAD * context.pool().getParallelism();
  }

  /**
   * The outputs of the operators (operator {@code i} allocating from {@code allocators.get(i)})
   * over the stream's morsels in order, at least the first {@code wanted} rows of them (all when
   * there are fewer; {@code Long.MAX_VALUE}: all). Closes the stream; the caller owns the result.
   */
  static List<RecordBatch> run(BatchStream stream, List<MorselOperator> operators, List<BufferAllocator> allocators,
      QueryContext context, long wanted) {
    return new StreamedPipeline(operators, allocators, context, wanted).drive(stream);
  }

  private List<RecordBatch> drive(BatchStream stream) {
    boolean returned = false;
    try {
      try (stream) {
        pull(stream);
      }
      drain(true);
      if (failure != null) {
        throw failure;
      }
      if (!enough() && (skipped || context.isCancelled())) {
        throw new ComputeException("the query was cancelled");
      }
      returned = true;
      return done;
    } finally {
      if (!returned) {
        // a failure, a cancellation or an interruption: tasks not started skip their work; wait for
        // the running ones and free everything
        cutoff.set(-1);
        for (Task task : inFlight) {
          task.await();
          task.closeOutput();
        }
        inFlight.clear();
        done.forEach(RecordBatch::close);
      }
    }
  }

  /** Pulls batches and submits their morsels until the stream ends, enough rows are done or a morsel failed. */
  private void pull(BatchStream stream) {
    while (!stopped()) {
      context.checkCancelled();
      RecordBatch batch = stream.next();
      if (batch == null) {
        return;
      }
      List<RecordBatch> morsels = Morsels.split(List.of(batch), context.morselRows());
      int next = 0;
      try {
        for (; next < morsels.size() && !stopped(); next++) {
          submit(morsels.get(next));
          morsels.set(next, null);
          if (wanted != Long.MAX_VALUE) {
            drain(false); // take outputs morsel by morsel, to stop as soon as there are enough rows
          }
        }
        if (wanted == Long.MAX_VALUE) {
          // the batch is in memory already, so its morsels cost nothing to queue: queue them all
          // (the pool's threads never wait for the query thread) and wait once
          drain(false);
        }
      } finally {
        for (int index = next; index < morsels.size(); index++) {
          if (morsels.get(index) != null) {
            morsels.get(index).close();
          }
        }
      }
    }
  }

  private boolean stopped() {
    return cutoff.get() != Integer.MAX_VALUE || enough();
  }

  private boolean enough() {
    return rows >= wanted;
  }

  /** Queues the morsel's task; on return the task owns the morsel (the caller still does if this throws). */
  private void submit(RecordBatch morsel) {
    Task task = new Task(submitted++, morsel, pulledRows);
    pulledRows += morsel.rowCount();
    if (operators.isEmpty()) {
      task.output = morsel; // nothing to run: the morsel is its own output
      task.morsel = null;
    } else {
      task.future = context.pool().submit(task::run);
    }
    inFlight.addLast(task);
  }

  /**
   * Takes finished morsels off the front of the in-flight queue, in order. With {@code all}, waits
   * for every one; else, when more than the bound are in flight, for as many as bring it back.
   */
  private void drain(boolean all) {
    // one wait for the newest task that has to finish (the pool runs tasks about in order, so the
    // ones before it are then done too), not one wait, and one thread hand-off, per morsel
    int mustFinish = all ? inFlight.size() : inFlight.size() - maxInFlight;
    if (mustFinish > 0) {
      Task last = null;
      java.util.Iterator<Task> tasks = inFlight.iterator();
      for (int index = 0; index < mustFinish; index++) {
        last = tasks.next();
      }
      last.await();
    }
    while (!inFlight.isEmpty()) {
      Task head = inFlight.peekFirst();
      if (!all && !head.isDone() && inFlight.size() < maxInFlight) {
        return;
      }
      head.await();
      inFlight.removeFirst();
      take(head);
    }
  }

  private void take(Task task) {
    if (enough() || failure != null) {
      task.closeOutput(); // past the rows needed, or after the failure that ends the query
    } else if (task.failure == null && task.future != null && task.future.isCompletedAbnormally()) {
      Throwable cause = task.future.getException(); // an Error: the task could not record it
      failure = new ComputeException("a morsel task failed: " + cause, cause);
    } else if (task.failure != null) {
      failure = task.located();
    } else if (task.output == null) {
      skipped = true; // cancelled before it ran
    } else {
      done.add(task.output);
      rows += task.output.rowCount();
      task.output = null;
      if (enough()) {
        lowerCutoff(task.index); // later morsels are not needed: they skip their work
      }
    }
  }

  private void lowerCutoff(int index) {
    cutoff.accumulateAndGet(index, Math::min);
  }

  /** One morsel's run through the operators. */
  private final class Task {
    final int index;
    /** The pipeline's input rows before this morsel's, and this morsel's. */
    final long firstRow;
    final int rowCount;
    RecordBatch morsel;
    RecordBatch output;
    RuntimeException failure;
    ForkJoinTask<?> future;

    Task(int index, RecordBatch morsel, long firstRow) {
      this.index = index;
      this.morsel = morsel;
      this.firstRow = firstRow;
      this.rowCount = morsel.rowCount();
    }

    /**
     * The failure with the morsel's place in the pipeline's input in front when the input had
     * several morsels (row numbers in kernel messages count within the morsel).
     */
    RuntimeException located() {
      if (!(failure instanceof FloeException floe) || (firstRow == 0 && submitted == 1)) {
        return failure;
      }
      return OperatorErrors.wrap(floe, "in the morsel of input rows " + firstRow + " to "
          + (firstRow + rowCount - 1) + " (rows in the message below count from its first)");
    }

    void run() {
      RecordBatch batch = morsel;
      morsel = null;
      try {
        if (context.isCancelled() || index > cutoff.get()) {
          return; // cancelled, or an earlier morsel failed or finished what the query needs
        }
        for (int step = 0; step < operators.size(); step++) {
          RecordBatch input = batch;
          batch = null; // the operator owns it now, even if it fails
          batch = operators.get(step).apply(input, allocators.get(step));
        }
        output = batch;
        batch = null;
      } catch (RuntimeException thrown) {
        failure = thrown;
        lowerCutoff(index);
      } finally {
        if (batch != null) {
          batch.close();
        }
      }
    }

    boolean isDone() {
      return future == null || future.isDone();
    }

    /** Waits until the task has run (uninterruptibly: its batches must be freed before the query ends). */
    void await() {
      if (future != null) {
        future.quietlyJoin();
      }
    }

    void closeOutput() {
      if (output != null) {
        output.close();
        output = null;
      }
    }
  }
}
