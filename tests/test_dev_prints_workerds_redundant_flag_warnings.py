"""A flag the compatibility date turns on already is harmless: workerd warns ``The compatibility
flag X became the default as of D so does not need to be specified anymore.`` (``... is the
default, so ...`` for a flag on at every date; compatibility-date.c++'s ``enableByFlag &&
enableByDate``), and wrangler dev 4.164.0 prints it as ``▲ [WARNING] service core:user:<name>:
...`` each time its runtime starts -- at start and at every reload, code or config (measured on a
JS Worker) -- and serves the Worker. ``workers-env dev`` prints the same lines there. A flag on
only by implication (``python_workers_314`` from 2026-09-08) or named by its disable flag is not
warned of, as workerd does not (tools/workerd/unknown_flags_probe.py: the same warnings as
workerd 1.20261117.1 and 1.20261123.1 in 536 cases each)."""

from __future__ import annotations

from types import SimpleNamespace

from dev_reload_helpers import READY, DevServer, answering, dev_printed_before_serving, python_project
from worker_helpers import one_file_worker

from workers_env.config.compat import redundant_flag_warnings

URL = ("The compatibility flag url_standard became the default as of 2022-10-31 so does not need to be specified "
       "anymore.")
HANDLERS = ("The compatibility flag python_no_global_handlers became the default as of 2025-08-14 so does not need "
            "to be specified anymore.")
R2 = "The compatibility flag r2_public_beta_bindings is the default, so does not need to be specified anymore."


def warnings(date: str | None, *flags: str) -> list[str]:
    return redundant_flag_warnings(SimpleNamespace(compatibility_date=date, compatibility_flags=list(flags)))


def test_a_flag_is_warned_of_from_its_date_on():
    assert warnings("2025-08-13", "python_workers", "python_no_global_handlers") == []
    assert warnings("2025-08-14", "python_workers", "python_no_global_handlers") == [HANDLERS]


def test_the_lines_come_in_workerds_field_order_with_the_every_date_flag_in_its_words():
    assert warnings("2026-03-01", "python_no_global_handlers", "r2_public_beta_bindings", "url_standard") == [
        URL, R2, HANDLERS]


def test_no_warning_for_an_implied_flag_a_disable_flag_or_a_flag_without_a_date():
    assert warnings("2026-10-01", "python_workers", "python_workers_314", "no_nodejs_compat_v2",
                    "url_original", "rtti_api", "nodejs_als") == []


def test_without_a_date_wranglers_default_date_decides():
    assert warnings(None, "python_workers", "pipe_to_backward_propagation") == [
        "The compatibility flag pipe_to_backward_propagation became the default as of 2026-11-17 so does not need to "
        "be specified anymore."]


def test_dev_prints_them_as_wrangler_dev_and_serves(tmp_path, monkeypatch):
    entry = answering("ok")
    output, served = dev_printed_before_serving(one_file_worker(tmp_path, entry, date="2026-03-01", flags=(
        "url_standard", "python_no_global_handlers", "r2_public_beta_bindings")), monkeypatch=monkeypatch)
    warned = [line for line in output.splitlines() if line.startswith("\u25b2 [WARNING] service core:user:w: ")]
    assert warned == [f"\u25b2 [WARNING] service core:user:w: {line}" for line in (URL, R2, HANDLERS)]
    assert served


def test_dev_prints_them_again_at_every_reload(tmp_path):
    project = python_project(tmp_path / "app", answering("one"), config_extra="")
    config = project / "wrangler.toml"
    config.write_text(config.read_text().replace('["python_workers"]', '["python_workers", "url_standard"]'))
    warned = f"\u25b2 [WARNING] service core:user:reload: {URL}"
    with DevServer(project) as dev:
        assert dev.lines.count(warned) == 1
        mark = dev.edit(project / "src" / "entry.py", answering("two"))  # code: the same env
        ready = dev.wait_for(READY, after=mark)
        assert dev.lines[mark:ready].count(warned) == 1
        mark = dev.edit(config, config.read_text().replace('"url_standard"', '"url_standard", "global_navigator"'))
        ready = dev.wait_for(READY, after=mark)
        assert dev.lines[mark:ready].count(warned) == 1
        assert any("global_navigator became the default as of 2022-03-21" in line for line in dev.lines[mark:ready])
        assert dev.get() == (200, "two")


