"""SIGTERM and Ctrl+C outside the server's own handling, for ``workers-env dev``.

The server (:func:`workers_env.runtime.server.serve`) takes both signals while it runs; before
it starts -- the ``build.command``, the bindings' factories, the Worker's import -- and while
dev closes the env after it, :func:`stoppable` makes either raise :class:`Stopped` instead,
so dev closes what it opened, stops the build, and exits as ``wrangler dev`` 4.164.0 does on
a signal: at once, with its launcher's status (``128 +`` the signal: 130, 143) and nothing
printed (measured). A second signal while dev closes the env stops the closing.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Stopped", "Stopping", "held", "leave_after_a_stop", "stoppable"]

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


class Stopping:
    """What :func:`stoppable` hands its caller: set :attr:`final` once dev exits with a stop's
    status, and every further stop signal is ignored -- in ``workers-env``'s own process, to its
    end (which then comes without the interpreter's finalization: :func:`leave_after_a_stop`)."""

    __slots__ = ("_final",)

    def __init__(self) -> None:
        self._final = False

    @property
    def final(self) -> bool:
        return self._final

    @final.setter
    def final(self, value: bool) -> None:
        self._final = value
        _STOPPED[:] = [True] if value else []


#: ``[True]`` once a dev run has ended on a stop signal (:attr:`Stopping.final`)
_STOPPED: list[bool] = []
#: ``[True]`` in ``workers-env``'s own process (:func:`workers_env.cli.run_process`), which ends
#: right after a dev stopped on a signal: the stop signals then stay ignored to its end. A process
#: that calls ``main`` itself gets its own handlers back after any end.
AS_PROCESS: list[bool] = []


def leave_after_a_stop(status: int) -> None:
    """The ``workers-env`` process's end after dev stopped on a signal: as Python's exit --
    non-daemon threads joined, ``atexit`` handlers run (``logging``'s flush, ``weakref.finalize``),
    stdout and stderr flushed -- then ``os._exit(status)``, without the interpreter's finalization,
    which tore down every module's objects for 0.2-1 s (a hello-world Worker, profiled: the stop
    itself took under 15 ms) where ``wrangler dev`` 4.164.0 exits in 0.07 s. Dev has closed what
    it opened by then (the env, the build, the server). Otherwise (no stop) nothing."""
    if not _STOPPED:
        return
    shutdown = getattr(threading, "_shutdown", None)  # what Py_FinalizeEx runs first
    if shutdown is not None:
        shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or broken pipe: nothing more to say
            pass
    os._exit(status)


@contextlib.contextmanager
def stoppable() -> Iterator[Stopping]:
    """SIGINT and SIGTERM raise :class:`Stopped` in the main thread while this lasts (the
    handlers before it are put back after); off the main thread, nothing changes.

    Once dev exits on a stop (:attr:`Stopping.final`), or while a :class:`Stopped` is being
    handled, a further signal does nothing, and after this -- in ``workers-env``'s own process
    (:data:`AS_PROCESS`), which then ends -- the two are ignored rather than given back to
    Python's handlers: a second quick Ctrl+C then met ``KeyboardInterrupt`` past the CLI's
    handling, or -- the interpreter's finalization resets its handlers to ``SIG_DFL`` -- ended the
    process by the signal itself (-2, not wrangler's 130; 27 of 30 runs on CPython 3.14.10)."""
    state = Stopping()
    if threading.current_thread() is not threading.main_thread():
        yield state
        return

    def stop(sig: int, frame: FrameType | None) -> None:
        if state.final or isinstance(sys.exception(), Stopped):
            return  # dev is on its way out with a stop's status: nothing more to stop
        _raise(sig, frame)

    previous = {sig: signal.signal(sig, stop) for sig in _SIGNALS}
    try:
        yield state
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, signal.SIG_IGN if state.final and AS_PROCESS else handler)
