"""The import scope's checks of where a folder lies (the project's folders above ``main``'s, a
``sys.path`` entry outside the upload, an installed prefix) compare two absolute paths' parts
(load68: ``is_relative_to`` raises and catches a ``ValueError`` for each path outside, ~9 us, 17
times a load). They answer what ``is_relative_to`` answers, for every kind of pair: the same
path, a folder and what lies in it, a sibling whose name starts with the folder's (``/a/bc`` is
not in ``/a/b``), the root, relative paths, pure and concrete paths mixed."""

from __future__ import annotations

from pathlib import Path, PurePath, PurePosixPath

from workers_env.runtime.scope import _within

SPELT = ["/", "/a", "/a/b", "/a/b/c", "/a/bc", "/a/bc/d", "/ab", "/b/a", "a", "a/b", "b", ".", "", "//a/b", "/a/b/../b"]


def test_within_answers_as_is_relative_to():
    pairs = 0
    for path in SPELT:
        for folder in SPELT:
            for left, right in ((Path(path), Path(folder)), (PurePosixPath(path), Path(folder)),
                                (Path(path), PurePath(folder))):
                assert _within(left, right) == left.is_relative_to(right), (left, right)
                pairs += 1
    assert pairs == 3 * len(SPELT) ** 2
    assert _within(Path("/a/b/c"), Path("/a/b")) and not _within(Path("/a/bc"), Path("/a/b"))
