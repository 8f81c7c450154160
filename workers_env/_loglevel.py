"""wrangler's log levels (``wrangler dev --log-level``, ``WRANGLER_LOG``): which lines ``workers-env dev`` prints.

wrangler 4.164.0 prints a line when its level's rank is at most the chosen level's
(``LOGGER_LEVELS``: none -1, error 0, warn 1, info 2, log 3, debug 4; the default ``log``): the
banner, the bindings table and the Worker's ``console.log``/``print()`` are ``log``; ``Ready on``,
the request lines and the Worker's ``console.info``/``console.debug`` ``info``; warnings and
``console.warn`` ``warn``; errors, ``console.error`` and the Worker's stderr ``error`` (measured
with a JavaScript twin under ``wrangler dev`` at each level; README); workerd's own warnings to the
Worker's console (``IoContext::logWarning``: ``Ignoring attempt to Cache.put() a 304 ...``) ``log``
(measured: hidden from ``--log-level info`` on). workers-env's loggers' records are held to the
same rule (:data:`WORKERD_WARNING` marks workerd's). The other commands print at the level
``WRANGLER_LOG`` chooses (:func:`chosen`), as wrangler 4.164.0's every command does (measured);
in tests, ``log``: everything is printed.

Under ``dev`` the Worker's ``console.warn``/``console.error`` lines are laid out as wrangler's
logger lays out a warning or an error (:func:`laid_out`: ``▲ [WARNING] ...``, ``✘ [ERROR] ...``,
which its ``handleStructuredLogs`` makes of workerd's ``warn``/``error`` lines; measured), without
the colours esbuild gives them; elsewhere (tests) they stay the plain line production logs.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

__all__ = ["LEVELS", "WORKERD_WARNING", "chosen", "console", "copied", "emit", "from_environment", "laid_out",
           "level_of", "logging_at", "replaced", "shows"]

#: wrangler's ``LOGGER_LEVELS`` (workers-utils ``logger.ts``), in its order
LEVELS = {"none": -1, "error": 0, "warn": 1, "info": 2, "log": 3, "debug": 4}

_chosen = LEVELS["log"]
#: ``extra=`` of a record that is one of workerd's ``logWarning`` lines: a ``log`` line under wrangler dev
WORKERD_WARNING = {"wrangler_level": "log"}
#: the real streams while :func:`logging_at` has silenced ``sys.stdout`` / ``sys.stderr`` (or dev's
#: console has taken ``sys.stderr``: runtime/devconsole.py)
_aside: dict[str, TextIO] = {}
#: whether the Worker's warnings and errors are laid out as wrangler dev's logger prints them (dev only)
_wranglers_layout = False
#: wrangler's warning for a ``WRANGLER_LOG`` that is no level, printed before the first line shown
#: (:func:`chosen`): wrangler's ``getLoggerLevel`` warns when its logger first prints
_unrecognised: list[str] = []
#: one entry per :func:`chosen` open: whether a warning was due within it (given once in all)
_warned: list[bool] = []
#: the console methods' markers under dev (wrangler's ``logger.warn`` / ``logger.error``)
_MARKERS = {"warn": "\u25b2 [WARNING]", "error": "\u2718 [ERROR]"}


def shows(level: str) -> bool:
    """Whether a line of ``level`` is printed at the chosen level."""
    return _chosen >= LEVELS[level]


def level_of(record: logging.LogRecord) -> str:
    """wrangler's level of a record of workers-env's loggers: the one :data:`WORKERD_WARNING` gives
    it, else an error's (``Uncaught ...``) or a warning's (workers-env's notes, Miniflare's)."""
    return getattr(record, "wrangler_level", None) or ("error" if record.levelno >= logging.ERROR else "warn")


def _shown(record: logging.LogRecord) -> bool:
    """Whether a record of workers-env's loggers is printed: at its :func:`level_of`."""
    return shows(level_of(record))


for _name in ("workers_env.dev", "workers_env.runtime", "workers_env.worker", "workers_env.fetch"):
    logging.getLogger(_name).addFilter(_shown)


def emit(level: str, text: str, stream: str = "stdout") -> None:
    """Print ``text`` on ``stream`` (``"stdout"``/``"stderr"``) if ``level`` is shown -- on the
    real stream even while :func:`logging_at` has silenced ``sys.<stream>`` (an ``info`` line
    at ``--log-level info``, where the Worker's ``print()`` is not shown)."""
    if _unrecognised:
        warning = _unrecognised.pop()
        if shows("warn"):  # (the level it falls back to, log, shows it)
            print(laid_out(_MARKERS["warn"], warning), file=_real_stream("stderr"), flush=True)
    if shows(level):
        print(text, file=_real_stream(stream), flush=True)


