"""``workers-env dev`` runs the config's ``build.command`` before the Worker loads, as ``wrangler
dev`` does (django-cf's template builds its static assets with ``collectstatic`` there; batch 22):
through the shell, ``WRANGLER_COMMAND=dev`` set, output lines prefixed ``[custom build]``, and a
failing build stops dev with wrangler's message."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

from dev_reload_helpers import TIMEOUT, free_port, listening_on_a_free_port
from worker_helpers import typical_pyproject

ENTRY = """
from workers import Response, WorkerEntrypoint

import generated


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(generated.MADE_BY)
"""


def _project(root: Path, command: str, cwd: str | None = None) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    build = f"[build]\ncommand = '''{command}'''\n" + (f'cwd = "{cwd}"\n' if cwd else "")
    (root / "wrangler.toml").write_text('name = "b"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                        'compatibility_flags = ["python_workers"]\n' + build)
    return typical_pyproject(root)  # pywrangler's layout: the external-SDK era needs it


def test_the_build_runs_before_the_worker_loads(tmp_path):
    writer = (f'"{sys.executable}" -c "import os; print(\'built\'); '
              f'open(\'src/generated.py\', \'w\').write(\'MADE_BY = %r\' % os.environ[\'WRANGLER_COMMAND\'])"')
    project = _project(tmp_path / "app", writer)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("WRANGLER_COMMAND", None)
    proc, port = listening_on_a_free_port(  # started elsewhere: the build runs in the project
        lambda port: [sys.executable, "-m", "workers_env", "dev", str(project), "--ip", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=TIMEOUT) as resp:
            body = resp.read().decode()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert body == "dev", out
    lines = out.splitlines()
    assert lines[0] == f"[custom build] Running: {writer}"
    assert "[custom build] built" in lines
    assert lines.index("[custom build] built") < next(i for i, line in enumerate(lines) if line.startswith("Loaded b"))


def test_a_failing_build_stops_dev_with_wranglers_message(tmp_path, capsys):
    from workers_env.cli import main

    project = _project(tmp_path, "echo half-built && exit 3")
    assert main(["dev", str(project), "--port", str(free_port())]) == 1
    captured = capsys.readouterr()
    # each piece of output split at its newlines, as wrangler 4.164.0 logs it (the newline ending
    # it leaves an empty line); then handleError's empty line, and its error on stderr
    assert captured.out.splitlines() == ["[custom build] Running: echo half-built && exit 3", "[custom build] half-built",
                                         "[custom build] ", ""]
    assert captured.err == ("✘ [ERROR] Running custom build `echo half-built && exit 3` failed. There are likely "
                            "more logs from your build command above.\n\n\n")
    assert "Ready on" not in captured.out


def test_build_cwd_is_taken_from_the_config_folder(tmp_path, capsys):
    from workers_env.cli import main

    (tmp_path / "tools").mkdir()
    project = _project(tmp_path, "pwd && exit 1", cwd="tools")
    assert main(["dev", str(project), "--port", str(free_port())]) == 1
    assert f"[custom build] {(tmp_path / 'tools').resolve()}" in capsys.readouterr().out.splitlines()


def test_a_build_cwd_that_does_not_exist_is_named_plainly(tmp_path, capsys):
    from workers_env.cli import main

    project = _project(tmp_path, "true", cwd="nope")
    assert main(["dev", str(project), "--port", str(free_port())]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == ["[custom build] Running: true",
                                    f"[custom build] No such file or directory: {tmp_path / 'nope'}", ""]
    assert "Running custom build `true` failed." in out.err and "Errno" not in out.out + out.err
