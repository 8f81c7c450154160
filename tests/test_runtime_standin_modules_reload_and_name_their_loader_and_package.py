"""A stand-in module answers what a library asks of an imported module as production's does
(real Pyodide 0.26.0a4, 0.28.2 and 314.0.6, tools/pyodide module-specs): its ``__package__`` is
its spec's ``parent`` and its ``__loader__`` its spec's loader, which says whether the module is a
package (``JsLoader`` of ``js``: yes) and, a zipimporter, gives its file name, its repr naming
its folder of the zip, and ``ZipImportError`` for a name it does not hold; ``importlib.reload`` of it gives the module back, unchanged
(workers-env raised ``ModuleNotFoundError: spec not found`` and had ``__loader__``/``__package__``
None)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import importlib, json
import js, pyodide, pyodide.ffi, pyodide.webloop, workers
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {
            "package": [pyodide.__package__, pyodide.ffi.__package__, pyodide.webloop.__package__],
            "loader": [m.__loader__ is m.__spec__.loader for m in (js, pyodide, pyodide.ffi, workers)],
            "is_package": [js.__loader__.is_package("js"), pyodide.__loader__.is_package("pyodide"),
                           pyodide.webloop.__loader__.is_package("pyodide.webloop")],
            "zipimporter": [pyodide.__loader__.get_filename("pyodide"), repr(pyodide.ffi.__loader__)],
        }
        try:
            pyodide.__loader__.is_package("nothere")
        except ImportError as exc:
            out["unknown"] = f"{type(exc).__name__}: {exc}"
        ffi = importlib.reload(pyodide.ffi)
        top = importlib.reload(pyodide)
        out["reload"] = [ffi is pyodide.ffi, ffi.__file__, ffi.to_js is pyodide.ffi.to_js,
                         top is pyodide, top.__path__, pyodide.ffi.__package__]
        return Response(json.dumps(out))
'''


@pytest.mark.parametrize(("date", "py"), [("2025-09-01", "312"), ("2025-10-01", "313"), ("2026-09-08", "314")])
def test_standins_name_their_package_and_loader_and_reload(tmp_path, date, py):
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, "/") == {
        "package": ["pyodide", "pyodide.ffi", "pyodide"],
        "loader": [True, True, True, True],
        "is_package": [True, True, False],
        "zipimporter": [f"/lib/python{py}.zip/pyodide/__init__.py",
                        f'<zipimporter object "/lib/python{py}.zip/pyodide/">'],
        "unknown": "ZipImportError: can't find module 'nothere'",
        "reload": [True, f"/lib/python{py}.zip/pyodide/ffi/__init__.py", True, True, [f"/lib/python{py}.zip/pyodide"],
                   "pyodide.ffi"],
    }


HTTP = '''
import importlib, json
import pyodide.http
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        importlib.reload(pyodide.http)
        return Response(json.dumps(getattr(pyodide.http, "__path__", None)))
'''


def test_a_reload_in_the_314_era_leaves_pyodide_http_a_module_before_it(tmp_path):
    (tmp_path / "new").mkdir()
    (tmp_path / "old").mkdir()
    one_file_worker(tmp_path / "new", HTTP, date="2026-09-08")
    one_file_worker(tmp_path / "old", HTTP, date="2025-10-01")
    assert json_answer(tmp_path / "new", "/") == ["/lib/python314.zip/pyodide/http"]
    assert json_answer(tmp_path / "old", "/") is None
