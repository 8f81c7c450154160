"""A WSGI application that breaks PEP 3333's order is refused by ``workers.wsgi.fetch`` with the
external SDK's own texts (workers-py's ``packages/runtime-sdk/src/workers/wsgi.py``, read in the
source): ``start_response()`` twice without ``exc_info``, no ``start_response()`` at all; and a
failing request is logged as the SDK logs it, ``WSGI request failed``, before its error reaches
the Worker."""

from __future__ import annotations

import json
import logging
import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = '''
from workers import WorkerEntrypoint
from workers import wsgi

def app(environ, start_response):
    if environ["PATH_INFO"] == "/never":
        return [b"no status"]
    start_response("200 OK", [])
    if environ["PATH_INFO"] == "/twice":
        start_response("201 Created", [])
    return [b"ok"]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await wsgi.fetch(app, request, self.env)
'''


@pytest.fixture
def worker(tmp_path: Path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.jsonc").write_text(json.dumps({
        "name": "wsgi", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"]}))
    typical_pyproject(tmp_path)
    return load_worker(tmp_path)


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "kind", "text"), [
    ("/twice", AssertionError, "start_response() called more than once"),
    ("/never", RuntimeError, "The WSGI application did not call start_response()"),
])
async def test_the_sdks_refusal_and_log_line(worker, caplog: pytest.LogCaptureFixture, path: str, kind: type,
                                             text: str) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(kind) as info:
        await worker.fetch(path)
    assert str(info.value) == text
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == ["WSGI request failed"]
    assert (await (await worker.fetch("/")).text()) == "ok"
