"""Modules a test imported from the project's folders a deploy leaves out step aside while Worker
code runs whatever their kind, and the walks of ``sys.modules`` load none that
``importlib.util.LazyLoader`` holds back (production would not have run it):

* a namespace package (a folder without ``__init__.py``) beside ``src/``: ``import nspkg.helper``
  is ``ModuleNotFoundError`` as deployed (the walk went by ``__file__``, which it has none of);
* a module that put an object in its own place in ``sys.modules`` (a wrapper delegating to the
  module): review48's walk read only the wrapper's own ``__dict__`` and let it import;
* a module of the project LazyLoader holds back steps aside without being loaded (reading its
  ``__file__`` past the class loaded it).

And a module of the Worker's own that LazyLoader holds back stays unloaded after its top level
when it is no public name of the main module (the end of the step asked ``isinstance`` of it,
which reads ``__class__`` and loads it); a public one is loaded by the scan for entrypoint
classes, as workerd's ``introspection.py`` (``isclass`` of each public name) loads it in the
isolate -- with the Worker's imports."""

from __future__ import annotations

import importlib.util
import sys
import types

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            found = []
            for name in ("r49ns.helper", "r49wrapped", "r49lazy"):
                try:
                    __import__(name)
                    found.append(name)
                except ImportError as exc:
                    found.append(type(exc).__name__)
            return Response(" ".join(found))
"""

WRAPPED = """\
import sys

X = 1


class _Wrapper:
    def __init__(self, module):
        self._module = module

    def __getattr__(self, name):
        return getattr(self._module, name)


sys.modules[__name__] = _Wrapper(sys.modules[__name__])
"""

#: the Worker's main module holds a module of its folder that LazyLoader holds back, by the name ``{name}``
LAZY_ENTRY = """\
    import importlib.util
    import sys

    from workers import Response, WorkerEntrypoint

    _spec = importlib.util.find_spec("r49heavy")
    _spec.loader = importlib.util.LazyLoader(_spec.loader)
    {name} = sys.modules["r49heavy"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module({name})


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            import r49log

            return Response(f"{{type({name}).__name__}} {{r49log.LOG}}")
"""


@pytest.fixture
def cleanup(monkeypatch):
    yield monkeypatch
    for name in [n for n in sys.modules if n.partition(".")[0] in ("r49ns", "r49wrapped", "r49lazy", "r49heavy", "r49log")]:
        del sys.modules[name]


def _held_back(module: types.ModuleType) -> bool:
    return type(module).__name__ == "_LazyModule"


@pytest.mark.asyncio
async def test_modules_of_any_kind_from_outside_the_upload_step_aside(tmp_path, cleanup):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "r49ns").mkdir()
    (folder / "r49ns" / "helper.py").write_text("X = 1\n")
    (folder / "r49wrapped.py").write_text(WRAPPED)
    (folder / "r49lazy.py").write_text("raise RuntimeError('loaded')\n")
    cleanup.syspath_prepend(str(folder))  # (pytest's rootdir, python -m from the project)
    import r49ns.helper  # noqa: F401 - a test's imports before the Worker's
    import r49wrapped  # noqa: F401
    spec = importlib.util.find_spec("r49lazy")
    spec.loader = importlib.util.LazyLoader(spec.loader)
    lazy = sys.modules["r49lazy"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lazy)
    worker = load_worker(folder)
    answer = await (await worker.fetch("/")).text()
    assert answer == "ModuleNotFoundError ModuleNotFoundError ModuleNotFoundError"
    assert _held_back(lazy)
    assert "r49ns.helper" in sys.modules and "r49wrapped" in sys.modules  # (back once the Worker's code is done)


@pytest.mark.asyncio
@pytest.mark.parametrize(("name", "answer"), [("_heavy", "_LazyModule []"), ("heavy", "module ['ran']")])
async def test_a_workers_own_lazily_loaded_module_stays_so_until_read(tmp_path, cleanup, name, answer):
    folder = one_file_worker(tmp_path, LAZY_ENTRY.format(name=name))
    (folder / "src" / "r49heavy.py").write_text("import r49log\n\nr49log.LOG.append('ran')\n")
    (folder / "src" / "r49log.py").write_text("LOG = []\n")
    worker = load_worker(folder)
    assert await (await worker.fetch("/")).text() == answer
