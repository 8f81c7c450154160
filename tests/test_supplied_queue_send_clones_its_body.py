"""A Queue's ``send(body)`` serialises the body with V8's serializer: on the raw binding of the
built-in SDK era an unconverted Python list or dict is a PyProxy there, which cannot be cloned
(``DataCloneError: [object Object] could not be cloned.``, Pyodide 0.28.2 under Node; batch 20),
while strings, numbers and ``to_js`` values are sent; the external SDK converts the body first."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from workers_env import load_env, load_worker

ENTRY = '''
import json
from js import Response
from pyodide.ffi import to_js


async def on_fetch(request, env):
    out = []
    for label, body in (("list", [1, 2, 3]), ("dict", {"a": 1}), ("text", "t"), ("number", 42),
                        ("to_js(list)", to_js([1, 2, 3]))):
        try:
            await env.Q.send(body)
            out.append([label, "sent"])
        except Exception as exc:
            out.append([label, f"{type(exc).__name__}: {exc}"])
    return Response.new(json.dumps(out))
'''


class FakeQueue:
    JS_METHODS = ("send", "sendBatch")

    def __init__(self):
        self.sent = []

    async def send(self, body, options=None):
        self.sent.append(body)


def worker(root: Path, date: str, queue: FakeQueue):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text(
        f'name = "q"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
        'compatibility_flags = ["python_workers", "disable_python_no_global_handlers"]\n'
        '[[queues.producers]]\nbinding = "Q"\nqueue = "jobs"\n')
    return load_worker(env=load_env(root, bindings={"Q": queue}))


@pytest.mark.asyncio
async def test_a_raw_queue_cannot_clone_a_python_container(tmp_path):
    queue = FakeQueue()
    got = await (await worker(tmp_path, "2025-11-02", queue).fetch("/")).json()
    refused = "JsException: DataCloneError: [object Object] could not be cloned."
    assert got == [["list", refused], ["dict", refused], ["text", "sent"], ["number", "sent"], ["to_js(list)", "sent"]]
    assert queue.sent == ["t", 42, [1, 2, 3]]  # nothing of a refused send arrives


@pytest.mark.asyncio
async def test_the_external_sdk_converts_the_body_first(tmp_path):
    queue = FakeQueue()
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent('''
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                await self.env.Q.send([1, 2, 3])
                await self.env.Q.send({"a": 1})
                return Response("sent")
    '''))
    (tmp_path / "wrangler.toml").write_text(
        'name = "q"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
        '[[queues.producers]]\nbinding = "Q"\nqueue = "jobs"\n')
    w = load_worker(env=load_env(tmp_path, bindings={"Q": queue}))
    assert await (await w.fetch("/")).text() == "sent"
    assert queue.sent == [[1, 2, 3], {"a": 1}]
