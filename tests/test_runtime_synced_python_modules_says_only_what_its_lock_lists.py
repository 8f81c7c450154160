"""A synced ``python_modules/`` is said to lack a module only when ``pylock.toml`` -- what
``pywrangler sync`` installed into it (workers-py 1.17.9 compiles the lock, then installs from
it) -- lists the module's distribution: then a later step removed it. A module the lock does not
list was never vendored: an optional import (an extra: langsmith's ``opentelemetry``, httpx's
``pygments`` in ``_main.py``, both caught) whose deployed fallback works, which the line said would
break the Worker and that ``pywrangler sync --force`` would restore (review82; hunt53's langchain
run printed those two beside ``uuid_utils``'s). A distribution named otherwise than its module
(``pillow``: ``PIL``) is known by the environment's metadata."""

from __future__ import annotations

import os
import sys

from test_runtime_synced_python_modules_lacking_an_import_is_said import _project

from workers_env import load_worker

ENTRY = """\
import review82_locked
import review82_optional
import review82_pil
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")
"""

LOCK = """\
lock-version = "1.0"
created-by = "uv"
requires-python = ">=3.12"

[[packages]]
name = "review82-locked"
version = "1.0"

[[packages]]
name = "review82-pillow"
version = "2.0"
"""


def test_only_a_locked_distributions_module_is_said(tmp_path, monkeypatch, capsys):
    folder = _project(tmp_path, monkeypatch, "review82_locked")
    site = tmp_path / "site"
    for name in ("review82_optional", "review82_pil"):
        (site / name).mkdir()
        (site / name / "__init__.py").write_text("")
        monkeypatch.delitem(sys.modules, name, raising=False)
    dist = site / "review82_pillow-2.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: review82-pillow\nVersion: 2.0\n")
    (dist / "top_level.txt").write_text("review82_pil\n")
    (folder / "src" / "entry.py").write_text(ENTRY)
    (folder / "pylock.toml").write_text(LOCK)
    os.utime(folder / "pylock.toml", (500_000, 500_000))  # the sync's, older than its tokens
    load_worker(folder)
    said = sorted(line.split(" imports ")[1].split(",")[0] for line in capsys.readouterr().err.splitlines()
                  if "review82_" in line)
    assert said == ["'review82_locked'", "'review82_pil'"]
