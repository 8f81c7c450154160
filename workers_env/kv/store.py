"""Where a KV namespace keeps its entries: in memory, or (``persistent.py``) on disk.

A store knows nothing of limits or error texts; it holds ``key -> Entry`` and answers
point reads, writes, deletes and ordered prefix scans. Expiry is decided here against the
``now_ms`` the caller passes (the binding's clock), so an expired entry is never returned
and is dropped when seen, as Miniflare does. Every method is safe to call from any thread.
"""

from __future__ import annotations

import bisect
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass

__all__ = ["Entry", "KeyInfo", "MemoryStore", "Store"]


@dataclass(frozen=True)
class Entry:
    """One stored value: the bytes, expiry in ms since the epoch, metadata as JSON text."""

    value: bytes
    expiration_ms: int | None = None
    metadata_json: str | None = None

    def expired(self, now_ms: int) -> bool:
        return self.expiration_ms is not None and self.expiration_ms <= now_ms


@dataclass(frozen=True)
class KeyInfo:
    """A key as ``list()`` reports it."""

    name: str
    expiration_ms: int | None
    metadata_json: str | None


class Store(ABC):
    """The interface every store has (see :class:`MemoryStore` for the semantics)."""

    @abstractmethod
    def get(self, key: str, now_ms: int) -> Entry | None:
        """The live entry under ``key``, or ``None`` (an expired one is dropped)."""

    @abstractmethod
    def put(self, key: str, entry: Entry) -> None:
        """Store ``entry`` under ``key``, replacing what was there."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove ``key`` (no error when absent)."""

    @abstractmethod
    def list(self, prefix: str, start_after: str, limit: int, now_ms: int) -> tuple[list[KeyInfo], bool]:
        """Up to ``limit`` live keys after ``start_after`` with ``prefix``, and whether more remain."""

    def close(self) -> None:
        """Release files; in-memory stores have nothing to release."""


class MemoryStore(Store):
    """A namespace held in a dict plus a sorted key list (for ordered prefix scans)."""

    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}
        self._keys: list[str] = []  # sorted by code point, which matches UTF-8 byte order
        self._lock = threading.Lock()

    def get(self, key: str, now_ms: int) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.expired(now_ms):
                self._drop(key)
                return None
            return entry

    def put(self, key: str, entry: Entry) -> None:
        with self._lock:
            if key not in self._entries:
                bisect.insort(self._keys, key)
            self._entries[key] = entry

    def delete(self, key: str) -> None:
        with self._lock:
            if key in self._entries:
                self._drop(key)

    def _drop(self, key: str) -> None:
        del self._entries[key]
        del self._keys[bisect.bisect_left(self._keys, key)]

    def list(self, prefix: str, start_after: str, limit: int, now_ms: int) -> tuple[list[KeyInfo], bool]:
        with self._lock:
            start = max(bisect.bisect_left(self._keys, prefix), bisect.bisect_right(self._keys, start_after))
            found: list[KeyInfo] = []
            expired: list[str] = []
            for key in self._keys[start:]:
                if not key.startswith(prefix):
                    break
                entry = self._entries[key]
                if entry.expired(now_ms):
                    expired.append(key)
                    continue
                if len(found) == limit:
                    for key_ in expired:
                        self._drop(key_)
                    return found, True
                found.append(KeyInfo(key, entry.expiration_ms, entry.metadata_json))
            for key_ in expired:
                self._drop(key_)
            return found, False
