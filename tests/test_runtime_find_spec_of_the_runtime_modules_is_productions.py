"""``importlib.util.find_spec`` of the modules the runtime gives a Worker -- ``js``, ``pyodide``,
``pyodide.ffi``, ``workers``, ``asgi`` -- answers a spec named as the module and shaped as
production's in each era (real Pyodide 0.26.0a4, 0.28.2 and 314.0.6: ``js`` Pyodide's ``JsLoader``
with origin ``javascript``, ``pyodide`` the standard library zip; workerd writes ``workers`` and
``asgi`` into site-packages, and pywrangler vendors the external SDK into
``/session/metadata/python_modules``), as libraries probing for an optional module ask. Before,
each raised ``ValueError: js.__spec__ is None``. Loading a module from the spec gives a new
module holding the spec's ``__file__`` (real Pyodide: ``zipimport.zipimporter``'s), but for ``js``,
whose ``JsLoader`` gives the module itself."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import importlib.util
import json
import sys

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name in ("js", "pyodide", "pyodide.ffi", "workers", "asgi"):
            spec = importlib.util.find_spec(name)
            loaded = importlib.util.module_from_spec(spec)
            out[name] = [spec.name, type(spec.loader).__name__, spec.origin, spec.submodule_search_locations,
                         loaded is sys.modules[name], hasattr(loaded, "__file__")]
        return Response(json.dumps(out))
'''


def _expected(zip_folder: str, sdk_folder: str) -> dict[str, list[object]]:
    return {
        "js": ["js", "JsLoader", "javascript", [], True, False],
        "pyodide": ["pyodide", "zipimporter", f"{zip_folder}/pyodide/__init__.py", [f"{zip_folder}/pyodide"],
                    False, True],
        "pyodide.ffi": ["pyodide.ffi", "zipimporter", f"{zip_folder}/pyodide/ffi/__init__.py",
                        [f"{zip_folder}/pyodide/ffi"], False, True],
        "workers": ["workers", "SourceFileLoader", f"{sdk_folder}/workers/__init__.py", [f"{sdk_folder}/workers"],
                    False, True],
        # the external SDK's (the newest's) top-level ``asgi`` is ``workers.asgi`` (from 1.6.14)
        "asgi": (["workers.asgi", "SourceFileLoader", f"{sdk_folder}/workers/asgi.py", None, False, True]
                 if sdk_folder.startswith("/session") else ["asgi", "SourceFileLoader", f"{sdk_folder}/asgi.py", None,
                                                           False, True]),
    }


@pytest.mark.parametrize(("date", "zip_folder", "sdk_folder"), [
    ("2025-09-01", "/lib/python312.zip", "/lib/python3.12/site-packages"),  # built-in SDK, Pyodide 0.26
    ("2025-10-01", "/lib/python313.zip", "/lib/python3.13/site-packages"),  # built-in SDK, Pyodide 0.28
    ("2026-05-01", "/lib/python313.zip", "/session/metadata/python_modules"),  # external SDK, vendored
    ("2026-09-08", "/lib/python314.zip", "/session/metadata/python_modules"),  # Python 3.14
])
def test_find_spec_answers_productions_spec(tmp_path, date, zip_folder, sdk_folder):
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, "/") == _expected(zip_folder, sdk_folder)


HTTP = """
import importlib.util
import json

import pyodide.http
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        spec = importlib.util.find_spec("pyodide.http")
        return Response(json.dumps([spec.origin, spec.submodule_search_locations, spec.parent,
                                    hasattr(pyodide.http, "__path__")]))
"""


@pytest.mark.parametrize(("date", "want"), [
    ("2025-10-01", ["/lib/python313.zip/pyodide/http.py", None, "pyodide", False]),
    # Pyodide 314.0.6 splits pyodide.http into a package (pyxhr, _pyfetch, _exceptions)
    ("2026-09-08", ["/lib/python314.zip/pyodide/http/__init__.py", ["/lib/python314.zip/pyodide/http"],
                    "pyodide.http", True]),
])
def test_pyodide_http_is_a_package_in_the_314_era(tmp_path, date, want):
    one_file_worker(tmp_path, HTTP, date=date)
    assert json_answer(tmp_path, "/") == want
