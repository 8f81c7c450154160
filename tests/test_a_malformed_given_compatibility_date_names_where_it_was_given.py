"""A malformed compatibility date given instead of the config's is refused with a hint naming
where the user wrote it -- ``workers-env dev --compatibility-date``, ``load_env(compatibility_date=)``,
the pytest plugin's ``--compatibility-date`` or the marker -- not the config file's key, which
they did not write (production's words the same: text after today "in the future and unsupported"
first, as wrangler compares it, then workerd's "Invalid compatibility date: ..."); a JSON config's date
hinted in JSON."""

from __future__ import annotations

import json

import pytest

from runtime_stderr_lines import RUNTIME_FAILED, never_serving, runtime_stderr, timeless
from worker_helpers import one_file_worker
from workers_env import ConfigError, load_env, load_worker
from workers_env.cli import main

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""

HINT = "Write it as YYYY-MM-DD, e.g. {} (the Workers runtime takes no other form)."


# An empty date is a date given, not the config's kept or the default taken: wrangler dev 4.164.0
# --compatibility-date "" (with or without a date in the config, no missing-date warning) stops
# with workerd's 'Invalid compatibility date: ' (nothing after it); compatibility_date = "" in the
# config is its validation's 'should be a valid ISO-8601 date (YYYY-MM-DD), but got "".' (measured).

@pytest.fixture(autouse=True)
def dev_never_serves(monkeypatch):
    """Each dev here must be refused before it binds: one that went on would serve until killed,
    so a date wrongly taken fails at once instead of hanging the test (audit20's mutation did)."""
    never_serving(monkeypatch)


@pytest.mark.parametrize(("given", "config_dated"), [("2026-1-1", True), ("", False)])
def test_dev_names_its_option(tmp_path, capsys, monkeypatch, given, config_dated):
    one_file_worker(tmp_path, ENTRY, date="2026-11-17")
    if not config_dated:  # nor is the missing date warned of then
        (tmp_path / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "--compatibility-date", given]) == 1
    err = capsys.readouterr().err
    invalid = f"service core:user:w: Invalid compatibility date: {given}"
    assert [timeless(line) for line in err.splitlines() if line.strip()] == [
        f"\u2718 [ERROR] {invalid}", RUNTIME_FAILED, *runtime_stderr(("error", invalid)),
        "(workers-env: " + HINT.format("--compatibility-date 2026-11-23") + ")"]


@pytest.mark.parametrize(("given", "first_line"), [
    ("2026/11/17", 'Compatibility date "2026/11/17" is in the future and unsupported\n'),
    ("", "Invalid compatibility date: \n")])
def test_load_env_names_its_argument(tmp_path, given, first_line):
    one_file_worker(tmp_path, ENTRY, date="2026-11-17")
    with pytest.raises(ConfigError) as info:
        load_worker(env=load_env(tmp_path, compatibility_date=given))
    assert str(info.value) == first_line + HINT.format('compatibility_date="2026-11-23"')


def test_an_empty_date_in_the_config_is_wranglers_validation_error(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="")
    with pytest.raises(ConfigError) as info:
        load_env(folder)
    assert '"compatibility_date" field should be a valid ISO-8601 date (YYYY-MM-DD), but got "".' in str(info.value)


def test_the_configs_own_date_names_its_key_in_its_language(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="01-11-2026")
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert HINT.format('compatibility_date = "2026-11-23"') in str(info.value)
    toml = folder / "wrangler.toml"
    toml.unlink()
    (folder / "wrangler.json").write_text(json.dumps({"name": "w", "main": "src/entry.py", "compatibility_date": "01-11-2026",
                                                     "compatibility_flags": ["python_workers"]}))
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert HINT.format('"compatibility_date": "2026-11-23"') in str(info.value)


@pytest.mark.parametrize(("option", "marker"), [("2026-11-7", "2026-1-1"), ("", "")])
def test_the_plugin_names_its_option_and_the_marker(pytester, option, marker):
    one_file_worker(pytester.path, ENTRY, date="2026-11-17")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")  # (no pytest-asyncio warning)
    pytester.makepyfile(test_dates=f"""
        import pytest

        def test_option(env):
            pass

        @pytest.mark.workers_env(compatibility_date="{marker}")
        def test_marker(env):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--compatibility-date",
                                option, "test_dates.py")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines([f"*Invalid compatibility date: {option}",
                                 "*" + HINT.format("--compatibility-date 2026-11-23") + "*",
                                 f"*Invalid compatibility date: {marker}",
                                 "*" + HINT.format('@pytest.mark.workers_env(compatibility_date="2026-11-23")') + "*"])


def test_text_after_today_is_in_the_future_first_as_wrangler_compares_it(tmp_path, capsys, monkeypatch):
    # wrangler dev 4.164.0 --compatibility-date garbage: 'Compatibility date "garbage" is in the
    # future and unsupported' (its check compares the text); 2024-13-01 reaches workerd's words
    one_file_worker(tmp_path, ENTRY, date="2026-11-17")
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "--compatibility-date", "garbage"]) == 1
    assert [line for line in capsys.readouterr().err.splitlines() if line.strip()] == [
        '\u2718 [ERROR] Compatibility date "garbage" is in the future and unsupported',
        "(workers-env: " + HINT.format("--compatibility-date 2026-11-23") + ")"]


def test_the_plugin_names_a_fixture_returning_the_date(pytester):
    one_file_worker(pytester.path, ENTRY, date="2026-11-17")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_fixture_date="""
        import pytest

        @pytest.fixture
        def workers_env_compatibility_date():
            return "2026-11-7"

        def test_fixture(env):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "test_fixture_date.py")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["workers-env: Invalid compatibility date: 2026-11-7",
                                 "*" + HINT.format('a workers_env_compatibility_date fixture returning "2026-11-23"')
                                 + "*"])
