"""``tools/pyodide/install.sh`` and ``pyodide_differential.py`` default to the Pyodide versions the
differential is run with (CHECKS.md: ``--versions 314.0.6 0.28.2 0.26.0a4``), production's and
0.26.0a4 for its 0.26.0a2; both named 0.26.2 before, which no run installed."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ("314.0.6", "0.28.2", "0.26.0a4")


def test_install_sh_installs_them_by_default(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "npm").write_text('#!/bin/sh\necho "$@" >> "$NPM_LOG"\n')  # records, installs nothing
    (bin_dir / "npm").chmod(0o755)
    done = subprocess.run(["bash", str(ROOT / "tools" / "pyodide" / "install.sh")], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
                                           "NPM_LOG": str(tmp_path / "npm.log"),
                                           "WORKERS_ENV_PYODIDE_DIR": str(tmp_path / "pyodide")})
    assert done.returncode == 0, done.stderr
    asked = re.findall(r"pyodide@(\S+)", (tmp_path / "npm.log").read_text())
    assert asked == ["314.0.6", "0.28.2", "0.26.0-alpha.4"]
    assert sorted(p.name for p in (tmp_path / "pyodide").iterdir()) == sorted(RUN)


def test_the_differential_runs_them_by_default() -> None:
    spec = importlib.util.spec_from_file_location("pyodide_differential_defaults",
                                                  ROOT / "tools" / "pyodide" / "pyodide_differential.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path
    assert module.DEFAULT_VERSIONS == RUN
    assert f"--versions {' '.join(RUN)}`, its default" in (ROOT / "CHECKS.md").read_text()
