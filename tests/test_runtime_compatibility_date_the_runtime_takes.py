"""A Worker whose ``compatibility_date`` the Workers runtime would not start with is refused
when it loads, with the runtime's words and the fix: workerd takes only ``YYYY-MM-DD``
("Invalid compatibility date: 01-11-2026"), wrangler dev no date after today. ``validate``
passes both, as wrangler's own check (JavaScript's ``new Date()``) does."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_worker
from workers_env.config import check_config

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""


@pytest.mark.parametrize("date", ["01-11-2026", "2026-11-1", "2026-11-01T00:00"])
def test_a_date_not_written_yyyy_mm_dd_is_refused(tmp_path, date):
    folder = one_file_worker(tmp_path, ENTRY, date=date)
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert str(info.value).startswith(f"Invalid compatibility date: {date}\nWrite it as YYYY-MM-DD")


@pytest.mark.parametrize("date", ["1999-12-31", "0000-01-01"])
def test_a_yyyy_mm_dd_date_out_of_workerds_range_says_the_range(tmp_path, date):
    # workerd (wrangler dev 4.164.0, JS twin): "Invalid compatibility date: 1999-12-31"; it starts on
    # 2000-01-01, 2008-12-31 and 2026-02-30 (a day up to 31 in any month)
    folder = one_file_worker(tmp_path, ENTRY, date=date)
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert str(info.value) == (f"Invalid compatibility date: {date}\nThe Workers runtime takes years 2000 to 2999, "
                               "months 01 to 12 and days 01 to 31: give a date from 2000-01-01 to today, e.g. "
                               'compatibility_date = "2026-11-23".')


def test_text_after_today_is_in_the_future_as_wrangler_compares_it(tmp_path):
    # wrangler dev 4.164.0 with compatibility_date = "2026/11/01": 'Compatibility date
    # "2026/11/01" is in the future and unsupported' -- its check compares the text ("/" after
    # "-"), before workerd's parse ("garbage" there is validation's ISO-8601 error first)
    date = "2026/11/01"
    with pytest.raises(ConfigError) as info:
        load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert str(info.value) == (f'Compatibility date "{date}" is in the future and unsupported\n'
                               'Write it as YYYY-MM-DD, e.g. compatibility_date = "2026-11-23" (the Workers runtime '
                               "takes no other form).")


@pytest.mark.asyncio
async def test_a_date_after_today_is_refused_and_today_is_not(tmp_path):
    now = datetime.now(timezone.utc).date()
    tomorrow = (now + timedelta(days=1)).isoformat()
    with pytest.raises(ConfigError) as info:
        load_worker(one_file_worker(tmp_path / "a", ENTRY, date=tomorrow))
    assert str(info.value) == (f'Compatibility date "{tomorrow}" is in the future and unsupported\n'
                               f"Use a date no later than today ({now.isoformat()} UTC), as wrangler dev and deploy "
                               "require.")  # (the second line workers-env's hint)
    worker = load_worker(one_file_worker(tmp_path / "b", ENTRY, date=now.isoformat()))
    assert await (await worker.fetch("/")).text() == "ok"


@pytest.mark.parametrize("zone", ["Etc/GMT+12", "Etc/GMT-14"])
def test_today_is_utcs_whatever_the_machines_zone(tmp_path, monkeypatch, zone):
    # wrangler dev 4.164.0 (miniflare: new Date().toISOString()) and workerd (gmtime_r) read
    # today in UTC: under TZ=Etc/GMT+12 at 05:00 UTC on 2026-12-05 (local date 12-04),
    # --compatibility-date 2026-12-05 got workerd's 'newest date supported by this server binary',
    # not 'in the future'. One of the two zones has another local date at any hour.
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        now = datetime.now(timezone.utc).date()
        load_worker(one_file_worker(tmp_path / "a", ENTRY, date=now.isoformat()))
        tomorrow = (now + timedelta(days=1)).isoformat()
        with pytest.raises(ConfigError, match=f'^Compatibility date "{tomorrow}" is in the future'):
            load_worker(one_file_worker(tmp_path / "b", ENTRY, date=tomorrow))
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.asyncio
async def test_a_well_formed_date_loads(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-11-31"))  # workerd checks 1-31 only
    assert await (await worker.fetch("/")).text() == "ok"


def test_validate_passes_what_wranglers_validate_passes(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="01-11-2026")
    assert check_config(folder / "wrangler.toml").ok
