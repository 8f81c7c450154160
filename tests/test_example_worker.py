"""example_worker/: the retrieval Worker (Workers AI + Vectorize), through the worker fixture,
over real HTTP, and under ``workers-env dev``."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from dev_reload_helpers import listening_on_a_free_port

from workers_env.runtime.server import BackgroundServer

EXAMPLE = Path(__file__).resolve().parent.parent / "example_worker"

pytestmark = pytest.mark.workers_env(config=str(EXAMPLE))

DOCS = [
    {"id": "cat", "text": "The cat sat on the warm mat by the window", "category": "pets"},
    {"id": "dog", "text": "Dogs need a long walk in the park every morning", "category": "pets"},
    {"id": "rain", "text": "Heavy rain is expected over the hills tonight", "category": "weather"},
    {"id": "stocks", "text": "Stock markets fell sharply after the bank report", "category": "finance"},
    {"id": "sun", "text": "Sunny skies return to the coast this weekend", "category": "weather", "namespace": "sky"},
]


async def add(worker, docs=DOCS):
    resp = await worker.fetch("/documents", method="POST", json={"documents": docs})
    assert resp.status == 202, await resp.text()
    return await resp.json()


async def search(worker, **body):
    resp = await worker.fetch("/search", method="POST", json=body)
    assert resp.status == 200, await resp.text()
    return [m["id"] for m in (await resp.json())["matches"]]


@pytest.mark.asyncio
async def test_the_cat_note_is_nearest_to_where_did_the_cat_sit(worker, env):
    assert (await add(worker))["count"] == 5
    assert (await search(worker, query="where did the cat sit", topK=3))[0] == "cat"
    assert (await search(worker, query="is rain coming to the hills?", topK=1)) == ["rain"]
    assert (await search(worker, query="markets and the bank", topK=1)) == ["stocks"]
    # the Worker embedded the documents in one call and the query in another, with the real model names
    embeds = [c for c in env.AI.calls if c.model == "@cf/baai/bge-base-en-v1.5"]
    assert [len(c.inputs["text"]) for c in embeds] == [5, 1, 1, 1]


@pytest.mark.asyncio
async def test_filters_and_namespaces_still_apply(worker):
    await add(worker)
    assert sorted(await search(worker, query="cat", topK=3, category="weather")) == ["rain", "sun"]
    assert await search(worker, query="sunny coast", topK=3, namespace="sky") == ["sun"]


@pytest.mark.asyncio
async def test_get_delete_and_stats(worker):
    await add(worker)
    resp = await worker.fetch("/documents?ids=dog,sun,nope")
    docs = (await resp.json())["documents"]
    assert [d["id"] for d in docs] == ["dog", "sun"]
    assert docs[0]["dimensions"] == 768 and docs[1]["namespace"] == "sky"
    resp = await worker.fetch("/documents?ids=dog", method="DELETE")
    assert (await resp.json())["deleted"] == ["dog"]
    resp = await worker.fetch("/stats")
    assert (await resp.json())["vectorCount"] == 4


@pytest.mark.asyncio
async def test_more_documents_than_one_embedding_call_takes(worker, env):
    docs = [{"id": f"d{i}", "text": f"note number {i} about topic {i % 7}"} for i in range(250)]
    assert (await add(worker, docs))["count"] == 250
    assert [len(c.inputs["text"]) for c in env.AI.calls] == [100, 100, 50]
    assert (await search(worker, query="note number 123 about topic 4", topK=1)) == ["d123"]


@pytest.mark.asyncio
async def test_errors_are_client_errors(worker):
    # an empty query passes: the service's validator does not check the items of a list of strings
    resp = await worker.fetch("/search", method="POST", json={"query": "", "topK": 1})
    assert resp.status == 200, await resp.text()
    long_id = "x" * 65  # Vectorize refuses ids over 64 bytes: a JsException the Worker turns into a 400
    resp = await worker.fetch("/documents", method="POST", json={"documents": [{"id": long_id, "text": "a note"}]})
    assert resp.status == 400 and "64 bytes" in (await resp.json())["error"]
    resp = await worker.fetch("/search", method="POST", json={"query": "cat", "topK": 21})
    assert resp.status == 400  # MAX_TOP_K from [vars]
    resp = await worker.fetch("/documents", method="POST", json={"documents": [{"id": "x"}]})
    assert resp.status == 400
    resp = await worker.fetch("/documents")
    assert resp.status == 400
    resp = await worker.fetch("/documents", method="POST", body="not json")
    assert resp.status == 400
    resp = await worker.fetch("/elsewhere")
    assert resp.status == 404


@pytest.mark.asyncio
async def test_ask_answers_from_the_retrieved_notes(worker, env):
    await add(worker)
    env.AI.reply(lambda model, inputs: "On the mat." if "cat sat" in inputs["messages"][0]["content"] else "No idea.")
    resp = await worker.fetch("/ask", method="POST", json={"question": "where did the cat sit", "topK": 1})
    assert await resp.json() == {"answer": "On the mat.", "sources": ["cat"]}
    call = env.AI.calls[-1]
    assert call.model == "@cf/meta/llama-3.1-8b-instruct-fast"
    assert call.inputs["messages"][1] == {"role": "user", "content": "where did the cat sit"}


@pytest.mark.workers_env(ai_replies=["First answer.", "Second answer."])
@pytest.mark.asyncio
async def test_ask_streams_server_sent_events(worker):
    await add(worker)
    resp = await worker.fetch("/ask", method="POST", json={"question": "cat?", "stream": True})
    assert resp.headers["content-type"] == "text/event-stream"
    events = [line[len("data: "):] for line in (await resp.text()).split("\n\n") if line]
    assert events[-1] == "[DONE]"
    assert "".join(json.loads(e)["response"] for e in events[:-1]) == "First answer."
    resp = await worker.fetch("/ask", method="POST", json={"question": "cat?"})
    assert (await resp.json())["answer"] == "Second answer."


def _http(url: str, method: str = "GET", payload: object | None = None) -> tuple[int, dict]:
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        with err:  # its response, closed (3.14 warns of one left to the collector)
            return err.code, json.loads(err.read())


def test_over_real_http(worker):
    with BackgroundServer(worker) as server:
        status, body = _http(server.url + "/documents", "POST", {"documents": DOCS})
        assert status == 202 and body["count"] == 5
        status, body = _http(server.url + "/search", "POST", {"query": "where did the cat sit", "topK": 1})
        assert status == 200 and body["matches"][0]["id"] == "cat"
        status, body = _http(server.url + "/documents?ids=cat", "DELETE")
        assert status == 200
        status, body = _http(server.url + "/documents?ids=cat")
        assert body == {"documents": []}
        assert _http(server.url + "/search", "POST", {"query": 1})[0] == 400


def test_under_workers_env_dev(tmp_path):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CLOUDFLARE_ENV", None)
    proc, port = listening_on_a_free_port(
        lambda port: [sys.executable, "-m", "workers_env", "dev", str(EXAMPLE), "--ip", "127.0.0.1", "--port", str(port),
                      "--persist-to", str(tmp_path / "state")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        status, body = _http(url + "/documents", "POST", {"documents": DOCS})
        assert status == 202, body
        status, body = _http(url + "/search", "POST", {"query": "where did the cat sit", "topK": 2})
        assert status == 200 and body["matches"][0]["id"] == "cat"
        status, body = _http(url + "/ask", "POST", {"question": "where did the cat sit"})
        assert status == 200 and body["answer"].startswith("[workers-env offline reply from @cf/meta/llama-3.1-8b-instruct-fast]")
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"Ready on {url}" in out


def test_the_worker_imports_nothing_from_workers_env():
    for path in (EXAMPLE / "src").rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "workers_env" for n in names), f"{path}: {ast.dump(node)}"
        assert "workers_env" not in path.read_text()


def test_the_project_files_are_deployable():
    wrangler = tomllib.loads((EXAMPLE / "wrangler.toml").read_text())
    assert wrangler["main"] == "src/entry.py"
    assert "python_workers" in wrangler["compatibility_flags"]
    assert wrangler["compatibility_date"] >= "2025-08-14"  # class-style entry point
    assert wrangler["ai"] == {"binding": "AI"}
    assert wrangler["vectorize"] == [{"binding": "VECTORIZE", "index_name": "example-docs"}]
    pyproject = tomllib.loads((EXAMPLE / "pyproject.toml").read_text())
    index = pyproject["tool"]["workers-env"]["indexes"]["example-docs"]
    assert index == {"dimensions": 768, "metric": "cosine", "version": "v2", "metadata_indexes": {"category": "string"}}
