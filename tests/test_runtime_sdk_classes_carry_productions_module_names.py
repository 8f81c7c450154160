"""The SDK classes a Worker sees are named as production names them: the built-in SDK defines
``FormData``, ``Blob``, ``File``, ``Request`` and ``Response`` in ``workers._workers`` (workerd's
``_workers.py``), as ``workers-runtime-sdk`` did until 1.5.1; from 1.5.2 each has its own module
(``workers.formdata``, ``workers.blob``, ``workers.request``, ``workers.response``). A Worker sees
it in ``type(x).__module__``, the class's ``repr`` and an instance's default ``repr`` -- which is
what a ``FormData`` passed unconverted as a fetch body sends. A ``Response``'s repr names its URL
(a fetched one's) as both SDKs' ``__repr__`` does; a Worker's own subclass keeps its module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
from workers import Blob, File, FormData, Request, Response, WorkerEntrypoint, fetch

URL = "{url}"

class Mine(FormData):
    pass

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        form = FormData({{"a": "1"}})
        sent = (await (await fetch(URL, method="POST", body=form)).json())["body"]
        fetched = await fetch(URL)
        return Response.json({{
            "modules": [type(v).__module__ for v in (form, Blob(["x"]), File(["x"], "f.txt"), request,
                                                     Request(URL), fetched)],
            "names": [type(v).__qualname__ for v in (form, Blob(["x"]), File(["x"], "f.txt"), request, fetched)],
            "class": repr(FormData),
            "sent": sent,
            "repr": repr(fetched),
            "mine": [type(Mine()).__module__, repr(Mine()).split(" ")[0]],
        }})

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

BUILTIN = ["workers._workers"] * 6
SPLIT = ["workers.formdata", "workers.blob", "workers.blob", "workers.request", "workers.request", "workers.response"]


@pytest.mark.parametrize(("date", "vendored", "modules"), [
    ("2025-08-13", None, BUILTIN),  # the built-in SDK on Pyodide 0.26
    ("2025-10-01", None, BUILTIN),  # the built-in SDK on Pyodide 0.28
    ("2026-05-01", "1.5.1", BUILTIN),  # workers-runtime-sdk before the split
    ("2026-05-01", "1.5.2", SPLIT),  # from 1.5.2
    ("2026-05-01", None, SPLIT),  # the newest
])
def test_sdk_classes_are_named_as_in_production(tmp_path: Path, date: str, vendored: str | None,
                                                modules: list[str]) -> None:
    with echo_origin() as url:
        folder = one_file_worker(tmp_path, WORKER.format(url=url), date=date)
        if vendored is not None:
            (folder / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
        got = json_answer(folder, "/")
    assert got["modules"] == modules
    assert got["names"] == ["FormData", "Blob", "File", "Request", "Response"]
    assert got["class"] == f"<class '{modules[0]}.FormData'>"
    assert re.fullmatch(rf"<{re.escape(modules[0])}\.FormData object at 0x[0-9a-f]+>", got["sent"])
    assert got["repr"] == f"Response(status=200, status_text='OK', content_type='application/json', url='{url}')"
    assert got["mine"] == ["entry", "<entry.Mine"]
