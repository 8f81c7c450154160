"""A supplied Queue binding (``load_env(bindings={"Q": fake})`` for a ``[[queues.producers]]``
entry) never sees ``sendBatch`` given no sequence -- a string, a number, ``None``, nothing: jsg reads
the argument as a ``Sequence`` before ``WorkerQueue::sendBatch`` runs (workerd queue.h
``jsg::Sequence<MessageSendRequest> batch``; jsg iterator.h ``SequenceWrapper`` takes no string), so
the call's promise rejects with ``TypeError: Failed to execute 'sendBatch' on 'WorkerQueue':
parameter 1 is not of type 'Sequence'.`` whatever the fake would make of it (left57's refusal,
made before the binding is asked; a fake that iterates a string would have sent two messages)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_env, load_worker

ENTRY = '''
import json
from js import Response


async def on_fetch(request, env):
    out = []
    for label, call in (("a string", lambda: env.Q.sendBatch("ab")), ("a number", lambda: env.Q.sendBatch(5)),
                        ("None", lambda: env.Q.sendBatch(None)), ("nothing", lambda: env.Q.sendBatch())):
        try:
            await call()
            out.append([label, "sent"])
        except Exception as exc:
            out.append([label, str(exc)])
    return Response.new(json.dumps(out))
'''


class TakesAnything:
    """A fake queue that sends whatever it is given, one message per item."""

    def __init__(self) -> None:
        self.calls: list[object] = []

    async def send(self, body, options=None):
        self.calls.append(body)

    async def sendBatch(self, messages=None, options=None):  # noqa: N802 - the JS name
        self.calls.append(messages)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-08-20", "2025-11-01"])
async def test_the_supplied_queue_is_not_asked(tmp_path: Path, date: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        f'name = "q"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
        'compatibility_flags = ["python_workers", "disable_python_no_global_handlers"]\n'
        '[[queues.producers]]\nbinding = "Q"\nqueue = "jobs"\n')
    typical_pyproject(tmp_path)
    fake = TakesAnything()
    got = await (await load_worker(env=load_env(tmp_path, bindings={"Q": fake})).fetch("/")).json()
    refused = "TypeError: Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not of type 'Sequence'."
    assert got == [[label, refused] for label in ("a string", "a number", "None", "nothing")]
    assert fake.calls == []
