"""``workers-env dev`` with one config as wrangler dev 4.164.0 with one config (measured with a
JavaScript twin): the bindings table headed ``Your Worker has access to the following
bindings:``, each ``[[services]]`` entry nobody supplies ``[not connected]`` -- a fetch answers
503 and a call rejects with ``Worker "search" not found. Make sure it is running locally.``
(``remote``) -- plus one stderr line saying how to run it in the session; before, no table, and
the "not emulated" placeholder's error."""

from __future__ import annotations

from dev_reload_helpers import DevServer, dev_answers
from worker_helpers import typical_pyproject

GATEWAY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await self.env.SEARCH.fetch("http://x/")
        out = [f"{answer.status} {answer.status_text}: {await answer.text()}"]
        try:
            await self.env.SEARCH.who()
        except Exception as error:
            out.append(f"{error.name}: {error.message} {error.remote}")
        return Response("\\n".join(out))
'''

CONFIG = '''name = "gateway"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]
services = [{ binding = "SEARCH", service = "search" }, { binding = "MISSING", service = "nowhere" }]

[vars]
GREETING = "hi"
'''

#: wrangler dev 4.164.0's stdout for a JavaScript twin of this config, from its table to the note
WRANGLERS_TABLE = '''Your Worker has access to the following bindings:
Binding                     Resource                  Mode
env.SEARCH (search)         Worker                    local [not connected]
env.MISSING (nowhere)       Worker                    local [not connected]
env.GREETING ("hi")         Environment Variable      local


Service bindings, Durable Object bindings, and Tail consumers connect to other Wrangler or Vite dev processes \
running locally, with their connection status indicated by [connected] or [not connected]. For more details, refer \
to https://developers.cloudflare.com/workers/runtime-apis/bindings/service-bindings/#local-development

'''


def test_one_config_prints_wranglers_table_and_answers_its_services_not_connected(tmp_path, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(GATEWAY)
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    typical_pyproject(tmp_path)
    output, answers = dev_answers(tmp_path, monkeypatch=monkeypatch)  # (in-process: dev's env, not its server)
    assert answers == [(200, '503 Service Unavailable: Worker "search" not found. Make sure it is running locally.\n'
                             'Error: Worker "search" not found. Make sure it is running locally. True')]
    assert WRANGLERS_TABLE in output
    assert output.index(WRANGLERS_TABLE) < output.index("Loaded gateway from")
    assert ('workers-env dev: env.SEARCH (service "search"), env.MISSING (service "nowhere") [not connected], as '
            "under wrangler dev: a call rejects, and a fetch answers 503, with 'Worker \"<name>\" not found. Make "
            "sure it is running locally.' Run those Workers in this session (workers-env dev -c wrangler.toml -c "
            "path/to/its/wrangler.toml), or supply one in [tool.workers-env.bindings]") in output
    assert "BindingNotEmulatedError" not in output


SELF_CALLER = '''from urllib.parse import parse_qs, urlparse

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        n = int(parse_qs(urlparse(request.url).query).get("n", ["0"])[0])
        if n >= 40:
            return Response(f"reached {n}")
        answer = await self.env.SELF.fetch(f"http://x/?n={n + 1}")
        return Response(await answer.text(), status=answer.status)

    async def who(self):
        return "selfcall"
'''


def test_a_lone_workers_binding_to_itself_is_connected(tmp_path):
    # wrangler dev 4.164.0, a JavaScript twin with services = [{binding = "SELF", service =
    # "selfcall"}] and no other config: env.SELF (selfcall) local [connected], and its fetch
    # through SELF recursed 200 deep with no subrequest depth limit (workerd has none)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(SELF_CALLER)
    (tmp_path / "wrangler.toml").write_text(
        'name = "selfcall"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\nservices = [{ binding = "SELF", service = "selfcall" }]\n')
    typical_pyproject(tmp_path)
    with DevServer(tmp_path) as server:
        assert server.get("/") == (200, "reached 40")
        assert "env.SELF (selfcall)      Worker        local [connected]" in server.output
        assert "[not connected], as under wrangler dev" not in server.output
