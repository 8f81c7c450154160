"""The ``__spec__`` of each stand-in module -- what ``importlib.util.find_spec`` gives for it -- shaped as production's.

``importlib.util.find_spec(name)`` of a module already imported answers its ``__spec__`` (a
``ValueError`` when that is ``None``), and libraries ask it to see whether an optional module is
there (``find_spec("js")`` to tell Pyodide from CPython). In a Python Worker every one of them has
one (measured in real Pyodide 0.26.0a4, 0.28.2 and 314.0.6): ``js`` Pyodide's ``JsLoader``'s, origin
``javascript``, a package; ``pyodide`` and ``pyodide.*`` the standard library zip's
(``/lib/python313.zip/pyodide/ffi/__init__.py``); ``workers`` and ``asgi`` files -- in
site-packages where workerd writes its built-in SDK, or, in the external-SDK era, its stub
(``injectWorkersApi``: ``<site-packages>/workers/__init__.py``, ``<site-packages>/asgi.py``), or in
``/session/metadata/python_modules`` where pywrangler vendors ``workers-runtime-sdk``. Here each
stand-in answers the spec of the running Worker's Python (outside Worker code, the 0.28 era's), by
the same name, origin, package-ness and loader's name, and its ``__file__``, ``__cached__`` and
``__path__`` are that spec's; ``module_from_spec`` of it is a new module, as production's
(``js``'s, a JavaScript module's, the stand-in itself). In a loading
thread that meets production's stub (runtime/nosdk.py), ``workers``/``asgi`` answer the stub's
spec, whose loader runs the stub.
"""

from __future__ import annotations

import importlib.abc
import sys
import zipimport
from importlib.machinery import ModuleSpec, SourceFileLoader
from importlib.util import spec_from_file_location
from types import ModuleType
from typing import Any

from workers_env.config.compat import PYTHON_RELEASES
from workers_env.runtime.current import current_runtime
from workers_env.runtime.nosdk import stub_folder, stub_source

__all__ = ["SpecModule", "StandinFinder", "StandinModule", "with_spec"]

#: the Pyodide of Worker code outside any Worker (the 0.28 era's, as ``pyodide.__version__``)
_OUTSIDE = "0.28.2"
#: where workerd puts what pywrangler vendors (``setup_python_search_path.py``)
PYTHON_MODULES = "/session/metadata/python_modules"
#: the stand-ins that are JavaScript objects registered as modules (``registerJsModule``)
_JS_MODULES = ("js", "_cloudflare_compat_flags")
#: the top-level names of the stand-ins :func:`with_spec` gives a spec
_COVERED = ("js", "pyodide", "workers", "asgi", "_cloudflare_compat_flags")
#: (name, folder) -> the spec handed out: the same object each time for one era, as a module's own
_SPECS: dict[tuple[str, str], ModuleSpec] = {}


#: what a module loaded from a file's spec holds of its own, set by the import system
_MODULE_ATTRS = frozenset({"__name__", "__spec__", "__loader__", "__package__", "__file__", "__cached__", "__path__"})


class _StandinLoader(importlib.abc.Loader):
    """Loads a file's module as production's loader does: ``module_from_spec`` of an imported
    stand-in's spec gives a new module (real Pyodide 0.26.0a4, 0.28.2 and 314.0.6: the spec's
    ``__file__``, ``__cached__``, ``__path__`` and kin, nothing else), executing it fills it with the stand-in's names -- a second copy, as running
    the file again makes. An import of a stand-in not in ``sys.modules`` (``workers.asgi`` after
    another Worker's SDK lacked it) gets the stand-in itself; executing it changes nothing."""

    def __init__(self, module: ModuleType):
        self._module = module

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        # imported already (``workers.asgi`` also as ``asgi``, its other name): a new module
        imported = sys.modules.get(spec.name) is self._module or sys.modules.get(spec.name.rpartition(".")[2]) is self._module
        return None if imported else self._module

    def exec_module(self, module: ModuleType) -> None:
        if module is not self._module:
            for name, value in vars(self._module).items():
                if name not in _MODULE_ATTRS:
                    setattr(module, name, value)


