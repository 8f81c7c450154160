"""The mark ``workers-env dev``'s server end leaves on its event loop (runtime/tasks.py ``_ENDED``:
no task Worker code starts there runs) holds the loop weakly: a closed loop so marked is
collected -- a process reloading a Worker, or a test suite ending many servers, keeps none of
them and what they hold (pending56 made the mark a set of its own; audit33's mutant making it a
plain set survived, as did every test)."""

from __future__ import annotations

import asyncio
import gc
import weakref

from workers_env.runtime.tasks import end_worker_tasks


def test_a_closed_loop_the_server_ended_is_collected() -> None:
    loop = asyncio.new_event_loop()
    end_worker_tasks(loop)
    loop.close()
    collected = weakref.ref(loop)
    del loop
    gc.collect()
    assert collected() is None
