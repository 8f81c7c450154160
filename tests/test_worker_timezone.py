"""Worker code runs in UTC, as production runs Workers: the ``worker`` fixture sets the local
time zone for its test only (ini ``workers_env_timezone``), ``workers-env dev`` for its run."""

from __future__ import annotations

import calendar
import time

import pytest
from worker_helpers import PYPROJECT

WRANGLER = 'name = "tz"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'

ENTRY = """\
import datetime, time
from workers import Response, WorkerEntrypoint

IMPORTED_OFFSET = time.localtime().tm_gmtoff  # module-level code runs in the Worker's zone too

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        naive = datetime.datetime.strptime("2025-07-08 04:30", "%Y-%m-%d %H:%M")
        return Response.json({"offset": time.localtime().tm_gmtoff, "imported": IMPORTED_OFFSET,
                              "naive": naive.timestamp()})
"""

TESTS = """\
import time
import pytest

@pytest.mark.asyncio
async def test_the_worker_sees(worker):
    got = await (await worker.fetch("/")).json()
    assert got == {"offset": WANT, "imported": WANT, "naive": 1751949000 - WANT}, got

def test_the_host_zone_is_back_after_the_fixture():
    assert time.localtime().tm_gmtoff == 19800
"""

HOST = "IST-5:30"  # a POSIX TZ string (needs no tz database): UTC+5:30, as Asia/Kolkata


@pytest.fixture
def host_far_from_utc(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", HOST)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("ini, want", [("", 0), ("workers_env_timezone = local", 19800), ("workers_env_timezone = UTC", 0)])
def test_worker_fixture_runs_worker_code_in_utc_unless_told(pytester: pytest.Pytester, host_far_from_utc, ini, want):
    assert calendar.timegm((2025, 7, 8, 4, 30, 0)) == 1751949000
    pytester.makefile(".toml", wrangler=WRANGLER, pyproject=PYPROJECT)
    pytester.path.joinpath("src").mkdir()
    pytester.path.joinpath("src", "entry.py").write_text(ENTRY)
    pytester.makeini(f"[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n{ini}\n")
    pytester.makepyfile(test_tz=TESTS.replace("WANT", str(want)))
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(passed=2)
    assert time.localtime().tm_gmtoff == 19800  # and the outer session's zone is untouched


def test_production_timezone_wraps_your_own_load_worker_runs(host_far_from_utc):
    import workers_env

    with workers_env.production_timezone():
        assert time.localtime().tm_gmtoff == 0
    assert time.localtime().tm_gmtoff == 19800
    with workers_env.production_timezone("local"):
        assert time.localtime().tm_gmtoff == 19800
    with pytest.raises(KeyError), workers_env.production_timezone("EST+5"):
        assert time.localtime().tm_gmtoff == -5 * 3600
        raise KeyError("the zone comes back even when the block fails")
    assert time.localtime().tm_gmtoff == 19800


def test_a_zone_that_is_no_str_is_refused_before_the_block_runs():
    import workers_env

    with pytest.raises(workers_env.ConfigError) as info, workers_env.production_timezone(5):  # type: ignore[arg-type]
        raise AssertionError("the block does not run")
    assert str(info.value) == 'a time zone is a str such as "UTC" or "Europe/Paris", got int'
