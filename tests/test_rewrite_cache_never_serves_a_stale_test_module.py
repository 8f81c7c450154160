"""The suite's cache of pytest's rewritten test modules under ``PYTHONDONTWRITEBYTECODE``
(tests/rewrite_cache.py) gives nothing a fresh rewrite would not: pytest 9.0.3's own cache
serves the old code for a file edited again within the recorded second at the same size
(measured: a test edited from ``assert 1 == 1`` to ``assert 1 == 2`` still passed,
pytest-dev/pytest#13292) and names a moved checkout's old path (its traceback pointed at the old
folder, pytest-dev/pytest#14552) -- review85. Driven through pytest's own ``_read_pyc`` and ``_write_pyc``."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import _pytest.assertion.rewrite as rewrite
from rewrite_cache import current_rewrite, settled_write

STATE = SimpleNamespace(trace=lambda message: None)
#: pytest's own (tests/conftest.py wraps them when this run has PYTHONDONTWRITEBYTECODE)
READ_PYC = getattr(rewrite._read_pyc, "__wrapped__", rewrite._read_pyc)
WRITE_PYC = getattr(rewrite._write_pyc, "__wrapped__", rewrite._write_pyc)


def cached(source: Path, text: str, when: float) -> Path:
    """``source`` holding ``text`` (mtime ``when``) and its rewrite cached beside it as pytest caches it."""
    source.write_text(text)
    os.utime(source, (when, when))
    pyc = source.parent / "__pycache__" / (source.stem + rewrite.PYC_TAIL)
    pyc.parent.mkdir(exist_ok=True)
    assert WRITE_PYC(STATE, compile(text, str(source), "exec"), os.stat(source), pyc)
    return pyc


def test_a_moved_checkouts_cached_rewrite_is_made_again(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    pyc = cached(tmp_path / "a" / "test_x.py", "def test(): assert 1\n", time.time() - 60)
    shutil.move(tmp_path / "a", tmp_path / "b")
    source, moved = tmp_path / "b" / "test_x.py", tmp_path / "b" / "__pycache__" / pyc.name
    assert current_rewrite(READ_PYC)(source, moved) is None
    assert current_rewrite(READ_PYC)(tmp_path / "b" / "x.py", moved) is None  # (no such file either)


def test_an_unmoved_cached_rewrite_is_read(tmp_path: Path) -> None:
    pyc = cached(tmp_path / "test_x.py", "def test(): assert 1\n", time.time() - 60)
    assert current_rewrite(READ_PYC)(tmp_path / "test_x.py", pyc).co_filename == str(tmp_path / "test_x.py")


def test_a_rewrite_is_cached_only_of_a_file_whose_second_had_ended(tmp_path: Path) -> None:
    source = tmp_path / "test_x.py"
    source.write_text("def test(): assert 1 == 1\n")
    pyc = tmp_path / ("test_x" + rewrite.PYC_TAIL)
    code = compile(source.read_text(), str(source), "exec")
    mtime = int(os.stat(source).st_mtime)
    for began, written in [(mtime + 0.5, False), (mtime + 1.01, False), (mtime + 1.2, True)]:
        pyc.unlink(missing_ok=True)
        settled_write(WRITE_PYC, lambda began=began: began)(STATE, code, os.stat(source), pyc)
        assert pyc.exists() is written, began - mtime

