"""``workers-env dev --compatibility-date D --compatibility-flags F`` keeps running that era after
an edit of the config reloads it, as wrangler dev's ``ConfigController`` re-reads the config
under the same command-line arguments: the Worker reloaded from the edited config runs on the
date given, not the config's."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import READY, DevServer, python_project

LEGACY = """
from js import Response


async def on_fetch(request, env):
    return Response.new(f"legacy {getattr(env, 'GREETING', '-')}")
"""


def test_the_reloaded_worker_runs_the_date_given(tmp_path: Path) -> None:
    # the config's own date (2026-05-01) no longer dispatches a module-level on_fetch
    project = python_project(tmp_path / "app", LEGACY)
    config = project / "wrangler.toml"
    with DevServer(project, "--compatibility-date", "2024-12-01", "--compatibility-flags", "python_workers") as dev:
        assert dev.get() == (200, "legacy -")
        mark = dev.edit(config, config.read_text() + '[vars]\nGREETING = "hello"\n')
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "legacy hello")
        assert "no longer dispatch" not in "\n".join(dev.lines)
