"""``isinstance(policy, WebLoopPolicy)`` in Worker code is true of asyncio's event loop policy
without touching ``asyncio.get_event_loop_policy()``, which Python 3.14 deprecates (a
``DeprecationWarning`` on every call, removal slated for 3.16): the check reads the policy
through ``asyncio.events._get_event_loop_policy``, the quiet function 3.14's public one calls.
Here Python 3.14's layout is set up on the running Python (the public function warning, the
private one quiet), with every warning an error."""

from __future__ import annotations

import asyncio
import json
import warnings

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json
import warnings

from pyodide.webloop import WebLoopPolicy
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        policy = asyncio.events._get_event_loop_policy()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                answer = [isinstance(policy, WebLoopPolicy), isinstance(object(), WebLoopPolicy)]
            except DeprecationWarning as warning:
                answer = str(warning)
        return Response(json.dumps(answer))
'''


def python_3_14_policy_functions(monkeypatch):
    """asyncio as Python 3.14 has it: ``get_event_loop_policy`` warns, ``_get_event_loop_policy`` does not."""
    quiet = getattr(asyncio.events, "_get_event_loop_policy", asyncio.events.get_event_loop_policy)

    def get_event_loop_policy():
        warnings.warn("'asyncio.get_event_loop_policy' is deprecated and slated for removal in Python 3.16",
                      DeprecationWarning, stacklevel=2)
        return quiet()

    monkeypatch.setattr(asyncio.events, "_get_event_loop_policy", quiet, raising=False)
    monkeypatch.setattr(asyncio.events, "get_event_loop_policy", get_event_loop_policy)
    monkeypatch.setattr(asyncio, "get_event_loop_policy", get_event_loop_policy)


@pytest.mark.asyncio
async def test_the_policy_check_calls_no_deprecated_asyncio_function(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.MonkeyPatch.context() as monkeypatch:  # only around the request: pytest-asyncio calls it too
        python_3_14_policy_functions(monkeypatch)
        answer = json.loads(await (await worker.fetch("/")).text())
    assert answer == [True, False]
