"""pytest's rewritten test modules cached under ``PYTHONDONTWRITEBYTECODE`` too (tests/conftest.py
installs it), and never served stale.

pytest still reads a test module's cached rewrite under the variable but never writes one: it
decides at the start of ``exec_module``, so the variable is lifted there and put back once pytest
looks for its cache (``_read_pyc``), before the module runs. Under the variable every run rewrote
every module, so the cache must give nothing a fresh rewrite would not (review85) -- where
pytest's own cache can (pytest 9.0.3):

- a test file edited again within the second its cached rewrite recorded, at the same size
  (pytest checks only the whole-second mtime and the size; pytest-dev/pytest#13292): a rewrite
  is written only of a file last changed before the second in which pytest read it, so any later
  change has another mtime;
- a checkout moved with its ``__pycache__`` (the cached code names the old path, which tracebacks
  and ``inspect`` then show; pytest-dev/pytest#14552, invalidated as stale by #14989 after 9.0.3):
  a cached rewrite of another path is rewritten anew.

pytest 9.2.0 keys its cache by the source's hash and corrects a moved file's path itself
(``_write_pyc(state, co, source_hash, pyc)``): there only the variable is lifted, pytest's own
read and write kept as they are (``hashed_cache``; a fresh venv installs the newest pytest).
"""

from __future__ import annotations

import inspect
import os
import sys
import time
from collections.abc import Callable
from typing import Any

__all__ = ["current_rewrite", "hashed_cache", "install", "settled_write"]

#: how far a file's mtime may trail the clock (the kernel stamps files with a coarse clock)
CLOCK_SLACK_S = 0.05


def current_rewrite(read_pyc: Callable[..., Any]) -> Callable[..., Any]:
    """pytest's ``_read_pyc(source, pyc, trace)``, answering ``None`` (rewrite it) for a cached
    rewrite of another path, and putting the variable back before the module runs."""

    def read(source: Any, pyc: Any, *args: Any, **kwargs: Any) -> Any:
        sys.dont_write_bytecode = True  # (what the module imports as it runs: as the variable says)
        code = read_pyc(source, pyc, *args, **kwargs)
        if code is not None and code.co_filename != str(source):
            return None  # moved: the cached code would name the old path
        return code

    read.__wrapped__ = read_pyc  # type: ignore[attr-defined]
    return read


def settled_write(write_pyc: Callable[..., Any], started: Callable[[], float]) -> Callable[..., Any]:
    """pytest's ``_write_pyc(state, co, source_stat, pyc)``, writing only the rewrite of a file
    whose mtime's second had ended when pytest began importing it (``started()``): a change after
    that read has a later mtime, so the cache can never hide it."""

    def write(state: Any, co: Any, source_stat: os.stat_result, pyc: Any, *args: Any, **kwargs: Any) -> Any:
        if started() - CLOCK_SLACK_S < int(source_stat.st_mtime) + 1:
            return False  # (pytest ignores a failed write: the module runs as rewritten)
        return write_pyc(state, co, source_stat, pyc, *args, **kwargs)

    write.__wrapped__ = write_pyc  # type: ignore[attr-defined]
    return write


def hashed_cache(write_pyc: Callable[..., Any]) -> bool | None:
    """Whether pytest's ``_write_pyc`` keys its cache by the source's hash (9.2.0 on), by its
    stat (before), or ``None`` for a signature this module does not know (then nothing is patched)."""
    try:
        names = list(inspect.signature(write_pyc).parameters)
    except (TypeError, ValueError):
        return None
    if names[:4] == ["state", "co", "source_hash", "pyc"]:
        return True
    if names[:4] == ["state", "co", "source_stat", "pyc"]:
        return False
    return None


def install(rewrite: Any) -> None:
    """Cache ``rewrite``'s (``_pytest.assertion.rewrite``) rewritten modules under the variable
    (nothing to do without it; nothing done for a pytest whose functions this does not know)."""
    hook = rewrite.AssertionRewritingHook
    read_pyc, write_pyc = getattr(rewrite, "_read_pyc", None), getattr(rewrite, "_write_pyc", None)
    if not sys.dont_write_bytecode or read_pyc is None or write_pyc is None:
        return
    hashed = hashed_cache(write_pyc)
    if hashed is None:
        return
    exec_module = hook.exec_module
    began = [0.0]  # when the module being rewritten began importing (its write comes before any nested import)

    def exec_module_caching(self: Any, module: Any) -> None:
        began[0] = time.time()
        sys.dont_write_bytecode = False
        try:
            exec_module(self, module)
        finally:
            sys.dont_write_bytecode = True

    hook.exec_module = exec_module_caching
    rewrite._read_pyc = current_rewrite(read_pyc)
    if not hashed:  # (a hash-keyed cache cannot hide a change)
        rewrite._write_pyc = settled_write(write_pyc, lambda: began[0])
