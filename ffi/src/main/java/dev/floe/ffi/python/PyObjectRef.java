package dev.floe.ffi.python;

import dev.floe.errors.InvalidOperationException;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Java-held strong reference to a Python object (a pyarrow table, a polars frame, a function),
 * to keep and pass back to {@link PythonBridge#call}. {@link #close()} drops the reference on the
 * Python thread; a reference that becomes unreachable unclosed is dropped later by a cleaner, but
 * close it explicitly to release Python memory promptly. Safe to use and close from any thread;
 * closing twice does nothing.
 */
public final class PyObjectRef implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final PythonRuntime runtime;
  private final Owned owned;
  private final Cleaner.Cleanable cleanable;

  /** Takes ownership of the new reference {@code address}. */
  PyObjectRef(PythonRuntime runtime, long address) {
    this.runtime = runtime;
    this.owned = new Owned(runtime, new AtomicLong(address));
    this.cleanable = CLEANER.register(this, owned);
  }

  /** The object's address; throws if this reference was closed. Use on the Python thread only. */
  long address() {
    long address = owned.address.get();
    if (address == 0) {
      throw new InvalidOperationException("this PyObjectRef was closed");
    }
    return address;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return owned.address.get() == 0;
  }

  /** Drops the reference (on the Python thread, waiting for it); idempotent. */
  @Override
  public void close() {
    long address = owned.address.getAndSet(0);
    if (address != 0) {
      runtime.run(() -> {
        runtime.py.decRef(address);
        return null;
      });
    }
    cleanable.clean();
  }

  @Override
  public String toString() {
    long address = owned.address.get();
    return address == 0 ? "PyObjectRef[closed]" : "PyObjectRef[0x" + Long.toHexString(address) + "]";
  }

  /** The state the cleaner releases: must not refer to the PyObjectRef itself. */
  private record Owned(PythonRuntime runtime, AtomicLong address) implements Runnable {
    @Override
    public void run() {
      long left = address.getAndSet(0);
      if (left != 0) {
        runtime.runLater(() -> runtime.py.decRef(left));
      }
    }
  }
}
