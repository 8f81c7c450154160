"""The local dev server: a worker served over real HTTP on 127.0.0.1, and ``workers-env dev``."""

from __future__ import annotations

import calendar
import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import forkserver
import pytest
from dev_reload_helpers import free_port, listening_on_a_free_port

from workers_env.cli import build_parser
from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

TIMEOUT = 10

ENTRY = """
from workers import Response, WorkerEntrypoint
from urllib.parse import urlparse

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/boom":
            raise RuntimeError("kaboom")
        if path == "/echo":
            return Response(await request.text(), status=201, headers={"X-Method": str(request.method),
                            "X-Seen": request.headers.get("x-custom") or "-"})
        if path == "/empty":
            return Response(None, status=204)
        if path == "/dated":  # a proxied upstream answer keeps its own Date, alone
            return Response("x", headers={"date": "Mon, 01 Jan 2024 00:00:00 GMT"})
        if path == "/clock":  # production runs Workers in UTC: a naive datetime means UTC
            import time, datetime
            return Response.json({"offset": time.localtime().tm_gmtoff, "naive": datetime.datetime(2025, 7, 8).timestamp()})
        if path == "/headers":
            return Response.json({k: request.headers.get(k) for k in ("host", "accept-encoding", "cf-connecting-ip", "content-length")})
        if path == "/vectors":
            if request.method == "POST":
                await self.env.VEC.upsert(await request.json())
            got = await self.env.VEC.getByIds(["a"])
            return Response.json({"ids": [v.id for v in got], "url": request.url})
        return Response("not found", status=404)
"""


