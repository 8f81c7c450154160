"""wrangler's log levels (``wrangler dev --log-level``, ``WRANGLER_LOG``): which lines ``workers-env dev`` prints.

wrangler 4.164.0 prints a line when its level's rank is at most the chosen level's
(``LOGGER_LEVELS``: none -1, error 0, warn 1, info 2, log 3, debug 4; the default ``log``): the
banner, the bindings table and the Worker's ``console.log``/``print()`` are ``log``; ``Ready on``,
the request lines and the Worker's ``console.info``/``console.debug`` ``info``; warnings and
``console.warn`` ``warn``; errors, ``console.error`` and the Worker's stderr ``error`` (measured
with a JavaScript twin under ``wrangler dev`` at each level; README); workerd's own warnings to the
Worker's console (``IoContext::logWarning``: ``Ignoring attempt to Cache.put() a 304 ...``) ``log``
(measured: hidden from ``--log-level info`` on). workers-env's loggers' records are held to the
same rule (:data:`WORKERD_WARNING` marks workerd's). Outside ``dev`` the level stays ``log``:
everything is printed, as before.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

__all__ = ["LEVELS", "WORKERD_WARNING", "emit", "from_environment", "logging_at", "shows"]

#: wrangler's ``LOGGER_LEVELS`` (workers-utils ``logger.ts``), in its order
LEVELS = {"none": -1, "error": 0, "warn": 1, "info": 2, "log": 3, "debug": 4}

_chosen = LEVELS["log"]
#: ``extra=`` of a record that is one of workerd's ``logWarning`` lines: a ``log`` line under wrangler dev
WORKERD_WARNING = {"wrangler_level": "log"}
#: the real streams while :func:`logging_at` has silenced ``sys.stdout`` / ``sys.stderr``
_aside: dict[str, TextIO] = {}


def shows(level: str) -> bool:
    """Whether a line of ``level`` is printed at the chosen level."""
    return _chosen >= LEVELS[level]


def _shown(record: logging.LogRecord) -> bool:
    """Whether a record of workers-env's loggers is printed: at the level :data:`WORKERD_WARNING`
    gives it, else an error's (``Uncaught ...``) or a warning's (workers-env's notes, Miniflare's)."""
    return shows(getattr(record, "wrangler_level", None) or ("error" if record.levelno >= logging.ERROR else "warn"))


for _name in ("workers_env.dev", "workers_env.runtime", "workers_env.worker", "workers_env.fetch"):
    logging.getLogger(_name).addFilter(_shown)


def emit(level: str, text: str, stream: str = "stdout") -> None:
    """Print ``text`` on ``stream`` (``"stdout"``/``"stderr"``) if ``level`` is shown -- on the
    real stream even while :func:`logging_at` has silenced ``sys.<stream>`` (an ``info`` line
    at ``--log-level info``, where the Worker's ``print()`` is not shown)."""
    if shows(level):
        print(text, file=_aside.get(stream) or getattr(sys, stream), flush=True)


def from_environment(environ: Mapping[str, str]) -> tuple[str, str | None]:
    """The level ``WRANGLER_LOG`` chooses (any case), else ``log``; and wrangler's warning
    for a value that is no level (``Unrecognised WRANGLER_LOG value "x", ...``), which it
    prints at the default ``log`` it falls back to."""
    if "WRANGLER_LOG" not in environ:
        return "log", None
    given = environ["WRANGLER_LOG"].lower()
    if given in LEVELS:
        return given, None
    expected = " | ".join(f'"{name}"' for name in LEVELS)
    return "log", f'Unrecognised WRANGLER_LOG value "{given}", expected {expected}, defaulting to "log"...'


@contextmanager
def logging_at(level: str) -> Iterator[None]:
    """Run at ``level``: below ``log`` whatever is written to ``sys.stdout`` (the Worker's
    ``print()``, dev's ``log`` lines) goes to ``os.devnull``, below ``error`` what is written to
    ``sys.stderr`` too; lines of a shown level still reach the real streams through :func:`emit`."""
    global _chosen
    before, saved = _chosen, dict(_aside)
    streams = [name for name, least in (("stdout", "log"), ("stderr", "error")) if LEVELS[level] < LEVELS[least]]
    real = {name: getattr(sys, name) for name in streams}
    _chosen = LEVELS[level]
    _aside.update(real)
    dropped = {name: open(os.devnull, "w", encoding="utf-8") for name in streams}  # noqa: SIM115 - closed below
    for name, sink in dropped.items():  # (a real file: the Worker may ask for its fileno or buffer)
        setattr(sys, name, sink)
    try:
        yield
    finally:
        for name, stream in real.items():
            setattr(sys, name, stream)
            dropped[name].close()
        _chosen = before
        _aside.clear()
        _aside.update(saved)

