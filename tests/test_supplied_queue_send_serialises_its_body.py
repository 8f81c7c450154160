"""A raw Queue's ``send(body)`` serialises the body as workerd's ``WorkerQueue::send`` does: with
``contentType`` ``"json"`` -- the default from 2024-03-18 (``queues_json_messages``) --
``JSON.stringify`` of it, so an unconverted Python dict (a PyProxy) arrives as its JSON from
Pyodide 0.28 (``None`` values dropped) and as ``{}`` on 0.26, a flat list as its JSON, and a
list holding a container makes ``JSON.stringify`` throw; with ``"v8"`` (or before that date) V8's serializer cannot clone a PyProxy at all
(``DataCloneError``). Pyodide 0.26.2 and 0.28.2 under Node (batches 20 and 23: Cloudflare's
"Publish to a Queue" example sends a plain dict). The external SDK converts the body first."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_env, load_worker
from workers_env.queues.producer import QueueProducer

ENTRY = '''
import json
from js import Response
from pyodide.ffi import to_js


async def on_fetch(request, env):
    out = []
    for label, body, options in (
            ("list", [1, "b", None], {}), ("nested list", [[1], {"a": 1}], {}),
            ("dict", {"a": 1, "b": None, "items": 2, "n": {"c": [1, None]}}, {}),
            ("dict as v8", {"a": 1}, {"contentType": "v8"}), ("text", "t", {}), ("number", 42, {}),
            ("to_js(list)", to_js([1, 2, 3]), {})):
        try:
            await env.Q.send(body, **options)
            out.append([label, "sent"])
        except Exception as exc:
            out.append([label, f"{type(exc).__name__}: {exc}"])
    return Response.new(json.dumps(out))
'''


def worker(root: Path, date: str, queue: QueueProducer):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text(
        f'name = "q"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
        'compatibility_flags = ["python_workers", "disable_python_no_global_handlers"]\n'
        '[[queues.producers]]\nbinding = "Q"\nqueue = "jobs"\n')
    typical_pyproject(root)
    return load_worker(env=load_env(root, bindings={"Q": queue}))


REFUSED = "JsException: DataCloneError: [object Object] could not be cloned."
LIST_THROWS = ("JsException: Error: This borrowed proxy was automatically destroyed when an iterator was exhausted.\n"
               "For more information about the cause of this error, use `pyodide.setDebug(true)`")


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "list_answer", "nested_answer", "dict_answer", "containers_sent"), [
    # Pyodide 0.28: a flat list's JSON, the dict's keys
    ("2025-11-02", "sent", LIST_THROWS, "sent", [[1, "b", None], {"a": 1, "n": {"c": [1, None]}}]),
    # Pyodide 0.26 (production's 0.26.0a2, as 0.26.0a4): JSON.stringify writes {} for a list or a dict
    ("2025-08-20", "sent", "sent", "sent", [{}, {}, {}]),
    ("2024-03-01", REFUSED, REFUSED, REFUSED, []),  # before 2024-03-18: V8 serialization by default
])
async def test_a_raw_queue_serialises_a_python_container_as_production(tmp_path, date, list_answer, nested_answer,
                                                                       dict_answer, containers_sent):
    import warnings

    from workers_env import PyProxyWarning

    queue = QueueProducer()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PyProxyWarning)
        got = await (await worker(tmp_path, date, queue).fetch("/")).json()
    assert got == [["list", list_answer], ["nested list", nested_answer], ["dict", dict_answer],
                   ["dict as v8", REFUSED], ["text", "sent"], ["number", "sent"], ["to_js(list)", "sent"]]
    assert queue.bodies == containers_sent + ["t", 42, [1, 2, 3]]
    stringified_empty = [w for w in caught if "JSON.stringify sees none of its keys" in str(w.message)]
    assert len(stringified_empty) == (1 if date == "2025-08-20" else 0)


@pytest.mark.asyncio
async def test_the_external_sdk_converts_the_body_first(tmp_path):
    queue = QueueProducer()
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
    typical_pyproject(tmp_path)
    w = load_worker(env=load_env(tmp_path, bindings={"Q": queue}))
    assert await (await w.fetch("/")).text() == "sent"
    assert queue.bodies == [[1, 2, 3], {"a": 1}]