def _real_stream(stream: str) -> TextIO:
    """The stream ``stream`` names as the terminal gets it: ``sys.<stream>``, unless dev has
    silenced or taken it (then the one it replaced)."""
    return _aside.get(stream) or getattr(sys, stream)  # type: ignore[no-any-return]


def laid_out(marker: str, text: str) -> str:
    """``text`` as wrangler's logger prints a warning or an error (esbuild's
    ``formatMessagesSync``, then ``console.warn``/``console.error``'s newline): the marked first
    line and a blank line; the other lines, if any, each indented by two spaces (a blank one
    too), then a blank line; then the newline that ends the call -- so two blank lines follow
    every message."""
    first, *rest = text.split("\n")
    notes = "\n" + "".join(f"  {line}\n" for line in rest) if rest else ""
    return f"{marker} {first}\n{notes}\n"


def console(level: str, line: str) -> None:
    """One line of the Worker's console (``console.log`` & co, its stdout and stderr) at
    wrangler's ``level`` for it: ``warn`` and ``error`` on stderr -- under dev laid out as
    wrangler's logger prints them (:func:`laid_out`), elsewhere as it is --, the others on stdout."""
    if level in _MARKERS:
        emit(level, laid_out(_MARKERS[level], line) if _wranglers_layout else line, "stderr")
    else:
        emit(level, line)


def copied(level: str, text: str) -> None:
    """One of Miniflare's lines workers-env copies (``[wrangler:info] ✨ Parsed ...``), at ``level``:
    under dev on stdout, where wrangler dev prints Miniflare's log (measured), elsewhere on stderr
    beside workers-env's notes."""
    emit(level, text, "stdout" if _wranglers_layout else "stderr")


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
def chosen(environ: Mapping[str, str]) -> Iterator[None]:
    """Print at the level ``WRANGLER_LOG`` in ``environ`` chooses (:func:`from_environment`): a
    command's lines go through :func:`emit` -- its ``log`` lines (progress, results, ``--json``
    output) hidden from ``info`` down, warnings from ``error``, errors by ``none`` alone, as
    wrangler's logger hides them. A value that is no level is warned of once (wrangler's
    ``logger.once.warn``), before the first line printed; a :func:`chosen` within (``.env``
    files loaded) warns no second time."""
    global _chosen
    level, warning = from_environment(environ)
    before, ours = _chosen, warning is not None and not any(_warned)
    _chosen = LEVELS[level]
    if warning is not None and ours:
        _unrecognised[:] = [warning]
    _warned.append(ours)
    try:
        yield
    finally:
        _warned.pop()
        _chosen = before
        if ours or not _warned:  # (given, or no longer due: the level it was of is left)
            _unrecognised.clear()


@contextmanager
def replaced(name: str, stream: TextIO) -> Iterator[None]:
    """Put ``stream`` in ``sys.<name>``'s place (dev's console: runtime/devconsole.py) while
    :func:`emit` goes on writing to the stream it replaced."""
    real = getattr(sys, name)
    kept = _aside.get(name)
    _aside[name] = kept or real
    setattr(sys, name, stream)
    try:
        yield
    finally:
        setattr(sys, name, real)
        if kept is None:
            _aside.pop(name, None)
        else:
            _aside[name] = kept


@contextmanager
def logging_at(level: str) -> Iterator[None]:
    """Run at ``level``: below ``log`` whatever is written to ``sys.stdout`` (the Worker's
    ``print()``, dev's ``log`` lines) goes to ``os.devnull``, below ``error`` what is written to
    ``sys.stderr`` too; lines of a shown level still reach the real streams through :func:`emit`.
    The Worker's warnings and errors are laid out as wrangler dev's (:func:`console`)."""
    global _chosen, _wranglers_layout
    before, saved, layout = _chosen, dict(_aside), _wranglers_layout
    streams = [name for name, least in (("stdout", "log"), ("stderr", "error")) if LEVELS[level] < LEVELS[least]]
    real = {name: getattr(sys, name) for name in streams}
    _chosen, _wranglers_layout = LEVELS[level], True
    _unrecognised.clear()  # (dev says its own: ``--log-level`` overrides WRANGLER_LOG unread)
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
        _chosen, _wranglers_layout = before, layout
        _aside.clear()
        _aside.update(saved)

