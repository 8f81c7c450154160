"""A ``[tool.workers-env.bindings]`` factory module that does not import (a syntax error, an
exception at import) is reported as the config's other problems are -- at start, and after an
edit of ``pyproject.toml`` -- and ``workers-env dev`` goes on watching: it once let the error
end the watcher silently (no edit reloaded any more) and printed a traceback at exit."""

from __future__ import annotations

import sys
from pathlib import Path

import forkserver
from dev_reload_helpers import READY, DevServer, python_project

ENTRY = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n        return Response(f'{self.env.SUPPLIED} {VERSION}')\n\n"
         "VERSION = 1\n")
TABLE = '[tool.workers-env.bindings]\nSUPPLIED = "{}:make"\n'
FILES = {"fakes.py": "def make():\n    return 'faked'\n", "broken.py": "def make(:\n    pass\n",
         "raising.py": "raise RuntimeError('no credentials at import')\n"}
SAID = "[tool.workers-env.bindings] in "


def test_an_edit_naming_a_module_that_does_not_import_is_said_and_edits_still_reload(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, files={"pyproject.toml": TABLE.format("fakes"), **FILES})
    with DevServer(project) as dev:
        assert dev.get() == (200, "faked 1")
        mark = len(dev.lines)
        (project / "pyproject.toml").write_text(TABLE.format("broken"))
        said = dev.wait_for(SAID, after=mark)
        assert "SUPPLIED: importing \"broken\" raised SyntaxError: invalid syntax" in dev.lines[said]
        assert "broken.py, line 1" in dev.lines[said]
        assert dev.get() == (200, "faked 1")
        mark = len(dev.lines)
        (project / "pyproject.toml").write_text(TABLE.format("raising"))
        said = dev.wait_for(SAID, after=mark)
        assert "importing \"raising\" raised RuntimeError: no credentials at import" in dev.lines[said]
        mark = dev.edit(project / "src" / "entry.py", ENTRY.replace("VERSION = 1", "VERSION = 2"))
        dev.wait_for(READY, after=mark)  # the watcher still runs
        assert dev.get() == (200, "faked 2")
    assert "Traceback" not in dev.output, dev.output


def test_a_module_that_does_not_import_is_a_config_error_at_start(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, files={"pyproject.toml": TABLE.format("broken"), **FILES})
    done = forkserver.run([sys.executable, "-m", "workers_env", "dev", str(project), "--port", "0"],
                          capture_output=True, text=True, timeout=60, cwd=project)
    assert done.returncode == 1
    assert "SUPPLIED: importing \"broken\" raised SyntaxError: invalid syntax" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
