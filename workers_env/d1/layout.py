"""Where wrangler and Miniflare keep a local D1 database, so both tools share one file.

``wrangler dev`` and ``wrangler d1 execute --local`` store each database as the SQLite file
of a Durable Object of class ``D1DatabaseObject``: ``<persist_to>/v3/d1/
miniflare-D1DatabaseObject/<id>.sqlite``, where ``<id>`` is the Durable Object id workerd
derives from a name with ``idFromName`` (``actor-id-impl.c++``): with
``key = SHA-256(unique key)``, the first 16 bytes of ``HMAC-SHA256(key, name)`` followed by
the first 16 bytes of ``HMAC-SHA256(key, those 16 bytes)``, in hex. The unique key is
``miniflare-D1DatabaseObject``; the name is the binding's ``preview_database_id``, else its
``database_id``, else the binding name (wrangler's ``d1DatabaseEntry`` and ``executeLocally``).
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

__all__ = ["OBJECT_UNIQUE_KEY", "durable_object_id", "local_database_name", "database_file"]

OBJECT_UNIQUE_KEY = "miniflare-D1DatabaseObject"


def durable_object_id(name: str, unique_key: str = OBJECT_UNIQUE_KEY) -> str:
    """workerd's ``idFromName(name)`` for a namespace with ``unique_key``: 64 hex digits."""
    key = hashlib.sha256(unique_key.encode()).digest()
    base = hmac.new(key, name.encode(), hashlib.sha256).digest()[:16]
    return (base + hmac.new(key, base, hashlib.sha256).digest()[:16]).hex()


def local_database_name(binding: str, database_id: str | None, preview_database_id: str | None) -> str:
    """The name wrangler gives a database's local Durable Object."""
    if preview_database_id is not None:
        return preview_database_id
    if database_id is not None:
        return database_id
    return binding


def database_file(persist_to: str | Path, name: str) -> Path:
    """The SQLite file of the local database named ``name`` under a state root."""
    return Path(persist_to) / "v3" / "d1" / OBJECT_UNIQUE_KEY / f"{durable_object_id(name)}.sqlite"
