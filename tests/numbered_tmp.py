"""``tmp_path`` without listing the base folder at every test: pytest's
``TempPathFactory.mktemp(numbered=True)`` reading the folder once (tests/conftest.py installs it).

pytest numbers a test's folder one above the highest number of that prefix in the base folder
(``make_numbered_dir``) and finds it by listing the whole base folder at every test: a folder and
a ``<prefix>current`` link a test, so each xdist worker's ~3,700 tests listed millions of entries
(5.1% of the workers' own time in the whole run, session 61). Here each factory (one a pytest
session, each in-process pytester run's included) lists a base folder once, keeps the names
sorted (ignoring case, as pytest compares prefixes) and adds each folder it makes: the entries
of a prefix are then a bisection away, and the number chosen is pytest's own rule on them
(``parse_num`` of what follows the prefix). A failed ``mkdir`` lists the folder again and tries
again, up to pytest's 10 times, with pytest's error after. The same names, a fresh empty folder
of mode 0o700 a test, the ``<prefix>current`` link, the error for a basename that is no plain
relative name. The one difference: a folder removed by something else after the listing (a test
that deletes its own ``tmp_path``, the ``failed`` retention policy) still counts, so its number is
not given again where pytest's listing would give it.

Installed only where pytest still lists: a ``mktemp`` and ``make_numbered_dir`` of the shape of
pytest <= 9.1 (the names their code uses, as pytest 9.0.3's). pytest 9.2 numbers without listing
(``TempPathFactory._make_counted_dir``: a counter a prefix, its own numbers) and is left as it is,
as is any shape not known here.
"""

from __future__ import annotations

import bisect
import os
from pathlib import Path
from typing import Any

__all__ = ["install", "lists_at_every_test"]

#: the names pytest 9.0.3's ``TempPathFactory.mktemp`` and ``_pytest.pathlib.make_numbered_dir`` use
_LISTING_MKTEMP = ("_ensure_relative_to_basetemp", "getbasetemp", "joinpath", "mkdir", "make_numbered_dir", "_trace")
_LISTING_MAKE_NUMBERED_DIR = ("range", "max", "map", "parse_num", "find_suffixes", "joinpath", "mkdir",
                              "_force_symlink", "Exception", "OSError")


def lists_at_every_test(tmpdir: Any) -> bool:
    """Whether ``tmpdir.TempPathFactory.mktemp`` (``_pytest.tmpdir``) is pytest's listing one, the
    shape replaced here."""
    from _pytest import pathlib

    mktemp = getattr(tmpdir.TempPathFactory.mktemp, "__wrapped__", tmpdir.TempPathFactory.mktemp)
    return (not hasattr(tmpdir.TempPathFactory, "_make_counted_dir")
            and getattr(mktemp, "__code__", None) is not None and mktemp.__code__.co_names == _LISTING_MKTEMP
            and pathlib.make_numbered_dir.__code__.co_names == _LISTING_MAKE_NUMBERED_DIR)


def install(tmpdir: Any) -> None:
    """Make ``tmpdir.TempPathFactory.mktemp`` (``_pytest.tmpdir``) list its base folder once, where
    pytest's lists it at every call (``lists_at_every_test``)."""
    from _pytest.pathlib import _force_symlink, parse_num

    factory = tmpdir.TempPathFactory
    if getattr(factory.mktemp, "__wrapped__", None) is not None or not lists_at_every_test(tmpdir):
        return
    mktemp = factory.mktemp

    def listing(root: Path) -> list[tuple[str, str]]:
        return sorted((entry.name.lower(), entry.name) for entry in os.scandir(root))

    def mktemp_listing_once(self: Any, basename: str, numbered: bool = True) -> Path:
        if not numbered:
            return mktemp(self, basename, numbered)
        basename = self._ensure_relative_to_basetemp(basename)
        root = self.getbasetemp()
        listings = self.__dict__.setdefault("_workers_env_listings", {})
        names = listings.get(root)
        if names is None:
            names = listings[root] = listing(root)
        lowered, length = basename.lower(), len(basename)
        for _ in range(10):  # pytest's tries
            at, highest = bisect.bisect_left(names, (lowered, "")), -1
            while at < len(names) and names[at][0].startswith(lowered):
                highest = max(highest, parse_num(names[at][1][length:]))
                at += 1
            path = root.joinpath(f"{basename}{highest + 1}")
            try:
                path.mkdir(mode=0o700)
            except Exception:  # (as pytest: made meanwhile by something else -- list again)
                names[:] = listing(root)
                continue
            bisect.insort(names, (path.name.lower(), path.name))
            _force_symlink(root, basename + "current", path)
            self._trace("mktemp", path)
            return path
        raise OSError(f"could not create numbered dir with prefix {basename} in {root} after 10 tries")

    mktemp_listing_once.__wrapped__ = mktemp  # type: ignore[attr-defined]
    mktemp_listing_once.__doc__ = mktemp.__doc__
    factory.mktemp = mktemp_listing_once
