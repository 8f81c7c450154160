"""Options objects as Python code spells them: a key the binding does not read but whose
camelCase it does (``top_k`` for ``topK``) is ignored by production without a word, since
neither Pyodide nor the Python SDK renames keys; workers-env goes on the same way and says so."""

from __future__ import annotations

import warnings
from collections.abc import Set as AbstractSet
from typing import Any

from workers_env._errors import UnreadOptionWarning, caller_level

__all__ = ["warn_unread_options"]


def _camel(key: str) -> str:
    """``return_metadata`` -> ``returnMetadata``."""
    head, *rest = key.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def warn_unread_options(method: str, options: Any, known: AbstractSet[str]) -> None:
    """An :class:`UnreadOptionWarning`, pointed at the user's call, for each key of ``options``
    (a dict; anything else is left alone) that ``method`` does not read but whose camelCase
    is one of its ``known`` options. Cheap when every key is known, the common case."""
    if type(options) is not dict or options.keys() <= known:
        return
    for key in options:
        if type(key) is str and "_" in key and key not in known and (camel := _camel(key)) in known:
            warnings.warn(f"{method}() does not read the option {key!r}: production ignores it and goes on "
                          f"without it (neither Pyodide nor the Python SDK renames keys); write {camel!r}",
                          UnreadOptionWarning, stacklevel=caller_level())
