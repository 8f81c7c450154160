"""An uncaught error of a ``fetch`` that failed (nothing listening) is logged by `workers-env dev` as
production logs it: the Worker's frames and the ``JsException`` -- production's fetch is JavaScript
and shows no frame. workers-env's own frames were left out before, but the ``asyncio/threads.py``
and ``concurrent/futures/thread.py`` frames its plumbing called stayed (found running
Harry-Zhang121/menu_translation_worker). Library frames the Worker's own code called stay."""

from __future__ import annotations

import logging
import socket
import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """\
    import json
    from js import fetch
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/json"):
                return Response(str(json.loads("{")))
            await fetch("http://127.0.0.1:PORT/")
            return Response("unreachable")
"""


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _logged(tmp_path, caplog, path: str) -> str:
    entry = ENTRY.replace("PORT", str(_closed_port()))
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-09-01"))
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + path, timeout=10).read()
        answer.value.close()  # its response (3.14 warns of one left to the collector)
    assert answer.value.code == 500
    record = next(r for r in caplog.records if r.name == "workers_env.dev" and r.exc_info)
    return logging.Formatter().formatException(record.exc_info)


def test_a_failed_fetch_is_logged_with_the_workers_frames_only(tmp_path, caplog):
    text = _logged(tmp_path, caplog, "/")
    files = [line.split('"')[1] for line in text.splitlines() if line.startswith('  File "')]
    assert files and all(name.endswith("src/entry.py") for name in files), text
    assert text.splitlines()[-1].startswith("pyodide.ffi.JsException: ")


def test_a_library_frame_the_workers_code_called_stays(tmp_path, caplog):
    text = _logged(tmp_path, caplog, "/json")
    assert 'src/entry.py", line' in text and "/workers_env/" not in text
    assert "json/decoder.py" in text, text
    assert text.splitlines()[-1].startswith("json.decoder.JSONDecodeError: ")
