package dev.floe.jmh.lineitem;

import dev.floe.DataFrame;
import dev.floe.Floe;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

/**
 * Floe's Parquet API reached by name, so the I/O comparison compiles and runs on branches where
 * the Parquet reader and writer do not exist yet: {@code Floe.readParquet(Path,
 * ParquetReadOptions)} and {@code DataFrame.writeParquet(Path, ParquetWriteOptions)}, options in
 * {@code dev.floe.io.parquet}. {@link #available()} says whether they were found; the callers then
 * report the operations as "n/a".
 *
 * <p>Options are the class's {@code DEFAULT} constant (else a public no-argument constructor, else a
 * static {@code defaults()}); the projection calls {@code withColumns(String...)} or {@code
 * withColumns(List)} on them, as {@code CsvReadOptions} and {@code IpcReadOptions} do. When the
 * read options take a {@code dev.floe.io.ProgressListener} ({@code withProgress} or {@code
 * withProgressListener}), the reads attach one and {@link #lastBytes()} is the {@code bytesDone}
 * of the last report: the reader's own count of the bytes it read.
 */
final class ParquetApi {
  private static final String PACKAGE = "dev.floe.io.parquet.";

  private final Method read;
  private final Method write;
  private final Object readDefaults;
  private final Object writeDefaults;
  private final java.util.concurrent.atomic.AtomicLong lastBytes = new java.util.concurrent.atomic.AtomicLong(-1);

  private ParquetApi(Method read, Method write, Object readDefaults, Object writeDefaults) {
    this.read = read;
    this.write = write;
    this.readDefaults = readDefaults;
    this.writeDefaults = writeDefaults;
  }

  /** Looks the API up; fields stay null when a class or method is missing. */
  static ParquetApi find() {
    Method read = null;
    Method write = null;
    Object readDefaults = null;
    Object writeDefaults = null;
    try {
      Class<?> readOptions = Class.forName(PACKAGE + "ParquetReadOptions");
      read = Floe.class.getMethod("readParquet", Path.class, readOptions);
      readDefaults = defaults(readOptions);
    } catch (ReflectiveOperationException | LinkageError missing) {
      read = null;
    }
    try {
      Class<?> writeOptions = Class.forName(PACKAGE + "ParquetWriteOptions");
      write = DataFrame.class.getMethod("writeParquet", Path.class, writeOptions);
      writeDefaults = defaults(writeOptions);
    } catch (ReflectiveOperationException | LinkageError missing) {
      write = null;
    }
    return new ParquetApi(read, write, readDefaults, writeDefaults);
  }

  boolean canRead() {
    return read != null && readDefaults != null;
  }

  boolean canWrite() {
    return write != null && writeDefaults != null;
  }

  /** Reads {@code file} with the default options, or only {@code columns} when not null. */
  DataFrame read(Path file, List<String> columns) {
    Object options = readDefaults;
    if (columns != null) {
      options = project(options, columns);
    }
    lastBytes.set(-1);
    options = withListener(options);
    return (DataFrame) invoke(read, null, file, options);
  }

  /** The bytes the last read reported it read ({@code Progress.bytesDone}), or -1 if it did not. */
  long lastBytes() {
    return lastBytes.get();
  }

  private Object withListener(Object options) {
    dev.floe.io.ProgressListener listener = progress -> lastBytes.set(progress.bytesDone());
    for (String name : new String[] {"withProgress", "withProgressListener"}) {
      try {
        return options.getClass().getMethod(name, dev.floe.io.ProgressListener.class).invoke(options, listener);
      } catch (NoSuchMethodException absent) {
        // try the next name
      } catch (ReflectiveOperationException failure) {
        throw new IllegalStateException(failure);
      }
    }
    return options;
  }

  /** Writes {@code frame} to {@code file} with the default options (zstd, if Floe follows Polars). */
  void write(DataFrame frame, Path file) {
    invoke(write, frame, file, writeDefaults);
  }

  private static Object project(Object options, List<String> columns) {
    try {
      Method varargs = options.getClass().getMethod("withColumns", String[].class);
      return varargs.invoke(options, (Object) columns.toArray(String[]::new));
    } catch (NoSuchMethodException absent) {
      try {
        return options.getClass().getMethod("withColumns", List.class).invoke(options, columns);
      } catch (ReflectiveOperationException failure) {
        throw new UnsupportedOperationException("ParquetReadOptions has no withColumns", failure);
      }
    } catch (ReflectiveOperationException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static Object defaults(Class<?> type) throws ReflectiveOperationException {
    try {
      Field constant = type.getField("DEFAULT");
      if (Modifier.isStatic(constant.getModifiers())) {
        return constant.get(null);
      }
    } catch (NoSuchFieldException absent) {
      // fall through to the constructor and the factory
    }
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException absent) {
      return type.getMethod("defaults").invoke(null);
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException thrown) {
      if (thrown.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(thrown.getCause());
    } catch (IllegalAccessException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