def make_project(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text(
        'name = "dev-test"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\n[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
    )
    (root / "pyproject.toml").write_text('[tool.workers-env.indexes.idx]\ndimensions = 2\nmetric = "cosine"\nversion = "v2"\n')
    return root


@contextlib.contextmanager
def serving(root: Path, entry: str) -> Iterator[BackgroundServer]:
    """The dev server on a :func:`make_project` at ``root`` whose Worker is ``entry`` (dedented)."""
    project = make_project(root)
    (project / "src" / "entry.py").write_text(textwrap.dedent(entry))
    with BackgroundServer(load_worker(project)) as running:
        yield running


def request(url: str, *, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as err:
        with err:  # its response, closed (3.14 warns of one left to the collector)
            return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def exchange(port: int, data: bytes, *, wait: float = TIMEOUT) -> bytes:
    """Send ``data`` on a raw connection and read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def split_answer(raw: bytes, *, encoding: str = "latin-1") -> tuple[str, dict[str, str], bytes]:
    """A raw HTTP answer as (status line, lower-cased headers, body as sent)."""
    head, _, body = raw.partition(b"\r\n\r\n")
    status, *lines = head.decode(encoding).split("\r\n")
    return status, {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}, body


def test_requests_and_responses_cross_http(tmp_path):
    worker = load_worker(make_project(tmp_path))
    with BackgroundServer(worker) as server:
        assert server.url.startswith("http://127.0.0.1:")
        status, headers, body = request(server.url + "/echo?q=1", method="PUT", body=b"payload", headers={"X-Custom": "yes"})
        assert (status, body) == (201, b"payload")
        assert headers["x-method"] == "PUT" and headers["x-seen"] == "yes"
        assert headers["content-type"] == "text/plain;charset=UTF-8"
        status, _, body = request(server.url + "/vectors", method="POST", body=json.dumps([{"id": "a", "values": [1, 0]}]).encode())
        assert status == 200
        assert json.loads(body) == {"ids": ["a"], "url": f"{server.url}/vectors"}
        assert request(server.url + "/nowhere")[0] == 404
        assert request(server.url + "/echo", method="HEAD")[2] == b""


def test_an_exception_gives_500_with_traceback_in_log_and_server_keeps_serving(tmp_path, caplog):
    worker = load_worker(make_project(tmp_path))
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        status, _, body = request(server.url + "/boom")
        assert status == 500 and body.startswith(b"PythonError: Traceback (most recent call last):\n")
        assert b"kaboom" in body
        assert request(server.url + "/echo", method="POST", body=b"still")[2] == b"still"
    record = next(r for r in caplog.records if r.name == "workers_env.dev")
    assert "GET" in record.getMessage() and "/boom" in record.getMessage()
    assert record.exc_info is not None and "kaboom" in str(record.exc_info[1])


@pytest.mark.asyncio
async def test_workers_fetch_makes_outgoing_requests(tmp_path):
    from workers_env.runtime.workers_api import fetch

    worker = load_worker(make_project(tmp_path))
    with BackgroundServer(worker) as server:
        resp = await fetch(server.url + "/echo", method="POST", body="out", headers={"X-Custom": "1"})
        assert (resp.status, await resp.text(), resp.headers["x-seen"]) == (201, "out", "1")
        missing = await fetch(server.url + "/nowhere")
        assert (missing.status, missing.ok) == (404, False)


@pytest.mark.asyncio
async def test_requests_carry_the_headers_miniflare_sets(tmp_path):
    """Miniflare's entry worker: ``Accept-Encoding: br, gzip`` always, the client's address as
    ``CF-Connecting-IP`` over HTTP unless given; ``worker.fetch`` has no client address."""
    worker = load_worker(make_project(tmp_path))
    with BackgroundServer(worker) as server:
        port = server.url.rsplit(":", 1)[1]
        got = json.loads(request(server.url + "/headers", headers={"Accept-Encoding": "identity"})[2])
        assert got == {"host": f"127.0.0.1:{port}", "accept-encoding": "br, gzip", "cf-connecting-ip": "127.0.0.1",
                       "content-length": None}
        given = json.loads(request(server.url + "/headers", headers={"CF-Connecting-IP": "203.0.113.7"})[2])
        assert given["cf-connecting-ip"] == "203.0.113.7"
        empty = json.loads(request(server.url + "/headers", headers={"CF-Connecting-IP": ""})[2])
        assert empty["cf-connecting-ip"] == "127.0.0.1"  # an empty one is replaced (batch 20: wrangler dev does)
        status, sent, _ = request(server.url + "/empty")  # RFC 9110 8.6: a 204 carries no Content-Length
        assert status == 204 and "content-length" not in {k.lower() for k in sent}
        status, sent, _ = request(server.url + "/headers")
        assert status == 200 and {k.lower(): v for k, v in sent.items()}["content-length"].isdigit()
        assert "date" not in {k.lower() for k in sent}  # workerd adds no Date header (wrangler dev probe)
        with urllib.request.urlopen(server.url + "/dated", timeout=TIMEOUT) as resp:
            assert resp.headers.get_all("date") == ["Mon, 01 Jan 2024 00:00:00 GMT"]
    direct = await (await worker.fetch("/headers")).json()
    assert direct == {"host": "localhost", "accept-encoding": "br, gzip", "cf-connecting-ip": None, "content-length": None}
    # a body's length, as an HTTP client sends it (a Worker's size guard reads it): in bytes
    sized = [await (await worker.fetch("/headers", method="POST", **body)).json() for body in
             ({"body": "héllo"}, {"body": b""}, {"json": {"a": 1}}, {"body": "x", "headers": {"Content-Length": "1"}})]
    assert [s["content-length"] for s in sized] == ["6", "0", "8", "1"]


def test_background_server_always_stops(tmp_path):
    worker = load_worker(make_project(tmp_path))
    with pytest.raises(KeyError), BackgroundServer(worker) as server:
        port = server.port
        raise KeyError("test failure inside the block")
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_dev_arguments():
    args = build_parser().parse_args(["dev", "app", "--port", "9000", "--env", "staging", "--persist-to", "state", "--ip", "127.0.0.1"])
    assert (args.path, args.port, args.env, args.persist_to, args.ip) == ("app", 9000, "staging", "state", "127.0.0.1")
    defaults = build_parser().parse_args(["dev"])
    # no --port: None, which dev reads as [dev] port, else 8787, else the next free port to 8797, else any
    # (wrangler's getPort); no --ip: None, which dev reads as [dev] ip, else localhost
    assert (defaults.path, defaults.port, defaults.ip, defaults.persist_to) == (None, None, None, None)
    assert callable(defaults.handler)


def _run_dev(project: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    """``workers-env dev PROJECT`` on 127.0.0.1 and a free port, once it listens there, and its URL."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TZ": "IST-5:30"}  # a host far from UTC
    env.pop("CLOUDFLARE_ENV", None)
    proc, port = listening_on_a_free_port(
        lambda port: [sys.executable, "-m", "workers_env", "dev", str(project), "--ip", "127.0.0.1", "--port", str(port),
                      *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    return proc, f"http://127.0.0.1:{port}"


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate(timeout=TIMEOUT)
    return out


def test_workers_env_dev_serves_and_persists_between_runs(tmp_path):
    project = make_project(tmp_path / "app")
    for run in range(2):
        proc, url = _run_dev(project)
        try:
            if run == 0:
                request(url + "/vectors", method="POST", body=json.dumps([{"id": "a", "values": [1, 0]}]).encode())
            status, _, body = request(url + "/vectors")
            assert status == 200 and json.loads(body)["ids"] == ["a"]  # the second run reads the state back
            clock = json.loads(request(url + "/clock")[2])  # the host is 5:30 east; the Worker runs in UTC
            assert clock == {"offset": 0, "naive": calendar.timegm((2025, 7, 8, 0, 0, 0))}
        finally:
            out = _stop(proc)
        assert f"Ready on {url}" in out
    assert (project / ".wrangler" / "state").is_dir()


def test_workers_env_dev_reports_config_errors(tmp_path):
    proc = forkserver.run(
        [sys.executable, "-m", "workers_env", "dev", str(tmp_path / "missing")],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1  # a PATH not there: wrangler dev's script not found, then what PATH is here
    assert proc.stderr.startswith('✘ [ERROR] The entry-point file at "') and "Traceback" not in proc.stderr
    assert "(workers-env: workers-env dev's PATH names the wrangler config or its folder" in proc.stderr


def test_dev_reports_a_damaged_state_file_instead_of_a_traceback(tmp_path, capsys):
    from workers_env.cli import main

    project = make_project(tmp_path)
    state = project / ".wrangler" / "state" / "v3" / "vectorize"
    state.mkdir(parents=True)
    (state / "workers-env-vectorize.sqlite").write_bytes(b"this is not a database" * 100)
    assert main(["dev", str(project), "--port", str(free_port())]) == 1
    err = capsys.readouterr().err
    assert "workers-env-vectorize.sqlite" in err and "Traceback" not in err
