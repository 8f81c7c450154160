"""The SDK classes show production's module (``workers._workers``, ``workers.response``, ...:
see test_runtime_sdk_classes_carry_productions_module_names), which is no module locally; ``pickle``
still takes them by reference, as production's -- importable there -- are: a class unpickles as
itself, in Worker code and outside it."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env.runtime.forms import Blob, File, FormData
from workers_env.runtime.workers_api import Request, Response

WORKER = """
import pickle
from workers import Blob, File, FormData, Request, Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        classes = (FormData, Blob, File, Request, Response)
        return Response.json({
            "same": [pickle.loads(pickle.dumps(cls)) is cls for cls in classes],
            "modules": [cls.__module__ for cls in classes],
        })

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize(("date", "module"), [("2025-08-13", "workers._workers"), ("2026-05-01", "workers.formdata")])
def test_sdk_classes_pickle_in_worker_code(tmp_path: Path, date: str, module: str) -> None:
    got = json_answer(one_file_worker(tmp_path, WORKER, date=date), "/")
    assert got["same"] == [True] * 5
    assert got["modules"][0] == module


def test_sdk_classes_pickle_outside_worker_code() -> None:
    for cls in (FormData, Blob, File, Request, Response):
        assert pickle.loads(pickle.dumps(cls)) is cls
    # an instance holds its JS Blob (workers-py blob.py: self._js_blob), which no JsProxy lets pickle
    with pytest.raises(TypeError, match="cannot pickle 'pyodide.ffi.JsProxy' object"):
        pickle.dumps(Blob(["x"]))
