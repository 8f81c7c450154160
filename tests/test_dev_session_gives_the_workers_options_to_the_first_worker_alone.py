"""``workers-env dev -c A -c B --compatibility-date D --compatibility-flags F --env-file PATH`` runs
the first Worker of the session on the date, flags and env file given and every other on its own
config's date and flags and its own ``.dev.vars``/``.env`` files, as wrangler dev 4.164.0 does: its
``setupDevEnv`` hands the auxiliary configs (``args.config.slice(1)``) only ``env``,
``disableDevRegistry`` and ``multiworkerPrimary`` (``--var`` went to the first alone already). JavaScript
twins a and b, both 2025-11-02 with ``url_standard`` (review81, ``tools/wrangler/dev_session_probe.py
given``), print:

- ``--compatibility-date 2026-1-01``: ``✘ [ERROR] service core:user:a: Invalid compatibility date:
  2026-1-01`` and b's ``url_standard`` warning (b on its own date, which makes the flag redundant),
  the runtime's refusal with both records, exit 1;
- ``--compatibility-flags made_up_x``: a's ``No such compatibility flag: made_up_x`` and b's warning
  (a's list replaced, b's kept);
- ``--compatibility-date 2020-01-01``: b's warning alone (at 2020-01-01 url_standard is no
  default), and the session serves;
- ``--env-file /abs/given.env`` (each Worker with a ``.env`` of its own, a calling b through a
  service binding, ``dev_session_probe.py env-file``): ``Using secrets defined in given.env`` for a,
  ``Using secrets defined in b/.env`` for b, and a's answer ``a:given b:b-own-dotenv``;
- ``--host example.org`` and ``--routes shop.example.net/*`` (each Worker's own ``fetch`` to a local
  server echoing its ``CF-Worker`` header, ``dev_session_probe.py cf-worker``): ``a:example.org
  b:b.example.com`` and ``a:shop.example.net b:b.example.com`` -- b's the default of its own config.

Until review81 workers-env gave them all to every Worker of the session (walk14's merge choice for
the date and flags, which the README and this test's predecessor called wrangler's; ``--env-file``
README "Where we had to choose", unmeasured then; ``--host``/``--routes`` unmeasured)."""

from __future__ import annotations

import asyncio
import http.server
import threading

import pytest
from runtime_stderr_lines import RUNTIME_FAILED, never_serving, runtime_stderr, timeless
from worker_helpers import one_file_worker

from workers_env.cli import main

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""

URL = ("service core:user:b: The compatibility flag url_standard became the default as of 2022-10-31 so does not "
       "need to be specified anymore.")


@pytest.fixture
def session(tmp_path, monkeypatch):
    """Workers a and b, both dated 2025-11-02 with ``url_standard``; dev fails where it would serve."""
    for name in ("a", "b"):
        config = one_file_worker(tmp_path / name, ENTRY, date="2025-11-02", flags=("url_standard",)) / "wrangler.toml"
        config.write_text(config.read_text().replace('name = "w"', f'name = "{name}"'))
    monkeypatch.chdir(tmp_path)
    never_serving(monkeypatch)
    return ["dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml"]


def _from_workerd_on(err: str) -> list[str]:
    lines = [line for line in err.splitlines() if line.strip()]
    return [timeless(line) for line in lines[next(i for i, line in enumerate(lines) if "core:user:" in line):]]


@pytest.mark.parametrize(("given", "error"), [
    (["--compatibility-date", "2026-1-01"], "service core:user:a: Invalid compatibility date: 2026-1-01"),
    (["--compatibility-flags", "python_workers", "made_up_x"], "service core:user:a: No such compatibility flag: made_up_x"),
], ids=["date", "flags"])
def test_the_first_worker_is_refused_and_the_second_warned_of_on_its_own(session, capsys, given, error):
    assert main([*session, *given]) == 1
    assert _from_workerd_on(capsys.readouterr().err)[:6] == [
        f"\u2718 [ERROR] {error}", f"\u25b2 [WARNING] {URL}", RUNTIME_FAILED,
        *runtime_stderr(("error", error), ("warn", URL))]


