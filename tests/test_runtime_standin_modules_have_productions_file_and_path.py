"""The modules the runtime gives a Worker carry the ``__file__``, ``__cached__`` and ``__path__``
production's have, per era (measured in real Pyodide 0.26.0a4, 0.28.2 and 314.0.6: ``pyodide``
``/lib/python313.zip/pyodide/__init__.py``, its ``__path__`` ``['/lib/python313.zip/pyodide']``,
``__cached__`` the ``cpython-313`` bytecode beside it; ``js`` no ``__file__`` and ``__path__``
``[]``); ``workers``/``asgi`` are files where workerd or pywrangler put them. ``module_from_spec``
of a spec is a new module (``js``: the module itself), and executing it fills it with the
module's names."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import importlib, importlib.util, json, sys
import js, pyodide, pyodide.ffi, pyodide.http, pyodide.webloop, pyodide.code, pyodide.ffi.wrappers
import asgi, workers, workers.workflows
from workers import Response, WorkerEntrypoint


def shape(module):
    return [getattr(module, "__file__", None), getattr(module, "__cached__", None),
            getattr(module, "__path__", None)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        names = ("js", "pyodide", "pyodide.ffi", "pyodide.ffi.wrappers", "pyodide.http", "pyodide.webloop",
                 "pyodide.code", "workers", "workers.workflows", "asgi")
        out = {name: shape(sys.modules[name]) for name in names}
        spec = pyodide.ffi.__spec__
        fresh = importlib.util.module_from_spec(spec)
        before = sorted(vars(fresh))
        spec.loader.exec_module(fresh)
        out["fresh"] = [fresh is pyodide.ffi, fresh.__file__, before, fresh.to_js is pyodide.ffi.to_js,
                        sys.modules["pyodide.ffi"] is pyodide.ffi]
        return Response(json.dumps(out))
'''


def _file(folder, path, tag):
    where, _, tail = f"{folder}/{path}".rpartition("/")
    return [f"{folder}/{path}", f"{where}/__pycache__/{tail[:-3]}.cpython-{tag}.pyc"]


def _expected(py: str, sdk: str, http_package: bool) -> dict[str, object]:
    zip_folder = f"/lib/python{py}.zip"
    http = (_file(zip_folder, "pyodide/http/__init__.py", py) + [[f"{zip_folder}/pyodide/http"]] if http_package
            else _file(zip_folder, "pyodide/http.py", py) + [None])
    return {
        "js": [None, None, []],
        "pyodide": _file(zip_folder, "pyodide/__init__.py", py) + [[f"{zip_folder}/pyodide"]],
        "pyodide.ffi": _file(zip_folder, "pyodide/ffi/__init__.py", py) + [[f"{zip_folder}/pyodide/ffi"]],
        "pyodide.ffi.wrappers": _file(zip_folder, "pyodide/ffi/wrappers.py", py) + [None],
        "pyodide.http": http,
        "pyodide.webloop": _file(zip_folder, "pyodide/webloop.py", py) + [None],
        "pyodide.code": _file(zip_folder, "pyodide/code.py", py) + [None],
        "workers": _file(sdk, "workers/__init__.py", py) + [[f"{sdk}/workers"]],
        "workers.workflows": _file(sdk, "workers/workflows.py", py) + [None],
        # the external SDK's (the newest release's) top-level ``asgi`` is ``workers.asgi`` (from 1.6.14)
        "asgi": _file(sdk, "workers/asgi.py" if sdk.startswith("/session") else "asgi.py", py) + [None],
        "fresh": [False, f"{zip_folder}/pyodide/ffi/__init__.py",
                  ["__cached__", "__doc__", "__file__", "__loader__", "__name__", "__package__", "__path__",
                   "__spec__"], True, True],
    }


@pytest.mark.parametrize(("date", "py", "sdk", "http_package"), [
    ("2025-09-01", "312", "/lib/python3.12/site-packages", False),  # built-in SDK, Pyodide 0.26
    ("2025-10-01", "313", "/lib/python3.13/site-packages", False),  # built-in SDK, Pyodide 0.28
    ("2026-05-01", "313", "/session/metadata/python_modules", False),  # external SDK, vendored
    ("2026-09-08", "314", "/session/metadata/python_modules", True),  # Python 3.14, pyodide.http a package
])
def test_standins_have_productions_file_cached_and_path(tmp_path, date, py, sdk, http_package):
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, "/") == _expected(py, sdk, http_package)
