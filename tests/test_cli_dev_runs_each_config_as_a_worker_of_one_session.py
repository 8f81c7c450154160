"""``workers-env dev -c A -c B`` as wrangler 4.164.0's multi-Worker dev (measured with a
JavaScript twin of each Worker): the first config's Worker served, each other one reached by the
``[[services]]`` entries naming it -- by its name under ``--env`` (``search-staging``), whatever
their ``environment`` -- and by its named ``entrypoint``; an entry naming no Worker of the session
is ``[not connected]`` (503 and ``Worker "x" not found. Make sure it is running locally.``); each
Worker reads its own ``.dev.vars`` (``.dev.vars.staging`` under ``--env staging``), ``--var`` goes to the first alone, the state of both lives
in the first config's ``.wrangler/state``; an edit of the callee's code reloads it; an
``entrypoint`` the callee lacks (``default`` included: workerd's
entrypoint names are the named exports) stops the session as workerd refuses to start. Any other
command's second ``-c`` is yargs' ``expects a single value``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dev_reload_helpers import DevServer, dev_printed_before_serving
from worker_helpers import typical_pyproject

from tests.cli_helpers import in_project, run_main

SEARCH = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"search {request.url} {request.headers.get('content-length')}")

    async def who(self):
        return f"{self.env.WHO} {self.env.SECRET_S} {getattr(self.env, 'X', None)}"


class Admin(WorkerEntrypoint):
    async def reset(self, n):
        return f"reset {n}"
'''

GATEWAY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = [await self.env.SEARCH2.who(), await self.env.ADMIN.reset(2), self.env.X,
               await (await self.env.SEARCH2.fetch("http://x/q", method="POST", body="hello")).text()]
        answer = await self.env.SEARCH.fetch("http://x/")
        out.append(f"{answer.status} {await answer.text()}")
        try:
            await self.env.SEARCH.who()
        except Exception as error:
            out.append(f"{error.name}: {error.message} {error.remote}")
        return Response("\\n".join(out))
'''

GATEWAY_CONFIG = '''name = "gateway"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[env.staging]
services = [{ binding = "SEARCH", service = "search", environment = "staging" },
            { binding = "SEARCH2", service = "search-staging" },
            { binding = "ADMIN", service = "search-staging", entrypoint = "Admin" }]
'''

SEARCH_CONFIG = '''name = "search"
main = "src/entry.py"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]

[env.staging.vars]
WHO = "search-staging"
'''


def _session(root, gateway_config=GATEWAY_CONFIG):
    for name, code, config in (("gateway", GATEWAY, gateway_config), ("search", SEARCH, SEARCH_CONFIG)):
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "entry.py").write_text(code)
        (root / name / "wrangler.toml").write_text(config)
        typical_pyproject(root / name)
    (root / "search" / ".dev.vars").write_text("SECRET_S=s1\n")
    (root / "search" / ".dev.vars.staging").write_text("SECRET_S=s2\n")  # read under --env staging (measured)
    return ["-c", "gateway/wrangler.toml", "-c", "search/wrangler.toml"]


def test_the_first_worker_serves_and_reaches_the_other_by_its_name(tmp_path):
    configs = _session(tmp_path)
    with DevServer(Path("gateway/wrangler.toml"), *configs, "--env", "staging", "--var", "X:1",
                   cwd=tmp_path) as server:
        status, text = server.get("/")
        assert (status, text.split("\n")) == (200, [
            "search-staging s2 None", "reset 2", "1", "search http://x/q 5",
            '503 Worker "search" not found. Make sure it is running locally.',
            'Error: Worker "search" not found. Make sure it is running locally. True'])
        assert "Using secrets defined in search/.dev.vars.staging" in server.output
        state = tmp_path / "gateway" / ".wrangler" / "state"
        assert f"Loaded search-staging from {tmp_path / 'search' / 'src' / 'entry.py'}; state in {state}" in server.output
        server.edit(tmp_path / "search" / "src" / "entry.py", SEARCH.replace('f"{self.env.WHO}', 'f"edited {self.env.WHO}'))
        server.wait_for("Local server updated and ready")
        assert server.get("/")[1].split("\n")[0] == "edited search-staging s2 None"


@pytest.mark.parametrize("name", ["Nope", "default"])  # "default" too: no named entrypoint (measured)
def test_an_entrypoint_the_callee_lacks_stops_the_session_as_workerd_refuses(tmp_path, name, monkeypatch):
    configs = _session(tmp_path, GATEWAY_CONFIG.replace('entrypoint = "Admin"', f'entrypoint = "{name}"'))
    out, served = dev_printed_before_serving(tmp_path, *configs, "--env", "staging", monkeypatch=monkeypatch)
    assert ('✘ [ERROR] Worker "core:user:gateway-staging"\'s binding "ADMIN" refers to service '
            f'"core:user:search-staging" with a named entrypoint "{name}", but "core:user:search-staging" has no such '
            "named entrypoint.") in out
    proxy = ('✘ [ERROR] Worker "core:entry"\'s binding "MINIFLARE_PROXY:core:gateway-staging:ADMIN" refers to service '
             f'"core:user:search-staging" with a named entrypoint "{name}", but "core:user:search-staging" has no such '
             "named entrypoint.\n")  # miniflare's proxy binding's line, after the Workers' own
    assert out.index("core:user:gateway-staging") < out.index(proxy) < out.index("✘ [ERROR] The Workers runtime failed")
    assert not served
    assert "no such named entrypoint. (Its WorkerEntrypoint classes: Admin; a named entrypoint is a class" in out
    # then workerd's Runtime stderr, its own text of both lines (wrangler dev 4.164.0, JS twins: leftovers52)
    records = [json.loads(line) for line in out.splitlines() if line.startswith('  {"timestamp"')]
    assert [(r["level"], r["source"], r["message"], r["context_depth"]) for r in records] == [
        ("error", "src/workerd/server/server/entry.rs:171", text.removeprefix("✘ [ERROR] ").rstrip("\n"), 0)
        for text in (f'✘ [ERROR] Worker "core:user:gateway-staging"\'s binding "ADMIN" refers to service '
                     f'"core:user:search-staging" with a named entrypoint "{name}", but "core:user:search-staging" has '
                     "no such named entrypoint.", proxy)]
    assert out.index("  Runtime stderr:") > out.index("✘ [ERROR] The Workers runtime failed")


def test_a_callee_with_no_named_entrypoint_is_said_to_export_none(tmp_path, monkeypatch):
    configs = _session(tmp_path)
    entry = tmp_path / "search" / "src" / "entry.py"
    entry.write_text(entry.read_text().split("\n\nclass Admin")[0] + "\n")  # Default alone: no named entrypoint
    out, served = dev_printed_before_serving(tmp_path, *configs, "--env", "staging", monkeypatch=monkeypatch)
    assert ('"core:user:search-staging" has no such named entrypoint. (Its WorkerEntrypoint classes: none; a named '
            "entrypoint is a class the main module exports, as `class Admin(WorkerEntrypoint)`)") in out
    assert not served


def test_a_second_config_that_cannot_be_read_is_wranglers_error_after_the_firsts_table(tmp_path, monkeypatch):
    _session(tmp_path)  # wrangler 4.164.0 prints the first Worker's table, then refuses: exit 1
    out, served = dev_printed_before_serving(tmp_path, "-c", "gateway/wrangler.toml", "-c", "nope/wrangler.toml",
                                             "--env", "staging",
                                             monkeypatch=monkeypatch)
    assert out.startswith("gateway-staging has access to the following bindings:\nBinding ")
    table, _, error = out.partition("\n\n✘ [ERROR] Could not read file: nope/wrangler.toml\n\n  ENOENT: no such file "
                                    f"or directory, open '{tmp_path / 'nope' / 'wrangler.toml'}'")
    assert error and "env.SEARCH2 (search-staging)" in table
    assert not served


def test_another_command_with_two_configs_is_given_twice(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-c", "wrangler.toml", "-c", "wrangler.toml")
    assert run.stderr.startswith('✘ [ERROR] The argument "--config" expects a single value, but received multiple: '
                                 '["wrangler.toml","wrangler.toml"].\n')


@pytest.mark.parametrize("third", [False, True])
def test_two_configs_naming_one_worker_are_refused(tmp_path, third, monkeypatch):
    configs = _session(tmp_path, GATEWAY_CONFIG)
    if third:  # two callees of one name
        (tmp_path / "again").mkdir()
        (tmp_path / "again" / "wrangler.toml").write_text(SEARCH_CONFIG)
        (tmp_path / "again" / "src").mkdir()
        (tmp_path / "again" / "src" / "entry.py").write_text(SEARCH)
        configs += ["-c", "again/wrangler.toml"]
    else:  # a callee named as the served Worker
        config = tmp_path / "search" / "wrangler.toml"
        config.write_text(config.read_text().replace('name = "search"', 'name = "gateway"'))
    out, served = dev_printed_before_serving(tmp_path, *configs, monkeypatch=monkeypatch)
    name = "search" if third else "gateway"
    assert (f'Two configs of this session name the Worker "{name}": each -c config must be a Worker of its own (a name '
            "of its own), as the session binds services by name") in out
    assert not served


def test_a_callee_that_fails_to_load_stops_the_session_with_its_traceback(tmp_path, monkeypatch):
    configs = _session(tmp_path)
    (tmp_path / "search" / "src" / "entry.py").write_text(SEARCH + "\nraise RuntimeError('search is broken')\n")
    out, served = dev_printed_before_serving(tmp_path, *configs, monkeypatch=monkeypatch)
    assert "workers-env dev: the Worker search failed to load:\n" in out
    assert "RuntimeError: search is broken" in out
    assert not served


def test_a_callee_the_loader_refuses_stops_the_session_with_its_error(tmp_path, monkeypatch):
    configs = _session(tmp_path)
    # a module-level fetch, which no era dispatches (a module with no handler at all would load)
    (tmp_path / "search" / "src" / "entry.py").write_text("async def fetch(request, env):\n    pass\n")
    out, served = dev_printed_before_serving(tmp_path, *configs, monkeypatch=monkeypatch)
    assert 'workers-env dev: Python entrypoint "entry.py" does not define `class Default(WorkerEntrypoint)`' in out
    assert not served
