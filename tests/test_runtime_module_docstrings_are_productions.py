"""The modules the runtime gives a Worker carry production's ``__doc__``: ``None`` for every one
whose source has no docstring -- ``js``, ``pyodide`` and its ``ffi``, ``ffi.wrappers``, ``http``,
``webloop`` and ``code`` (real Pyodide 0.26.0a4, 0.28.2 and 314.0.6), ``workers`` and its
``asgi``/``wsgi``/``rpc``/``utils``, the top-level ``asgi`` (workers-runtime-sdk's and workerd's built-in
sources), ``python_modules`` (a namespace package) -- and the source's docstring for
``workers.workflows`` and Pyodide 0.29's ``pyodide.http.pyxhr``. (They were workers-env's own
descriptions.)"""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import importlib
import json

from workers import Response, WorkerEntrypoint

NAMES = ("js", "pyodide", "pyodide.ffi", "pyodide.ffi.wrappers", "pyodide.http", "pyodide.webloop", "pyodide.code",
         "workers", "asgi", "workers.asgi", "workers.wsgi", "workers.rpc", "workers.utils", "python_modules",
         "workers.workflows")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        docs = {}
        for name in NAMES:
            try:
                docs[name] = importlib.import_module(name).__doc__
            except ImportError:
                docs[name] = "no module"
        try:
            from pyodide.http import pyxhr
            docs["pyxhr"] = pyxhr.__doc__.splitlines()[0]
        except ImportError:
            docs["pyxhr"] = "no module"
        return Response(json.dumps(docs))
'''

WORKFLOWS = "\nWorkflow-specific classes and exceptions for the workers module.\n"
NONE = dict.fromkeys(("js", "pyodide", "pyodide.ffi", "pyodide.ffi.wrappers", "pyodide.http", "pyodide.webloop",
                      "pyodide.code", "workers", "asgi", "python_modules"))


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-09-01", {**NONE, "workers.asgi": "no module", "workers.wsgi": "no module", "workers.rpc": "no module",
                    "workers.utils": "no module", "pyxhr": "no module"}),  # the built-in SDK, Pyodide 0.26
    ("2026-05-01", {**NONE, "workers.asgi": None, "workers.wsgi": None, "workers.rpc": None,
                    "workers.utils": None, "pyxhr": "no module"}),  # the external SDK, Pyodide 0.28
    ("2026-10-01", {**NONE, "workers.asgi": None, "workers.wsgi": None, "workers.rpc": None,
                    "workers.utils": None, "pyxhr": "XMLHttpRequest-based HTTP client for Pyodide."}),  # Pyodide 314.0.x
])
def test_each_module_has_productions_doc(tmp_path, date, expected):
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, "/") == {**expected, "workers.workflows": WORKFLOWS}