class _ZipLoader(_StandinLoader):
    """The standard library zip's loader, ``zipimport.zipimporter`` (``pyodide``, ``pyodide.*``),
    one per folder of the zip (``prefix``: ``/lib/python313.zip/pyodide/`` for ``pyodide.ffi``).
    Of its methods, those a library asks of an imported module answer for its module as real
    Pyodide's do; no source is read (there is no zip: no ``get_source``)."""

    def __init__(self, module: ModuleType, prefix: str):
        super().__init__(module)
        self._prefix = prefix

    def _own(self, fullname: str) -> None:
        if fullname != self._module.__name__:  # (production finds a sibling in its folder too)
            raise zipimport.ZipImportError(f"can't find module {fullname!r}", name=fullname)

    def is_package(self, fullname: str) -> bool:
        self._own(fullname)
        return _is_package(self._module)

    def get_filename(self, fullname: str) -> str:
        self._own(fullname)
        return str(spec_of(self._module).origin)

    def __repr__(self) -> str:
        return f'<zipimporter object "{self._prefix}">'


_ZipLoader.__name__ = _ZipLoader.__qualname__ = "zipimporter"
_ZipLoader.__module__ = "zipimport"


class _JsLoader(_StandinLoader):
    """Pyodide's ``JsLoader`` (``_pyodide._importhook``) of a JavaScript module: its
    ``module_from_spec`` is the module itself (``js``, ``pyodide_js``: measured)."""

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return self._module

    def is_package(self, fullname: str) -> bool:
        return True  # Pyodide's JsLoader: every JavaScript module is a package


_JsLoader.__name__ = _JsLoader.__qualname__ = "JsLoader"
_JsLoader.__module__ = "_pyodide._importhook"


# (ignore: typeshed's SourceFileLoader brings two source_to_code definitions, SourceLoader's and
# InspectLoader's, that mypy finds incompatible in any class that adds a base -- typeshed ignores the
# same error on its own importlib.abc.SourceLoader; at run time SourceFileLoader has no InspectLoader)
class _SdkFileLoader(_StandinLoader, SourceFileLoader):  # type: ignore[misc]
    """A file of the SDK (``workers/__init__.py``, ``asgi.py``), as Python's ``SourceFileLoader``
    names it; it loads the stand-in itself."""

    def __init__(self, module: ModuleType, path: str):
        SourceFileLoader.__init__(self, module.__name__, path)
        _StandinLoader.__init__(self, module)


class _StubLoader(SourceFileLoader):
    """workerd's stub file (``workers/__init__.py``, ``asgi.py`` of site-packages): executed,
    it raises production's ``ModuleNotFoundError``."""

    def get_data(self, path: str) -> bytes:
        return stub_source(self.name).encode()

    def path_stats(self, path: str) -> Any:
        raise OSError(path)  # no file to date: nothing cached is read or written


# named as production's loader of a file, ``importlib.machinery.SourceFileLoader``
for _loader in (_SdkFileLoader, _StubLoader):
    _loader.__name__ = _loader.__qualname__ = "SourceFileLoader"


def _python() -> tuple[int, int]:
    runtime = current_runtime()
    pyodide = getattr(runtime, "pyodide_version", None) or _OUTSIDE
    return next((r.python for r in PYTHON_RELEASES if r.pyodide == pyodide),
                (3, 14) if not pyodide.startswith("0.") else (3, 13))


def _sdk_folder(python: tuple[int, int]) -> str:
    """Where the running Worker's ``workers``/``asgi`` file is: the external SDK's vendored
    copy, else site-packages (workerd's built-in SDK)."""
    era = getattr(current_runtime(), "era", None)
    if era is not None and era.external_sdk:
        return PYTHON_MODULES
    return f"/lib/python{python[0]}.{python[1]}/site-packages"


