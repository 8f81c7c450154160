"""``workers-env dev --compatibility-date DATE`` refuses a date as wrangler dev 4.164.0 does, after
the bindings table and with the same error lines and exit 1 (measured on a JavaScript twin with a
``[vars]`` binding, flags52; the bug-report line left out, as for a refused flag):

- ``2026-1-01``, ``""`` and ``1999-12-31``: workerd's ``✘ [ERROR] service core:user:twin: Invalid
  compatibility date: DATE`` then ``✘ [ERROR] The Workers runtime failed to start. ...`` and its
  ``Runtime stderr`` block (leftovers52's); with
  ``made_up nodejs_compat no_nodejs_compat url_standard`` the pair's and the name's lines follow the
  date's, and the redundant flag is not warned of;
- ``2026-13-01`` and ``20260101`` (after today as text): miniflare's ``✘ [ERROR] Compatibility date
  "DATE" is in the future and unsupported`` alone, whatever the flags;
- ``2026-02-30``, ``2024-01-01`` (before Python Workers), ``2008-12-31`` and ``2000-01-01``: the Worker starts.

Before flags52 dev printed ``workers-env dev: Invalid compatibility date: ...`` before the table."""

from __future__ import annotations

import pytest
from runtime_stderr_lines import RUNTIME_FAILED, never_serving, runtime_stderr, timeless
from worker_helpers import one_file_worker

from workers_env.cli import main

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""

TABLE = ["Your Worker has access to the following bindings:", "Binding          Resource                  Mode",
         'env.A ("1")      Environment Variable      local']
WRITE = ("(workers-env: Write it as YYYY-MM-DD, e.g. --compatibility-date 2026-11-23 (the Workers runtime takes no "
         "other form).)")
RANGE = ("(workers-env: The Workers runtime takes years 2000 to 2999, months 01 to 12 and days 01 to 31: give a date "
         "from 2000-01-01 to today, e.g. --compatibility-date 2026-11-23.)")
FLAG_HINTS = ["(workers-env: Keep one of each pair in --compatibility-flags (the first turns the behaviour on, the "
              "second off): the Workers runtime does not start a Worker that names both.)",
              "(workers-env: Remove it from --compatibility-flags or correct its spelling: the Workers runtime does "
              "not start a Worker that names a flag it does not know.)"]


@pytest.fixture(autouse=True)
def dev_never_serves(monkeypatch):
    """A dev that went on would serve until killed: it fails at once instead."""
    never_serving(monkeypatch)


