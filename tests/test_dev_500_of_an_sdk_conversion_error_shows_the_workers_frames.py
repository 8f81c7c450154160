"""An error the SDK raises from a JavaScript error -- ``Response.json(data, {"status": 200})``, a
dict where the status goes: the runtime's ``RangeError``, which both SDKs' ``_to_python_exception``
raise again as ``ValueError`` -- is the runtime's answer to the Worker's call, so the 500 body and
the dev log show it as production does: the Worker's frames, and the RangeError it was raised from
as ``pyodide.ffi.JsException`` without workers-env's frames. A public Worker's every JSON route
(adewale/xampler's ``json_response``, hunt29) answered a traceback through the stand-ins' own files,
the RangeError named ``workers_env._errors.JsException``."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json({"a": 1}, {"status": 200})
"""

CAUSE = ("pyodide.ffi.JsException: RangeError: Responses may only be constructed with status codes in the "
         "range 200 to 599, inclusive.\n\nThe above exception was the direct cause of the following exception:\n\n"
         "Traceback (most recent call last):\n")
ERROR = "ValueError: Responses may only be constructed with status codes in the range 200 to 599, inclusive."


@pytest.mark.parametrize("date", ["2026-03-01", "2026-05-01"])  # the built-in SDK, then the external one
def test_the_body_and_the_log_show_the_workers_frames_and_the_js_cause(tmp_path, caplog, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + "/", timeout=10).read()
    body = answer.value.read().decode()
    answer.value.close()
    assert answer.value.code == 500
    # before 2026-04-21 the name is written into an Error's message (enhanced_error_serialization; review68)
    assert body.startswith(("PythonError: " if date >= "2026-04-21" else "Error: PythonError: ") + CAUSE)
    assert 'entry.py", line 5, in fetch' in body and body.rstrip("\n").endswith(ERROR)
    assert "workers_env" not in body
    record = next(r for r in caplog.records if r.name == "workers_env.dev")
    logged = logging.Formatter().formatException(record.exc_info)
    assert logged.startswith(CAUSE) and logged.endswith(ERROR) and "workers_env" not in logged
