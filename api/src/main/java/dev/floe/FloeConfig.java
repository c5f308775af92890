package dev.floe;

import dev.floe.errors.InvalidOperationException;
import dev.floe.format.DisplayOptions;

/**
 * Process-wide settings, as Polars' {@code pl.Config}: how many rows and columns a printed
 * frame shows, how long a string cell may be, how many list items a cell shows and how wide a
 * table may grow before its cells wrap (a negative value means "no limit"); whether lazy queries
 * log what they do ({@link #setVerbose}), how many threads they use ({@link #threads()}) and how
 * much memory one may hold ({@link #setMemoryLimit}). Get it
 * with {@link Floe#config()}.
 *
 * <pre>{@code
 * Floe.config().setTblRows(20).setStrLen(50);     // for the whole process
 * try (var scope = Floe.config().withTblRows(3).apply()) {
 *   System.out.println(frame);                    // this thread only, until the scope closes
 * }
 * }</pre>
 *
 * <p>Thread safety: the setters change the settings of every thread and may be called from any
 * thread (each change is atomic; readers see either the old or the new settings). A scoped
 * override from {@link #withTblRows} and friends applies to the thread that calls
 * {@link ConfigOverride#apply()} only, wins over the process-wide settings on that thread, nests,
 * and must be closed on the same thread; it is the way to change settings in tests that run in
 * parallel.
 */
public final class FloeConfig {
  /** Polars' defaults: 10 rows, 8 columns, 30 characters, 3 list items, 100 columns wide. */
  public static final DisplayOptions DEFAULTS = DisplayOptions.DEFAULTS;

  static final FloeConfig INSTANCE = new FloeConfig();

  private final ThreadLocal<DisplayOptions> override = new ThreadLocal<>();
  private volatile DisplayOptions global = DEFAULTS;

  private FloeConfig() {}

  /** The settings in effect on this thread: a scoped override if one is open, else the global. */
  public DisplayOptions current() {
    DisplayOptions scoped = override.get();
    return scoped != null ? scoped : global;
  }

  public int tblRows() {
    return current().tblRows();
  }

  public int tblCols() {
    return current().tblCols();
  }

  public int strLen() {
    return current().strLen();
  }

  public int listLen() {
    return current().listLen();
  }

  public int tblWidth() {
    return current().tblWidth();
  }

  /** Rows a printed frame or series shows before eliding the middle (Polars' {@code tbl_rows}). */
  public synchronized FloeConfig setTblRows(int rows) {
    global = global.withTblRows(rows);
    return this;
  }

  /** Columns a printed frame shows before eliding the middle ones (Polars' {@code tbl_cols}). */
  public synchronized FloeConfig setTblCols(int columns) {
    global = global.withTblCols(columns);
    return this;
  }

  /** Characters of a cell shown before it is cut (Polars' {@code fmt_str_lengths}). */
  public synchronized FloeConfig setStrLen(int length) {
    global = global.withStrLen(length);
    return this;
  }

  /** Items of a list cell shown (Polars' {@code fmt_table_cell_list_len}). */
  public synchronized FloeConfig setListLen(int length) {
    global = global.withListLen(length);
    return this;
  }

  /** Total table width before cells wrap (Polars' {@code tbl_width}; 100 by default). */
  public synchronized FloeConfig setTblWidth(int width) {
    global = global.withTblWidth(width);
    return this;
  }

  /** Puts every process-wide setting back to Polars' default. */
  public synchronized FloeConfig restoreDefaults() {
    global = DEFAULTS;
    verbose = verboseFromEnvironment();
    memoryLimit = memoryLimitFromEnvironment();
    threads = null;
    return this;
  }

  // ---- query settings ----

  private volatile boolean verbose = verboseFromEnvironment();

  private static boolean verboseFromEnvironment() {
    String value = System.getenv("FLOE_VERBOSE");
    return value != null && !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
  }

  /**
   * Whether lazy queries log to standard error (Polars' {@code POLARS_VERBOSE}): the plan as
   * written, the optimized plan, the rules that fired with their times, and the run time. Off
   * unless the environment variable {@code FLOE_VERBOSE} is set (to anything but 0 or false).
   */
  public boolean verbose() {
    return verbose;
  }

  public FloeConfig setVerbose(boolean on) {
    verbose = on;
    return this;
  }

  private volatile long memoryLimit = memoryLimitFromEnvironment();

