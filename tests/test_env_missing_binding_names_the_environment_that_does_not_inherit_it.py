"""With an ``[env.NAME]`` selected, a binding or var declared only at the top level is missing
(wrangler does not let environments inherit them): reading it says so and where to add it, in
``load_env``'s env and in a Worker's ``self.env`` alike; a name declared nowhere does not."""

from __future__ import annotations

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_env, load_worker

CONFIG = """\
name = "w"
main = "src/entry.py"
compatibility_date = "2026-11-01"
compatibility_flags = ["python_workers"]

[vars]
MODE = "prod"

[[kv_namespaces]]
binding = "CACHE"
id = "a"

[ai]
binding = "AI"

[env.staging.vars]
OTHER = "x"
"""

WORKER = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            self.env.CACHE
        except AttributeError as exc:  # production's text is the name; the explanation is a note
            return Response(" ".join([str(exc), *getattr(exc, "__notes__", [])]))
        return Response("found")
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    typical_pyproject(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    return tmp_path


@pytest.mark.parametrize(("name", "field"), [("CACHE", "kv_namespaces"), ("AI", "ai"), ("MODE", "vars")])
def test_a_top_level_name_is_said_not_inherited(project, name, field):
    env = load_env(project, environment="staging")
    with pytest.raises(AttributeError) as info:
        getattr(env, name)
    message = str(info.value)
    assert f"env has no binding or var named {name!r}; it has: OTHER" in message
    assert f"{name!r} is declared at the top level of wrangler.toml ({field})" in message
    assert 'add it to "env.staging" too' in message


def test_a_name_declared_nowhere_gets_no_such_note(project):
    env = load_env(project, environment="staging")
    with pytest.raises(AttributeError) as info:
        env.NOPE
    assert "declared at the top level" not in str(info.value)


def test_without_an_environment_there_is_no_note(project):
    env = load_env(project)
    with pytest.raises(AttributeError) as info:
        env.OTHER
    assert "declared at the top level" not in str(info.value)


@pytest.mark.asyncio
async def test_the_workers_self_env_says_it_too(project):
    worker = load_worker(project, environment="staging")
    resp = await worker.fetch("/")
    text = await resp.text()
    assert "'CACHE' is declared at the top level of wrangler.toml (kv_namespaces)" in text
    assert 'add it to "env.staging" too' in text
    assert text.startswith("CACHE ")
