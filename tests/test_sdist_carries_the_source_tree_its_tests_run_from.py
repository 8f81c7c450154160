"""The sdist is the whole source tree (MANIFEST.in), so its tests run from it: the pages README.md
links to (docs/*.md: the README is the package's long description), the root conftest.py and every
test helper and data file, and the tools, benchmarks and example Worker the tests read. Before
session 55 it carried the test files but not conftest.py or their helpers, so none could run."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest
from setuptools import build_meta

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
            if path.is_file() and not any(Path(*parts[:i + 1]).match(p) for p in LEFT_OUT for i in range(len(parts))):
                found.add(path.relative_to(ROOT).as_posix())
    return found


@pytest.mark.filterwarnings(r"ignore:Support for `\[tool.setuptools\]` in `pyproject.toml` is still \*beta\*")
def test_the_sdist_carries_every_file_its_tests_need(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    expected = source_files()
    for name in expected:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, project / name)
    monkeypatch.chdir(project)  # setuptools builds the project of the working folder
    archive = build_meta.build_sdist(str(tmp_path / "dist"))
    with tarfile.open(tmp_path / "dist" / archive) as sdist:
        shipped = {Path(*Path(name).parts[1:]).as_posix() for name in sdist.getnames()}
    assert {"README.md", "docs/runtime-stand-ins.md", "conftest.py", "tests/conftest.py",
            "tests/worker_helpers.py", "example_worker/wrangler.toml"} <= expected
    assert not expected - shipped, sorted(expected - shipped)[:10]
    assert not any(name.endswith(".pyc") or "__pycache__" in name for name in shipped)
