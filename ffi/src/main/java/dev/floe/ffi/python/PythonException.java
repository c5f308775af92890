package dev.floe.ffi.python;

import dev.floe.errors.ForeignException;
import java.io.Serial;

/**
 * A Python exception raised by code the bridge ran. The message is {@code "<type>: <message>"};
 * {@link #pythonType()} is the exception's qualified class name (such as {@code ValueError} or
 * {@code pyarrow.lib.ArrowInvalid}) and {@link #pythonTraceback()} the full text {@code
 * traceback.format_exception} produced, ending with the same type and message line.
 */
public final class PythonException extends ForeignException {
  @Serial private static final long serialVersionUID = 1L;

  private final String pythonType;
  private final String pythonMessage;
  private final String pythonTraceback;

  PythonException(String pythonType, String pythonMessage, String pythonTraceback) {
    super(pythonType + ": " + pythonMessage);
    this.pythonType = pythonType;
    this.pythonMessage = pythonMessage;
    this.pythonTraceback = pythonTraceback;
  }

  /** The exception's class name, qualified by its module unless it is a builtin. */
  public String pythonType() {
    return pythonType;
  }

  /** {@code str(exception)}. */
  public String pythonMessage() {
    return pythonMessage;
  }

  /** The formatted traceback, as Python would print it. */
  public String pythonTraceback() {
    return pythonTraceback;
  }
}
