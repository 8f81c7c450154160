"""``runtime/importercache.entries_under`` -- the ``sys.path_importer_cache`` entries under a Worker's
folders, whose finders each load and each request's first step invalidate (a module written into
the project imports at the next request), and the ``/session/metadata`` ones a load drops -- answers
what a scan of the whole cache would, whatever was done to the cache between two looks: entries
added (with a finder, ``None``, a relative path), taken out (by ``del``, by ``drop_entry``, as
``importlib.invalidate_caches()`` takes out the ``None`` and relative ones), taken out and put back
as the newest, given another finder in place, the whole dict replaced. It keeps the keys sorted and
catches up with what was added since its last look; the loads' tests only ever add entries
(pin68: they still passed with the catch-up's count check, the quick look's count check, a drop's
update of the sorted keys or of the answers kept, the catch-up's check of its anchor's finder or
the kept answer's re-check of it each taken out)."""

from __future__ import annotations

import os
import random
import sys

import pytest

from workers_env.runtime.importercache import drop_entry, entries_under

ROOTS = ("/w/a/", "/w/ab/", "/w/b/")  # (one a prefix of another's name: /w/a/ is not /w/ab/)


def _scan(prefixes: tuple[str, ...]) -> set[str]:
    return {key for key in sys.path_importer_cache if isinstance(key, str) and key.startswith(prefixes)}


def _step(rng: random.Random, cache: dict, serial: list[int], newest: str) -> dict:
    """One random change of ``cache`` (``sys.path_importer_cache``; ``newest``: its newest key at the
    last look, the one the index keeps its place by, changed more often); the cache afterwards."""
    serial[0] += 1
    keys = [key for key in cache if isinstance(key, str) and key.startswith("/w/")] or ["/w/a/x"]
    key = newest if rng.random() < 0.3 else rng.choice(keys)
    fresh = rng.choice(ROOTS + ("/w/c/",)) + f"m{serial[0]}"
    kind = rng.randrange(10)
    if kind <= 2:
        cache[fresh] = object()
    elif kind == 3:
        cache[fresh] = None  # (a folder with no finder)
    elif kind == 4:
        cache["w/rel" + str(serial[0])] = object()  # a relative path's
    elif kind == 5:
        cache.pop(key, None)
    elif kind == 6:  # taken out and put back: now the newest, another finder
        cache.pop(key, None)
        cache[key] = object()
    elif kind == 7 and key in cache:
        cache[key] = object()  # another finder in its place
    elif kind == 8:
        drop_entry(key)
    elif kind == 9 and rng.random() < 0.2:  # what importlib.invalidate_caches() takes out
        for each in [k for k, finder in cache.items() if finder is None or not os.path.isabs(k)]:
            if isinstance(each, str) and each.startswith(("/w/", "w/")):
                del cache[each]
    elif kind == 9 and rng.random() < 0.1:
        cache = dict(cache)  # the whole dict replaced
        sys.path_importer_cache = cache
    return cache


@pytest.mark.parametrize("seed", range(4))
def test_entries_under_folders_answer_as_a_scan_of_the_cache(monkeypatch, seed):
    rng = random.Random(seed)
    cache = {key: finder for key, finder in sys.path_importer_cache.items() if not str(key).startswith("/w/")}
    monkeypatch.setattr(sys, "path_importer_cache", cache)
    serial = [0]
    for _ in range(400):
        newest = next(reversed(cache), "")
        for _ in range(rng.randrange(1, 4)):
            cache = _step(rng, cache, serial, newest)
        for _ in range(2):  # (the second look: the answer kept while nothing changed)
            prefixes = tuple(rng.sample(ROOTS, rng.randrange(1, 3)))
            found = entries_under(*prefixes)
            assert len(found) == len(set(found)) and set(found) == _scan(prefixes)


def test_an_entry_swapped_for_another_behind_the_newest_put_back_is_seen(monkeypatch):
    """One entry taken out and another added, then the newest entry (the one the index keeps its
    place by) taken out and put back: the count and the newest key are what they were, the keys
    are not -- its finder, a new one, tells."""
    cache = {key: finder for key, finder in sys.path_importer_cache.items() if not str(key).startswith("/w/")}
    cache.update({"/w/a/old": object(), "/w/a/newest": object()})
    monkeypatch.setattr(sys, "path_importer_cache", cache)
    assert set(entries_under("/w/a/")) == {"/w/a/old", "/w/a/newest"}
    del cache["/w/a/old"]
    cache["/w/a/new"] = object()
    del cache["/w/a/newest"]
    cache["/w/a/newest"] = object()
    assert set(entries_under("/w/a/")) == {"/w/a/new", "/w/a/newest"}