def _is_package(module: ModuleType) -> bool:
    """Whether the stand-in is a package: it has a ``__path__`` of its own or, by era, from its
    module ``__getattr__`` (``pyodide.http`` from Pyodide 0.29)."""
    if "__path__" in vars(module):
        return True
    getter = vars(module).get("__getattr__")
    try:
        return getter is not None and getter("__path__") is not None
    except AttributeError:
        return False


def _file_spec(module: ModuleType, folder: str, python: tuple[int, int], loader: Any = None) -> ModuleSpec:
    """The spec of ``module`` as a file under ``folder`` (a package's ``__init__.py``), its
    ``cached`` the bytecode path the era's Python names (``cpython-313``); the loader by
    default the SDK file's, :class:`_SdkFileLoader`."""
    name = module.__name__
    path = name.replace(".", "/")
    package = _is_package(module)
    origin = f"{folder}/{path}/__init__.py" if package else f"{folder}/{path}.py"
    if loader is None:
        loader = _SdkFileLoader(module, origin)
    spec = spec_from_file_location(name, origin, loader=loader,
                                   submodule_search_locations=[f"{folder}/{path}"] if package else None)
    assert spec is not None
    tag = f"cpython-{python[0]}{python[1]}"
    head, _, tail = origin.rpartition("/")
    spec.cached = f"{head}/__pycache__/{tail[:-3]}.{tag}.pyc"
    return spec


def spec_of(module: ModuleType) -> ModuleSpec:
    """``module``'s spec as production's for the running Worker (see the module docstring)."""
    name = module.__name__
    top = name.partition(".")[0]
    python = _python()
    if top in ("workers", "asgi"):
        stubbed = stub_folder()
        if stubbed is not None and "." not in name:
            key = (name, "stub:" + stubbed)
            if key not in _SPECS:
                origin = f"{stubbed}/workers/__init__.py" if name == "workers" else f"{stubbed}/asgi.py"
                _SPECS[key] = _file_spec(module, stubbed, python, _StubLoader(name, origin))
            return _SPECS[key]
        folder = _sdk_folder(python)
        key = (name, f"{folder}:{python}")  # one folder for Python 3.13 and 3.14: ``cached`` differs
        if key not in _SPECS:
            _SPECS[key] = _file_spec(module, folder, python)
        return _SPECS[key]
    if name in _JS_MODULES:
        key = (name, "javascript")
        if key not in _SPECS:
            _SPECS[key] = ModuleSpec(name, _JsLoader(module), origin="javascript", is_package=True)
        return _SPECS[key]
    folder = f"/lib/python{python[0]}{python[1]}.zip"
    key = (name, folder)
    if key not in _SPECS:
        parent = name.rpartition(".")[0].replace(".", "/")
        prefix = f"{folder}/{parent}/" if parent else f"{folder}/"
        _SPECS[key] = _file_spec(module, folder, python, _ZipLoader(module, prefix))
    return _SPECS[key]


class _FromSpec:
    """``__file__``/``__cached__``/``__path__``/``__package__``/``__loader__`` of a stand-in: its
    :func:`spec_of`'s ``origin``, ``cached``, ``submodule_search_locations``, ``parent`` and
    ``loader``, as a module loaded from that spec holds them
    (real Pyodide: ``pyodide.__file__`` is ``/lib/python313.zip/pyodide/__init__.py``); absent
    where the spec has none (``js``'s ``__file__``, a module's ``__path__``). Setting one
    (``importlib.reload``) changes nothing read: the stand-in is shared by every Worker's era."""

    def __init__(self, field: str):
        self._field = field

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, module: Any, owner: type | None = None) -> Any:
        if module is None:
            return self
        spec = spec_of(module)
        value = getattr(spec, self._field) if spec.has_location or self._field in _WITHOUT_LOCATION else None
        if value is None:
            raise AttributeError(f"module {module.__name__!r} has no attribute {self._name!r}")
        return value

    def __set__(self, module: Any, value: Any) -> None:
        # ``__path__`` kept as the mark of a package (:func:`_is_package`) -- not set again on one (a
        # reload in the 3.14 era would make ``pyodide.http``, a package from Pyodide 0.29 only, one in all)
        if self._name == "__path__" and not _is_package(module):
            vars(module)["__path__"] = value


