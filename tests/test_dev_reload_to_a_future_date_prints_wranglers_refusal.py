"""A config edit that dates the Worker after today is refused at the reload as wrangler dev
4.164.0 refuses it (measured: ``tools/wrangler/dev_date_edit_probe.py future``): its reload line,
then miniflare's ``✘ [ERROR] Compatibility date "X" is in the future and unsupported`` alone -- no
``The Workers runtime failed to start`` and no ``Runtime stderr``, as workerd never starts --
where wrangler exits 1. workers-env then says what to write and that the Worker loaded before
serves on (as for a refused flag), not a failed load's message; the edit undone loads again."""

from __future__ import annotations

import datetime

from dev_reload_helpers import READY, DevServer, answering, python_project


def test_a_reload_to_a_future_date_is_miniflares_refusal_alone(tmp_path):
    project = python_project(tmp_path / "app", answering("one"), config_extra="")
    config = project / "wrangler.toml"
    dated = next(line for line in config.read_text().splitlines() if line.startswith("compatibility_date"))
    today = datetime.datetime.now(datetime.timezone.utc).date()
    future = str(today + datetime.timedelta(days=200))
    with DevServer(project) as dev:
        mark = dev.edit(config, config.read_text().replace(dated, f'compatibility_date = "{future}"'))
        failed = dev.wait_for("keeps serving the Worker loaded before", after=mark)
        assert [line for line in dev.lines[mark:failed + 1] if line.strip()] == [
            "\u2394 Reloading local server...",
            f'\u2718 [ERROR] Compatibility date "{future}" is in the future and unsupported',
            f"(workers-env: Use a date no later than today ({today} UTC), as wrangler dev and deploy require.)",
            "(workers-env: wrangler dev exits here; workers-env keeps serving the Worker loaded before until an edit "
            "that loads)"]
        assert dev.get() == (200, "one")
        mark = dev.edit(config, config.read_text().replace(f'compatibility_date = "{future}"', dated))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "one")
