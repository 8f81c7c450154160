"""D1 from Worker code: ``self.env`` (the SDK's wrapping), the legacy raw JS env, and the RAG
pattern (text in D1, vectors in Vectorize) under load_env, load_worker and ``workers-env dev``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import forkserver
import pytest
from dev_reload_helpers import listening_on_a_free_port

from workers_env import JsException, load_env
from workers_env.runtime import load_worker

WRANGLER = """\
name = "rag"
main = "src/entry.py"
compatibility_date = "{date}"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "rag-db"
database_id = "0f1e2d3c-0000-4000-8000-000000000001"

[[vectorize]]
binding = "VECTORIZE"
index_name = "rag-index"
"""

PYPROJECT = '[tool.workers-env.indexes."rag-index"]\ndimensions = 8\nmetric = "cosine"\nversion = "v2"\n'

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL);\n"

# Cloudflare's RAG tutorial, in Python, with a deterministic stand-in for the embedding model.
RAG_WORKER = """
from urllib.parse import urlparse, parse_qs
from workers import Response, WorkerEntrypoint


def embed(text):
    vec = [0.0] * 8
    for ch in text.lower():
        if ch.isalpha():
            vec[ord(ch) % 8] += 1.0
    return vec


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = urlparse(request.url)
        if request.method == "POST" and url.path == "/notes":
            text = (await request.json())["text"]
            res = await self.env.DB.prepare("INSERT INTO notes (text) VALUES (?) RETURNING *").bind(text).run()
            record = res.results[0]
            await self.env.VECTORIZE.upsert([{"id": str(record.id), "values": embed(text)}])
            return Response.json({"id": record.id, "text": record.text})
        if url.path == "/batch":
            stmt = self.env.DB.prepare("INSERT INTO notes (text) VALUES (?)")
            try:
                await self.env.DB.batch([stmt.bind("one"), stmt.bind(None)])
            except Exception as exc:
                return Response.json({"error": str(exc)}, status=500)
        question = parse_qs(url.query).get("q", [""])[0]
        found = await self.env.VECTORIZE.query(embed(question), topK=1)
        ids = [m.id for m in found.matches]
        if not ids:
            return Response.json({"context": []})
        marks = ", ".join("?" for _ in ids)
        rows = await self.env.DB.prepare(f"SELECT text FROM notes WHERE id IN ({marks})").bind(*ids).raw()
        return Response.json({"context": [r[0] for r in rows]})
"""


def make_project(root: Path, entry: str = RAG_WORKER, date: str = "2026-05-01") -> Path:
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "wrangler.toml").write_text(WRANGLER.format(date=date))
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "migrations").mkdir(exist_ok=True)
    (root / "migrations" / "0001_notes.sql").write_text(SCHEMA)
    (root / "src" / "entry.py").write_text(textwrap.dedent(entry))
    return root


async def apply_schema(env) -> None:
    await env.DB.exec(SCHEMA.strip())


@pytest.mark.asyncio
async def test_rag_pattern_through_load_env(tmp_path):
    env = load_env(make_project(tmp_path))
    await apply_schema(env)
    texts = ["the quick brown fox", "zebra zoo", "apples and pears"]
    for text in texts:
        row = await env.DB.prepare("INSERT INTO notes (text) VALUES (?) RETURNING id").bind(text).first()
        vec = [float(text.count(c)) for c in "aeiouxyz"]
        await env.VECTORIZE.upsert([{"id": str(row["id"]), "values": vec}])
    hit = await env.VECTORIZE.query([float("zebra zoo".count(c)) for c in "aeiouxyz"], topK=1)
    text = await env.DB.prepare("SELECT text FROM notes WHERE id = ?").bind(hit.matches[0].id).first("text")
    assert text == "zebra zoo"  # the id comes back from Vectorize as a string; D1 compares it to INTEGER ids
    env.close()


@pytest.mark.asyncio
async def test_rag_worker_with_self_env_persists_across_restarts(tmp_path):
    root = make_project(tmp_path)
    state = tmp_path / ".wrangler" / "state"
    with load_env(root, persist_to=state) as env:
        await apply_schema(env)
        worker = load_worker(env=env)
        for text in ["cats purr softly", "rockets fly to orbit"]:
            resp = await worker.fetch("/notes", method="POST", json={"text": text})
            assert resp.status == 200
        assert (await (await worker.fetch("/?q=cats purring")).json()) == {"context": ["cats purr softly"]}
        resp = await worker.fetch("/batch?q=x")
        body = await resp.json()
        assert resp.status == 500 and "NOT NULL constraint failed: notes.text" in body["error"]
        assert await env.DB.prepare("SELECT count(*) AS c FROM notes").first("c") == 2  # batch rolled back
    with load_env(root, persist_to=state) as env:  # a restart reads both stores back
        worker = load_worker(env=env)
        assert (await (await worker.fetch("/?q=rocket orbit")).json()) == {"context": ["rockets fly to orbit"]}


LEGACY_WORKER = """
from js import Response, Object
from pyodide.ffi import to_js


