package dev.floe.ffi.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PythonExceptionTest {
  private final PythonBridge bridge = TestPython.bridge();

  @Test
  void pythonExceptionsCarryTypeMessageAndTraceback() {
    bridge.exec("def inner(x):\n    return 1 / x\n\ndef outer(x):\n    return inner(x)\n");
    PythonException error = catchThrowableOfType(PythonException.class, () -> bridge.call("outer", 0));
    assertThat(error.pythonType()).isEqualTo("ZeroDivisionError");
    assertThat(error.pythonMessage()).isEqualTo("division by zero");
    assertThat(error).hasMessage("ZeroDivisionError: division by zero");
    assertThat(error.pythonTraceback())
        .startsWith("Traceback (most recent call last):")
        .contains("in outer", "in inner", "return 1 / x")
        .endsWith("ZeroDivisionError: division by zero\n");
    assertThat(bridge.call("outer", 4)).isEqualTo(0.25); // the error was cleared
  }

  @Test
  void syntaxNameAndLibraryErrorsAreTyped() {
    PythonException syntax = catchThrowableOfType(PythonException.class, () -> bridge.exec("def broken(:\n"));
    assertThat(syntax.pythonType()).isEqualTo("SyntaxError");
    assertThat(syntax.pythonTraceback()).contains("SyntaxError");
    PythonException name = catchThrowableOfType(PythonException.class, () -> bridge.call("no_such_function", 1));
    assertThat(name.pythonType()).isEqualTo("NameError");
    assertThat(name).hasMessageContaining("no_such_function");
    PythonException custom = catchThrowableOfType(PythonException.class,
        () -> bridge.exec("class Oops(Exception):\n    pass\nraise Oops('custom text')\n"));
    assertThat(custom.pythonType()).isEqualTo("__main__.Oops");
    assertThat(custom.pythonMessage()).isEqualTo("custom text");
  }

  @Test
  void extensionModuleExceptionsAreQualifiedByTheirModule() {
    PythonException arrow = catchThrowableOfType(PythonException.class,
        () -> bridge.eval("__import__('pyarrow').array([1, 'a'])"));
    assertThat(arrow.pythonType()).isEqualTo("pyarrow.lib.ArrowInvalid");
    assertThat(arrow.pythonTraceback()).contains("pyarrow");
  }

  @Test
  void chainedExceptionsKeepTheWholeChainInTheTraceback() {
    PythonException error = catchThrowableOfType(PythonException.class, () -> bridge.exec(
        "try:\n    {}['missing']\nexcept KeyError as e:\n    raise ValueError('wrapped') from e\n"));
    assertThat(error.pythonType()).isEqualTo("ValueError");
    assertThat(error.pythonTraceback()).contains("KeyError: 'missing'", "direct cause", "ValueError: wrapped");
  }

  @Test
  void unconvertibleResultsInsideConversionErrorsDoNotLeaveErrorsSet() {
    PythonException error = catchThrowableOfType(PythonException.class, () -> bridge.eval("'\\ud800'"));
    assertThat(error.pythonType()).isEqualTo("UnicodeEncodeError");
    assertThat(bridge.eval("1 + 1")).isEqualTo(2L);
  }

  @Test
  void systemExitIsAnExceptionNotAProcessExit() {
    PythonException exit = catchThrowableOfType(PythonException.class, () -> bridge.exec("import sys\nsys.exit(3)\n"));
    assertThat(exit.pythonType()).isEqualTo("SystemExit");
    assertThat(exit.pythonMessage()).isEqualTo("3");
    assertThat(bridge.eval("'still running'")).isEqualTo("still running");
  }
}
