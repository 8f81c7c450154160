"""SIGTERM and Ctrl+C outside the server's own handling, for ``workers-env dev``.

The server (:func:`workers_env.runtime.server.serve`) takes both signals while it runs; before
it starts -- the ``build.command``, the bindings' factories, the Worker's import -- and while
dev closes the env after it, :func:`stoppable` makes either raise :class:`Stopped` instead,
so dev closes what it opened, stops the build, and exits as ``wrangler dev`` 4.164.0 does on
a signal: at once, with its launcher's status (``128 +`` the signal: 130, 143) and nothing
printed (measured). A second signal while dev closes the env stops the closing.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Stopped", "held", "stoppable"]

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """A signal asked ``workers-env dev`` to stop; ``status`` is the exit status it asks for.

    A BaseException, as KeyboardInterrupt is: the Worker's and the factories' ``except
    Exception`` must not swallow it."""

    def __init__(self, sig: int):
        super().__init__(sig)
        self.sig = sig
        self.status = 128 + sig


#: where a stop signal goes instead of being raised while :func:`held` lasts
_holding: list[int] | None = None


def _raise(sig: int, frame: FrameType | None) -> None:
    if _holding is not None:
        _holding.append(sig)
        return
    raise Stopped(sig)


@contextlib.contextmanager
def held(arrived: list[int]) -> Iterator[None]:
    """While this lasts, a stop signal is appended to ``arrived`` instead of raising: for a step
    that must not be cut in two (starting the build: a signal inside ``Popen`` would leave a
    build running that nothing knows of, so nothing stops). The caller raises it after."""
    global _holding
    if threading.current_thread() is not threading.main_thread() or _holding is not None:
        yield
        return
    _holding = arrived
    try:
        yield
    finally:
        _holding = None


@contextlib.contextmanager
def stoppable() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Stopped` in the main thread while this lasts (the
    handlers before it are put back after); off the main thread, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise) for sig in _SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
