"""SQLite connections released when their owner is collected unclosed.

An env built with ``persist_to`` holds a connection per KV namespace, Vectorize state and D1
database until ``env.close()``; one dropped without it (a test that forgot, an env built in a
function and lost) would keep its file open until the connection itself is collected, and
CPython 3.13 on then says ``ResourceWarning: unclosed database``. The owner's finalizer closes
the connection instead: it writes nothing (a Vectorize snapshot is written by ``close()``
alone), as what was committed is already on disk.
"""

from __future__ import annotations

import sqlite3
import weakref

__all__ = ["held_connections"]


def held_connections(owner: object) -> list[sqlite3.Connection]:
    """A list the owner keeps its open connection in (replace or empty it as it opens and
    closes one): every connection still in it is closed when ``owner`` is collected. The list,
    not the owner, is what the finalizer holds, so it keeps the owner alive no longer."""
    held: list[sqlite3.Connection] = []
    weakref.finalize(owner, _close, held)
    return held


def _close(held: list[sqlite3.Connection]) -> None:
    for conn in held:
        conn.close()
