package dev.floe.ffi.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where an interpreter's pieces are, learned by running its executable once: the shared library to
 * load, the home (base prefix) whose standard library embedding needs, and the site-packages of
 * the venv the executable belongs to (a venv's, not the base interpreter's).
 */
record PythonInstall(
    Path executable, Path libpython, Path home, Path stdlib, List<Path> sitePackages, String version) {

  private static final String PROBE =
      "import sys, sysconfig, site, os\n"
          + "print(sysconfig.get_config_var('LIBDIR') or '')\n"
          + "print(sysconfig.get_config_var('LDLIBRARY') or '')\n"
          + "print(sys.base_prefix)\n"
          + "print(sysconfig.get_paths()['stdlib'])\n"
          + "print('%d.%d' % sys.version_info[:2])\n"
          + "print(os.pathsep.join(site.getsitepackages()))\n";

  /** Runs {@code options.python()} to locate its library, home and site-packages, and checks them. */
  static PythonInstall locate(PythonOptions options) {
    Path python = options.python();
    if (!Files.isExecutable(python)) {
      throw new PythonConfigurationException(
          "no Python executable at " + python
              + "; pass PythonOptions.of(path) with a venv's bin/python (scripts/python-env.sh creates one)");
    }
    List<String> lines = probe(python);
    Path libdir = Path.of(lines.get(0));
    String ldlibrary = lines.get(1);
    Path library =
        options.libpython().orElseGet(() -> ldlibrary.isEmpty() ? libdir : libdir.resolve(ldlibrary));
    if (!Files.isRegularFile(library) || !library.getFileName().toString().contains(".so")) {
      throw new PythonConfigurationException(
          "no shared libpython at " + library + " (reported by " + python
              + "); build Python with --enable-shared or pass PythonOptions.withLibpython(path)");
    }
    Path stdlib = Path.of(lines.get(3));
    // CPython aborts the process when it cannot import these at startup: check them first
    for (String required : List.of("os.py", "encodings/__init__.py")) {
      if (!Files.isRegularFile(stdlib.resolve(required))) {
        throw new PythonConfigurationException(
            "the standard library of " + python + " is not at " + stdlib + " (no " + required + " there)");
      }
    }
    List<Path> sites = new ArrayList<>();
    for (String site : lines.get(5).split(java.io.File.pathSeparator)) {
      if (!site.isBlank() && Files.isDirectory(Path.of(site))) {
        sites.add(Path.of(site));
      }
    }
    if (sites.isEmpty()) {
      throw new PythonConfigurationException(
          "no site-packages directory found for " + python + " (site.getsitepackages() gave '"
              + lines.get(5) + "')");
    }
    return new PythonInstall(python, library, Path.of(lines.get(2)), stdlib, List.copyOf(sites), lines.get(4));
  }

  private static List<String> probe(Path python) {
    try {
      Process process =
          new ProcessBuilder(python.toString(), "-I", "-c", PROBE).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new PythonConfigurationException("running " + python + " to locate libpython timed out");
      }
      List<String> lines = output.lines().toList();
      if (process.exitValue() != 0 || lines.size() != 6) {
        throw new PythonConfigurationException(
            "running " + python + " to locate libpython failed (exit " + process.exitValue() + "): " + output);
      }
      return lines;
    } catch (IOException e) {
      throw new PythonConfigurationException("could not run " + python + " to locate libpython", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PythonConfigurationException("interrupted while running " + python, e);
    }
  }
}
