"""The suite's test modules in ``sys.modules`` only while a test of theirs runs.

Each process of the suite imports all ~1,570 ``tests/test_*.py`` at collection; a user's pytest
process holds tens. workers-env's loads walk or check ``sys.modules`` (its host modules, the
Worker's scope), so in the suite every load paid for the suite's own size. After collection the
test modules leave ``sys.modules`` (pytest's Module nodes hold them, and so do the test modules
that imported from them); a test's own module, and the test modules it took names from, are put
back under their names from its setup through its teardown (:func:`running`). An import of a
test module that is out (``import test_x`` in a test's body, ``pickle`` finding a class of one,
``mock.patch("test_x.name")``) gets the very module object collection made, not a second copy:
:class:`_HeldFinder`, first on ``sys.meta_path``, answers for a name when the file the import
would load is that module's (an in-process pytester run's own ``test_x.py`` is not). Such a
module stays in ``sys.modules`` until the test ends, as its own module does.
"""

from __future__ import annotations

import importlib.machinery
import sys
from pathlib import Path
from types import FunctionType, ModuleType
from typing import Any

#: name -> the test module collection imported, while it is out of ``sys.modules``
_HELD: dict[str, ModuleType] = {}
#: name -> the other held test modules whose names (functions, classes, the module) it holds
_USES: dict[str, tuple[str, ...]] = {}
#: names put back into ``sys.modules`` for the running test (taken out when it has ended)
_BACK: set[str] = set()


class _HeldLoader:
    """Gives the held module itself; its own ``__spec__`` stays (importlib sets the one it is given)."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.spec = module.__dict__.get("__spec__")

    def create_module(self, spec: Any) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self.spec  # (module_from_spec set the finder's)
        _BACK.add(module.__name__)


class _HeldFinder:
    """Finds a held test module where the import would load its file; nothing else."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        module = _HELD.get(name)
        if module is None or path is not None:
            return None
        found = importlib.machinery.PathFinder.find_spec(name)
        if found is None or found.origin != module.__dict__.get("__file__"):
            return None  # (another file of that name comes first on sys.path: imported as usual)
        return importlib.machinery.ModuleSpec(name, _HeldLoader(module), origin=found.origin)


def _from(value: object) -> object:
    """The name of the module ``value`` (a module, function, class, fixture or instance) is from."""
    if isinstance(value, ModuleType):
        return value.__name__
    if not isinstance(value, (type, FunctionType)):
        value = getattr(value, "_fixture_function", None) or type(value)  # (pytest's fixture definitions hold theirs)
    return getattr(value, "__module__", None)


def hold(folder: Path) -> None:
    """Take the test modules of ``folder`` (its ``test_*.py``, collected or imported by one) out of
    ``sys.modules``, holding them here."""
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) if isinstance(module, ModuleType) else None
        if name.startswith("test_") and isinstance(file, str) and Path(file).parent == folder \
                and Path(file).name == name + ".py":
            _HELD[name] = module
    for name, module in _HELD.items():
        uses = set()
        for value in module.__dict__.values():
            other = _from(value)
            if other != name and other in _HELD:
                uses.add(other)
        _USES[name] = tuple(uses)
    for name in _HELD:
        del sys.modules[name]
    if _HELD and _HeldFinder not in sys.meta_path:
        sys.meta_path.insert(0, _HeldFinder)  # type: ignore[arg-type]


def running(module: ModuleType) -> None:
    """Put ``module`` (the test's) and the test modules it took names from back in ``sys.modules``."""
    name = module.__name__
    if _HELD.get(name) is not module:
        return
    for each in (name, *_USES[name]):
        if each not in sys.modules:
            sys.modules[each] = _HELD[each]
            _BACK.add(each)


def ended() -> None:
    """Take out again the held modules put back while the test ran (a later import puts them back)."""
    for name in _BACK:
        if sys.modules.get(name) is _HELD[name]:
            del sys.modules[name]
    _BACK.clear()