async def on_fetch(request, env):
    stmt = env.DB.prepare("INSERT INTO notes (text) VALUES (?)")
    await env.DB.batch(to_js([stmt.bind("a"), stmt.bind("b")]))
    res = await env.DB.prepare("SELECT id, text FROM notes ORDER BY id").all()
    first = await env.DB.prepare("SELECT text FROM notes WHERE id = ?").bind(2).first("text")
    raw = await env.DB.prepare("SELECT id FROM notes").raw(to_js({"columnNames": True}, dict_converter=Object.fromEntries))
    py = res.to_py()
    # a Python list reaches JavaScript as a PyProxy, whose length, items and map() are all D1's
    # batch() reads: it runs, as in production
    await env.DB.batch([stmt.bind("c")])
    count = await env.DB.prepare("SELECT count(*) AS n FROM notes").first("n")
    try:
        await env.DB.prepare("SELECT * FROM notes WHERE text = ?").bind(None).all()  # None is undefined here
        refused = ""
    except Exception as exc:
        refused = str(exc)
    body = {"rows": py["results"], "success": py["success"], "first": first, "raw": raw.to_py(),
            "statement": stmt.statement, "count": count, "refused": refused}
    import json
    return Response.new(json.dumps(body))
"""


@pytest.mark.asyncio
async def test_legacy_on_fetch_gets_raw_javascript_statements(tmp_path):
    root = make_project(tmp_path, LEGACY_WORKER, date="2025-01-01")
    env = load_env(root)
    await apply_schema(env)
    worker = load_worker(env=env)
    body = await (await worker.fetch("/")).json()
    assert body["rows"] == [{"id": 1, "text": "a"}, {"id": 2, "text": "b"}]
    assert body["success"] is True and body["first"] == "b"
    assert body["raw"] == [["id"], [1], [2]]
    assert body["statement"] == "INSERT INTO notes (text) VALUES (?)"
    assert body["count"] == 3
    assert body["refused"] == "Error: D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'"


def test_self_env_statement_objects_convert_like_the_sdk(tmp_path):
    from workers_env.runtime.envwrap import EnvWrapper, JsEnv

    env = load_env(make_project(tmp_path))
    wrapped = EnvWrapper(JsEnv(env))
    stmt = wrapped.DB.prepare("SELECT ? AS v")
    assert type(stmt).__name__ == "_BindingWrapper"  # not awaitable: prepare() is synchronous in JS
    bound = stmt.bind(b"\x01\x02")  # bytes travel as a Uint8Array: D1 stores a BLOB
    import asyncio

    assert asyncio.run(bound.first("v")) == [1, 2]
    assert bound.params == [[1, 2]]  # statement.params: one array of bytes
    with pytest.raises(TypeError, match="cannot be sent over RPC"):
        stmt.bind((1, 2))
    with pytest.raises(JsException, match="D1_TYPE_ERROR: Type 'object' not supported for value '\\[object Object\\]'"):
        stmt.bind({"a": 1})
    session = wrapped.DB.withSession("first-primary")
    assert session.getBookmark() is None
    assert asyncio.run(session.batch([session.prepare("SELECT 1 AS a")]))[0].results == [{"a": 1}]
    env.close()


def _get(url: str, data: bytes | None = None) -> dict:
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def test_rag_worker_under_workers_env_dev_across_restarts(tmp_path):
    root = make_project(tmp_path / "app")
    migrate = forkserver.run([sys.executable, "-m", "workers_env", "d1", "migrations", "apply", "rag-db", "--local"],
                             cwd=root, capture_output=True, text=True, timeout=60)
    assert migrate.returncode == 0, migrate.stderr
    assert "0001_notes.sql │ ✅" in migrate.stdout
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CLOUDFLARE_ENV", None)
    for run in range(2):
        proc, port = listening_on_a_free_port(
            lambda port: [sys.executable, "-m", "workers_env", "dev", str(root), "--ip", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            _get(url + "/?q=warmup")
            if run == 0:
                _get(url + "/notes", json.dumps({"text": "lighthouse keeper"}).encode())
            assert _get(url + "/?q=lighthouse") == {"context": ["lighthouse keeper"]}
        finally:
            proc.terminate()
            proc.communicate(timeout=30)


BUILTIN_SDK_WORKER = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stmt = self.env.DB.prepare("SELECT ? AS v, x'0102' AS b")
        res = await stmt.bind(7).all()
        first = await stmt.bind(8).first()
        return Response.json({"rows": res.to_py()["results"], "v": res.results[0].v, "first": first.to_py(),
                              "kind": type(stmt).__name__})
"""


@pytest.mark.asyncio
async def test_builtin_sdk_era_hands_out_raw_javascript_statements(tmp_path):
    # before 2026-04-21 the runtime's built-in SDK runs the Worker: D1 results are JS proxies
    env = load_env(make_project(tmp_path, BUILTIN_SDK_WORKER, date="2025-09-01"))
    worker = load_worker(env=env)
    body = await (await worker.fetch("/")).json()
    assert body == {"rows": [{"v": 7, "b": [1, 2]}], "v": 7, "first": {"v": 8, "b": [1, 2]}, "kind": "JsProxy"}  # one type name for every JS value
    raw = env.DB.prepare("SELECT 1 AS one")  # load_env's env.DB is what that Worker holds
    assert (await raw.first()).to_py() == {"one": 1}
    assert (await env.unwrapped("DB").prepare("SELECT 1 AS one").first()) == {"one": 1}
    env.close()
