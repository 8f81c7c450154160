"""``tmp_path`` (pytest's ``TempPathFactory.mktemp(numbered=True)``) lists its base folder once a
session, not at every test (tests/numbered_tmp.py, installed by tests/conftest.py), and still names,
makes and links each test's folder exactly as pytest does -- where pytest lists (pytest 9.0.3's rule);
a pytest that numbers without listing (9.2's counter) keeps its own ``mktemp``, numbers and all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import _pytest.tmpdir
import numbered_tmp
import pytest

#: pytest's own mktemp, under the one the suite installs
PYTESTS_MKTEMP = getattr(_pytest.tmpdir.TempPathFactory.mktemp, "__wrapped__", _pytest.tmpdir.TempPathFactory.mktemp)

#: whether the suite's mktemp replaces pytest's (pytest's own lists its base folder at every call)
REPLACED = getattr(_pytest.tmpdir.TempPathFactory.mktemp, "__wrapped__", None) is not None

#: what a session's tests ask for: repeated names, names one of which begins another, names differing in case,
#: the 30-character cut of a long parametrized name, a name ending in a digit
BASENAMES = ["test_a", "test_a", "test_ab", "TEST_A", "test_a", "test_ab", "test_long_parametrized_name_x_",
             "test_long_parametrized_name_x_", "test_a1_", "test_a", "test_a1_", "test_b", "test_b"]


def _factory(base: Path) -> _pytest.tmpdir.TempPathFactory:
    """A factory whose base folder is ``base`` as it is (a given ``--basetemp`` would be emptied first)."""
    base.mkdir(exist_ok=True)
    return _pytest.tmpdir.TempPathFactory(None, 3, "all", lambda *args: None, basetemp=base, _ispytest=True)


def _seed(base: Path) -> None:
    """A base folder as an earlier part of a session may have left it (what pytest's rule must read)."""
    base.mkdir()
    for name in ("test_a7", "TEST_AB3", "test_a1_x", "test_b_0", "test_bcurrent"):
        (base / name).mkdir()
    (base / "test_b9").write_text("a file counts as well")


def _made(factory: _pytest.tmpdir.TempPathFactory, mktemp, names: list[str]) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The name of each folder made, and where its ``<prefix>current`` link then points (pytest's best effort:
    a folder of that name is left alone)."""
    made = []
    for name in names:
        path = mktemp(factory, name, numbered=True)
        assert path.is_dir() and not any(path.iterdir())
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
        link = path.parent / f"{name}current"
        made.append((path.name, os.readlink(link) if link.is_symlink() else "(no link)"))
    return made


def _listings(mktemp, base: Path, monkeypatch: pytest.MonkeyPatch) -> int:  # type: ignore[no-untyped-def]
    """How many times ``mktemp`` lists its base folder in 40 calls of 7 names."""
    listed: list[str] = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(os.fspath(path)) or scandir(path))
    factory = _factory(base)
    names = [mktemp(factory, f"test_number_{i % 7}_", numbered=True).name for i in range(40)]
    monkeypatch.undo()
    assert names[:8] == [f"test_number_{i}_0" for i in range(7)] + ["test_number_0_1"]
    return len(listed)


def test_pytests_mktemp_is_replaced_exactly_where_it_lists_at_every_call(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    pytests = _listings(PYTESTS_MKTEMP, tmp_path / "pytests", monkeypatch)
    assert REPLACED == (pytests == 40) == numbered_tmp.lists_at_every_test(_pytest.tmpdir)
    if not REPLACED:
        assert pytests == 0 and hasattr(_pytest.tmpdir.TempPathFactory, "_make_counted_dir")


def test_the_session_factory_names_each_folder_as_pytest_does(tmp_path: Path) -> None:
    _seed(tmp_path / "pytests")
    _seed(tmp_path / "ours")
    expected = _made(_factory(tmp_path / "pytests"), PYTESTS_MKTEMP, BASENAMES)
    got = _made(_factory(tmp_path / "ours"), _pytest.tmpdir.TempPathFactory.mktemp, BASENAMES)
    assert [name for name, _ in got] == [name for name, _ in expected]
    assert [Path(link).name for _, link in got] == [Path(link).name for _, link in expected]
    if REPLACED:  # (pytest's listing rule: one above the highest of the prefix)
        assert [name for name, _ in expected][:6] == ["test_a8", "test_a9", "test_ab4", "TEST_A10", "test_a11",
                                                      "test_ab5"]
        assert ("test_b10", "(no link)") in expected  # (a folder named test_bcurrent is there)
    else:  # (pytest 9.2's counter a prefix, ignoring case, past the names taken)
        assert [name for name, _ in expected][:6] == ["test_a0", "test_a1", "test_ab0", "TEST_A2", "test_a3",
                                                      "test_ab1"]
        assert ("test_b0", "(no link)") in expected
    assert sorted(os.listdir(tmp_path / "ours")) == sorted(os.listdir(tmp_path / "pytests"))


def test_the_base_folder_is_listed_once_a_factory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _listings(_pytest.tmpdir.TempPathFactory.mktemp, tmp_path / "base", monkeypatch) == int(REPLACED)


def test_the_running_session_lists_no_more(tmp_path_factory: pytest.TempPathFactory,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path_factory.mktemp("test_the_running_session_", numbered=True)  # (its first listing, if no test made one)
    listed: list[str] = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(os.fspath(path)) or scandir(path))
    first = tmp_path_factory.mktemp("test_the_running_session_", numbered=True)
    second = tmp_path_factory.mktemp("test_the_running_session_", numbered=True)
    assert int(second.name.rsplit("_", 1)[1]) == int(first.name.rsplit("_", 1)[1]) + 1
    assert listed == []


def test_a_folder_made_meanwhile_is_passed_over_as_pytest_does(tmp_path: Path) -> None:
    factory = _factory(tmp_path / "base")
    assert factory.mktemp("test_x", numbered=True).name == "test_x0"
    (tmp_path / "base" / "test_x1").mkdir()  # made by something else since the listing
    (tmp_path / "base" / "test_x5").write_text("")
    if REPLACED:
        assert factory.mktemp("test_x", numbered=True).name == "test_x6"  # pytest's highest + 1, once it looks
        assert factory.mktemp("test_x", numbered=True).name == "test_x7"
    else:
        assert factory.mktemp("test_x", numbered=True).name == "test_x2"  # pytest 9.2's counter, past test_x1
        assert factory.mktemp("test_x", numbered=True).name == "test_x3"


def test_a_basename_pytest_refuses_is_refused_the_same(tmp_path: Path) -> None:
    factory = _factory(tmp_path / "base")
    with pytest.raises(ValueError, match="is not a normalized and relative path"):
        factory.mktemp("../outside", numbered=True)
    assert factory.mktemp("plain", numbered=False).name == "plain"
    with pytest.raises(FileExistsError):
        factory.mktemp("plain", numbered=False)