#: the spec's fields a module holds whether or not the spec has a location (``js``'s too)
_WITHOUT_LOCATION = frozenset({"submodule_search_locations", "parent", "loader"})


class SpecModule(ModuleType):
    """A stand-in module whose ``__spec__`` is :func:`spec_of`'s, read each time (the running
    Worker's era decides it), and its ``__file__``, ``__cached__``, ``__path__``, ``__package__``
    and ``__loader__`` that spec's; setting them (``module_from_spec``, a reload) changes nothing.
    A JavaScript module's (``js``: no file) is one of these; a file's is a :class:`StandinModule`."""

    __file__ = _FromSpec("origin")
    __cached__ = _FromSpec("cached")
    __path__ = _FromSpec("submodule_search_locations")
    __package__ = _FromSpec("parent")
    __loader__ = _FromSpec("loader")

    @property  # type: ignore[override]
    def __spec__(self) -> ModuleSpec:
        return spec_of(self)

    @__spec__.setter
    def __spec__(self, value: Any) -> None:
        pass


class StandinModule(SpecModule):
    """A stand-in module of a file (``pyodide``, ``workers``, ``asgi``, ...): a :class:`SpecModule`
    whose dict holds its ``__file__`` too, as CPython reads it there (:func:`file_in_dict`)."""

    def __getattr__(self, name: str) -> Any:
        """A name the module lacks: its own ``AttributeError``, once the module's dict holds the
        running Worker's ``__file__`` -- which ``from M import name``'s ``ImportError`` names
        (``cannot import name 'x' from 'workers.asgi' (/session/metadata/python_modules/workers/asgi.py)``:
        CPython reads the dict, not the attribute, and said ``(unknown location)`` without it)."""
        file_in_dict(self)
        return ModuleType.__getattribute__(self, name)


def file_in_dict(module: ModuleType) -> None:
    """Put ``module``'s ``__file__`` for the running Worker in its dict, as a module loaded from
    a file holds it (none for ``js``): CPython's own readers of a module's file, the
    ``ImportError`` of ``from M import name`` among them, read the dict."""
    spec = spec_of(module)
    if spec.has_location and spec.origin is not None:
        vars(module)["__file__"] = spec.origin
    else:
        vars(module).pop("__file__", None)


def with_spec(modules: dict[str, ModuleType]) -> dict[str, ModuleType]:
    """``modules`` (the stand-ins by name), each plain module now a :class:`StandinModule`."""
    for name, module in modules.items():
        if type(module) is ModuleType and name.partition(".")[0] in _COVERED:
            # (a JavaScript module has no file: no miss of ``js`` runs more than its own lookup)
            module.__class__ = SpecModule if name in _JS_MODULES else StandinModule
            file_in_dict(module)  # (listed by dir() as production's; kept current at each miss)
    return modules


class StandinFinder(importlib.abc.MetaPathFinder):
    """First on ``sys.meta_path``: the spec of a stand-in being reloaded (``importlib.reload``
    asks the finders with the module as ``target``) is its own, as Pyodide's zipimporter or
    ``JsFinder`` finds the module again; no other import is answered here."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if isinstance(target, SpecModule) and target.__name__ == fullname:
            return spec_of(target)
        return None


if not any(isinstance(finder, StandinFinder) for finder in sys.meta_path):
    sys.meta_path.insert(0, StandinFinder())  # ahead of a path search finding a ``pyodide`` installed for type hints
