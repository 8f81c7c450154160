"""The note workers-env adds to the error a borrowed Python listener throws when its event comes
(a plain function, or an object with a ``handleEvent`` method, handed to ``addEventListener`` by
Worker code: Pyodide destroys its proxy when that call returns, in production too) is workers-env's
own text: it names the target, its event and what to pass instead, whole. Before
``spec_compliant_dispatch_exceptions`` (2026-09-14 here) the target's ``dispatchEvent`` raises the
listener's error, with the note on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Event, EventTarget
from workers import Response, WorkerEntrypoint

class Handler:
    def handleEvent(self, event):
        pass

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        target = EventTarget.new()
        kind = request.url.rsplit("/", 1)[1]
        target.addEventListener(kind, (lambda event: None) if kind == "ping" else Handler())
        try:
            target.dispatchEvent(Event.new(kind))
        except Exception as exc:
            return Response("\\n".join(n for n in exc.__notes__ if n.startswith("workers-env:")))
        return Response("no error")
"""

NOTES = {
    "ping": "workers-env: this listener of EventTarget.addEventListener('ping', ...) was a plain Python function, "
            "which Pyodide hands JavaScript as a borrowed proxy destroyed when addEventListener returns, so it fails "
            "when its event comes (in production too): pass create_proxy(fn) (from pyodide.ffi; or "
            "pyodide.ffi.wrappers.add_event_listener(target, type, fn), or create_once_callable(fn) for one call) "
            "to keep it",
    "pong": "workers-env: this listener of EventTarget.addEventListener('pong', ...) was a Python object with a "
            "handleEvent method, which Pyodide hands JavaScript as a borrowed proxy destroyed when addEventListener "
            "returns, so it fails when its event comes (in production too): pass create_proxy(obj) (from "
            "pyodide.ffi) to keep it",
}


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", list(NOTES))
async def test_the_note_is_whole(tmp_path: Path, kind):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-09-14"))
    assert await (await worker.fetch(f"/{kind}")).text() == NOTES[kind]
