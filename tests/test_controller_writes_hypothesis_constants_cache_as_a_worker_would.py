"""The xdist controller's forked writer of hypothesis' constants cache (tests/constants_cache.py)
writes the files a worker's own collection would write -- the same names (each file's source hash),
the same constants -- so a worker finds its cache filled and reads it instead of parsing workers-env."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("hypothesis.internal.constants_ast")

TESTS = Path(__file__).resolve().parent

SOURCES = {
    "pkg/__init__.py": "LIMIT = 1536\nNAME = 'vectorize'\n",
    "pkg/inner/limits.py": "BATCH = 1000\nTOP_K = (20, 100)\nRATIO = 0.25\n",
    "pkg/empty.py": "",
}


def _run(code: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, check=True, capture_output=True,
                   env={"PYTHONPATH": f"{TESTS}:{cwd}", "PATH": "/usr/bin:/bin"})


def _cache(home: Path) -> dict[str, str]:
    folder = home / ".hypothesis" / "constants"
    # (each file's first line names the source it was read from: by path, the same file in both)
    return {path.name: path.read_text() for path in sorted(folder.iterdir()) if not path.name.startswith(".")}


def test_the_prewritten_cache_is_the_one_hypothesis_writes_for_the_imported_modules(tmp_path: Path) -> None:
    for name, text in SOURCES.items():
        (tmp_path / "src" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "src" / name).write_text(text)
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    _run(f"""
        import os, pathlib, constants_cache
        pid = constants_cache.prewrite(pathlib.Path({str(tmp_path / "src" / "pkg")!r}))
        assert pid is not None
        assert os.waitpid(pid, 0)[1] == 0
    """, ours)
    _run(f"""
        import sys
        sys.path.insert(0, {str(tmp_path / "src")!r})
        import pkg, pkg.empty, pkg.inner.limits
        from hypothesis.internal.constants_ast import constants_from_module
        for module in (pkg, pkg.empty, pkg.inner.limits):
            constants_from_module(module)
    """, theirs)
    written, expected = _cache(ours), _cache(theirs)
    assert len(expected) == len(SOURCES)  # (three different sources: three files)
    assert written == expected
    assert any("1536" in text for text in written.values())
