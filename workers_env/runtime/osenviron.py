"""``os.environ`` as Worker code has it: the few variables Pyodide starts with in workerd.

Deployed, a Python Worker's process environment is Emscripten's default one (``getEnvStrings``
in each Pyodide's ``pyodide.asm.js``: ``USER``/``LOGNAME`` ``web_user``, ``PATH``/``PWD``
``/``, ``LANG`` from ``navigator.languages`` (workerd's is ``["en"]``), ``_`` the program name
``./this.program``), with workerd's own settings over it (``emscriptenSetup.ts``: ``HOME``
``/session``, ``PYTHONHASHSEED`` ``111``) and the ``LD_LIBRARY_PATH`` Pyodide's
``finalizeBootstrap`` sets; no shell variable of the machine that deployed it, and no binding
or var of the Worker. Here one interpreter runs tests, workers-env and Workers, so the process's
``os.environ`` object gets a class whose reads and writes answer from each Worker's own
environment for code running as that Worker -- its own files, and the libraries they call --
and from the host's for everyone else: test code, workers-env's own code and the bindings you
supply, even while they run for a Worker (``urllib``'s proxy lookup for a Worker's ``fetch``
reads the host's ``https_proxy``). A Worker's writes stay in its environment, as they stay in
its isolate. ``os.putenv``/``os.unsetenv`` and ``os.environb`` stay the host's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from workers_env.runtime.byidentity import WeakIdentityDict
from workers_env.runtime.current import current_runtime
from workers_env.runtime.filesystem import by_worker_code

__all__ = ["install", "production_environ", "track"]

#: each running Worker's environment and its module root, by its runtime
_WORKERS: WeakIdentityDict[Any, tuple[dict[str, str], str]] = WeakIdentityDict()


def production_environ(python: tuple[int, int]) -> dict[str, str]:
    """The environment a Worker running Python ``python`` starts with, in Emscripten's order."""
    major, minor = python
    return {"USER": "web_user", "LOGNAME": "web_user", "PATH": "/", "PWD": "/", "HOME": "/session",
            "LANG": "en.UTF-8", "_": "./this.program", "PYTHONHASHSEED": "111",
            "LD_LIBRARY_PATH": f"/usr/lib:/lib/python{major}.{minor}/site-packages"}


def track(runtime: Any, root: Path, python: tuple[int, int]) -> None:
    """Give ``runtime``'s Worker (module root ``root``) production's environment, for its life."""
    _WORKERS[runtime] = (production_environ(python), str(root) + os.sep)


def _workers_environ(frame: FrameType | None) -> dict[str, str] | None:
    """The running Worker's environment when the code at ``frame`` is the Worker's: walking out,
    one of the Worker's files comes before workers-env's own code; else ``None`` (the host's)."""
    runtime = current_runtime()
    tracked = _WORKERS.get(runtime) if runtime is not None else None
    if tracked is None:
        return None
    environ, root = tracked
    return environ if by_worker_code(frame, root) else None


class _EnvironOfTheCaller(os._Environ):  # type: ignore[name-defined,misc]  # os's own mapping class
    """``os.environ``'s class while Workers run: a Worker's own environment for its code."""

    def __getitem__(self, key: str) -> str:
        environ = _workers_environ(sys._getframe(1))
        if environ is None:
            return super().__getitem__(key)  # type: ignore[no-any-return]
        try:
            return environ[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: str) -> None:
        environ = _workers_environ(sys._getframe(1))
        if environ is None:
            super().__setitem__(key, value)
            return
        self.encodekey(key), self.encodevalue(value)  # os's own type checks: str keys and values
        environ[key] = value

    def __delitem__(self, key: str) -> None:
        environ = _workers_environ(sys._getframe(1))
        if environ is None:
            super().__delitem__(key)
            return
        try:
            del environ[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:
        environ = _workers_environ(sys._getframe(1))
        return super().__iter__() if environ is None else iter(list(environ))  # type: ignore[no-any-return]

    def __len__(self) -> int:
        environ = _workers_environ(sys._getframe(1))
        return super().__len__() if environ is None else len(environ)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        environ = _workers_environ(sys._getframe(1))
        return super().__repr__() if environ is None else f"environ({environ!r})"  # type: ignore[no-any-return]

    def copy(self) -> dict[str, str]:
        environ = _workers_environ(sys._getframe(1))
        return super().copy() if environ is None else dict(environ)  # type: ignore[no-any-return]


def install() -> None:
    """Give the process's ``os.environ`` the class above (once; the mapping stays the same object)."""
    if type(os.environ) is os._Environ:  # type: ignore[attr-defined]
        os.environ.__class__ = _EnvironOfTheCaller
