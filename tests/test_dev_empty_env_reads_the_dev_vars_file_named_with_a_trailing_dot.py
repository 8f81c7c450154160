"""``workers-env dev -e ""`` is the config's top level, with the local secrets of ``.dev.vars.``
(``.dev.vars`` + ``.`` + the empty name), else ``.dev.vars``, and without either ``.env.`` and
``.env..local`` after ``.env`` and ``.env.local``, as wrangler 4.164.0 reads them (measured
with a JavaScript Worker under ``wrangler dev -e ""``: ``Using secrets defined in .dev.vars.``,
its values in ``env``; ``CLOUDFLARE_ENV=staging`` beside ``-e ""`` the same). ``load_env(...,
environment="")`` reads them alike. workers-env read ``.dev.vars`` and no ``.env.``."""

from __future__ import annotations

import json

from dev_reload_helpers import dev_answers
from worker_helpers import typical_pyproject

from workers_env import load_env

CONFIG = ('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
          'compatibility_flags = ["python_workers"]\n[vars]\nV = "top"\n[env.staging.vars]\nV = "staging"\n')
ENTRY = ("from workers import Response, WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n"
         "        return Response.json({'v': self.env.V, 'from': getattr(self.env, 'FROM', None)})\n")


def _project(tmp_path, *files):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    for name in files:
        (tmp_path / name).write_text(f'FROM="{name}"\nDOT_{len(name)}=1\n')
    return tmp_path


def test_load_env_reads_the_dotted_dev_vars_first(tmp_path):
    project = _project(tmp_path, ".dev.vars", ".dev.vars.", ".dev.vars.staging")
    assert (load_env(project, environment="").FROM, load_env(project, environment="").V) == (".dev.vars.", "top")
    assert load_env(project).FROM == ".dev.vars"
    assert load_env(project, environment="staging").FROM == ".dev.vars.staging"
    (project / ".dev.vars.").unlink()
    assert load_env(project, environment="").FROM == ".dev.vars"


def test_load_env_reads_the_dotted_env_files(tmp_path):
    project = _project(tmp_path, ".env", ".env.local", ".env.", ".env..local")
    env = load_env(project, environment="")
    assert env.FROM == ".env..local" and all(f"DOT_{len(n)}" in env for n in (".env", ".env.local", ".env."))
    assert "DOT_4" in load_env(project) and "DOT_5" not in load_env(project)  # (.env. is 5 characters)


def test_dev_says_and_serves_the_dotted_file(tmp_path, monkeypatch):
    project = typical_pyproject(_project(tmp_path, ".dev.vars", ".dev.vars."))
    (project / "src").mkdir()
    (project / "src" / "entry.py").write_text(ENTRY)
    printed, [(status, body)] = dev_answers(project, "-e", "", monkeypatch=monkeypatch)
    assert (status, json.loads(body)) == (200, {"v": "top", "from": ".dev.vars."})
    assert "Using secrets defined in .dev.vars." in printed.splitlines()
