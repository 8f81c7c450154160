"""The process identity Worker code reads, as Pyodide gives it in workerd.

Deployed, a Python Worker runs in Emscripten: ``sys.argv`` is ``['']`` (workerd passes Pyodide
no arguments), ``os.getpid()`` 42 and ``getppid()`` 1, ``getuid()``/``getgid()`` 0,
``os.cpu_count()`` 1, ``os.uname()`` and ``platform.uname()`` Emscripten's (node ``emscripten``,
release the Emscripten its Pyodide was built with, machine ``wasm32``), ``tempfile.gettempdir()``
``/tmp`` (its environment has no ``TMPDIR``; a ``tempfile.tempdir`` already set is kept), and ``os.geteuid``,
``getegid``, ``getgroups`` and ``nice`` do not exist, nor ``time.tzset`` (measured in npm Pyodide 0.26.0a4, 0.28.2
and 314.0.6 under Node; workerd's ``emscriptenSetup.ts`` sets none of them). Here the process is
the host's, so these functions -- and ``sys.argv``, a list whose every method answers from the
Worker's own list -- answer so for code running as the Worker (its files and the libraries
they call, :func:`~workers_env.runtime.osenviron.running_worker`) and as before for test code
and workers-env's own. ``argparse`` or ``click`` parsing at a Worker's import meets no
pytest arguments. ``sys.argv`` is that list only while an import scope is entered (Worker code
runs); a list the Worker assigns to ``sys.argv`` becomes its own as that step ends.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from workers_env.runtime.filesystem import _missing_in_pyodide
from workers_env.runtime.osenviron import _ATTRIBUTE, _RUNNING, running_worker

__all__ = ["entered", "install", "left"]

#: the Emscripten each era's Pyodide was built with (its ``os.uname().release``)
_EMSCRIPTEN = {(3, 12): "3.1.52", (3, 13): "4.0.9", (3, 14): "5.0.3"}
#: os function -> Pyodide's answer, given the Worker's Python
_ANSWERS: dict[str, Callable[[tuple[int, int]], Any]] = {
    "getpid": lambda _: 42, "getppid": lambda _: 1, "getuid": lambda _: 0, "getgid": lambda _: 0,
    "cpu_count": lambda _: 1, "process_cpu_count": lambda _: 1,
    "uname": lambda python: os.uname_result(("Emscripten", "emscripten", _EMSCRIPTEN.get(python, "5.0.3"), "#1", "wasm32")),
}
_MISSING = ("geteuid", "getegid", "getgroups", "nice")


def _answering(function: Callable[..., Any], answer: Callable[[tuple[int, int]], Any]) -> Callable[..., Any]:
    """``function``, answering ``answer(the Worker's Python)`` to the running Worker's code."""

    def call(*args: Any, **kwargs: Any) -> Any:
        tracked = None if args or kwargs or _RUNNING() is None else running_worker(sys._getframe(1))  # a wrong call: its own error
        return function(*args, **kwargs) if tracked is None else answer(tracked[2])

    call.__name__ = call.__qualname__ = function.__name__
    call.__doc__, call.__wrapped__ = function.__doc__, function  # type: ignore[attr-defined]
    return call


def _platform_uname(python: tuple[int, int]) -> Any:
    system, node, release, version, machine = _ANSWERS["uname"](python)
    return platform.uname_result(system, node, release, version, machine)


class _ArgvOfTheCaller(list):  # type: ignore[type-arg]
    """``sys.argv`` while Worker code runs (:func:`entered`): its methods answer from the running
    Worker's own list for its code, from the process's for other code; its own items are
    production's ``['']``, what C code reading them directly sees (``" ".join(sys.argv)``)."""


#: the process's own ``sys.argv`` while :data:`_ARGV` stands in for it
_HOST: list[Any] = [None]


def _routed(name: str) -> Callable[..., Any]:
    method = getattr(list, name)

    def call(self: list[str], *args: Any) -> Any:
        tracked = None if _RUNNING() is None else running_worker(sys._getframe(1))
        target = _HOST[0] if tracked is None else tracked[3]
        if name in ("__iadd__", "__imul__"):  # += keeps sys.argv this list
            method(target, *args)
            return self
        return method(target, *args)

    call.__name__ = call.__qualname__ = name
    return call


for _name in ("__getitem__", "__setitem__", "__delitem__", "__len__", "__iter__", "__reversed__", "__contains__",
              "__repr__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__mul__",
              "__rmul__", "__iadd__", "__imul__", "append", "extend", "insert", "pop", "remove", "clear", "index",
              "count", "copy", "sort", "reverse"):
    setattr(_ArgvOfTheCaller, _name, _routed(_name))

_ARGV = _ArgvOfTheCaller([""])
_INSTALLED = [False]


def entered() -> None:
    """The first import scope of the process is entered (runtime/scope.py): ``sys.argv`` becomes
    :data:`_ARGV` until the last one exits -- only then, as serialisers that take a list and no
    subclass (pytest-xdist's execnet, ``marshal``) read the process's ``sys.argv`` outside Worker code."""
    if _INSTALLED[0] and sys.argv is not _ARGV:
        _HOST[0], sys.argv = sys.argv, _ARGV


def left() -> None:
    """The last import scope exits: the process's ``sys.argv`` is back. One the Worker's code
    assigned meanwhile (``sys.argv = [...]``) becomes that Worker's own."""
    if not _INSTALLED[0] or _HOST[0] is None:
        return
    if sys.argv is not _ARGV:
        tracked = getattr(_RUNNING(), _ATTRIBUTE, None)
        if tracked is not None:
            tracked[3][:] = list(sys.argv)
    sys.argv, _HOST[0] = _HOST[0], None


def install() -> None:
    """Wrap the ``os``, ``platform`` and ``tempfile`` functions above and give ``sys.argv`` the class above (once)."""
    if getattr(os.getpid, "__wrapped__", None) is not None:
        return
    for name, answer in _ANSWERS.items():
        if hasattr(os, name):
            setattr(os, name, _answering(getattr(os, name), answer))
    platform.uname = _answering(platform.uname, _platform_uname)  # cached: the host's stays the host's
    # cached too: a Worker's first call (its environment has no TMPDIR) must not pick the host's folder
    # (a folder set in tempfile.tempdir, by the Worker or already chosen by the host, is kept)
    tempfile.gettempdir = _answering(tempfile.gettempdir, lambda _: os.fsdecode(tempfile.tempdir or "/tmp"))
    tempfile.gettempdirb = _answering(tempfile.gettempdirb, lambda _: os.fsencode(tempfile.tempdir or "/tmp"))
    for name in _MISSING:
        if hasattr(os, name):
            setattr(os, name, _missing_in_pyodide(name, getattr(os, name)))
    if hasattr(time, "tzset"):  # Pyodide's time has none: os.environ["TZ"] = ...; time.tzset() fails deployed
        time.tzset = _missing_in_pyodide("tzset", time.tzset, "time")
    _INSTALLED[0] = True  # sys.argv: stood in for while Worker code runs (entered/left)
