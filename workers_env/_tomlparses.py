"""TOML texts parsed once per process: each ``load_worker`` reads ``wrangler.toml`` once and
``pyproject.toml`` three times (the ``[tool.workers-env]`` table, the SDK the project vendors, the
packages it declares), and a test suite's projects hold the same few texts (~0.1 ms a parse,
load65). The memo is keyed by the whole text, so it cannot go stale: a file edited between two
loads is another text, parsed afresh. Each caller gets its own copy of the parse.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import Any

__all__ = ["parsed_toml"]

#: (reader, text) -> its parse, for texts small and shallow enough (:func:`_kept`); oldest dropped first
_PARSES: dict[tuple[Callable[[str], dict[str, Any]], str], dict[str, Any]] = {}
_MAX_TEXTS = 64


def parsed_toml(text: str, reader: Callable[[str], dict[str, Any]] = tomllib.loads) -> dict[str, Any]:
    """``reader(text)`` (``tomllib.loads``; wrangler's reader for a ``wrangler.toml``), raising what
    it raises; a text parsed before by the same reader is not parsed again (the caller gets a copy
    of the kept parse: its dicts and lists are its own to change)."""
    kept = _PARSES.get((reader, text))
    if kept is not None:
        return _copy(kept)
    parsed = reader(text)
    if _kept(text):
        if len(_PARSES) >= _MAX_TEXTS:
            try:
                del _PARSES[next(iter(_PARSES))]
            except (KeyError, RuntimeError, StopIteration):  # (another thread dropped it first)
                pass
        _PARSES[reader, text] = _copy(parsed)
    return parsed


def _kept(text: str) -> bool:
    """Whether the parse of ``text`` is kept: a config or project file's size, and nested so little
    (at most 64 brackets in all) that copying it never nears Python's recursion limit where parsing
    it did not."""
    return len(text) <= 16384 and text.count("[") + text.count("{") <= 64


def _copy(value: Any) -> Any:
    """A copy of a parse: new dicts and lists, the rest (strings, numbers, dates and times) immutable, shared."""
    if type(value) is dict:
        return {key: _copy(item) for key, item in value.items()}
    if type(value) is list:
        return [_copy(item) for item in value]
    return value
