package dev.floe.ffi.python;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonConfigurationTest {

  @Test
  void aMissingExecutableNamesThePathAndTheFix(@TempDir Path dir) {
    Path missing = dir.resolve("no-python");
    assertThatThrownBy(() -> PythonBridge.start(PythonOptions.of(missing)))
        .isInstanceOf(PythonConfigurationException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("PythonOptions");
  }

  @Test
  void aMissingLibpythonNamesThePathAndTheFix(@TempDir Path dir) {
    Path missing = dir.resolve("libpython3.99.so");
    assertThatThrownBy(() -> PythonBridge.start(PythonOptions.of(TestPython.executable()).withLibpython(missing)))
        .isInstanceOf(PythonConfigurationException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("withLibpython");
  }

  @Test
  void aSecondInterpreterIsRefusedOnceOneRuns(@TempDir Path dir) throws Exception {
    TestPython.bridge();
    Path other = java.nio.file.Files.createFile(dir.resolve("libother.so"));
    assertThatThrownBy(() -> PythonBridge.start(PythonOptions.of(TestPython.executable()).withLibpython(other)))
        .isInstanceOf(PythonConfigurationException.class)
        .hasMessageContaining("already running")
        .hasMessageContaining(other.toString());
  }
}
