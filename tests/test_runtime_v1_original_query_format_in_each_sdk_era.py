"""What Python Worker code of each SDK era gets from a v1 index in the original query format
(compatibility date before 2023-11-08), the index persisted by another process.

The built-in SDK hands the binding out raw: the result is a JavaScript object behind a proxy
(attributes, ``.to_py()``, no items); the external ``workers-runtime-sdk``
(``enable_python_external_sdk``) converts it to Python dicts (items, and attributes where no
dict method has the name: ``vector.values`` is the method, as for today's ``match.values``).
Only ``query`` changes with the date: ``insert``, ``upsert``, ``getByIds``, ``describe``,
``deleteByIds`` answer as they do from 2023-11-08, and ``queryById`` is refused on v1 either way.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import forkserver
import pytest
from worker_helpers import one_file_worker

import workers_env
from workers_env import load_env, load_worker

SUBPROCESS_ENV = {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1])}
VECTORIZE = '[[vectorize]]\nbinding = "IDX"\nindex_name = "idx"\n'

BUILTIN_ERA = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.IDX.query([1, 0, 0], topK=3, returnVectors=True)
        first, second = res.matches[0], res.matches[1]
        try:
            first["vectorId"]
            items = "subscriptable"
        except TypeError as exc:
            items = str(exc)
        return Response.json({
            "type": type(res).__name__,
            "attributes": [first.vectorId, first.score, first.vector.id, first.vector.values.to_py(),
                           first.vector.metadata.title, second.vector.namespace],
            "empty_metadata": second.vector.metadata.to_py(),
            "items": items,
            "to_py": res.to_py(),
            "scores": [type(m.score).__name__ for m in res.matches],
        })
"""

EXTERNAL_ERA = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.IDX.query([1, 0, 0], topK=3, returnVectors=True)
        first, second = res["matches"][0], res["matches"][1]
        return Response.json({
            "type": type(res).__name__,
            "items": [first["vectorId"], first["score"], first["vector"]["values"], second["vector"]["namespace"],
                      second["vector"]["metadata"]],
            "attributes": [first.vectorId, first.vector.id, first.vector.metadata.title],
            "values_is_the_dict_method": callable(first.vector.values),
            "result": res,
            "scores": [type(m["score"]).__name__ for m in res["matches"]],
        })
"""

# the other methods, in either era's terms (the built-in era takes JavaScript objects in, to_js,
# and hands proxies out, to_py)
OTHER_METHODS = """
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def plain(value):
    return value.to_py() if hasattr(value, "to_py") else value

def js(value):
    return to_js(value, dict_converter=Object.fromEntries)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        out["insert"] = plain(await self.env.IDX.insert(js([{"id": "n", "values": [0, 0, 1]}])))
        out["upsert"] = plain(await self.env.IDX.upsert(js([{"id": "n", "values": [0, 0.5, 1], "metadata": {"k": 1}}])))
        out["getByIds"] = plain(await self.env.IDX.getByIds(js(["n", "a", "none"])))
        described = plain(await self.env.IDX.describe())
        out["describe"] = {"config": described["config"], "vectorsCount": described["vectorsCount"]}
        out["deleteByIds"] = plain(await self.env.IDX.deleteByIds(js(["n"])))
        try:
            await self.env.IDX.queryById("a")
            out["queryById"] = "answered"
        except Exception as exc:
            out["queryById"] = str(exc)
        return Response.json(out)
