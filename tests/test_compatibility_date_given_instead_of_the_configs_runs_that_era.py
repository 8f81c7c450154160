"""A compatibility date and flags given instead of the config's -- ``load_env(compatibility_date=,
compatibility_flags=)``, the pytest plugin's ``workers_env_compatibility_date`` /
``workers_env_compatibility_flags`` fixtures (parametrize them to run a suite in two eras), its
``--compatibility-date`` / ``--compatibility-flags`` options and the marker's keywords, and
``workers-env dev --compatibility-date`` -- run that era, as ``wrangler dev --compatibility-date D
--compatibility-flags F`` does (wrangler 4.164.0: ``args.compatibilityFlags ??
config.compatibility_flags``, the list replaced whole). Before, the only way was a second config."""

from __future__ import annotations

import pytest

from worker_helpers import PYPROJECT, one_file_worker
from workers_env import ConfigError, load_env, load_worker
from workers_env.cli import main

LEGACY = """
from js import Response

async def on_fetch(request, env):
    return Response.new("legacy")
"""

def _worker(folder, entry, date):
    """A Worker deployed with pywrangler (a pyproject.toml: the SDK vendored in every era)."""
    one_file_worker(folder, entry, date=date)
    (folder / "pyproject.toml").write_text(PYPROJECT)


CLASS = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("class")
"""


INI = "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n"


def test_load_env_runs_the_date_given(tmp_path):
    _worker(tmp_path, LEGACY, "2024-12-01")
    assert load_worker(env=load_env(tmp_path)).era.date == "2024-12-01"
    env = load_env(tmp_path, compatibility_date="2026-11-17")
    assert env.config.compatibility_date == "2026-11-17"
    assert env.config.compatibility_flags == ("python_workers",)  # kept: only the date was given
    with pytest.raises(ConfigError, match="no longer dispatch"):  # 2025-08-14's python_no_global_handlers
        load_worker(env=env)


@pytest.mark.asyncio
async def test_flags_given_replace_the_configs_whole(tmp_path):
    _worker(tmp_path, LEGACY, "2024-12-01")
    env = load_env(tmp_path, compatibility_date="2026-11-17",
                   compatibility_flags=["python_workers", "disable_python_no_global_handlers"])
    assert env.config.compatibility_flags == ("python_workers", "disable_python_no_global_handlers")
    assert env.config.merged["compatibility_flags"] == ["python_workers", "disable_python_no_global_handlers"]
    resp = await load_worker(env=env).fetch("/")
    assert await resp.text() == "legacy"


@pytest.mark.parametrize(("given", "says"), [
    ({"compatibility_date": 20261117}, 'compatibility_date= must be a date as the config writes it, a str such as '
                                       '"2026-11-17", got int 20261117'),
    ({"compatibility_flags": "python_workers"}, 'compatibility_flags= must be a list of flag names, such as '
                                                "[\"python_workers\"], got str 'python_workers'"),
    ({"compatibility_flags": ["python_workers", 1]}, "compatibility_flags= must hold flag names (str), got int 1"),
])
def test_a_wrong_value_is_refused_in_words(tmp_path, given, says):
    _worker(tmp_path, LEGACY, "2024-12-01")
    with pytest.raises(ConfigError) as caught:
        load_env(tmp_path, **given)
    assert str(caught.value) == says


def test_a_suite_runs_in_two_eras_through_the_fixture(pytester):
    _worker(pytester.path, CLASS, "2025-09-01")
    pytester.makeini(INI)
    pytester.makeconftest("""
        import pytest

        @pytest.fixture(params=["2025-01-01", "2026-11-17"])
        def workers_env_compatibility_date(request):
            return request.param
    """)
    pytester.makepyfile(test_eras="""
        async def test_fetch(worker):
            resp = await worker.fetch("/")
            assert await resp.text() == "class", worker.era.date
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-v")
    result.assert_outcomes(passed=1, failed=1)  # before 2025-08-14 a Default's fetch is called on_fetch
    result.stdout.fnmatch_lines(["*test_fetch?2025-01-01? FAILED*", "*test_fetch?2026-11-17? PASSED*",
                                 "*Method on_fetch does not exist*"])


def test_the_option_and_the_marker(pytester):
    _worker(pytester.path, CLASS, "2025-01-01")
    pytester.makeini(INI)
    pytester.makepyfile(test_eras="""
        import pytest

        def test_option(env):
            assert env.config.compatibility_date == "2026-11-17"
            assert env.config.compatibility_flags == ("python_workers", "nodejs_compat")

        @pytest.mark.workers_env(compatibility_date="2025-09-01", compatibility_flags=["python_workers"])
        def test_marker_wins(env):
            assert env.config.compatibility_date == "2025-09-01"
            assert env.config.compatibility_flags == ("python_workers",)

        @pytest.mark.workers_env(compatibility_date=20250901)
        def test_marker_checked(env):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--compatibility-date",
                                "2026-11-17", "--compatibility-flag", "python_workers", "--compatibility-flags",
                                "nodejs_compat", "test_eras.py")  # (the path is no flag)
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(['*@pytest.mark.workers_env(compatibility_date=...) takes a date such as '
                                 '"2026-11-17", got int 20250901*'])


def test_dev_runs_the_date_given(tmp_path, capsys, monkeypatch):
    _worker(tmp_path, LEGACY, "2024-12-01")
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "--compatibility-date", "01-11-2026"]) == 1  # refused before it serves: the date given
    assert "Invalid compatibility date: 01-11-2026" in capsys.readouterr().err
