package dev.floe.ffi.python;

import dev.floe.errors.ForeignException;
import java.io.Serial;

/**
 * CPython could not be found, loaded or initialized: a missing executable, libpython, standard
 * library or site-packages directory, or a second start with a different interpreter. The message
 * names the path tried and how to configure another one ({@link PythonOptions}).
 */
public final class PythonConfigurationException extends ForeignException {
  @Serial private static final long serialVersionUID = 1L;

  PythonConfigurationException(String message) {
    super(message);
  }

  PythonConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
