"""A compatibility flag workerd does not know stops ``workers-env dev`` as wrangler dev 4.164.0
stops (measured with a JavaScript Worker given ``--compatibility-flags made_up_cli``, and one whose
``[env.staging]`` alone names ``made_up_staging``: exit 1 after ``✘ [ERROR] service
core:user:wd: No such compatibility flag: made_up_cli`` -- the env's Worker ``wd-staging`` -- and
``✘ [ERROR] The Workers runtime failed to start. ...`` with workerd's ``Runtime stderr`` under it,
one JSON record a line: leftovers52 added it); workers-env's hint after them names
where the flags were given: ``--compatibility-flags`` on dev's or pytest's command line, the
marker, else the config's ``compatibility_flags``. Before review77 dev printed ``workers-env dev:
No such compatibility flag: ...`` and every hint said ``compatibility_flags``."""

from __future__ import annotations

import pytest
from dev_reload_helpers import READY, DevServer, answering, python_project
from runtime_stderr_lines import RUNTIME_FAILED, never_serving, runtime_stderr, timeless
from worker_helpers import one_file_worker

from workers_env.cli import main

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""

HINT = ("(workers-env: Remove it from {} or correct its spelling: the Workers runtime does not start a Worker that "
        "names a flag it does not know.)")


@pytest.fixture(autouse=True)
def dev_never_serves(monkeypatch):
    """A dev that went on to serve would serve until killed: a flag wrongly taken fails at once."""
    never_serving(monkeypatch)


def _refusal(err: str) -> list[str]:
    """The refusal's lines of dev's stderr, blank ones left out (from workerd's first line on),
    the time in each ``Runtime stderr`` record read as ``T`` once checked to be now's."""
    lines = [line for line in err.splitlines() if line.strip()]
    return [timeless(line) for line in lines[next(i for i, line in enumerate(lines) if "core:user:" in line):]]


@pytest.mark.parametrize(("args", "env_flags", "name", "flag", "where"), [
    (["--compatibility-flags", "python_workers", "--compatibility-flags", "made_up_cli"], "", "w", "made_up_cli",
     "--compatibility-flags"),
    (["--env", "staging"], '\n[env.staging]\ncompatibility_flags = ["python_workers", "made_up_staging"]\n', "w-staging",
     "made_up_staging", "compatibility_flags"),
    ([], "", "w", "nodejs_compt", "compatibility_flags"),
], ids=["option", "env section", "config"])
def test_dev_stops_as_wrangler_dev(tmp_path, capsys, monkeypatch, args, env_flags, name, flag, where):
    one_file_worker(tmp_path, ENTRY, date="2026-03-01", extra=env_flags,
                    flags=("nodejs_compt",) if flag == "nodejs_compt" else ())
    monkeypatch.chdir(tmp_path)
    assert main(["dev", *args]) == 1
    hint = HINT.format(where)
    if flag == "nodejs_compt":
        hint = hint.replace("know.)", "know -- nodejs_compt (did you mean nodejs_compat?).)")
    line = f"service core:user:{name}: No such compatibility flag: {flag}"
    assert _refusal(capsys.readouterr().err) == [f"✘ [ERROR] {line}", RUNTIME_FAILED, *runtime_stderr(("error", line)), hint]


