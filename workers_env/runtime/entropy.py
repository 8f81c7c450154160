"""``random`` while a Python Worker's top level runs, as workerd's Python runtime restricts it.

Production runs the main module's top level before any request, when the isolate may not yet
draw real entropy (workerd ``src/pyodide/internal/topLevelEntropy``): once ``random`` is
imported there, ``entropy_import_context.py`` puts a proxy of it in ``sys.modules``
(``import_patch_manager.block_calls``, allowlist ``Random`` and ``SystemRandom``) whose every
other function raises ``RuntimeError("Cannot use random.<name>() outside of request context")``
when called before the first request. Before the first request all of it is undone; the
proxy that ``import random`` / ``from random import choice`` handed out stays in the Worker's
globals and passes calls through from then on. workerd's ``random`` test pins the messages.

``sys.modules`` is one for the process: a thread of the test (or of the Worker's thread pool, or
another Worker's step) that runs ``import random`` while a Worker loads gets the proxy too. It
blocks only code running as the Worker being loaded (:func:`~workers_env.runtime.current.current_runtime`
is its runtime, as the import scope marks it); anything else goes straight to the module.
"""

from __future__ import annotations

import contextlib
import functools
import random
import sys
from collections.abc import Iterator
from typing import Any

from workers_env.runtime.current import current_runtime

__all__ = ["BlockedCallModule", "top_level_entropy"]

_ALLOWED = ("Random", "SystemRandom")  # entropy_import_context.py's allowlist for ``random``


class _Gate:
    """Whether the top level is over: production's ``IN_REQUEST_CONTEXT``, one per load, for
    the code of the Worker being loaded (``runtime``) only."""

    def __init__(self, runtime: object) -> None:
        self.open = False
        self.runtime = runtime

    def blocks(self) -> bool:
        return not self.open and current_runtime() is self.runtime


class BlockedCallModule:
    """``import_patch_manager.BlockedCallModule``: attributes read through to the module; a
    callable other than the allowlist's is wrapped to raise until the top level is over."""

    def __init__(self, module: Any, allowlist: tuple[str, ...], gate: _Gate):
        object.__setattr__(self, "_mod", module)
        object.__setattr__(self, "_allow_list", allowlist)
        object.__setattr__(self, "_gate", gate)

    def __getattribute__(self, key: str) -> Any:
        mod = object.__getattribute__(self, "_mod")
        orig = getattr(mod, key)
        gate = object.__getattribute__(self, "_gate")
        if not gate.blocks() or not callable(orig) or key in object.__getattribute__(self, "_allow_list"):
            return orig

        @functools.wraps(orig)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if gate.blocks():
                raise RuntimeError(f"Cannot use {mod.__name__}.{key}() outside of request context")
            return orig(*args, **kwargs)

        return wrapper

    def __setattr__(self, key: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "_mod"), key, value)

    def __dir__(self) -> list[str]:
        return dir(object.__getattribute__(self, "_mod"))


@contextlib.contextmanager
def top_level_entropy(runtime: object) -> Iterator[None]:
    """Around the import of a Worker's main module: ``random`` in ``sys.modules`` is the blocking
    proxy, so ``import random`` / ``from random import choice`` there get it (or its wrappers);
    the module is put back afterwards and the proxies handed out pass calls through from then on.
    (``os.urandom`` and ``Random.seed(None)`` are left as they are: production lets the top-level
    imports of some packages draw entropy -- ``multiprocessing``, ``numpy.random``,
    ``pydantic_core``, ... in ``entropy_import_context*.py`` -- an allowance per module that a
    process whose modules are already imported could not follow.)"""
    gate = _Gate(runtime)
    real_random = sys.modules.get("random", random)
    sys.modules["random"] = BlockedCallModule(real_random, _ALLOWED, gate)  # type: ignore[assignment]
    try:
        yield
    finally:
        gate.open = True
        if isinstance(sys.modules.get("random"), BlockedCallModule):
            sys.modules["random"] = real_random
