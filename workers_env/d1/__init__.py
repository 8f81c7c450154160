"""D1 (``[[d1_databases]]``): the D1 binding on real SQLite, with wrangler's local state layout.

``binding`` (the surface Worker code sees), ``database`` (the SQLite core and D1's rules on
user SQL), ``values`` (what ``bind()`` takes and rows give back), ``limits`` (every limit and
error text), ``sqltext`` (splitting SQL), ``layout`` (wrangler's file naming), ``migrations``
(wrangler's migration files and table) and ``assembly`` (one binding per entry).

The binding's names are imported on first use (as ``workers_env.vectorize``'s): ``load_env``
imports ``assembly`` for every config, and one without ``[[d1_databases]]`` (a ``workers-env
dev`` start of most Workers) need not import SQLite and the binding.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workers_env.d1.binding import D1Database, D1DatabaseSession, D1PreparedStatement

__all__ = ["D1Database", "D1DatabaseSession", "D1PreparedStatement"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'workers_env.d1' has no attribute {name!r}")
    value = getattr(importlib.import_module("workers_env.d1.binding"), name)
    globals()[name] = value
    return value