def test_the_env_section_alone_leaves_the_top_level_worker_running(tmp_path, capsys, monkeypatch):
    one_file_worker(tmp_path, ENTRY, date="2026-03-01",
                    extra='\n[env.staging]\ncompatibility_flags = ["python_workers", "made_up_staging"]\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AssertionError, match="went on to serve"):
        main(["dev"])


def test_the_plugin_names_its_option_and_the_marker(pytester):
    one_file_worker(pytester.path, ENTRY, date="2026-03-01")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_flags="""
        import pytest

        def test_option(worker):
            pass

        def test_env_alone(env):  # (load_env alone takes them, as validate does)
            pass

        @pytest.mark.workers_env(compatibility_flags=["python_workers", "made_up_marker"])
        def test_marker(worker):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--compatibility-flags",
                                "python_workers", "--compatibility-flags", "made_up_option", "test_flags.py")
    result.assert_outcomes(passed=1, errors=2)
    result.stdout.fnmatch_lines(["*No such compatibility flag: made_up_option",
                                 "*Remove it from --compatibility-flags or correct its spelling*",
                                 "*No such compatibility flag: made_up_marker",
                                 "*Remove it from @pytest.mark.workers_env(compatibility_flags=[[]...[]]) or correct*"])


def test_a_contradictory_pair_of_any_workerd_flag_comes_first_as_wrangler_dev_prints_it(tmp_path, capsys, monkeypatch):
    # wrangler dev 4.164.0 --compatibility-flags nodejs_compat no_nodejs_compat made_up_two (a JS
    # Worker, measured): both lines, the pair first; workers-env read pairs only of the flags it
    # reads before review77, and nodejs_compat with no_nodejs_compat loaded
    one_file_worker(tmp_path, ENTRY, date="2026-03-01")
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "--compatibility-flags", "python_workers", "--compatibility-flags", "nodejs_compat",
                 "--compatibility-flags", "no_nodejs_compat", "--compatibility-flags", "made_up_two"]) == 1
    assert _refusal(capsys.readouterr().err)[:3] == [
        "✘ [ERROR] service core:user:w: Compatibility flags are mutually contradictory: nodejs_compat vs no_nodejs_compat",
        "✘ [ERROR] service core:user:w: No such compatibility flag: made_up_two", RUNTIME_FAILED]


def test_the_plugin_names_a_fixture_that_gives_them(pytester):
    # (audit27: the fixture's hint and the failure's own words were pinned by no test)
    one_file_worker(pytester.path, ENTRY, date="2026-03-01")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makeconftest("""
        import pytest

        @pytest.fixture
        def workers_env_compatibility_flags():
            return ["python_workers", "made_up_fixture"]
    """)
    pytester.makepyfile(test_flags="""
        def test_fixture(worker):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "test_flags.py")
    result.assert_outcomes(errors=1)
    lines = result.stdout.lines
    at = lines.index("workers-env: the worker fixture could not load the worker: No such compatibility flag: "
                     "made_up_fixture")
    assert lines[at + 1] == ("Remove it from the workers_env_compatibility_flags fixture's list or correct its "
                             "spelling: the Workers runtime does not start a Worker that names a flag it does not know.")


URL = ("The compatibility flag url_standard became the default as of 2022-10-31 so does not need to be specified "
       "anymore.")

#: a's warning, b's error, b's warning, then the runtime's refusal with its Runtime stderr
SESSION_REFUSAL = [f"▲ [WARNING] service core:user:wa: {URL}",
                   "✘ [ERROR] service core:user:wb: No such compatibility flag: made_up_b",
                   f"▲ [WARNING] service core:user:wb: {URL}", RUNTIME_FAILED,
                   *runtime_stderr(("warn", f"service core:user:wa: {URL}"),
                                   ("error", "service core:user:wb: No such compatibility flag: made_up_b"),
                                   ("warn", f"service core:user:wb: {URL}"))]


def test_each_workers_errors_come_before_its_warnings_as_wrangler_dev_prints_them(tmp_path, capsys, monkeypatch):
    # wrangler dev 4.164.0 on a JS Worker (2026-11-01; nodejs_compat, made_up_flag, the streams
    # constructors pair, url_standard): both errors, then both warnings, then its last line.
    # (review78: workers-env printed no warning when it refused; flags51's warnings came only
    # before a load.)
    one_file_worker(tmp_path, ENTRY, date="2026-11-01", flags=(
        "made_up_flag", "streams_enable_constructors", "streams_disable_constructors", "url_standard"))
    monkeypatch.chdir(tmp_path)
    assert main(["dev"]) == 1
    lines = [("error", "service core:user:w: Compatibility flags are mutually contradictory: "
                        "streams_enable_constructors vs streams_disable_constructors"),
             ("error", "service core:user:w: No such compatibility flag: made_up_flag"),
             ("warn", "service core:user:w: The compatibility flag streams_enable_constructors became the default as "
                      "of 2022-11-30 so does not need to be specified anymore."),
             ("warn", f"service core:user:w: {URL}")]
    assert _refusal(capsys.readouterr().err)[:10] == [
        *(f"{'✘ [ERROR]' if level == 'error' else '▲ [WARNING]'} {text}" for level, text in lines), RUNTIME_FAILED,
        *runtime_stderr(*lines)]


def test_a_session_prints_worker_by_worker(tmp_path, capsys, monkeypatch):
    # wrangler dev -c a -c b (JS twins, both 2026-11-01 with url_standard, b also made_up_b):
    # a's warning, b's error, b's warning, then the runtime's refusal
    for name, flags in (("a", ("url_standard",)), ("b", ("made_up_b", "url_standard"))):
        folder = one_file_worker(tmp_path / name, ENTRY, date="2026-11-01", flags=flags)
        config = folder / "wrangler.toml"
        config.write_text(config.read_text().replace('name = "w"', f'name = "w{name}"'))
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml"]) == 1
    said = _refusal(capsys.readouterr().err)
    assert said[:8] == SESSION_REFUSAL


