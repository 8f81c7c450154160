"""``workers_env.seed_vectors``, ``seed_kv`` and ``apply_d1_schema``: what the pytest markers do,
for a ``unittest`` suite or a script -- bindings named by the env's names, relative paths read from
the config's folder, mistakes a ``ConfigError`` saying what to pass with nothing written, and no
pytest needed to import or run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workers_env import ConfigError, apply_d1_schema, load_env, seed_kv, seed_vectors

ROOT = Path(__file__).resolve().parent.parent

WRANGLER = """\
name = "seeding"
[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"

[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "00000000-0000-0000-0000-000000000001"

[[kv_namespaces]]
binding = "CACHE"
id = "0123456789abcdef0123456789abcdef"
"""
FILES = {
    "pyproject.toml": '[tool.workers-env.indexes.docs]\ndimensions = 2\nmetric = "cosine"\nversion = "v2"\n',
    "migrations/0001_notes.sql": "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);\n",
    "data/docs.ndjson": '{"id": "a", "values": [1, 0]}\n{"id": "b", "values": [0, 1]}\n',
    "data/keys.json": '[{"key": "k", "value": "v", "metadata": {"m": 1}}]',
    "data/rows.sql": "INSERT INTO notes VALUES (1, 'one');\n",
}

ENTRY = ("from workers import Response, WorkerEntrypoint\n\n"
         "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response('ok')\n")


@pytest.fixture
def env(project, tmp_path, monkeypatch):
    folder = project(WRANGLER, files=FILES)
    elsewhere = tmp_path.parent / f"{tmp_path.name}-cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # relative paths are the config's folder's, not the current one's
    built = load_env(folder)
    yield built
    built.close()


@pytest.mark.asyncio
async def test_each_fills_the_binding_it_names_from_the_configs_folder(env):
    assert apply_d1_schema(env, "DB") == ["0001_notes.sql"]
    assert apply_d1_schema(env, "DB", "data/rows.sql") == ["rows.sql"]
    assert seed_vectors(env, "VECTORIZE", "data/docs.ndjson") == 2
    assert seed_vectors(env, "VECTORIZE", [{"id": "c", "values": [1, 1]}], namespace="n") == 1
    assert seed_kv(env, "CACHE", "data/keys.json") == 1
    assert seed_kv(env, "CACHE", {"plain": "text"}) == 1
    assert (await env.DB.prepare("SELECT text FROM notes").first("text")) == "one"
    assert (await env.VECTORIZE.describe())["vectorCount"] == 3
    assert [v["namespace"] for v in await env.VECTORIZE.getByIds(["a", "c"])] == [None, "n"]
    got = await env.CACHE.getWithMetadata("k")
    assert (got["value"], got["metadata"], await env.CACHE.get("plain")) == ("v", {"m": 1}, "text")


def test_base_names_another_folder(env, tmp_path):
    (tmp_path / "other.ndjson").write_text('{"id": "x", "values": [1, 0]}\n')
    assert seed_vectors(env, "VECTORIZE", "other.ndjson", base=tmp_path) == 1


@pytest.mark.asyncio
async def test_mistakes_are_config_errors_saying_what_to_pass_and_write_nothing(env):
    cases = [
        (lambda: seed_vectors(env, "VECTORISE", "data/docs.ndjson"),
         "cannot seed 'VECTORISE' (did you mean 'VECTORIZE'?): the env has VECTORIZE, DB, CACHE"),
        (lambda: seed_kv(env, "DB", {"k": "v"}),
         "cannot seed 'DB': it is not a KV binding; the env's KV bindings: CACHE"),
        (lambda: seed_vectors(env, "VECTORIZE", "data/missing.ndjson"), "missing.ndjson"),
        (lambda: seed_kv(env, "CACHE", {"k": {"a": 1}}), "json.dumps it to store JSON"),
        (lambda: apply_d1_schema(env, "notes-db"),
         "'notes-db' is not a D1 binding of this env ('notes-db' is the database_name of DB: pass the binding's name)"),
        (lambda: apply_d1_schema(env, "DB", "data/nope.sql"), "nope.sql does not exist"),
    ]
    for call, text in cases:
        with pytest.raises(ConfigError) as caught:
            call()
        assert text in str(caught.value)
        assert not isinstance(caught.value, pytest.UsageError)
    assert (await env.VECTORIZE.describe())["vectorCount"] == 0
    assert (await env.CACHE.list())["keys"] == []
    tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
    assert tables.results == []


@pytest.mark.asyncio
async def test_a_refused_vector_past_the_first_thousand_writes_none(env):
    """The 1201st vector of the wrong dimensions: the binding's refusal as a ConfigError, naming its
    place in the whole list, and not one of the 1200 before it written (they went in batches of
    1000 before, the first batch kept)."""
    vectors = [{"id": str(i), "values": [1, 0]} for i in range(1200)] + [{"id": "bad", "values": [1, 0, 0]},
                                                                         {"values": [0, 1]}]
    with pytest.raises(ConfigError, match=r'^Error: VECTOR_UPSERT_ERROR \(code = 40012\): invalid vector for '
                                          r'id="bad", expected 2 dimensions, and got 3 dimensions$'):
        seed_vectors(env, "VECTORIZE", vectors[:1201])
    with pytest.raises(ConfigError, match=r"\(vector 1200: id must be a string, got nothing"):
        seed_vectors(env, "VECTORIZE", vectors[:1200] + vectors[1201:])
    assert (await env.VECTORIZE.describe())["vectorCount"] == 0
    assert seed_vectors(env, "VECTORIZE", vectors[:1200]) == 1200
    assert (await env.VECTORIZE.describe())["vectorCount"] == 1200


def test_a_worker_given_for_its_env_is_named(project):
    """`seed_vectors(self.worker, ...)` in a unittest setUp: what to pass instead, not a bare
    TypeError from looking the binding up in a Worker."""
    from workers_env import load_worker

    config = 'main = "src/entry.py"\ncompatibility_date = "2025-09-01"\ncompatibility_flags = ["python_workers"]\n'
    folder = project(WRANGLER.replace("[[vectorize]]", config + "[[vectorize]]", 1), files={**FILES, "src/entry.py": ENTRY})
    worker = load_worker(folder)
    for call, name in ((lambda: seed_vectors(worker, "VECTORIZE", []), "seed_vectors"),
                       (lambda: seed_kv(worker, "CACHE", {}), "seed_kv"),
                       (lambda: apply_d1_schema(worker, "DB"), "apply_d1_schema")):
        with pytest.raises(ConfigError) as caught:
            call()
        assert str(caught.value).startswith(f"{name}() takes the env whose binding it fills, a workers_env.Env; "
                                            "got Worker ")
        assert str(caught.value).endswith(f": pass its env, {name}(worker.env, ...)")
    with pytest.raises(ConfigError, match=r"got dict \{\}, as load_env\(\.\.\.\) or load_worker\(\.\.\.\)\.env return it$"):
        seed_vectors({}, "VECTORIZE", [])
    worker.env.close()


def test_they_import_and_run_where_pytest_is_not_installed(project):
    """A `unittest` project installs workers-env without the `pytest` extra: nothing here imports it."""
    folder = project(WRANGLER, files=FILES)
    script = (
        "import sys; sys.modules['pytest'] = None  # any import of pytest now fails\n"
        "from workers_env import apply_d1_schema, load_env, seed_kv, seed_vectors\n"
        "with load_env('.') as env:\n"
        "    print(apply_d1_schema(env, 'DB'), seed_vectors(env, 'VECTORIZE', 'data/docs.ndjson'),"
        " seed_kv(env, 'CACHE', 'data/keys.json'))\n"
        "    try:\n"
        "        apply_d1_schema(env, 'NOPE')\n"
        "    except Exception as exc:\n"
        "        print(type(exc).__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout == "['0001_notes.sql'] 2 1\nSchemaNamingError\n"
