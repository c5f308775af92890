package dev.floe.ffi.python;

/**
 * The Python source the bridge runs once, in a private namespace, right after CPython starts: the
 * helpers {@link PythonRuntime} calls (sys.path set-up, compiling with traceback-visible sources,
 * exception formatting) and the classes exposing Arrow capsules through the PyCapsule protocol.
 */
final class Bootstrap {
  /** The helper module's source. */
  static final String SOURCE = """
import itertools
import linecache
import os
import site
import sys
import traceback

# The bridge set PYTHONHOME only so the embedded interpreter finds its standard library; child
# processes Python starts must not inherit it (a venv's python would then lose its site-packages).
os.environ.pop("PYTHONHOME", None)


def floe_prepend(paths):
    '''Puts paths first on sys.path, in order, processing their .pth files.'''
    for path in reversed(paths):
        site.addsitedir(path)
        while path in sys.path:
            sys.path.remove(path)
        sys.path.insert(0, path)


def floe_setup(paths, executable):
    '''Puts paths (extra entries, then the venv's site-packages) first on sys.path.'''
    floe_prepend(paths)
    sys.executable = executable
    if not getattr(sys, "argv", None):
        sys.argv = [""]


_sources = itertools.count(1)
_registered = []


def floe_compile(source, mode):
    '''Compiles code under a unique file name whose text linecache knows, so tracebacks show it.'''
    name = "<floe-%d>" % next(_sources)
    code = compile(source, name, mode)
    if mode == "exec":  # expressions are short; statements define the functions worth showing
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        _registered.append(name)
        if len(_registered) > 1000:  # bound the memory kept for sources
            linecache.cache.pop(_registered.pop(0), None)
    return code


def floe_format(kind, value, trace):
    '''(qualified type name, str(value), formatted traceback) for an exception the bridge caught.'''
    name = getattr(kind, "__qualname__", None) or str(kind)
    module = getattr(kind, "__module__", None)
    if module and module != "builtins":
        name = module + "." + name
    try:
        message = "" if value is None else str(value)
    except Exception:
        message = "<unprintable exception>"
    try:
        text = "".join(traceback.format_exception(kind, value, trace))
    except Exception:
        text = name + ": " + message + "\\n"
    return (name, message, text)


class ArrowStreamExport:
    '''Exposes one ArrowArrayStream capsule through the Arrow PyCapsule protocol; consumable once.'''

    __slots__ = ("_capsule",)

    def __init__(self, capsule):
        self._capsule = capsule

    def __arrow_c_stream__(self, requested_schema=None):
        capsule = self._capsule
        if capsule is None:
            raise RuntimeError("this Arrow stream from Floe was already consumed")
        self._capsule = None
        return capsule


class ArrowArrayExport:
    '''Exposes an (ArrowSchema, ArrowArray) capsule pair through the PyCapsule protocol; consumable once.'''

    __slots__ = ("_capsules",)

    def __init__(self, schema, array):
        self._capsules = (schema, array)

    def __arrow_c_array__(self, requested_schema=None):
        capsules = self._capsules
        if capsules is None:
            raise RuntimeError("this Arrow array from Floe was already consumed")
        self._capsules = None
        return capsules


class ArrowSchemaExport:
    '''Exposes one ArrowSchema capsule through __arrow_c_schema__; consumable once (one struct).'''

    __slots__ = ("_capsule",)

    def __init__(self, capsule):
        self._capsule = capsule

    def __arrow_c_schema__(self):
        capsule = self._capsule
        if capsule is None:
            raise RuntimeError("this Arrow schema from Floe was already consumed")
        self._capsule = None
        return capsule
""";

  private Bootstrap() {}
}
