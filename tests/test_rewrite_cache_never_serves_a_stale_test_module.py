"""The suite's cache of pytest's rewritten test modules under ``PYTHONDONTWRITEBYTECODE``
(tests/rewrite_cache.py) gives nothing a fresh rewrite would not: pytest 9.0.3's own cache
serves the old code for a file edited again within the recorded second at the same size
(measured: a test edited from ``assert 1 == 1`` to ``assert 1 == 2`` still passed,
pytest-dev/pytest#13292) and names a moved checkout's old path (its traceback pointed at the old
folder, pytest-dev/pytest#14552) -- review85. pytest 9.2.0 keys its cache by the source's hash and
mends a moved file's path itself: there only the variable is lifted (a fresh venv installs the
newest pytest; the 9.0.3-only wrapper broke every run there with an INTERNALERROR, session 55).
Driven through the installed pytest's own ``_read_pyc`` and ``_write_pyc``, and through stand-ins
of either kind of pytest for what does not depend on the one installed."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import _pytest.assertion.rewrite as rewrite
import pytest
from rewrite_cache import current_rewrite, hashed_cache, install, prewrite, settled_write, unwritten

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
    key = importlib.util.source_hash(text.encode()) if hashed_cache(WRITE_PYC) else os.stat(source)
    assert WRITE_PYC(STATE, compile(text, str(source), "exec"), key, pyc)
    return pyc


def test_a_moved_checkouts_cached_rewrite_is_made_again(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    pyc = cached(tmp_path / "a" / "test_x.py", "def test(): assert 1\n", time.time() - 60)
    shutil.move(tmp_path / "a", tmp_path / "b")
    source, moved = tmp_path / "b" / "test_x.py", tmp_path / "b" / "__pycache__" / pyc.name
    code = current_rewrite(READ_PYC)(source, moved)  # made again, or (pytest 9.2.0 on) its path mended
    assert code is None or code.co_filename == str(source)
    assert current_rewrite(READ_PYC)(tmp_path / "b" / "x.py", moved) is None  # (no such file either)


def test_an_unmoved_cached_rewrite_is_read(tmp_path: Path) -> None:
    pyc = cached(tmp_path / "test_x.py", "def test(): assert 1\n", time.time() - 60)
    assert current_rewrite(READ_PYC)(tmp_path / "test_x.py", pyc).co_filename == str(tmp_path / "test_x.py")


def test_a_rewrite_is_cached_only_of_a_file_whose_second_had_ended(tmp_path: Path) -> None:
    source = tmp_path / "test_x.py"
    source.write_text("def test(): assert 1 == 1\n")
    written: list[Any] = []

    def write_pyc(state: Any, co: Any, source_stat: os.stat_result, pyc: Path) -> bool:  # pytest 9.0.3's
        written.append(pyc)
        return True

    mtime = int(os.stat(source).st_mtime)
    for began, wrote in [(mtime + 0.5, False), (mtime + 1.01, False), (mtime + 1.2, True)]:
        written.clear()
        settled_write(write_pyc, lambda began=began: began)(STATE, None, os.stat(source), tmp_path / "x.pyc")
        assert bool(written) is wrote, began - mtime


def _read_pyc(source: Path, pyc: Path, trace: Any = None) -> None: ...
def _write_pyc_stat(state: Any, co: Any, source_stat: os.stat_result, pyc: Path) -> bool: ...
def _write_pyc_hash(state: Any, co: Any, source_hash: bytes, pyc: Path) -> bool: ...
def _write_pyc_other(state: Any, co: Any, key: object, pyc: Path, extra: int) -> bool: ...


@pytest.mark.parametrize(("write_pyc", "hashed", "write_wrapped"), [
    (_write_pyc_stat, False, True),  # pytest 9.0.3: stat-keyed, every write settled first
    (_write_pyc_hash, True, False),  # pytest 9.2.0: hash-keyed, its own write kept
])
def test_each_pytests_cache_is_wrapped_as_its_key_needs(monkeypatch: pytest.MonkeyPatch, write_pyc: Any,
                                                       hashed: bool, write_wrapped: bool) -> None:
    assert hashed_cache(write_pyc) is hashed
    hook = type("AssertionRewritingHook", (), {"exec_module": lambda self, module: None})
    fake = SimpleNamespace(AssertionRewritingHook=hook, _read_pyc=_read_pyc, _write_pyc=write_pyc)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    install(fake)
    assert fake._read_pyc.__wrapped__ is _read_pyc and hook.exec_module.__name__ == "exec_module_caching"
    assert (getattr(fake._write_pyc, "__wrapped__", None) is write_pyc) is write_wrapped
    assert (fake._write_pyc is write_pyc) is not write_wrapped


@pytest.mark.parametrize("dont_write", [True, False])
def test_an_unknown_pytest_or_a_run_that_writes_bytecode_is_left_alone(monkeypatch: pytest.MonkeyPatch,
                                                                        dont_write: bool) -> None:
    write_pyc = _write_pyc_other if dont_write else _write_pyc_hash
    assert hashed_cache(_write_pyc_other) is None
    exec_module = lambda self, module: None  # noqa: E731
    hook = type("AssertionRewritingHook", (), {"exec_module": exec_module})
    fake = SimpleNamespace(AssertionRewritingHook=hook, _read_pyc=_read_pyc, _write_pyc=write_pyc)
    monkeypatch.setattr(sys, "dont_write_bytecode", dont_write)
    install(fake)
    assert (fake._read_pyc, fake._write_pyc, hook.__dict__["exec_module"]) == (_read_pyc, write_pyc, exec_module)


def test_the_installed_pytests_own_write_and_read_round_trip(tmp_path: Path) -> None:
    """(whichever pytest is installed: its cache, as written here, is read back)"""
    pyc = cached(tmp_path / "test_y.py", "def test(): assert 2\n", time.time() - 60)
    assert READ_PYC(tmp_path / "test_y.py", pyc).co_filename == str(tmp_path / "test_y.py")



#: a run of pytest in a fresh process (one thread, as xdist's controller before its workers start)
#: that has prewrite cache the folder's test modules at its session's start, then reports and stops
PREWRITE = """\
import json, os, sys
from pathlib import Path
import _pytest.assertion.rewrite as rewrite
import pytest
import rewrite_cache

