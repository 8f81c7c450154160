"""The sdist ships the pages README.md links to (docs/*.md, by MANIFEST.in): the README is the
package's long description, and its reference moved to docs/runtime-stand-ins.md."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest
from setuptools import build_meta

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.filterwarnings(r"ignore:Support for `\[tool.setuptools\]` in `pyproject.toml` is still \*beta\*")
def test_the_sdist_carries_readme_and_every_docs_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, project / name)
    for folder in ("docs", "workers_env"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(project)  # setuptools builds the project of the working folder
    archive = build_meta.build_sdist(str(tmp_path / "dist"))
    with tarfile.open(tmp_path / "dist" / archive) as sdist:
        shipped = {Path(*Path(name).parts[1:]).as_posix() for name in sdist.getnames()}
    pages = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md")}
    assert "docs/runtime-stand-ins.md" in pages
    assert {"README.md", *pages} <= shipped