@pytest.fixture
def project(tmp_path, monkeypatch):
    one_file_worker(tmp_path, ENTRY, date="2025-11-17", extra='[vars]\nA = "1"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def printed(capsys) -> list[str]:
    """dev's lines, stdout's then stderr's, blank ones left out."""
    out = capsys.readouterr()
    return [timeless(line) for line in (out.out + out.err).splitlines() if line.strip()]


@pytest.mark.parametrize(("date", "hint"), [("2026-1-01", WRITE), ("", WRITE), ("1999-12-31", RANGE)])
def test_a_date_workerd_cannot_read_is_its_refusal(project, capsys, date, hint):
    assert main(["dev", "--compatibility-date", date]) == 1
    invalid = f"service core:user:w: Invalid compatibility date: {date}"
    assert printed(capsys) == [*TABLE, f"\u2718 [ERROR] {invalid}", RUNTIME_FAILED, *runtime_stderr(("error", invalid)),
                               hint]


def test_the_flags_refusals_follow_the_dates_and_no_warning(project, capsys):
    assert main(["dev", "--compatibility-date", "2026-1-01", "--compatibility-flags", "python_workers", "made_up",
                 "nodejs_compat", "no_nodejs_compat", "url_standard"]) == 1
    assert printed(capsys) == [
        *TABLE, "\u2718 [ERROR] service core:user:w: Invalid compatibility date: 2026-1-01",
        "\u2718 [ERROR] service core:user:w: Compatibility flags are mutually contradictory: nodejs_compat vs "
        "no_nodejs_compat",
        "\u2718 [ERROR] service core:user:w: No such compatibility flag: made_up", RUNTIME_FAILED,
        *runtime_stderr(("error", "service core:user:w: Invalid compatibility date: 2026-1-01"),
                        ("error", "service core:user:w: Compatibility flags are mutually contradictory: nodejs_compat "
                                  "vs no_nodejs_compat"),
                        ("error", "service core:user:w: No such compatibility flag: made_up")), WRITE, *FLAG_HINTS]


@pytest.mark.parametrize(("date", "hint"), [
    ("2026-13-01", "(workers-env: Use a date no later than today ({today} UTC), as wrangler dev and deploy require.)"),
    ("20260101", WRITE)])
def test_a_date_after_today_as_text_is_miniflares_refusal_alone(project, capsys, date, hint):
    from workers_env.config.compat import today

    assert main(["dev", "--compatibility-date", date, "--compatibility-flags", "python_workers", "made_up"]) == 1
    assert printed(capsys) == [*TABLE, f'\u2718 [ERROR] Compatibility date "{date}" is in the future and unsupported',
                               hint.format(today=today())]


@pytest.mark.parametrize("date", ["2026-02-30", "2024-01-01", "2008-12-31", "2000-01-01"])
def test_a_date_workerd_reads_starts_the_worker(project, capsys, date):
    with pytest.raises(AssertionError, match="went on to serve"):
        main(["dev", "--compatibility-date", date])
    assert not [line for line in printed(capsys) if "compatibility date" in line.lower() and "ERROR" in line]


def test_a_session_workers_own_date_after_today_is_miniflares_refusal(tmp_path, monkeypatch, capsys):
    # wrangler dev 4.164.0 -c a -c b, b's compatibility_date = "2099-01-01" (JS twins, no bindings:
    # tools/wrangler/dev_session_probe.py future-b): miniflare's line alone, exit 1. audit29: a check
    # of the first Worker's date alone let b's through to workerd's, which reads it -- dev served
    from workers_env.config.compat import today

    for name, date in (("a", "2025-11-17"), ("b", "2099-01-01")):
        toml = one_file_worker(tmp_path / name, ENTRY, date=date) / "wrangler.toml"
        toml.write_text(toml.read_text().replace('name = "w"', f'name = "{name}"'))
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml"]) == 1
    assert printed(capsys) == ['\u2718 [ERROR] Compatibility date "2099-01-01" is in the future and unsupported',
                               f"(workers-env: Use a date no later than today ({today()} UTC), as wrangler dev and "
                               "deploy require.)"]


def test_the_configs_own_date_is_refused_the_same_way_its_hint_naming_the_key(project, capsys):
    toml = project / "wrangler.toml"
    toml.write_text(toml.read_text().replace('"2025-11-17"', '"2025-1-01"'))
    assert main(["dev"]) == 1
    assert printed(capsys) == [*TABLE, "\u2718 [ERROR] service core:user:w: Invalid compatibility date: 2025-1-01",
                               RUNTIME_FAILED, *runtime_stderr(("error", "service core:user:w: Invalid compatibility "
                                                                        "date: 2025-1-01")),
                               WRITE.replace("--compatibility-date 2026-11-23",
                                                             'compatibility_date = "2026-11-23"')]


def test_a_reload_to_such_a_date_prints_workerds_line_and_the_last_worker_serves_on(tmp_path, monkeypatch):
    # as a reload refused on a flag (test_unknown_flags_refusal_is_wranglers_...): wrangler dev stops
    # there; workers-env keeps the Worker that loaded (README, "Where we had to choose")
    from dev_reload_helpers import READY, DevServer, answering, python_project

    monkeypatch.undo()  # (the autouse guard: this dev serves, in its own process)
    project = python_project(tmp_path / "app", answering("one"), config_extra="")
    config = project / "wrangler.toml"
    dated = next(line for line in config.read_text().splitlines() if line.startswith("compatibility_date"))
    with DevServer(project) as dev:
        mark = dev.edit(config, config.read_text().replace(dated, 'compatibility_date = "2026-1-01"'))
        failed = dev.wait_for("keeps serving the Worker loaded before", after=mark)
        invalid = "service core:user:reload: Invalid compatibility date: 2026-1-01"
        assert [timeless(line) for line in dev.lines[mark:failed + 1] if line.strip()] == [
            "\u2394 Reloading local server...", f"\u2718 [ERROR] {invalid}", RUNTIME_FAILED,
            *runtime_stderr(("error", invalid)),
            '(workers-env: Write it as YYYY-MM-DD, e.g. compatibility_date = "2026-11-23" (the Workers runtime takes '
            "no other form).)",
            "(workers-env: wrangler dev exits here; workers-env keeps serving the Worker loaded before until an edit "
            "that loads)"]
        assert dev.get() == (200, "one")
        mark = dev.edit(config, config.read_text().replace('compatibility_date = "2026-1-01"', dated))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "one")
