"""Editors save in more ways than writing the file in place, and ``workers-env dev`` sees each
as an edit, as wrangler's watchers (chokidar) do: a new file renamed over the old one (VS Code,
vim's default) has a new inode, and the next save is seen too; a save that moves the old file
away before writing the new one leaves no file for a moment -- a look at that moment once
dropped the file from what the watcher knew, so its return read as "added" and the edit was
lost (chokidar's ``atomic`` option, on in wrangler, reports such a file as changed)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from dev_reload_helpers import READY, DevServer, python_project

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"{self.env.GREETING} {VERSION}")

VERSION = 1
"""


def _renamed_over(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text)
    os.replace(temp, path)


def _saved_after_a_gap(path: Path, text: str) -> None:
    """The old file moved away, the new one written a moment later (several looks at 50 ms)."""
    path.rename(path.with_name(path.name + "~"))
    time.sleep(0.3)
    path.write_text(text)


def test_a_config_renamed_over_the_old_one_reloads_each_time(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, config_extra='[vars]\nGREETING = "a"\n')
    config = project / "wrangler.toml"
    with DevServer(project) as dev:
        for word in ("b", "c"):
            mark = len(dev.lines)
            _renamed_over(config, config.read_text().replace('GREETING = "', f'GREETING = "{word}'))
            dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "cba 1")
        mark = dev.edit(config, config.read_text().replace('GREETING = "', 'GREETING = "d'))  # in place again
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "dcba 1")


def test_a_config_or_module_missing_for_a_moment_and_back_is_an_edit(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, config_extra='[vars]\nGREETING = "a"\n')
    config, entry = project / "wrangler.toml", project / "src" / "entry.py"
    with DevServer(project) as dev:
        mark = len(dev.lines)
        _saved_after_a_gap(config, config.read_text().replace('"a"', '"b"'))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "b 1")
        mark = len(dev.lines)
        _saved_after_a_gap(entry, ENTRY.replace("VERSION = 1", "VERSION = 2"))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "b 2")