rewrite_cache.install(rewrite)
folder = Path(sys.argv[1])


class Prewrite:
    def pytest_sessionstart(self, session):
        hook = session.config.stash[rewrite.assertstate_key].hook
        sources = sorted(folder.glob("test_*.py"))
        started = rewrite_cache.prewrite(rewrite, hook, rewrite_cache.unwritten(sources, rewrite.PYC_TAIL), 2)
        print(json.dumps([started, [p.name for p in rewrite_cache.unwritten(sources, rewrite.PYC_TAIL)]]))
        sys.stdout.flush()
        os._exit(0)


pytest.main([str(folder), "-q", "-p", "no:cacheprovider", "-p", "no:xdist"], plugins=[Prewrite()])
"""


def test_prewrite_caches_every_module_as_pytest_rewrites_it_and_runs_none(tmp_path: Path) -> None:
    folder = tmp_path / "suite"
    folder.mkdir()
    ran = tmp_path / "ran"
    sources = [folder / f"test_{name}.py" for name in "abc"]
    for source in sources:
        source.write_text(f"open({str(ran)!r}, 'a').write({source.name!r})\ndef test(): assert 1 == 1\n")
        os.utime(source, (time.time() - 60, time.time() - 60))
    done = subprocess.run([sys.executable, "-c", PREWRITE, str(folder)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
                               "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [2, []]  # two processes; nothing left unwritten
    assert not ran.exists()  # (no module ran)
    for source in sources:
        code = READ_PYC(source, source.parent / "__pycache__" / (source.stem + rewrite.PYC_TAIL))
        assert code is not None and code.co_filename == str(source)
        assert "@pytest_ar" in code.co_names  # (pytest's rewrite, not a plain compile)


def test_unwritten_names_a_module_without_a_cached_rewrite_or_with_an_older_one(tmp_path: Path) -> None:
    old, new, bare = (cached(tmp_path / f"test_{n}.py", "def test(): assert 1\n", time.time() - 60) for n in "onb")
    os.utime(tmp_path / "test_n.py", (time.time() + 5, time.time() + 5))  # edited after its rewrite
    bare.unlink()
    sources = [tmp_path / f"test_{n}.py" for n in "onb"]
    assert unwritten(sources, rewrite.PYC_TAIL) == sources[1:]


def test_prewrite_forks_nothing_beside_another_thread_or_for_no_module(tmp_path: Path) -> None:
    source = tmp_path / "test_x.py"
    source.write_text("def test(): assert 1\n")
    assert prewrite(rewrite, None, [], 2) == 0
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert prewrite(rewrite, None, [source], 2) == 0  # (a fork beside a thread could deadlock)
    finally:
        stop.set()
        thread.join()
    assert not (tmp_path / "__pycache__").exists()
