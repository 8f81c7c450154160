"""A bad plugin option stops the run before any test, as pytest's own bad options do
(a usage error, exit code 4, one line): ``--wrangler-config`` or the ``workers_env_config``
ini option naming nothing, and a ``workers_env_timezone`` the C library would not know -- an
unknown ``TZ`` makes it run in UTC without a word, so ``Europe/Pariss`` passed as UTC."""

from __future__ import annotations

import time

import pytest

from workers_env import ConfigError, production_timezone

WRANGLER = 'name = "opts"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


@pytest.mark.parametrize("args, says", [
    (("--wrangler-config", "nope.toml"), "ERROR: workers-env: --wrangler-config nope.toml: no such file or folder (*"),
    (("-o", "workers_env_config=nope"), "ERROR: workers-env: the workers_env_config ini option 'nope' names no file or folder*"),
    (("-o", "workers_env_timezone=Europe/Pariss"),
     "ERROR: workers-env: the workers_env_timezone ini option: unknown time zone 'Europe/Pariss': name one of the time "
     "zone database*"),
])
def test_a_bad_option_is_a_usage_error(project: pytest.Pytester, args: tuple[str, ...], says: str) -> None:
    result = run(project, *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([says])
    assert "Traceback" not in result.stderr.str()


def test_the_ini_path_is_read_relative_to_the_ini_file(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\nworkers_env_config = app\n")
    result = run(project)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*workers_env_config ini option 'app' names no file or folder*relative to *tox.ini"])
    project.mkdir("app")
    run(project).assert_outcomes(passed=1)


@pytest.mark.parametrize("zone", ["UTC", "local", "Asia/Kolkata", "IST-5:30", "EST5EDT,M3.2.0,M11.1.0", ":Europe/Paris"])
def test_known_zones_and_posix_rules_run(project: pytest.Pytester, zone: str) -> None:
    run(project, "-o", f"workers_env_timezone={zone}").assert_outcomes(passed=1)


def test_production_timezone_refuses_an_unknown_zone_and_changes_nothing() -> None:
    before = time.tzname
    with pytest.raises(ConfigError, match="unknown time zone 'Not/AZone'"), production_timezone("Not/AZone"):
        pass
    assert time.tzname == before


def test_a_folder_with_no_config_in_or_above_it_is_a_usage_error(pytester: pytest.Pytester, tmp_path_factory) -> None:
    """An option naming a folder wrangler's search finds no config from would fail every test
    using env alike; the run stops once instead (a folder with one above it is wrangler's search)."""
    bare = tmp_path_factory.mktemp("bare")  # outside the project: nothing above it either
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_env="def test_env(env):\n    pass\n")
    result = run(pytester, f"--wrangler-config={bare}")  # one token: pytest reads no rootdir from it
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert (f"ERROR: workers-env: --wrangler-config {bare}: No wrangler.json, wrangler.jsonc or wrangler.toml found in "
            f"{bare} or any folder above it; name a folder holding") in result.stderr.str()
    result = run(pytester, "-o", f"workers_env_config={bare}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert f"the workers_env_config ini option '{bare}': No wrangler.json" in result.stderr.str()
    (bare / "wrangler.toml").write_text(WRANGLER)
    (bare / "inner").mkdir()
    run(pytester, f"--wrangler-config={bare / 'inner'}").assert_outcomes(passed=1)


def test_pytest_help_lists_the_options_and_ini_keys(project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # each help text on one line
    result = run(project, "--help")
    result.stdout.fnmatch_lines([
        "Cloudflare Worker env and Vectorize bindings (workers-env):",
        "  --wrangler-config=PATH",
        "* wrangler config file or folder for the env fixture (relative to the current folder)",
        "  --wrangler-env=NAME * wrangler environment ([[]env.NAME]) for the env fixture",
        "  workers_env_config (string):",
        "* wrangler config file or folder for the env fixture (relative to the ini file)",
        "  workers_env_environment (string):",
        "* wrangler environment ([[]env.NAME]) for the env fixture",
        "  workers_env_timezone (string):",
        "* the local time zone Worker code sees in the worker fixture: UTC as in production (the default), another "
        "TZ name, or 'local' for the host's",
    ])
