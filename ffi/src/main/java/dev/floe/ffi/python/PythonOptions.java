package dev.floe.ffi.python;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to find the CPython that {@link PythonBridge} embeds. The {@code python} executable (usually
 * a venv's {@code bin/python}) is run once to learn where its shared {@code libpython}, standard
 * library and site-packages are; {@code libpython} overrides the library it reports (needed when
 * the interpreter was built without {@code --enable-shared}, or to pick a specific build); {@code
 * extraPaths} are put at the front of {@code sys.path}, before the venv's site-packages.
 *
 * @param python the Python executable to inspect; required
 * @param libpython an explicit shared library path, or empty to use the one the executable reports
 * @param extraPaths directories prepended to {@code sys.path}, in order
 */
public record PythonOptions(Path python, Optional<Path> libpython, List<Path> extraPaths) {

  /** Validates and copies the arguments. */
  public PythonOptions {
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(libpython, "libpython");
    extraPaths = List.copyOf(extraPaths);
  }

  /** Options for the given Python executable, with its own libpython and no extra paths. */
  public static PythonOptions of(Path python) {
    return new PythonOptions(python, Optional.empty(), List.of());
  }

  /** A copy using {@code executable} as the Python to inspect. */
  public PythonOptions withPython(Path executable) {
    return new PythonOptions(executable, libpython, extraPaths);
  }

  /** A copy loading {@code library} instead of the libpython the executable reports. */
  public PythonOptions withLibpython(Path library) {
    return new PythonOptions(python, Optional.of(library), extraPaths);
  }

  /** A copy with {@code directory} appended to the extra {@code sys.path} entries. */
  public PythonOptions withExtraPath(Path directory) {
    List<Path> paths = new ArrayList<>(extraPaths);
    paths.add(Objects.requireNonNull(directory, "directory"));
    return new PythonOptions(python, libpython, paths);
  }
}
