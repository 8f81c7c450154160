"""A compatibility date after 2026-11-30 (the newest wrangler 4.168.0's workerd 1.20261123.1
takes) but not after today stops ``wrangler dev`` 4.168.0 with workerd's ``service core:user:<name>:
This Worker requires compatibility date "2026-12-01", but the newest date supported by this server
binary is "2026-11-30".`` (measured, currency68; 4.164.0's workerd 1.20261117.1 stopped after
2026-11-24; no fallback to an older date: miniflare no longer sends the "latest compatibility date
supported" warning wrangler's logger still handles). Deploy takes
it, and so does workers-env (README, "Where we had to choose"); ``workers-env dev`` says so, in
workerd's words, where wrangler dev would stop."""

from __future__ import annotations

from types import SimpleNamespace

from dev_reload_helpers import answering, dev_printed_before_serving
from worker_helpers import one_file_worker

from workers_env.config.compat import newer_than_wranglers_runtime


def note(date: str | None) -> str | None:
    return newer_than_wranglers_runtime(SimpleNamespace(compatibility_date=date, compatibility_flags=[]))


def test_only_a_date_after_wranglers_runtimes_newest_is_noted():
    assert note("2026-11-30") is None
    assert note(None) is None  # wrangler's default date, 2026-11-23
    assert note("2026-12-01").startswith(
        'This Worker requires compatibility date "2026-12-01", but the newest date supported by wrangler 4.168.0\'s '
        'Workers runtime (workerd 1.20261123.1) is "2026-11-30": ')


def test_a_date_refused_anyway_gets_its_refusal_not_the_note():
    assert note("2999-01-01") is None
    assert note("2026-13-01") is None


def test_dev_serves_it_and_says_so(tmp_path, monkeypatch):
    output, served = dev_printed_before_serving(one_file_worker(tmp_path, answering("ok"), date="2026-12-02"),
                                                monkeypatch=monkeypatch)
    assert ('\u25b2 [WARNING] This Worker requires compatibility date "2026-12-02", but the newest date supported by '
            "wrangler 4.168.0's Workers runtime (workerd 1.20261123.1) is \"2026-11-30\"") in output
    assert served
