"""A Worker whose ``compatibility_flags`` name a flag workerd does not know does not start, with
workerd's words: compatibility-date.c++ reports "No such compatibility flag: <name>" for each
(measured with wrangler 4.164.0's ``wrangler dev`` on a JS Worker, exit 1; Cloudflare's API
answers deploy with it as code 10021), after any "mutually contradictory" pair. The names come in
workerd's order: its ``kj::HashSet`` erases each flag it knows, field by field, moving the set's
last name into the hole (``["python_workers_314", "made_up_a", "made_up_b"]`` names made_up_b
first; tools/workerd/unknown_flags_probe.py: 200/200 cases as both workerd binaries name them).
``python_workers_20260817`` (Pyodide 314.0.5) is such a name now: workerd 1.20261117.1 and
1.20261123.1 list no such flag and refuse it. ``wrangler deploy --dry-run`` and wrangler's config
check pass both (the runtime alone knows its flags), and so does ``workers-env validate``."""

from __future__ import annotations

import asyncio

import pytest
from dev_reload_helpers import dev_printed_before_serving
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_env, load_worker
from workers_env.cli import main
from workers_env.config.compat import PYTHON_RELEASES, unknown_flags

ENTRY = """\
    from workers import Response, WorkerEntrypoint
    import _cloudflare_compat_flags as flags

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(str(hasattr(flags, "python_workers_20260817")))
"""


def refusal(tmp_path, *flags: str, date: str = "2026-03-01") -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags))
    return str(info.value).splitlines()


def test_python_workers_20260817_is_no_flag_any_more(tmp_path):
    lines = refusal(tmp_path, "python_workers_20260817")
    assert lines[0] == "No such compatibility flag: python_workers_20260817"
    assert lines[1].startswith("python_workers_20260817 (Python 3.14 on Pyodide 314.0.5) is no longer a flag: ")
    assert "python_workers_314" in lines[1]


def test_its_disable_flag_is_none_either(tmp_path):  # python_workers, named first, leaves the last name in its place
    assert refusal(tmp_path, "python_workers_20260817", "no_python_workers_20260817")[:2] == [
        "No such compatibility flag: no_python_workers_20260817", "No such compatibility flag: python_workers_20260817"]


def test_no_release_runs_on_314_0_5():
    assert [release.pyodide for release in PYTHON_RELEASES] == ["314.0.6", "314.0.4", "0.28.2", "0.26.0a2"]


def test_made_up_names_come_in_workerds_order_with_a_spelling_hint(tmp_path):
    lines = refusal(tmp_path, "python_workers_314", "made_up_a", "nodejs_compt")
    assert lines[:2] == ["No such compatibility flag: nodejs_compt", "No such compatibility flag: made_up_a"]
    assert lines[2].startswith("Remove it from compatibility_flags or correct its spelling: ")
    assert lines[2].endswith("nodejs_compt (did you mean nodejs_compat?).")


def test_a_contradictory_pair_comes_first(tmp_path):
    lines = refusal(tmp_path, "made_up", "python_workers_314", "no_python_workers_314")
    assert lines[:2] == ["Compatibility flags are mutually contradictory: python_workers_314 vs no_python_workers_314",
                         "No such compatibility flag: made_up"]


def test_a_name_twice_is_named_once(tmp_path):  # wrangler dev passes it once (measured): no "specified multiple times"
    assert refusal(tmp_path, "made_up", "made_up")[:2] == ["No such compatibility flag: made_up",
                                                           "Remove it from compatibility_flags or correct its "
                                                           "spelling: the Workers runtime does not start a Worker "
                                                           "that names a flag it does not know."]


def test_every_flag_workerd_knows_loads_and_the_dropped_one_is_not_listed(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-03-01", flags=(
        "python_workers_20260610", "websocket_standard_url_and_extensions", "no_nodejs_compat")))

    async def scenario():
        return await (await worker.fetch("/")).text()

    assert asyncio.run(scenario()) == "False"


def test_load_env_alone_and_validate_pass_it(tmp_path, monkeypatch, capsys):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-03-01", flags=("python_workers_20260817",))
    assert load_env(folder / "wrangler.toml") is not None
    monkeypatch.chdir(folder)
    assert main(["validate"]) == 0
    assert "wrangler.toml is valid." in capsys.readouterr().out


def test_dev_stops_with_workerds_line(tmp_path, monkeypatch):
    output, served = dev_printed_before_serving(one_file_worker(tmp_path, ENTRY, date="2026-03-01", flags=("made_up",)),
                                                monkeypatch=monkeypatch)
    assert "✘ [ERROR] service core:user:w: No such compatibility flag: made_up\n" in output  # (wrangler dev's layout)
    assert not served


def test_workerd_erases_its_flags_in_the_schemas_ordinal_order():
    # nonclass_entrypoint_reuses_ctx_across_invocations is @92 but written before cache_api_compat_flags
    # (@80) in compatibility-date.capnp; workerd 1.20261117.1 names made_up_b first here (measured)
    assert unknown_flags(["experimental", "nonclass_entrypoint_reuses_ctx_across_invocations", "kv_direct_binding",
                          "no_set_event_target_this", "made_up_c", "made_up_b", "python_workers_314",
                          "cache_api_compat_flags"]) == ["made_up_b", "made_up_c"]


def test_a_second_load_of_the_same_flags_is_refused_with_the_same_lines(tmp_path):
    # (the second load's answer is the one the first worked out, kept by the flags named)
    first = refusal(tmp_path / "a", "python_workers_314", "made_up_a", "made_up_b")
    assert first[:2] == ["No such compatibility flag: made_up_b", "No such compatibility flag: made_up_a"]
    assert refusal(tmp_path / "b", "python_workers_314", "made_up_a", "made_up_b") == first


def test_the_unknown_names_given_out_are_the_callers_own():
    names = ["python_workers", "made_up_x", "made_up_y"]
    given = unknown_flags(names)
    assert given == ["made_up_y", "made_up_x"]  # (workerd's order: the last name moved into python_workers' place)
    given.append("changed")
    assert unknown_flags(names) == ["made_up_y", "made_up_x"]
