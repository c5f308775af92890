package dev.floe.ffi.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.errors.InvalidOperationException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonBridgeTest {
  private final PythonBridge bridge = TestPython.bridge();

  @Test
  void startsTheVenvInterpreterWithItsSitePackagesFirst() {
    assertThat(bridge.pythonVersion()).matches("3\\.\\d+");
    assertThat(PythonBridge.get()).isSameAs(bridge);
    bridge.exec("import sys, pyarrow, polars, numpy");
    String venv = TestPython.executable().getParent().getParent().toString();
    bridge.exec("import sysconfig\nfirst_site = next(p for p in sys.path if p.endswith('site-packages'))\n");
    assertThat((String) bridge.eval("first_site")).startsWith(venv);
    assertThat(bridge.eval("sys.path.index(first_site) < sys.path.index(sysconfig.get_paths()['stdlib'])"))
        .isEqualTo(true);
    assertThat((String) bridge.eval("pyarrow.__file__")).startsWith(venv);
    assertThat((String) bridge.eval("sys.executable")).isEqualTo(TestPython.executable().toString());
    assertThat(bridge.eval("__import__('os').environ.get('PYTHONHOME')")).isNull();
    assertThat(bridge.eval("int(numpy.arange(10).sum())")).isEqualTo(45L);
  }

  @Test
  void convertsSimplePythonValuesToJava() {
    assertThat(bridge.eval("None")).isNull();
    assertThat(bridge.eval("True")).isEqualTo(true);
    assertThat(bridge.eval("1 == 2")).isEqualTo(false);
    assertThat(bridge.eval("-42")).isEqualTo(-42L);
    assertThat(bridge.eval("2**63 - 1")).isEqualTo(Long.MAX_VALUE);
    assertThat(bridge.eval("2**64")).isEqualTo(BigInteger.TWO.pow(64));
    assertThat(bridge.eval("-(2**70)")).isEqualTo(BigInteger.TWO.pow(70).negate());
    assertThat(bridge.eval("0.5")).isEqualTo(0.5);
    assertThat(bridge.eval("float('nan')")).isEqualTo(Double.NaN);
    assertThat(bridge.eval("'héllo 🌊'")).isEqualTo("héllo 🌊");
    assertThat(bridge.eval("''")).isEqualTo("");
    assertThat((byte[]) bridge.eval("bytes([0, 1, 255])")).containsExactly(0, 1, -1);
    assertThat(bridge.eval("[1, 'a', None, [2.5]]")).isEqualTo(Arrays.asList(1L, "a", null, List.of(2.5)));
    assertThat(bridge.eval("(1, (2, 3))")).isEqualTo(List.of(1L, List.of(2L, 3L)));
    assertThat(bridge.eval("{'a': 1, 2: [True]}")).isEqualTo(Map.of("a", 1L, 2L, List.of(true)));
  }

  @Test
  void execDefinesFunctionsThatCallConvertsArgumentsFor() {
    bridge.exec("def describe(*args):\n    return [type(a).__name__ for a in args]\n");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", 1);
    Object result = bridge.call("describe", null, true, 1, 2L, (short) 3, BigInteger.TEN.pow(30), 1.5f, 2.5, "s",
        new byte[] {1}, List.of(1), map);
    assertThat(result).isEqualTo(List.of("NoneType", "bool", "int", "int", "int", "int", "float", "float", "str",
        "bytes", "list", "dict"));
    bridge.exec("def echo(x):\n    return x\n");
    assertThat(bridge.call("echo", BigInteger.TEN.pow(30))).isEqualTo(BigInteger.TEN.pow(30));
    assertThat(bridge.call("echo", "ünïcode")).isEqualTo("ünïcode");
    assertThat(bridge.call("echo", Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void callsDottedFunctionNames() {
    bridge.exec("import json");
    assertThat(bridge.call("json.dumps", List.of(1, "x"))).isEqualTo("[1, \"x\"]");
    assertThat(bridge.call("max", 3, 9, 4)).isEqualTo(9L);
  }

  @Test
  void namespacesAreSeparate() {
    bridge.exec("ns-a", "x = 1");
    bridge.exec("ns-b", "x = 2");
    assertThat(bridge.eval("ns-a", "x")).isEqualTo(1L);
    assertThat(bridge.eval("ns-b", "x")).isEqualTo(2L);
    assertThat(bridge.eval("ns-a", "__name__")).isEqualTo("ns-a");
    bridge.exec("ns-a", "def inc(v):\n    return v + x\n");
    assertThat(bridge.callIn("ns-a", "inc", 41)).isEqualTo(42L);
  }

  @Test
  void objectRefsHoldPythonObjectsAndPassBack() {
    bridge.exec("import pyarrow as pa\nimport sys\n");
    PyObjectRef table = bridge.evalRef("pa.table({'a': [1, 2, 3]})");
    try {
      assertThat(table.isClosed()).isFalse();
      assertThat(bridge.call("len", table)).isEqualTo(3L);
      Object column = bridge.callMethod(table, "column", "a");
      assertThat(column).isInstanceOf(PyObjectRef.class);
      ((PyObjectRef) column).close();
      assertThat(bridge.call("lambda t: t.column('a').to_pylist()", table)).isEqualTo(List.of(1L, 2L, 3L));
      Object nested = bridge.eval("[object()]");
      assertThat(nested).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
      ((PyObjectRef) ((List<?>) nested).get(0)).close();
      bridge.exec("held = []");
      bridge.call("held.append", table);
      long before = (Long) bridge.eval("sys.getrefcount(held[0])");
      table.close();
      table.close();
      assertThat(table.isClosed()).isTrue();
      assertThat((Long) bridge.eval("sys.getrefcount(held[0])")).isEqualTo(before - 1);
      assertThatThrownBy(() -> bridge.call("len", table)).isInstanceOf(InvalidOperationException.class)
          .hasMessageContaining("closed");
      bridge.exec("del held");
    } finally {
      table.close();
    }
  }

  @Test
  void unsupportedJavaArgumentsAreRejected() {
    assertThatThrownBy(() -> bridge.call("len", new Object())).isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void extraPathsGoFirstOnSysPathEvenOnceStarted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("floe_extra_module.py"), "ANSWER = 42\n");
    PythonBridge same = PythonBridge.start(PythonOptions.of(TestPython.executable()).withExtraPath(dir));
    assertThat(same).isSameAs(bridge);
    assertThat(bridge.eval("__import__('sys').path[0]")).isEqualTo(dir.toAbsolutePath().toString());
    assertThat(bridge.eval("__import__('floe_extra_module').ANSWER")).isEqualTo(42L);
  }
}
