"""``from M import missing`` of a runtime module names the module's file as production does:
``cannot import name 'nope' from 'workers.asgi' (/session/metadata/python_modules/workers/asgi.py)``
with workers-runtime-sdk vendored, ``ImportError.path`` that file -- measured in real Pyodide
0.26.0a4, 0.28.2 and 314.0.6 with SDK 1.9.5's files where pywrangler vendors them
(``tools/pyodide/sdk_missing_name_probe.mjs``); ``pyodide``'s is the standard library zip's, ``js``
has none (``(unknown location)``). Before, every stand-in said ``(unknown location)``: CPython
reads the ``__file__`` of the module's dict, which the stand-ins did not hold."""

from __future__ import annotations

import pytest
from worker_helpers import sdk_worker_answer

ENTRY = """
import json
from workers import Response, WorkerEntrypoint

def attempt(stmt):
    try:
        exec(stmt, {})
    except ImportError as e:
        return [str(e), e.path]
    return "ok"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps([attempt(f"from {m} import nope") for m in
                                    ("workers.asgi", "asgi", "workers", "workers.workflows", "pyodide", "pyodide.ffi", "js")]))
"""


def _names(module: str, path: str | None) -> list[str | None]:
    return [f"cannot import name 'nope' from '{module}' ({path or 'unknown location'})", path]


def test_the_vendored_sdks_files_as_pyodide_names_them(tmp_path):
    sdk = "/session/metadata/python_modules"
    assert sdk_worker_answer(tmp_path, ENTRY, "2026-05-01", sdk="1.9.5") == [
        _names("workers.asgi", f"{sdk}/workers/asgi.py"), _names("workers.asgi", f"{sdk}/workers/asgi.py"),
        _names("workers", f"{sdk}/workers/__init__.py"), _names("workers.workflows", f"{sdk}/workers/workflows.py"),
        _names("pyodide", "/lib/python313.zip/pyodide/__init__.py"),
        _names("pyodide.ffi", "/lib/python313.zip/pyodide/ffi/__init__.py"), _names("js", None)]


@pytest.mark.parametrize(("date", "python"), [("2025-09-01", "3.12"), ("2026-01-10", "3.13")])
def test_the_built_in_sdks_files_in_site_packages(tmp_path, date, python):
    # (the built-in SDK has no workers.asgi: its top-level asgi is a module of its own)
    site, zip_folder = f"/lib/python{python}/site-packages", f"/lib/python{python.replace('.', '')}.zip"
    got = sdk_worker_answer(tmp_path, ENTRY, date)
    assert got[1:] == [
        _names("asgi", f"{site}/asgi.py"), _names("workers", f"{site}/workers/__init__.py"),
        _names("workers.workflows", f"{site}/workers/workflows.py"), _names("pyodide", f"{zip_folder}/pyodide/__init__.py"),
        _names("pyodide.ffi", f"{zip_folder}/pyodide/ffi/__init__.py"), _names("js", None)]
