"""A config edit that brings a ``compatibility_date`` after today is refused as at a start:
wrangler dev 4.164.0 prints ``⎔ Reloading local server...`` and miniflare's ``✘ [ERROR]
Compatibility date "2099-01-01" is in the future and unsupported`` alone -- no workerd line, not the
warning of a redundant flag its start prints -- and exits 1 (JavaScript twin,
``tools/wrangler/dev_flag_edit_probe.py future-date``, review81). workers-env prints those lines, its
hint and the ``wrangler dev exits here`` line, and keeps the config that loaded: a code edit then
loads into it. (Before review81 the edit was taken up as a config whose Worker failed to load --
``workers-env dev: the Worker failed to load after the change; ...`` and the refusal's two lines --
and every code edit after it failed the same way until the date was put back.)"""

from __future__ import annotations

from dev_reload_helpers import READY, DevServer, answering, python_project

from workers_env.config.compat import today


def test_the_date_is_refused_in_miniflares_line_and_the_config_that_loaded_serves_on(tmp_path):
    project = python_project(tmp_path / "app", answering("one"))
    config = project / "wrangler.toml"
    config.write_text(config.read_text().replace('["python_workers"]', '["python_workers", "url_standard"]'))
    loaded = config.read_text()
    with DevServer(project) as dev:
        mark = dev.edit(config, loaded.replace('"2026-05-01"', '"2099-01-01"'))
        last = dev.wait_for("keeps serving the Worker loaded before", after=mark)
        assert [line for line in dev.lines[mark:last + 1] if line.strip()] == [
            "\u2394 Reloading local server...",
            '\u2718 [ERROR] Compatibility date "2099-01-01" is in the future and unsupported',
            f"(workers-env: Use a date no later than today ({today()} UTC), as wrangler dev and deploy require.)",
            "(workers-env: wrangler dev exits here; workers-env keeps serving the Worker loaded before until an edit "
            "that loads)"]
        assert dev.get() == (200, "one")
        mark = dev.edit(project / "src" / "entry.py", answering("two"))  # into the config that loaded
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "two")
