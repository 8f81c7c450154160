"""``sys.path_importer_cache``'s entries under a folder, found without a scan of the whole cache.

The cache holds an entry for every folder an import searched, so a test run's process gathers one
for the folder of each Worker it loaded (every test's ``tmp_path``): thousands. Each load and each
first step of a Worker's code looks up the entries under the Worker's own folders (to invalidate
their finders) and under ``/session/metadata`` (to drop stale ``None`` ones); a scan of the whole
cache for them made a load cost more the more Workers the process had loaded before. The keys are
kept here sorted (those under a folder lie together) and brought up to date from what was added
since: a dict keeps insertion order, so every entry added lies after the newest one seen whose
finder ``importlib.invalidate_caches()`` keeps, which stays in its place unless it was taken out
(its finder object then differs, or it is gone). Entries taken out show as a count smaller than
expected; the keys are then read again whole. While nothing was added or taken out (the newest
entry still the one seen, the count the same: a request's first step, in O(1)), the answer for the
same folders is the one given last.
"""

from __future__ import annotations

import bisect
import os
import sys
import threading
from typing import Any

__all__ = ["entries_under", "drop_entry"]

_MISSING = object()


class _Keys:
    """The cache's keys as of the last look: all of them, the ``str`` ones sorted."""

    def __init__(self) -> None:
        self.cache: dict[Any, Any] | None = None  # the dict looked at (sys.path_importer_cache may be replaced)
        self.known: set[Any] = set()
        self.sorted: list[str] = []
        self.anchor: tuple[Any, Any] | None = None  # (key, finder): the newest entry that stays in place
        self.found: dict[tuple[str, ...], tuple[str, ...]] = {}  # prefixes -> keys, while the keys are the same
        self.lock = threading.Lock()

    def _read_whole(self, cache: dict[Any, Any]) -> None:
        self.found.clear()
        keys = list(cache)
        self.cache = cache
        self.known = set(keys)
        self.sorted = sorted(key for key in keys if isinstance(key, str))
        self.anchor = None
        for key in reversed(keys):
            if self._anchors(key, cache.get(key)):
                self.anchor = (key, cache.get(key))
                break

    @staticmethod
    def _anchors(key: Any, finder: Any) -> bool:
        """Whether the entry stays in its place through ``importlib.invalidate_caches()``, which
        drops the ``None`` entries and those of relative paths (PathFinder.invalidate_caches)."""
        return finder is not None and isinstance(key, str) and os.path.isabs(key)

    def _catch_up(self, cache: dict[Any, Any]) -> bool:
        """Take in the entries added since the last look; ``False``: some were taken out (or the
        cache changed while it was read), the keys must be read whole."""
        if self.anchor is None:
            return False
        key, finder = self.anchor
        if cache.get(key, _MISSING) is not finder:
            return False
        added: list[Any] = []
        anchor = None
        try:
            for each in reversed(cache):
                if each == key:
                    break
                if anchor is None and self._anchors(each, cache.get(each)):
                    anchor = (each, cache.get(each))
                if each not in self.known:
                    added.append(each)
            else:
                return False
        except RuntimeError:  # (changed size while read: another thread imported)
            return False
        if len(cache) != len(self.known) + len(added):  # some taken out
            return False
        if added:
            self.found.clear()
        for each in added:
            self.known.add(each)
            if isinstance(each, str):
                bisect.insort(self.sorted, each)
        if anchor is not None:
            self.anchor = anchor
        return True

    def _same(self, cache: dict[Any, Any]) -> bool:
        """Whether nothing was added or taken out since the last look (in O(1): the newest entry
        is still the anchor, in its place, and the count is the same)."""
        anchor = self.anchor
        return (anchor is not None and cache is self.cache and len(cache) == len(self.known)
                and next(reversed(cache), _MISSING) == anchor[0] and cache.get(anchor[0], _MISSING) is anchor[1])

    def under(self, prefixes: tuple[str, ...]) -> tuple[str, ...]:
        with self.lock:
            cache = sys.path_importer_cache
            if not self._same(cache) and (cache is not self.cache or not self._catch_up(cache)):
                self._read_whole(cache)
            known = self.found.get(prefixes)  # (cleared whenever the keys changed)
            if known is not None:
                return known
            found: dict[str, None] = {}
            keys = self.sorted
            for prefix in prefixes:
                at = bisect.bisect_left(keys, prefix)
                while at < len(keys) and keys[at].startswith(prefix):
                    found[keys[at]] = None
                    at += 1
            answer = self.found[prefixes] = tuple(found)
            return answer

    def drop(self, key: str) -> None:
        with self.lock:
            self.found.clear()
            if sys.path_importer_cache.pop(key, _MISSING) is _MISSING or sys.path_importer_cache is not self.cache:
                return
            if key in self.known:
                self.known.discard(key)
                at = bisect.bisect_left(self.sorted, key)
                if at < len(self.sorted) and self.sorted[at] == key:
                    del self.sorted[at]
            if self.anchor is not None and self.anchor[0] == key:
                self.anchor = None  # (read whole at the next look)


_KEYS = _Keys()


def entries_under(*prefixes: str) -> tuple[str, ...]:
    """The keys of ``sys.path_importer_cache`` that start with one of ``prefixes`` (each once)."""
    keys = _KEYS
    known = keys.found.get(prefixes)  # (the usual: nothing changed since; answers are cleared
    if known is not None:  # before the keys change) -- _Keys._same, inline
        cache, anchor = sys.path_importer_cache, keys.anchor
        if (anchor is not None and cache is keys.cache and len(cache) == len(keys.known)
                and next(reversed(cache), _MISSING) == anchor[0] and cache.get(anchor[0], _MISSING) is anchor[1]):
            return known
    return keys.under(prefixes)


def drop_entry(key: str) -> None:
    """Take ``key``'s entry out of ``sys.path_importer_cache`` (if there)."""
    _KEYS.drop(key)
