"""The sdist is the whole source tree (MANIFEST.in), so its tests run from it: the pages README.md
links to (docs/*.md: the README is the package's long description), the root conftest.py and every
test helper and data file, and the tools, benchmarks and example Worker the tests read. Before
session 55 it carried the test files but not conftest.py or their helpers, so none could run."""

from __future__ import annotations

import contextlib
import fnmatch
import os
import shutil
import tarfile
import zlib
from pathlib import Path

import pytest
from setuptools import build_meta
from setuptools.command import sdist as sdist_command

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("workers_env", "docs", "tests", "tools", "benchmarks", "example_worker")
TOP = ("pyproject.toml", "MANIFEST.in", "README.md", "CHECKS.md", "BENCHMARKS.md", "conftest.py")
LEFT_OUT = ("__pycache__", ".pytest_cache", "*.pyc", "*.egg-info")


def source_files() -> set[str]:
    """The tree's files as a checkout (or an unpacked sdist) holds them, caches left out."""
    found = set(TOP)
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            parts = path.relative_to(ROOT).parts
            if path.is_file() and not any(fnmatch.fnmatchcase(part, p) for p in LEFT_OUT for part in parts):
                found.add(path.relative_to(ROOT).as_posix())
    return found


def place(source: Path, target: Path) -> None:
    """``target`` made the same file as ``source``: a hard link (setuptools only reads the
    project's files, and unlinks before writing one of its release tree), else a copy."""
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links
        shutil.copyfile(source, target)


@pytest.mark.filterwarnings(r"ignore:Support for `\[tool.setuptools\]` in `pyproject.toml` is still \*beta\*")
def test_the_sdist_carries_every_file_its_tests_need(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    expected = source_files()
    for name in expected:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        place(ROOT / name, project / name)  # (2,100 copies were ~1.3 s of CPU; links ~0.1 s)
    monkeypatch.chdir(project)  # setuptools builds the project of the working folder
    # the archive at zlib's fastest level: what it holds is tested, not how small it is (tarfile's
    # fixed level 9 was ~1.3 s of CPU for the tree's ~19 MB)
    compressobj = zlib.compressobj
    monkeypatch.setattr(zlib, "compressobj", lambda level=-1, *args, **kwargs: compressobj(1, *args, **kwargs))
    # the release tree linked too, as distutils links it where it may: setuptools takes os.link away
    # while it makes the sdist (its issue 516: a file system whose links write through), which
    # made it copy all ~19 MB again (~0.5 s of CPU); it writes only files of its own there
    # (PKG-INFO; setup.cfg it unlinks first), so what it links is only read
    monkeypatch.setattr(sdist_command.sdist, "_remove_os_link", staticmethod(contextlib.nullcontext))
    archive = build_meta.build_sdist(str(tmp_path / "dist"))
    with tarfile.open(tmp_path / "dist" / archive) as sdist:
        shipped = {Path(*Path(name).parts[1:]).as_posix() for name in sdist.getnames()}
    assert {"README.md", "docs/runtime-stand-ins.md", "conftest.py", "tests/conftest.py",
            "tests/worker_helpers.py", "example_worker/wrangler.toml"} <= expected
    assert not expected - shipped, sorted(expected - shipped)[:10]
    assert not any(name.endswith(".pyc") or "__pycache__" in name for name in shipped)