def test_a_sessions_given_date_is_the_first_workers_alone_in_its_lines(tmp_path, capsys, monkeypatch):
    # dev's --compatibility-date is the first session Worker's alone, as wrangler dev 4.164.0's
    # (review81: measured, and its setupDevEnv hands the other configs no date), so b's
    # url_standard, redundant at the given date but not at b's own 2022-01-01, is not warned of
    # beside b's refusal (audit28's OR5 pinned the opposite, walk14's every-Worker choice)
    for name, date, flags in (("a", "2022-01-01", ("url_standard",)), ("b", "2022-01-01", ("made_up_b", "url_standard"))):
        folder = one_file_worker(tmp_path / name, ENTRY, date=date, flags=flags)
        config = folder / "wrangler.toml"
        config.write_text(config.read_text().replace('name = "w"', f'name = "w{name}"'))
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", "--compatibility-date", "2026-11-01"]) == 1
    said = _refusal(capsys.readouterr().err)
    error = "service core:user:wb: No such compatibility flag: made_up_b"
    assert said[:6] == [f"▲ [WARNING] service core:user:wa: {URL}", f"✘ [ERROR] {error}", RUNTIME_FAILED,
                        *runtime_stderr(("warn", f"service core:user:wa: {URL}"), ("error", error))]


SERVING_ON = "(workers-env: wrangler dev exits here; workers-env keeps serving the Worker loaded before until an edit that loads)"


@pytest.mark.parametrize(("added", "errors", "hint"), [
    (', "made_up_r"', ["service core:user:reload: No such compatibility flag: made_up_r"], HINT.format("compatibility_flags")),
    (', "nodejs_compat", "no_nodejs_compat"',
     ["service core:user:reload: Compatibility flags are mutually contradictory: nodejs_compat vs no_nodejs_compat"],
     "(workers-env: Keep one of each pair in compatibility_flags (the first turns the behaviour on, the second off): "
     "the Workers runtime does not start a Worker that names both.)"),
], ids=["unknown", "contradictory"])
def test_a_reload_prints_wranglers_lines_and_the_last_worker_serves_on(tmp_path, added, errors, hint):
    # wrangler dev 4.164.0 (a JS twin at 2026-11-01 with url_standard, then an edit adding
    # made_up_r, or nodejs_compat and no_nodejs_compat; measured 2026-12-06): the reload line,
    # the errors, the warnings, its `The Workers runtime failed to start` with workerd's Runtime
    # stderr, then it exits 1 (an edit reverting it finds nothing running). workers-env prints
    # the same, its hint and that the Worker loaded before serves on (README, Where we had to
    # choose) -- before leftovers52, its own "the Worker failed to load after the change; the one
    # loaded before goes on serving" with the hints, and no Runtime stderr -- then loads the fix.
    project = python_project(tmp_path / "app", answering("one"), config_extra="")
    config = project / "wrangler.toml"
    config.write_text(config.read_text().replace('"2026-05-01"', '"2026-11-01"')
                      .replace('["python_workers"]', '["python_workers", "url_standard"]'))
    warnings = [f"service core:user:reload: {URL}"]
    if "nodejs_compat" in added:  # (a date from 2026-08-04 turns it on)
        warnings.append("service core:user:reload: The compatibility flag nodejs_compat became the default as of "
                        "2026-08-04 so does not need to be specified anymore.")
    with DevServer(project) as dev:
        mark = dev.edit(config, config.read_text().replace('"url_standard"', '"url_standard"' + added))
        failed = dev.wait_for(SERVING_ON, after=mark)
        assert [timeless(line) for line in dev.lines[mark:failed + 1] if line.strip()] == [
            "\u2394 Reloading local server...", *(f"✘ [ERROR] {line}" for line in errors),
            *(f"▲ [WARNING] {line}" for line in warnings), RUNTIME_FAILED,
            *runtime_stderr(*(("error", line) for line in errors), *(("warn", line) for line in warnings)),
            hint, SERVING_ON]
        assert dev.get() == (200, "one")
        # a code edit meanwhile loads into the config that loaded last (audit28's RA4: the refused
        # one taken as the reloader's, its Worker then failed to load on the flag)
        mark = dev.edit(project / "src" / "entry.py", answering("two"))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "two")
        mark = dev.edit(config, config.read_text().replace(added, ""))
        ready = dev.wait_for(READY, after=mark)
        assert not [line for line in dev.lines[mark:ready] if line.startswith("✘")]
        assert dev.get() == (200, "two")
