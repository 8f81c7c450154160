"""The dates and flags ``workers-env dev`` refuses as wrangler dev does (flags52) are refused the same
way through the pytest plugin's ``--compatibility-date``/``--compatibility-flags``, its marker and
``load_env``: a ``workers_env`` error (``ConfigError``; a failed test saying ``workers-env: ...``)
with the runtime's words and the fix, naming where the value was given -- never a traceback of
``datetime`` or of the plugin. Dates workerd reads (2026-02-30, 2008-12-31, 2000-01-01) load; so do an
experimental flag (as under wrangler dev, which passes ``--experimental``) and a redundant one."""

from __future__ import annotations

import re

import pytest
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_env, load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""

WRITE = "Write it as YYYY-MM-DD, e.g. {} (the Workers runtime takes no other form)."
RANGE = ("The Workers runtime takes years 2000 to 2999, months 01 to 12 and days 01 to 31: give a date from "
         "2000-01-01 to today, e.g. {}.")
FUTURE = "Use a date no later than today ({today} UTC), as wrangler dev and deploy require."
#: date -> (the refusal's first line, its hint) or None where the Worker loads
DATES = {
    "2026-1-01": ("Invalid compatibility date: 2026-1-01", WRITE),
    "2026-13-01": ('Compatibility date "2026-13-01" is in the future and unsupported', FUTURE),
    "20260101": ('Compatibility date "20260101" is in the future and unsupported', WRITE),
    "": ("Invalid compatibility date: ", WRITE),
    "1999-12-31": ("Invalid compatibility date: 1999-12-31", RANGE),
    # a month or day out of workerd's range in a year gone by (so not "in the future" as text):
    # CompatDate::parse refuses month < 1 || month > 12 and day < 1 || day > 31
    # (src/workerd/io/compatibility-date.c++); audit29: a month 13 or a day 32 loaded unnoticed
    "2025-13-01": ("Invalid compatibility date: 2025-13-01", RANGE),
    "2025-00-10": ("Invalid compatibility date: 2025-00-10", RANGE),
    "2025-01-32": ("Invalid compatibility date: 2025-01-32", RANGE),
    "2025-01-00": ("Invalid compatibility date: 2025-01-00", RANGE),
    "2026-02-30": None,
    "2008-12-31": None,
    "2000-01-01": None,
}
FLAGS = {
    "made_up": ("No such compatibility flag: made_up", "Remove it from {} or correct its spelling"),
    "nodejs_compat no_nodejs_compat": ("Compatibility flags are mutually contradictory: nodejs_compat vs "
                                       "no_nodejs_compat", "Keep one of each pair in {} (the first"),
    "durable_object_snapshots": None,
    "url_standard": None,
}


def expected(date: str, where: str) -> str | None:
    from workers_env.config.compat import today

    refusal = DATES[date]
    if refusal is None:
        return None
    hint = refusal[1].format(where.format(date="2026-11-23"), today=today())
    return f"{refusal[0]}\n{hint}"


@pytest.mark.parametrize("date", list(DATES))
def test_load_env(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date="2025-11-17")
    want = expected(date, 'compatibility_date="{date}"')
    if want is None:
        load_worker(env=load_env(tmp_path, compatibility_date=date))
        return
    with pytest.raises(ConfigError) as info:
        load_worker(env=load_env(tmp_path, compatibility_date=date))
    assert str(info.value) == want


@pytest.mark.parametrize("flags", list(FLAGS))
def test_load_env_flags(tmp_path, flags):
    one_file_worker(tmp_path, ENTRY, date="2025-11-17")
    named = ["python_workers", *flags.split()]
    refusal = FLAGS[flags]
    if refusal is None:
        load_worker(env=load_env(tmp_path, compatibility_flags=named))
        return
    with pytest.raises(ConfigError) as info:
        load_worker(env=load_env(tmp_path, compatibility_flags=named))
    assert str(info.value).startswith(f"{refusal[0]}\n{refusal[1].format('compatibility_flags')}")


def run(pytester, *args: str):
    one_file_worker(pytester.path, ENTRY, date="2025-11-17")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_given=f"""
        import pytest

        DATES = {list(DATES)!r}
        FLAGS = {list(FLAGS)!r}

        def test_option(worker):
            pass

        @pytest.mark.parametrize("date", DATES)
        def test_marker_date(request, date):
            request.node.add_marker(pytest.mark.workers_env(compatibility_date=date))
            request.getfixturevalue("worker")

        @pytest.mark.parametrize("flags", FLAGS)
        def test_marker_flags(request, flags):
            request.node.add_marker(pytest.mark.workers_env(compatibility_flags=["python_workers", *flags.split()]))
            request.getfixturevalue("worker")

        def test_marker_date_not_text(request):
            request.node.add_marker(pytest.mark.workers_env(compatibility_date=20260101))
            request.getfixturevalue("worker")

        def test_marker_flag_not_text(request):
            request.node.add_marker(pytest.mark.workers_env(compatibility_flags=["python_workers", 1]))
            request.getfixturevalue("worker")
    """)
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:randomly", *args,
                              "test_given.py")


def test_the_marker(pytester):
    result = run(pytester)
    text = result.stdout.str()
    assert "Traceback" not in text and "datetime" not in text
    marker = '@pytest.mark.workers_env(compatibility_date="{date}")'
    lines = []  # each refusal's lines, in the tests' order
    for date in DATES:
        want = expected(date, marker)
        if want is not None:
            lines += [f"workers-env: {want.splitlines()[0]}", want.splitlines()[1]]
    for flags, refusal in FLAGS.items():
        if refusal is not None:
            lines += [f"workers-env: the worker fixture could not load the worker: {refusal[0]}",
                      refusal[1].format("@pytest.mark.workers_env(compatibility_flags=[...])") + "*"]
    lines += ['workers-env: @pytest.mark.workers_env(compatibility_date=...) takes a date such as '
              '"2026-11-17", got int 20260101',
              "workers-env: @pytest.mark.workers_env(compatibility_flags=...) takes a list of flag names "
              'such as ["python_workers"], got int 1 among them']
    result.stdout.fnmatch_lines([re.sub(r"[][]", lambda m: f"[{m.group()}]", line) for line in lines])
    refused = sum(v is not None for v in DATES.values()) + sum(v is not None for v in FLAGS.values()) + 2
    result.assert_outcomes(passed=len(DATES) + len(FLAGS) + 3 - refused, failed=refused)


@pytest.mark.parametrize("date", ["2026-1-01", "2026-13-01", "", "1999-12-31", "2026-02-30"])
def test_the_option(pytester, date):
    result = run(pytester, "--compatibility-date", date, "-k", "option")
    want = expected(date, "--compatibility-date {date}")
    if want is None:
        result.assert_outcomes(passed=1)
        return
    result.assert_outcomes(errors=1)
    assert "Traceback" not in result.stdout.str() and "datetime" not in result.stdout.str()
    result.stdout.fnmatch_lines([f"*workers-env: {want.splitlines()[0]}", want.splitlines()[1]])


@pytest.mark.parametrize("flags", ["made_up", "durable_object_snapshots"])
def test_the_flags_option(pytester, flags):
    result = run(pytester, "--compatibility-flags", "python_workers", "--compatibility-flags", flags, "-k", "option")
    if FLAGS[flags] is None:
        result.assert_outcomes(passed=1)
        return
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*workers-env: *{FLAGS[flags][0]}",
                                 f"{FLAGS[flags][1].format('--compatibility-flags')}*"])
