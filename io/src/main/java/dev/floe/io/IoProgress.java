package dev.floe.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which {@link ProgressListener} a read or write reports to: the one bound by
 * {@link #withListener} around the call (a scoped value, so it covers every read and write the
 * call makes, on any thread it starts), else the process default chosen by
 * {@code -Dfloe.progress}: {@code off} (the default), {@code auto} (a progress bar on standard error
 * when it is a terminal; the {@code floe} launcher sets this) or {@code on} (a progress bar on
 * standard error always). A listener given in a format's options overrides both.
 */
public final class IoProgress {
  private static final ScopedValue<ProgressListener> LISTENER = ScopedValue.newInstance();
  /** The process default, chosen on first use (null until then). */
  private static volatile ProgressListener processDefault;

  private IoProgress() {}

  /** Runs {@code action} with every read and write inside it reporting to {@code listener}. */
  public static <T> T withListener(ProgressListener listener, Supplier<T> action) {
    return ScopedValue.where(LISTENER, listener == null ? ProgressListener.NONE : listener)
        .call(action::get);
  }

  /** The listener for an operation starting now on this thread. */
  public static ProgressListener current() {
    if (LISTENER.isBound()) {
      return LISTENER.get();
    }
    ProgressListener chosen = processDefault;
    if (chosen == null) {
      chosen = chooseDefault(System.getProperty("floe.progress", "off"));
      processDefault = chosen;
    }
    return chosen;
  }

  /** A reporter for an operation starting now; {@code override} (from options) wins when non-null. */
  public static ProgressReporter reporter(ProgressListener override, String operation, Path file,
      long bytesTotal) {
    return new ProgressReporter(override != null ? override : current(), operation, file, bytesTotal);
  }

  /** A reporter for an operation starting now, to the current listener. */
  public static ProgressReporter reporter(String operation, Path file, long bytesTotal) {
    return reporter(null, operation, file, bytesTotal);
  }

  static ProgressListener chooseDefault(String setting) {
    return switch (setting.toLowerCase(Locale.ROOT)) {
      case "off", "false", "" -> ProgressListener.NONE;
      case "on", "true" -> new TerminalProgressBar(System.err);
      case "auto" -> {
        java.io.Console console = System.console();
        yield console != null && console.isTerminal()
            ? new TerminalProgressBar(System.err) : ProgressListener.NONE;
      }
      default -> throw new dev.floe.errors.InvalidOperationException(
          "-Dfloe.progress must be off, auto or on, got '" + setting + "'");
    };
  }
}
