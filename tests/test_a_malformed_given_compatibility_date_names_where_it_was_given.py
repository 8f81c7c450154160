"""A malformed compatibility date given instead of the config's is refused with a hint naming
where the user wrote it -- ``workers-env dev --compatibility-date``, ``load_env(compatibility_date=)``,
the pytest plugin's ``--compatibility-date`` or the marker -- not the config file's key, which
they did not write (production's words the same: text after today "in the future and unsupported"
first, as wrangler compares it, then workerd's "Invalid compatibility date: ..."); a JSON config's date
hinted in JSON."""

from __future__ import annotations

import json

import pytest

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


def test_dev_names_its_option(tmp_path, capsys, monkeypatch):
    one_file_worker(tmp_path, ENTRY, date="2026-11-17")
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "--compatibility-date", "2026-1-1"]) == 1
    err = capsys.readouterr().err
    assert err == ("workers-env dev: Invalid compatibility date: 2026-1-1\n"
                   + HINT.format("--compatibility-date 2026-11-17") + "\n")


def test_load_env_names_its_argument(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-11-17")
    with pytest.raises(ConfigError) as info:
        load_worker(env=load_env(tmp_path, compatibility_date="2026/11/17"))
    assert str(info.value).endswith(HINT.format('compatibility_date="2026-11-17"'))


def test_the_configs_own_date_names_its_key_in_its_language(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="01-11-2026")
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert HINT.format('compatibility_date = "2026-11-17"') in str(info.value)
    toml = folder / "wrangler.toml"
    toml.unlink()
    (folder / "wrangler.json").write_text(json.dumps({"name": "w", "main": "src/entry.py", "compatibility_date": "01-11-2026",
                                                     "compatibility_flags": ["python_workers"]}))
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert HINT.format('"compatibility_date": "2026-11-17"') in str(info.value)


def test_the_plugin_names_its_option_and_the_marker(pytester):
    one_file_worker(pytester.path, ENTRY, date="2026-11-17")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")  # (no pytest-asyncio warning)
    pytester.makepyfile(test_dates="""
        import pytest

        def test_option(env):
            pass

        @pytest.mark.workers_env(compatibility_date="2026-1-1")
        def test_marker(env):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--compatibility-date",
                                "2026-11-7", "test_dates.py")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*Invalid compatibility date: 2026-11-7*",
                                 "*" + HINT.format("--compatibility-date 2026-11-17") + "*",
                                 "*Invalid compatibility date: 2026-1-1*",
                                 "*" + HINT.format('@pytest.mark.workers_env(compatibility_date="2026-11-17")') + "*"])


def test_text_after_today_is_in_the_future_first_as_wrangler_compares_it(tmp_path, capsys, monkeypatch):
    # wrangler dev 4.164.0 --compatibility-date garbage: 'Compatibility date "garbage" is in the
    # future and unsupported' (its check compares the text); 2024-13-01 reaches workerd's words
    one_file_worker(tmp_path, ENTRY, date="2026-11-17")
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "--compatibility-date", "garbage"]) == 1
    assert capsys.readouterr().err == ('workers-env dev: Compatibility date "garbage" is in the future and unsupported\n'
                                       + HINT.format("--compatibility-date 2026-11-17") + "\n")


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
                                 "*" + HINT.format('a workers_env_compatibility_date fixture returning "2026-11-17"')
                                 + "*"])
