"""``runtime/importnames.py`` is generated from Pyodide's lock files by
``tools/pyodide/import_names.py``; this runs the generator's ``--check`` against the lock files
of the Pyodide releases installed in ``$WORKERS_ENV_PYODIDE_DIR`` (/tmp/pyodide, from
``tools/pyodide/install.sh``), so a hand edit of the table, or a release added without
regenerating it, fails here. Skipped where no Pyodide is installed (no network at test time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = Path(os.environ.get("WORKERS_ENV_PYODIDE_DIR", "/tmp/pyodide"))
RELEASES = ("0.26.0a4", "0.28.2", "314.0.6")  # the three the table was generated from


def test_the_import_name_table_is_what_the_lock_files_list():
    locks = [PYODIDE / release / "node_modules" / "pyodide" / "pyodide-lock.json" for release in RELEASES]
    if not all(lock.is_file() for lock in locks):
        pytest.skip(f"Pyodide {', '.join(RELEASES)} not all installed in {PYODIDE} (tools/pyodide/install.sh)")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "pyodide" / "import_names.py"), "--check"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "WORKERS_ENV_PYODIDE_DIR": str(PYODIDE)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("importnames.py holds the lock files' ")
