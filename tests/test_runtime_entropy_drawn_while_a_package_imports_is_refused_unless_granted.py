"""Production's top-level entropy patches (workerd ``topLevelEntropy/entropy_patches.py``) refuse a
draw whoever makes it, so a package the Worker's top level imports that draws at import -- a
``uuid4()`` naming an in-memory store, an ``os.urandom`` key -- fails the Worker's start with
``OSError(29, ...)`` (egnaro9/crashkit's first port: "the module raised before a single route was
registered"), vendored in ``python_modules/`` or installed; only the modules the runtime's
``entropy_import_context*.py`` grant draws (``litestar.constants``, ``opentelemetry.context``, ...)
import at the top level. The same package imported by a handler draws freely."""

from __future__ import annotations

import sys

import pytest
from worker_helpers import ATTEMPT_IMPORT, one_file_worker

from workers_env import load_worker

ENTRY = ATTEMPT_IMPORT + """
AT_TOP = [attempt("vendored_draw"), attempt("installed_draw"), attempt("litestar.constants")]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([AT_TOP, attempt("late_draw")])
"""


@pytest.fixture
def packages(tmp_path, monkeypatch):
    """An installed library folder on ``sys.path``: a module drawing in a function its import
    calls, a stand-in ``litestar`` whose ``constants`` draws, and one imported only later."""
    library = tmp_path / "lib"
    (library / "litestar").mkdir(parents=True)
    (library / "installed_draw.py").write_text("import uuid\n\ndef store():\n    return uuid.uuid4().hex\n\nNAME = store()\n")
    (library / "litestar" / "__init__.py").write_text("")
    (library / "litestar" / "constants.py").write_text("import os\nHANDLER = os.urandom(4).hex()\n")
    (library / "late_draw.py").write_text("import secrets\nTOKEN = secrets.token_hex(4)\n")
    monkeypatch.syspath_prepend(str(library))
    for name in ("vendored_draw", "installed_draw", "litestar", "litestar.constants", "late_draw"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    return library


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-08-01"])
async def test_a_packages_draw_at_import_is_refused_at_the_top_level_unless_production_grants_it(
        tmp_path, monkeypatch, packages, date):
    folder = one_file_worker(tmp_path / "w", ENTRY, date=date)
    (folder / "python_modules" / "vendored_draw").mkdir(parents=True)
    (folder / "python_modules" / "vendored_draw" / "__init__.py").write_text("import os\nKEY = os.urandom(8)\n")
    monkeypatch.syspath_prepend(str(folder / "python_modules"))  # as PYTHONPATH=python_modules
    worker = load_worker(folder)
    at_top, late = await (await worker.fetch("/")).json()
    assert at_top == ["OSError: 29", "OSError: 29", "ran"]
    assert late == "ran"


def test_an_uncaught_refusal_in_a_packages_import_fails_the_load(tmp_path, packages):
    folder = one_file_worker(tmp_path / "w", """
import installed_draw
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(installed_draw.NAME)
""")
    with pytest.raises(OSError) as caught:
        load_worker(folder)
    assert caught.value.errno == 29
    assert "installed_draw" not in sys.modules  # the failed import left nothing behind