def test_a_session_prints_every_workers_lines_at_start_and_at_any_workers_reload(tmp_path):
    """``wrangler dev -c a -c b`` runs the session's Workers in one runtime and restarts it whole
    at a reload of either: 4.164.0 prints a's and b's warnings, in that order, under each
    Worker's name, at start and again after an edit of b's code alone (JavaScript twins:
    ``tools/wrangler/dev_session_probe.py flags``), and after an edit of b's config that workerd
    refuses (``flags-edit``). Before audit27, workers-env said b's lines at start but at a reload
    only the reloaded Worker's."""
    from pathlib import Path

    for name, flag in (("a", "r2_public_beta_bindings"), ("b", "url_standard")):
        (tmp_path / name / "src").mkdir(parents=True)
        (tmp_path / name / "src" / "entry.py").write_text(answering(name))
        (tmp_path / name / "wrangler.toml").write_text(
            f'name = "{name}"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
            f'compatibility_flags = ["python_workers", "{flag}"]\n')
    both = [f"\u25b2 [WARNING] service core:user:a: {R2}", f"\u25b2 [WARNING] service core:user:b: {URL}"]
    with DevServer(Path("a/wrangler.toml"), "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", cwd=tmp_path) as dev:
        ready = dev.wait_for("[wrangler:info] Ready on")
        assert [line for line in dev.lines[:ready] if "service core:user:" in line] == both
        mark = dev.edit(tmp_path / "b" / "src" / "entry.py", answering("b2"))
        ready = dev.wait_for(READY, after=mark)
        assert [line for line in dev.lines[mark:ready] if "service core:user:" in line] == both
        config = tmp_path / "a" / "wrangler.toml"
        mark = dev.edit(config, config.read_text().replace('"python_workers"', '"python_workers", "global_navigator"'))
        ready = dev.wait_for(READY, after=mark)
        edited = warnings("2025-11-02", "python_workers", "r2_public_beta_bindings", "global_navigator")
        assert len(edited) == 2
        a_lines = [f"\u25b2 [WARNING] service core:user:a: {line}" for line in edited]
        assert [line for line in dev.lines[mark:ready] if "service core:user:" in line] == [*a_lines, both[1]]
        # b's config edited to name a flag workerd does not know: the restarted runtime's lines are
        # every Worker's as at a start -- a's warnings, b's error, b's warning -- then wrangler stops
        # (dev_session_probe.py flags-edit); workers-env printed b's alone (audit28), and serves on
        config = tmp_path / "b" / "wrangler.toml"
        mark = dev.edit(config, config.read_text().replace('"url_standard"', '"url_standard", "made_up_b"'))
        failed = dev.wait_for("keeps serving the Worker loaded before", after=mark)
        said = [line for line in dev.lines[mark:failed] if "service core:user:" in line]
        assert [line for line in said if not line.startswith("  {")] == [  # (the Runtime stderr records left out)
            *a_lines, "\u2718 [ERROR] service core:user:b: No such compatibility flag: made_up_b", both[1]]
        assert dev.get() == (200, "a")


def test_no_warning_where_the_date_stops_the_runtime_before_it_starts(tmp_path, monkeypatch):
    """A date after today is miniflare's ``ERR_FUTURE_COMPATIBILITY_DATE`` (miniflare 4.164.0's
    ``validateCompatibilityDate``), thrown before workerd starts: no workerd line comes, nor does
    one here, at start or after a config edit to such a date (audit27: warnings for a refused date
    survived every test)."""
    output = dev_printed_before_serving(one_file_worker(tmp_path / "start", answering("ok"), date="2999-01-01",
                                                        flags=("url_standard",)), monkeypatch=monkeypatch)[0]
    assert 'Compatibility date "2999-01-01" is in the future and unsupported' in output
    assert "service core:user:" not in output
    project = python_project(tmp_path / "app", answering("one"), config_extra="")
    config = project / "wrangler.toml"
    with DevServer(project) as dev:
        dev.wait_for("[wrangler:info] Ready on")
        mark = dev.edit(config, config.read_text().replace('"2026-05-01"', '"2999-01-01"').replace(
            '["python_workers"]', '["python_workers", "url_standard"]'))
        dev.wait_for('Compatibility date "2999-01-01" is in the future and unsupported', after=mark)
        assert not [line for line in dev.lines[mark:] if "service core:user:" in line]
        assert dev.get() == (200, "one")
