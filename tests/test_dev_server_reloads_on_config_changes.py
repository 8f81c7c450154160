"""An edit of the wrangler config (or of ``pyproject.toml``'s ``[tool.workers-env]``) reads it
again, as wrangler dev's ``ConfigController`` does: a new var is seen, state is kept, a config
that does not parse is reported and the old Worker serves on. ``.dev.vars`` is read again then,
but is not watched itself: wrangler dev 4.164.0 does not reload when it changes (measured)."""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import READY, RELOADING, DevServer, python_project

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"{getattr(self.env, 'GREETING', '-')} {getattr(self.env, 'SECRET', '-')}")
"""
KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0f2ac74b498b48028cb68387c421e279"\n'


def test_a_new_var_in_the_config_is_seen_after_the_reload(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, config_extra=KV)
    config = project / "wrangler.toml"
    with DevServer(project) as dev:
        assert dev.get() == (200, "- -")
        mark = dev.edit(config, config.read_text() + '[vars]\nGREETING = "hello"\n')
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "hello -")


def test_dev_vars_wait_for_the_next_config_change(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, files={".dev.vars": "SECRET=one\n"})
    config = project / "wrangler.toml"
    with DevServer(project) as dev:
        assert dev.get() == (200, "- one")
        mark = len(dev.lines)
        (project / ".dev.vars").write_text("SECRET=two\n")
        (project / "src" / "entry.py").write_text(ENTRY)  # a code reload keeps the env it has
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "- one")
        mark = len(dev.lines)
        reloading = dev.edit(config, config.read_text() + "\n")
        assert dev.lines.index("Using secrets defined in .dev.vars", mark) < reloading
        dev.wait_for(READY, after=reloading)
        assert dev.get() == (200, "- two")


def test_a_config_that_does_not_parse_is_reported_and_the_old_worker_serves_on(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, config_extra='[vars]\nGREETING = "before"\n')
    config = project / "wrangler.toml"
    good = config.read_text()
    with DevServer(project) as dev:
        mark = len(dev.lines)
        config.write_text(good + "[vars\n")
        dev.wait_for("✘ [ERROR]", after=mark)
        assert dev.get() == (200, "before -")
        assert RELOADING not in "\n".join(dev.lines[mark:])
        mark = dev.edit(config, good.replace("before", "after"))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "after -")


def test_a_config_wrangler_would_refuse_is_reported_and_the_old_worker_serves_on(tmp_path: Path) -> None:
    """review72: an edit that parses but that wrangler's validation refuses (``vars = 5``) --
    wrangler dev 4.164.0 prints ``The field "vars" should be an object but got 5.`` and exits
    (tools/wrangler/dev_config_edit_more_probe.py); workers-env says the same words and serves on
    with the last Worker that loaded, its vars included (README "Where we had to choose")."""
    project = python_project(tmp_path / "app", ENTRY, config_extra='[vars]\nGREETING = "before"\n')
    config = project / "wrangler.toml"
    good = config.read_text()
    with DevServer(project) as dev:
        mark = len(dev.lines)
        config.write_text(good.replace('[vars]\nGREETING = "before"\n', "vars = 5\n"))  # (top-level keys only before)
        dev.wait_for("✘ [ERROR] Processing wrangler.toml configuration:", after=mark)
        assert '- The field "vars" should be an object but got 5.' in "\n".join(dev.lines[mark:])
        assert dev.get() == (200, "before -")
        assert RELOADING not in "\n".join(dev.lines[mark:])
        mark = dev.edit(config, good.replace("before", "after"))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "after -")
