package dev.floe.ffi.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import org.junit.jupiter.api.Test;

class PythonBridgeLifecycleTest {

  @Test
  void closingStopsTheBridgeButNotTheInterpreter() {
    PythonBridge bridge = TestPython.bridge();
    bridge.exec("survivor = 'main state'");
    bridge.exec("private-ns", "secret = 1");
    PyObjectRef kept = bridge.evalRef("[1, 2]");
    bridge.close();
    bridge.close();
    assertThatThrownBy(() -> bridge.eval("1")).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(PythonBridge::get).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("PythonBridge.start");

    PythonBridge again = TestPython.bridge();
    assertThat(again).isNotSameAs(bridge);
    assertThat(PythonBridge.get()).isSameAs(again);
    assertThat(again.eval("survivor")).isEqualTo("main state"); // same interpreter, same __main__
    assertThatThrownBy(() -> again.eval("private-ns", "secret")).isInstanceOf(PythonException.class)
        .hasMessageContaining("NameError"); // private namespaces went with the old bridge
    assertThat(again.call("len", kept)).isEqualTo(2L); // references outlive the bridge that made them
    kept.close();
  }
}
