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
from pathlib import Path
from types import FrameType
from typing import Any

from workers_env.runtime import tasks
from workers_env.runtime.current import _CURRENT, current_runtime
from workers_env.runtime.filesystem import by_worker_code

__all__ = ["install", "made_by_worker", "production_environ", "running_worker", "track"]

_RUNNING = _CURRENT.get  # the running Worker's runtime (current_runtime's, without its call)
#: the runtime's attribute holding its Worker's environment (encoded as ``os.environ._data``'s),
#: module root, Python and ``sys.argv`` (runtime/identity.py)
_ATTRIBUTE = "_os_identity"


def production_environ(python: tuple[int, int]) -> dict[str, str]:
    """The environment a Worker running Python ``python`` starts with, in Emscripten's order."""
    major, minor = python
    return {"USER": "web_user", "LOGNAME": "web_user", "PATH": "/", "PWD": "/", "HOME": "/session",
            "LANG": "en.UTF-8", "_": "./this.program", "PYTHONHASHSEED": "111",
            "LD_LIBRARY_PATH": f"/usr/lib:/lib/python{major}.{minor}/site-packages"}


def track(runtime: Any, root: Path, python: tuple[int, int]) -> None:
    """Give ``runtime``'s Worker (module root ``root``) production's environment, for its life."""
    encoded = {os.environ.encodekey(k): os.environ.encodevalue(v) for k, v in production_environ(python).items()}
    # an attribute of the (frozen) runtime, not a weak dict's entry: the id() of a look-up there is an
    # audit event, each running every audit hook of the process
    object.__setattr__(runtime, _ATTRIBUTE, (encoded, str(root) + os.sep, python, [""]))  # and its sys.argv


def running_worker(frame: FrameType | None) -> tuple[dict[bytes, bytes], str, tuple[int, int], list[str]] | None:
    """The running Worker's environment, module root, Python and ``sys.argv`` when the code at ``frame`` is the
    Worker's -- walking out, one of its files comes before workers-env's own code (a task the
    Worker's code started counts as its code) --, else ``None``: the host's."""
    runtime = current_runtime()
    if runtime is None:
        return None
    tracked = getattr(runtime, _ATTRIBUTE, None)
    if tracked is None or not by_worker_code(frame, tracked[1]):
        return None
    return tracked


def made_by_worker(frame: FrameType | None) -> bool:
    """Whether the code at ``frame`` (starting a task) is the running Worker's."""
    return running_worker(frame) is not None


class _EnvironOfTheCaller(os._Environ):  # type: ignore[name-defined,misc]  # os's own mapping class
    """``os.environ``'s and ``os.environb``'s class while Workers run: their shared ``_data`` is
    the running Worker's environment for its code; its writes never reach ``putenv``."""

    @property
    def _data(self) -> dict[bytes, bytes]:
        if _RUNNING() is None:  # no Worker running: the host's, without a look at the frames
            return self.__dict__["_data"]  # type: ignore[no-any-return]
        tracked = running_worker(sys._getframe(1))
        return self.__dict__["_data"] if tracked is None else tracked[0]  # type: ignore[no-any-return]

    def __setitem__(self, key: Any, value: Any) -> None:
        tracked = running_worker(sys._getframe(1))
        if tracked is None:
            super().__setitem__(key, value)
        else:
            tracked[0][self.encodekey(key)] = self.encodevalue(value)  # os's own type checks

    def __delitem__(self, key: Any) -> None:
        tracked = running_worker(sys._getframe(1))
        if tracked is None:
            super().__delitem__(key)
            return
        try:
            del tracked[0][self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None


def install() -> None:
    """Give the process's ``os.environ`` and ``os.environb`` the class above (once; the mappings
    stay the same objects), and let tasks note whether the Worker's code started them."""
    for mapping in (os.environ, getattr(os, "environb", None)):
        if type(mapping) is os._Environ:  # type: ignore[attr-defined]
            mapping.__class__ = _EnvironOfTheCaller
    tasks.set_made_by_worker_check(made_by_worker)
