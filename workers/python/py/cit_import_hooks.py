"""Run callbacks right after a module is first imported, and serve stand-in modules.

The compat layer must not import networkx or scipy at boot (they are slow to load and, in
Pyodide, loaded on demand), so patches for them are attached here and applied when a script
imports them. Works on Python 3.8+ (importlib's find_spec/exec_module protocol).
"""
import importlib
import importlib.abc
import importlib.util
import sys

_after_import = {}  # module name -> list of callbacks(module)
_stand_ins = {}  # module name -> factory() returning a module object


class _CallbackLoader(importlib.abc.Loader):
    def __init__(self, inner, name):
        self._inner = inner
        self._name = name

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        for callback in _after_import.pop(self._name, []):
            callback(module)

    def __getattr__(self, attr):
        return getattr(self._inner, attr)


class _StandInLoader(importlib.abc.Loader):
    def __init__(self, factory):
        self._factory = factory

    def create_module(self, spec):
        return self._factory()

    def exec_module(self, module):
        return None


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self._busy = set()

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self._busy:
            return None
        if fullname not in _after_import and fullname not in _stand_ins:
            return None
        self._busy.add(fullname)
        try:
            spec = _find_real_spec(fullname)
        finally:
            self._busy.discard(fullname)
        if spec is None:
            factory = _stand_ins.get(fullname)
            if factory is None:
                return None
            return importlib.util.spec_from_loader(fullname, _StandInLoader(factory))
        if fullname in _after_import and spec.loader is not None:
            spec.loader = _CallbackLoader(spec.loader, fullname)
        return spec


def _find_real_spec(fullname):
    parent = fullname.rpartition(".")[0]
    if parent:
        parent_module = sys.modules.get(parent)
        if parent_module is None:
            return None
        search = getattr(parent_module, "__path__", None)
        if search is None:
            return None
    else:
        search = None
    for finder in sys.meta_path:
        if isinstance(finder, _Finder):
            continue
        find = getattr(finder, "find_spec", None)
        if find is None:
            continue
        spec = find(fullname, search)
        if spec is not None:
            return spec
    return None


_finder = _Finder()


def _ensure_installed():
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)


def call_after_import(name, callback):
    """Run callback(module) now if `name` is imported, else right after its first import."""
    module = sys.modules.get(name)
    if module is not None:
        callback(module)
        return
    _after_import.setdefault(name, []).append(callback)
    _ensure_installed()


def provide_stand_in(name, factory):
    """Serve factory() as module `name`, but only when no real module of that name exists."""
    _stand_ins[name] = factory
    _ensure_installed()


def has_real_module(name):
    """True when a real (not stand-in) top-level module `name` can be imported."""
    if name in sys.modules:
        return not getattr(sys.modules[name], "__cit_stand_in__", False)
    return _find_real_spec(name) is not None


def stand_in_names():
    """Names served by stand-ins because the real module is missing."""
    return sorted(name for name in _stand_ins if not has_real_module(name))
