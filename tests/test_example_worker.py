"""example_worker/: the semantic search Worker, through the worker fixture and over real HTTP."""

from __future__ import annotations

import ast
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from workers_env.runtime.server import BackgroundServer

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

EXAMPLE = Path(__file__).resolve().parent.parent / "example_worker"

pytestmark = pytest.mark.workers_env(config=str(EXAMPLE))

DOCS = [
    {"id": "cats", "values": [1, 0, 0, 0], "text": "Cats purr", "category": "animals"},
    {"id": "dogs", "values": [0.9, 0.1, 0, 0], "text": "Dogs bark", "category": "animals"},
    {"id": "rain", "values": [0.8, 0, 0.2, 0], "text": "Rain falls", "category": "weather"},
    {"id": "sun", "values": [0, 0, 0, 1], "text": "Sun shines", "category": "weather", "namespace": "sky"},
]


async def add(worker, docs=DOCS):
    resp = await worker.fetch("/documents", method="POST", json={"documents": docs})
    assert resp.status == 202, await resp.text()
    return await resp.json()


@pytest.mark.asyncio
async def test_upsert_then_search_with_filter(worker):
    assert (await add(worker))["count"] == 4
    resp = await worker.fetch("/search", method="POST", json={"vector": [1, 0, 0, 0], "topK": 2})
    body = await resp.json()
    assert [m["id"] for m in body["matches"]] == ["cats", "dogs"]
    assert body["matches"][0] == {"id": "cats", "score": 1, "text": "Cats purr", "category": "animals"}

    resp = await worker.fetch("/search", method="POST", json={"vector": [1, 0, 0, 0], "topK": 3, "category": "weather"})
    assert [m["id"] for m in (await resp.json())["matches"]] == ["rain", "sun"]

    resp = await worker.fetch("/search", method="POST", json={"vector": [0, 0, 0, 1], "topK": 3, "namespace": "sky"})
    assert [m["id"] for m in (await resp.json())["matches"]] == ["sun"]


@pytest.mark.asyncio
async def test_get_and_delete_by_ids(worker):
    await add(worker)
    resp = await worker.fetch("/documents?ids=dogs,sun,nope")
    docs = (await resp.json())["documents"]
    assert [d["id"] for d in docs] == ["dogs", "sun"]
    assert docs[0]["values"] == [0.9, 0.1, 0, 0]  # float32 read back as the shortest decimals
    assert docs[1]["namespace"] == "sky"

    resp = await worker.fetch("/documents?ids=dogs", method="DELETE")
    assert (await resp.json())["deleted"] == ["dogs"]
    resp = await worker.fetch("/stats")
    assert (await resp.json())["vectorCount"] == 3


@pytest.mark.vectorize_seed("VECTORIZE", [{"id": "seeded", "values": [0, 1, 0, 0], "metadata": {"text": "from a seed"}}])
@pytest.mark.asyncio
async def test_seeded_vectors_are_searchable(worker):
    resp = await worker.fetch("/search", method="POST", json={"vector": [0, 1, 0, 0], "topK": 1})
    assert (await resp.json())["matches"][0]["text"] == "from a seed"


@pytest.mark.asyncio
async def test_errors_are_client_errors(worker):
    resp = await worker.fetch("/search", method="POST", json={"vector": [1, 0, 0], "topK": 1})
    assert resp.status == 400
    assert "expected 4 dimensions" in (await resp.json())["error"]
    resp = await worker.fetch("/search", method="POST", json={"vector": [1, 0, 0, 0], "topK": 21})
    assert resp.status == 400  # MAX_TOP_K from [vars]
    resp = await worker.fetch("/documents")
    assert resp.status == 400
    resp = await worker.fetch("/documents", method="POST", body="not json")
    assert resp.status == 400
    resp = await worker.fetch("/elsewhere")
    assert resp.status == 404


def _http(url: str, method: str = "GET", payload: object | None = None) -> tuple[int, dict]:
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_over_real_http(worker):
    with BackgroundServer(worker) as server:
        status, body = _http(server.url + "/documents", "POST", {"documents": DOCS})
        assert status == 202 and body["count"] == 4
        status, body = _http(server.url + "/search", "POST", {"vector": [1, 0, 0, 0], "topK": 1, "category": "animals"})
        assert status == 200 and body["matches"][0]["id"] == "cats"
        status, body = _http(server.url + "/documents?ids=cats", "DELETE")
        assert status == 200
        status, body = _http(server.url + "/documents?ids=cats")
        assert body == {"documents": []}
        assert _http(server.url + "/search", "POST", {"vector": [1]})[0] == 400


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
    assert wrangler["vectorize"] == [{"binding": "VECTORIZE", "index_name": "example-docs"}]
    pyproject = tomllib.loads((EXAMPLE / "pyproject.toml").read_text())
    index = pyproject["tool"]["workers-env"]["indexes"]["example-docs"]
    assert index == {"dimensions": 4, "metric": "cosine", "version": "v2", "metadata_indexes": {"category": "string"}}
