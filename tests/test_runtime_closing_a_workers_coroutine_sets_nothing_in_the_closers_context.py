"""A coroutine that awaits a Worker's coroutine closes it when it is collected -- from inside a
garbage collection, which on CPython 3.11 can have interrupted a ``ContextVar.set`` of the
running context (python/cpython#148891: a set there frees the mapping the interrupted one still
reads). So the close -- the scope's entry marking the Worker as running, the Worker's own
``finally`` code -- runs in a copy of the context and sets nothing in the closer's."""

from __future__ import annotations

import types
from contextvars import ContextVar

from workers_env.runtime import current
from workers_env.runtime.tasks import ScopedCoroutine

RUNTIME = current.WorkerRuntime(js_env=None, era=None)
NOTED: ContextVar[str] = ContextVar("noted", default="before")


class _Scope:
    """What an import scope does around each step of the Worker's code: marks it as running."""

    def __enter__(self) -> None:
        self.previous = current.swap(RUNTIME)

    def __exit__(self, *exc: object) -> None:
        current.restore(self.previous)


@types.coroutine
def _pause():
    yield


def test_closing_sets_nothing_in_the_closers_context():
    seen = []

    async def worker_code():
        try:
            await _pause()
        finally:
            seen.append(current.current_runtime())
            NOTED.set("set while closing")

    scoped = ScopedCoroutine(worker_code(), _Scope())
    scoped.send(None)
    scoped.close()
    assert seen == [RUNTIME]  # the Worker's code still runs as the Worker's
    assert NOTED.get() == "before" and current.current_runtime() is None