  private static long memoryLimitFromEnvironment() {
    String value = System.getenv("FLOE_MEMORY_LIMIT");
    try {
      return dev.floe.memory.BufferAllocator.parseLimit(value);
    } catch (InvalidOperationException invalid) {
      throw new InvalidOperationException("FLOE_MEMORY_LIMIT: " + invalid.getMessage());
    }
  }

  /**
   * The most bytes one lazy query may hold at once, unless its {@link CollectOptions} say
   * otherwise: from the environment variable {@code FLOE_MEMORY_LIMIT} ({@code 512m}, {@code 8g},
   * a number of bytes), else no limit ({@code Long.MAX_VALUE}). A query over the limit fails with a
   * {@link dev.floe.errors.FloeOutOfMemoryException} naming the operator that asked.
   */
  public long memoryLimit() {
    return memoryLimit;
  }

  /** Sets {@link #memoryLimit()} in bytes (positive; {@code Long.MAX_VALUE}: none). */
  public FloeConfig setMemoryLimit(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the memory limit must be positive, got " + bytes);
    }
    memoryLimit = bytes;
    return this;
  }

  /** Sets {@link #memoryLimit()} from a size such as {@code 512m} or {@code 8g}. */
  public FloeConfig setMemoryLimit(String size) {
    return setMemoryLimit(dev.floe.memory.BufferAllocator.parseLimit(size));
  }

  private volatile Integer threads;

  /**
   * The threads lazy queries (and eager operations, which run on the same engine) use unless
   * their {@link CollectOptions} say otherwise: set by {@link #setThreads}, else {@code
   * -Dfloe.threads}, {@code FLOE_MAX_THREADS} or the number of cores.
   */
  public int threads() {
    Integer set = threads;
    return set != null ? set : dev.floe.engine.exec.QueryPool.parallelism();
  }

  /** Sets {@link #threads()} (positive; null: back to the default); a pool per distinct count is kept. */
  public FloeConfig setThreads(Integer count) {
    if (count != null && count <= 0) {
      throw new IllegalArgumentException("threads must be positive, got " + count);
    }
    threads = count;
    return this;
  }

  /** The pool a query runs on: {@link #setThreads}'s count if set, else the default pool. */
  java.util.concurrent.ForkJoinPool pool() {
    Integer set = threads;
    return set == null ? dev.floe.engine.exec.QueryPool.pool() : dev.floe.engine.exec.QueryPool.pool(set);
  }

  /** Starts a scoped override from the settings in effect on this thread. */
  public ConfigOverride withTblRows(int rows) {
    return new ConfigOverride(current().withTblRows(rows));
  }

  public ConfigOverride withTblCols(int columns) {
    return new ConfigOverride(current().withTblCols(columns));
  }

  public ConfigOverride withStrLen(int length) {
    return new ConfigOverride(current().withStrLen(length));
  }

  public ConfigOverride withListLen(int length) {
    return new ConfigOverride(current().withListLen(length));
  }

  public ConfigOverride withTblWidth(int width) {
    return new ConfigOverride(current().withTblWidth(width));
  }

  @Override
  public String toString() {
    return "FloeConfig" + current();
  }

  /** Settings to apply to one thread for a while; immutable. */
  public record ConfigOverride(DisplayOptions options) {
    public ConfigOverride withTblRows(int rows) {
      return new ConfigOverride(options.withTblRows(rows));
    }

    public ConfigOverride withTblCols(int columns) {
      return new ConfigOverride(options.withTblCols(columns));
    }

    public ConfigOverride withStrLen(int length) {
      return new ConfigOverride(options.withStrLen(length));
    }

    public ConfigOverride withListLen(int length) {
      return new ConfigOverride(options.withListLen(length));
    }

    public ConfigOverride withTblWidth(int width) {
      return new ConfigOverride(options.withTblWidth(width));
    }

    /** Makes these settings current on this thread until the returned scope is closed. */
    public Scope apply() {
      return new Scope(INSTANCE, options);
    }
  }

  /** An applied override; closing it restores what this thread saw before. */
  public static final class Scope implements AutoCloseable {
    private final FloeConfig config;
    private final DisplayOptions previous;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private Scope(FloeConfig config, DisplayOptions options) {
      this.config = config;
      this.previous = config.override.get();
      config.override.set(options);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new InvalidOperationException(
            "a FloeConfig scope must be closed on the thread that applied it ("
                + owner.getName() + ")");
      }
      closed = true;
      if (previous == null) {
        config.override.remove();
      } else {
        config.override.set(previous);
      }
    }
  }
}
