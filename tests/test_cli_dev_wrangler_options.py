"""`workers-env dev` takes wrangler dev's options a project's scripts pass: ``-c/--config``,
``--var KEY:VALUE`` (over the config's vars, split at the first colon), ``--env-file PATH``
(local secrets from it instead of ``.dev.vars``), ``--local`` (a no-op),
``--live-reload`` (a warning: nothing reloads); ``--remote`` and a Worker script as ``PATH``
are refused with the way out, before anything starts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

from dev_reload_helpers import TIMEOUT, dev_answers, listening_on_a_free_port
from worker_helpers import typical_pyproject

from workers_env.cli import main

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"greeting": self.env.GREETING, "other": self.env.OTHER})
"""


def make_project(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text(
        'name = "dev-vars"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\n[vars]\nGREETING = "from config"\nOTHER = "kept"\n')
    return typical_pyproject(root)  # pywrangler's layout: the external-SDK era needs it


def _serve_and_get(cwd: Path, *args: str, more: tuple[str, ...] = ()) -> tuple[dict, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CLOUDFLARE_ENV", None)
    proc, port = listening_on_a_free_port(
        lambda port: [sys.executable, "-m", "workers_env", "dev", "--ip", "127.0.0.1", "--port", str(port), *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=TIMEOUT) as resp:
            body = json.loads(resp.read())
        for path in more:  # requests whose log lines a test reads
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=TIMEOUT):
                pass
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    return body, out


def _answer(cwd: Path, *args: str, monkeypatch) -> tuple[dict, str]:
    """dev's answer to ``/`` and what it printed before serving (in-process: the options' effect on
    the env, not dev's server -- :func:`_serve_and_get` runs the process)."""
    out, [(status, text)] = dev_answers(cwd, *args, monkeypatch=monkeypatch)
    assert status == 200, text
    return json.loads(text), out


def test_config_option_var_local_and_live_reload(tmp_path: Path, monkeypatch) -> None:
    make_project(tmp_path / "app")
    body, out = _answer(tmp_path, "-c", "app/wrangler.toml", "--var", "GREETING:hi:there", "--local",
                        "--live-reload", monkeypatch=monkeypatch)
    assert body == {"greeting": "hi:there", "other": "kept"}  # split at the first colon; other vars kept
    assert "--live-reload has no effect" in out


def test_remote_is_refused_before_anything_starts(tmp_path: Path, capsys) -> None:
    make_project(tmp_path)
    assert main(["dev", str(tmp_path), "--remote"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("workers-env dev: --remote runs the Worker on Cloudflare's network") and "drop --remote" in err


def test_a_worker_script_as_path_or_two_configs_are_refused(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path)
    assert main(["dev", str(project / "src" / "entry.py")]) == 1
    assert "is a Worker script, not a config" in capsys.readouterr().err
    assert main(["dev", str(project), "-c", str(project / "other.toml")]) == 1
    assert "Conflicting options: PATH" in capsys.readouterr().err


def test_env_file_replaces_dev_vars(tmp_path: Path, monkeypatch) -> None:
    project = make_project(tmp_path / "app")
    (project / ".dev.vars").write_text("GREETING=from dev vars\n")
    (project / "ci.env").write_text("OTHER=from ci.env\n")
    body, out = _answer(project, "--env-file", "ci.env", monkeypatch=monkeypatch)
    assert body == {"greeting": "from config", "other": "from ci.env"}
    assert "Using secrets defined in ci.env\n" in out and ".dev.vars" not in out  # wrangler dev's line


def test_dev_names_the_secrets_file_it_read(tmp_path: Path, monkeypatch) -> None:
    project = make_project(tmp_path / "app")
    (project / ".dev.vars").write_text("OTHER=from dev vars\n")
    body, out = _answer(project, monkeypatch=monkeypatch)
    assert body["other"] == "from dev vars" and "Using secrets defined in .dev.vars\n" in out


def test_dev_logs_requests_as_wrangler_dev_does(tmp_path: Path) -> None:
    project = make_project(tmp_path / "app")
    _, out = _serve_and_get(project, more=("/hi%20there?q=1", "/caf%C3%A9"))
    lines = out.splitlines()
    assert any(line.startswith("[wrangler:info] Ready on http://127.0.0.1:") for line in lines)
    logged = [re.sub(r"\(\d+ms\)$", "(Nms)", line) for line in lines if line.startswith("[wrangler:info] GET ")]
    assert logged == ["[wrangler:info] GET / 200 OK (Nms)",  # the pathname as new URL() gives it, as wrangler dev
                      "[wrangler:info] GET /hi%20there 200 OK (Nms)", "[wrangler:info] GET /caf%C3%A9 200 OK (Nms)"]
    assert "Application startup complete" not in out and '"GET / HTTP/1.1"' not in out  # no uvicorn lines