"""

ORIGINAL = {"count": 3, "matches": [
    {"vectorId": "a", "score": 1, "vector": {"id": "a", "values": [1, 0, 0], "metadata": {"title": "Intro"}}},
    {"vectorId": "b", "score": pytest.approx(0.6, abs=1e-7),
     "vector": {"id": "b", "values": [3, 4, 0], "namespace": "ns", "metadata": {}}},
    {"vectorId": "c", "score": -1, "vector": {"id": "c", "values": [-1, 0, 0], "metadata": {"k": "v"}}},
]}


def persist_in_another_process(state: Path, folder: Path) -> None:
    """A v1 index with three vectors, written by ``workers-env vectorize`` in its own process."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "v.ndjson").write_text(
        '{"id": "a", "values": [1, 0, 0], "metadata": {"title": "Intro"}}\n'
        '{"id": "b", "values": [3, 4, 0], "namespace": "ns"}\n'
        '{"id": "c", "values": [-1, 0, 0], "metadata": {"k": "v"}}\n')
    base = [sys.executable, "-m", "workers_env", "vectorize"]
    for args in (["create", "idx", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1"],
                 ["insert", "idx", "--file", str(folder / "v.ndjson"), "--deprecated-v1"]):
        forkserver.run([*base, *args, "--persist-to", str(state)], check=True, env=SUBPROCESS_ENV, cwd=folder,
                       capture_output=True, text=True, timeout=60)  # (forked: tests/forkserver.py)


def answer(folder: Path, state: Path) -> Any:
    worker = load_worker(env=load_env(folder / "wrangler.toml", persist_to=state))

    async def scenario() -> Any:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    return asyncio.run(scenario())


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index, written once for the module by another process; each test reads its own copy."""
    folder = tmp_path_factory.mktemp("seed")
    persist_in_another_process(folder / "state", folder)
    return folder / "state"


@pytest.fixture
def state(tmp_path: Path, seed: Path) -> Path:
    shutil.copytree(seed, tmp_path / "state")
    return tmp_path / "state"


def test_the_builtin_era_gets_proxies_of_the_original_format(tmp_path, state):
    folder = one_file_worker(tmp_path / "w", BUILTIN_ERA, date="2023-11-07", extra=VECTORIZE,
                             flags=("python_no_global_handlers",))
    got = answer(folder, state)
    assert got["type"] == "JsProxy"
    assert got["attributes"] == ["a", 1, "a", [1, 0, 0], "Intro", "ns"]
    assert got["empty_metadata"] == {}
    assert got["items"] == "'pyodide.ffi.JsProxy' object is not subscriptable"
    assert got["to_py"] == ORIGINAL
    assert got["scores"] == ["int", "float", "int"]


def test_the_external_era_gets_dicts_of_the_original_format(tmp_path, state):
    folder = one_file_worker(tmp_path / "w", EXTERNAL_ERA, date="2023-11-07", extra=VECTORIZE,
                             flags=("python_no_global_handlers", "enable_python_external_sdk"))
    got = answer(folder, state)
    assert got["type"] == "JsDict"
    assert got["items"] == ["a", 1, [1, 0, 0], "ns", {}]
    assert got["attributes"] == ["a", "a", "Intro"]
    assert got["values_is_the_dict_method"] is True
    assert got["result"] == ORIGINAL
    assert got["scores"] == ["int", "float", "int"]


@pytest.mark.parametrize("era_flags", [(), ("enable_python_external_sdk",)], ids=["builtin", "external"])
def test_only_query_changes_with_the_date(tmp_path, seed, era_flags):
    answers = []
    for date in ("2023-11-07", "2023-11-08"):
        state = tmp_path / date / "state"
        shutil.copytree(seed, state)  # one index each, written by the other process
        folder = one_file_worker(tmp_path / date / "w", OTHER_METHODS, date=date, extra=VECTORIZE,
                                 flags=("python_no_global_handlers", *era_flags))
        answers.append(answer(folder, state))
    old, new = answers
    assert old == new
    assert old["insert"] == {"count": 1, "ids": ["n"]}
    assert [v["id"] for v in old["getByIds"]] == ["n", "a"]
    assert old["describe"] == {"config": {"dimensions": 3, "metric": "cosine"}, "vectorsCount": 4}
    assert old["queryById"].endswith("QueryById operation is not supported for v1 indexes.")
