package dev.floe.arrowjava;

import dev.floe.errors.ForeignException;
import java.io.Serial;

/**
 * A failure raised by Arrow Java while a frame crossed to or from it: a type its C Data importer
 * does not support, a released structure, an {@code IOException} from an {@code ArrowReader}. The
 * message names the crossing that failed; the cause is Arrow Java's own exception. Kind {@code
 * FOREIGN}, like the other errors of code Floe calls into.
 */
public final class ArrowJavaException extends ForeignException {
  @Serial private static final long serialVersionUID = 1L;

  ArrowJavaException(String message, Throwable cause) {
    super(message + ": " + cause, cause);
  }
}
