"""The ``random`` proxy a Worker's top level gets sits in ``sys.modules`` -- one for the process --
while the Worker loads, so a test's thread that runs ``import random`` meanwhile gets it too. It
refuses calls only of code running as the Worker being loaded: the test's thread draws numbers
as usual, while the Worker's own top level is refused, as in production."""

from __future__ import annotations

import sys
import threading
import types

import pytest
from worker_helpers import TOP_LEVEL_ENTROPY_ERROR, one_file_worker

from workers_env import load_worker


ENTRY = """
import sys
import random
from workers import Response

probe = sys.modules["_revwd_probe_during_load"]
probe.loading.set()  # the test's thread imports random now, while this top level runs
probe.done.wait(60)

try:
    random.random()
    AT_TOP = "ran"
except RuntimeError as e:
    AT_TOP = repr(e)

async def on_fetch(request):
    return Response(AT_TOP)
"""


@pytest.mark.asyncio
async def test_a_test_thread_importing_random_while_a_worker_loads_draws_numbers(tmp_path):
    probe = types.ModuleType("_revwd_probe_during_load")
    probe.loading, probe.done = threading.Event(), threading.Event()  # type: ignore[attr-defined]
    seen: list[str] = []

    def test_thread() -> None:
        probe.loading.wait(60)  # type: ignore[attr-defined]
        try:
            import random as during_load

            seen.append(type(during_load.random()).__name__)
            seen.append(str(during_load.choice([7])))
        except RuntimeError as e:
            seen.append(repr(e))
        finally:
            probe.done.set()  # type: ignore[attr-defined]

    sys.modules[probe.__name__] = probe
    thread = threading.Thread(target=test_thread)
    thread.start()
    try:
        worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-01"))
    finally:
        thread.join()
        del sys.modules[probe.__name__]
    assert seen == ["float", "7"]
    assert await (await worker.fetch("/")).text() == (
        "RuntimeError('Cannot use random.random() outside of request context. " + TOP_LEVEL_ENTROPY_ERROR + "')")
