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
from worker_helpers import held_back_module, one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            found = []
            for name in ("outside_ns.helper", "outside_wrapped", "outside_lazy"):
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

    _spec = importlib.util.find_spec("own_heavy")
    _spec.loader = importlib.util.LazyLoader(_spec.loader)
    {name} = sys.modules["own_heavy"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module({name})


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            import own_log

            return Response(f"{{type({name}).__name__}} {{own_log.LOG}}")
"""


@pytest.fixture
def cleanup(monkeypatch):
    yield monkeypatch
    for name in [n for n in sys.modules if n.partition(".")[0] in ("outside_ns", "outside_wrapped", "outside_lazy", "own_heavy", "own_log")]:
        del sys.modules[name]


def _held_back(module: types.ModuleType) -> bool:
    return type(module).__name__ == "_LazyModule"


@pytest.mark.asyncio
async def test_modules_of_any_kind_from_outside_the_upload_step_aside(tmp_path, cleanup):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "outside_ns").mkdir()
    (folder / "outside_ns" / "helper.py").write_text("X = 1\n")
    (folder / "outside_wrapped.py").write_text(WRAPPED)
    (folder / "outside_lazy.py").write_text("raise RuntimeError('loaded')\n")
    cleanup.syspath_prepend(str(folder))  # (pytest's rootdir, python -m from the project)
    importlib.import_module("outside_ns.helper")  # a test's imports before the Worker's
    importlib.import_module("outside_wrapped")
    lazy = held_back_module("outside_lazy")
    worker = load_worker(folder)
    answer = await (await worker.fetch("/")).text()
    assert answer == "ModuleNotFoundError ModuleNotFoundError ModuleNotFoundError"
    assert _held_back(lazy)
    assert "outside_ns.helper" in sys.modules and "outside_wrapped" in sys.modules  # (back once the Worker's code is done)


@pytest.mark.asyncio
@pytest.mark.parametrize(("name", "answer"), [("_heavy", "_LazyModule []"), ("heavy", "module ['ran']")])
async def test_a_workers_own_lazily_loaded_module_stays_so_until_read(tmp_path, cleanup, name, answer):
    folder = one_file_worker(tmp_path, LAZY_ENTRY.format(name=name))
    (folder / "src" / "own_heavy.py").write_text("import own_log\n\nown_log.LOG.append('ran')\n")
    (folder / "src" / "own_log.py").write_text("LOG = []\n")
    worker = load_worker(folder)
    assert await (await worker.fetch("/")).text() == answer