def test_a_date_workerd_takes_runs_the_first_worker_and_the_second_on_its_own(session, capsys):
    with pytest.raises(AssertionError, match="went on to serve"):
        main([*session, "--compatibility-date", "2020-01-01"])
    out = capsys.readouterr()
    assert [line for line in out.err.splitlines() if "core:user:" in line] == [f"\u25b2 [WARNING] {URL}"]
    loaded = {line.split()[1]: line for line in out.out.splitlines() if line.startswith("Loaded ")}
    assert "compatibility date 2020-01-01" in loaded["a"] and "compatibility date 2025-11-02" in loaded["b"], loaded


B_CALLS = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        b = await self.env.B.fetch("http://b/")
        return Response(f"a:{getattr(self.env, 'FROM_FILE', 'undefined')} b:{await b.text()}")
"""

B_ANSWERS = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(getattr(self.env, "FROM_FILE", "undefined"))
"""


def test_the_env_file_given_is_the_first_workers_and_the_second_reads_its_own(tmp_path, monkeypatch, capsys):
    from workers_env.runtime import server

    for name, entry, extra in (("a", B_CALLS, '[[services]]\nbinding = "B"\nservice = "b"\n'), ("b", B_ANSWERS, "")):
        config = one_file_worker(tmp_path / name, entry, extra=extra) / "wrangler.toml"
        config.write_text(config.read_text().replace('name = "w"', f'name = "{name}"'))
        (tmp_path / name / ".env").write_text(f"FROM_FILE={name}-own-dotenv\n")
    (tmp_path / "given.env").write_text("FROM_FILE=given\n")
    monkeypatch.chdir(tmp_path)
    answers = []

    def serve(worker, *, sockets, **kwargs):  # one request through the first Worker, then stop
        async def ask():
            return await (await worker.fetch("/")).text()
        answers.append(asyncio.run(ask()))
        for sock in sockets:
            sock.close()

    monkeypatch.setattr(server, "serve", serve)
    assert main(["dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", "--env-file", str(tmp_path / "given.env"),
                 "--ip", "127.0.0.1", "--port", "0"]) == 0
    assert answers == ["a:given b:b-own-dotenv"]
    assert [line for line in capsys.readouterr().out.splitlines() if line.startswith("Using secrets")] == [
        "Using secrets defined in given.env", "Using secrets defined in b/.env"]


def _echoing_cf_worker():
    """A local server answering each GET with the ``CF-Worker`` header it got; its port."""
    class Echo(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = (self.headers.get("cf-worker") or "none").encode()
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


FETCHING = """
from js import fetch
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        echoed = await (await fetch("http://127.0.0.1:PORT/")).text()
        if hasattr(self.env, "B"):
            return Response(f"a:{echoed} b:{await (await self.env.B.fetch('http://b/')).text()}")
        return Response(echoed)
"""


@pytest.mark.parametrize(("option", "answer"), [
    ("--host=example.org", "a:example.org b:b.example.com"),
    ("--routes=shop.example.net/*", "a:shop.example.net b:b.example.com"),
])
def test_host_and_routes_name_the_first_workers_cf_worker_alone(tmp_path, monkeypatch, option, answer):
    from workers_env.runtime import server

    echo = _echoing_cf_worker()
    try:
        for name, extra in (("a", '[[services]]\nbinding = "B"\nservice = "b"\n'), ("b", "")):
            entry = FETCHING.replace("PORT", str(echo.server_address[1]))
            config = one_file_worker(tmp_path / name, entry, extra=extra) / "wrangler.toml"
            config.write_text(config.read_text().replace('name = "w"', f'name = "{name}"'))
        monkeypatch.chdir(tmp_path)
        answers = []

        def serve(worker, *, sockets, **kwargs):
            async def ask():
                return await (await worker.fetch("/")).text()
            answers.append(asyncio.run(ask()))
            for sock in sockets:
                sock.close()

        monkeypatch.setattr(server, "serve", serve)
        assert main(["dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", option, "--ip", "127.0.0.1",
                     "--port", "0"]) == 0
        assert answers == [answer]
    finally:
        echo.shutdown()
        echo.server_close()
