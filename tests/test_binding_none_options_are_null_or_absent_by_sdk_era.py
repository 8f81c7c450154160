"""A ``None`` given as a binding option is what the Worker's SDK era sends: JavaScript ``null``
with the external SDK (its ``python_to_rpc`` turns ``None`` into ``jsnull``), so the binding
reads it as production reads ``null`` -- KV's numbers as 0 and ``type`` as ``"null"`` (measured on
workerd), D1's ``first(null)`` as the column ``"null"``, AI's ``run(..., null)`` as the options
it cannot destructure -- and ``undefined`` with the built-in SDK (Pyodide's ``to_js(None)``), an
absent option. ``load_env``'s env of each era does what that era's Worker code does."""

from __future__ import annotations

import pytest
from worker_helpers import typical_pyproject

from workers_env import JsException, js, load_env, load_worker, to_js

EXTERNAL = "2026-05-01"
BUILTIN = "2025-11-01"

TOML = (
    'name = "none-options"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
    'compatibility_flags = ["python_workers"]\n'
    '[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n'
    '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "db"\n'
    '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
    '[ai]\nbinding = "AI"\n'
)
INDEXES = {"idx": {"dimensions": 3, "metric": "cosine"}}
EMBEDDER = "@cf/baai/bge-small-en-v1.5"
LLM = "@cf/meta/llama-3.1-8b-instruct-fast"


def _env(tmp_path, date):
    (tmp_path / "wrangler.toml").write_text(TOML.format(date=date))
    typical_pyproject(tmp_path)
    return load_env(tmp_path / "wrangler.toml", indexes=INDEXES)


def _obj(value):
    return to_js(value, dict_converter=js.Object.fromEntries)


# -- KV: what workerd answers for null (tools/wrangler/kv_differential.py measures each) -------

TTL_0 = "KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0."
EXPIRATION_0 = ("KV PUT failed: 400 Invalid expiration of 0. Please specify integer greater than the current "
                "number of seconds since the UNIX epoch.")
CACHE_TTL_0 = "KV GET failed: 400 Invalid cache_ttl of 0. Cache TTL must be at least 30."
UNKNOWN_TYPE = 'Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".'

KV_NULL_REFUSALS = [
    ("put", ("k", "v"), {"expirationTtl": None}, "Error", TTL_0),
    ("put", ("k", "v"), {"expiration": None}, "Error", EXPIRATION_0),
    ("put", ("k", "v"), {"expirationTtl": None, "expiration": 2_000_000_000}, "Error", TTL_0),
    ("get", ("text",), {"type": None}, "TypeError", UNKNOWN_TYPE),
    ("getWithMetadata", ("text",), {"type": None}, "TypeError", UNKNOWN_TYPE),
    ("get", ("text",), {"cacheTtl": None}, "Error", CACHE_TTL_0),
    ("get", (["text"],), {"type": None}, "Error",
     'KV GET_BULK failed: 400 "null" is not a valid type. Use "json" or "text"'),
    ("get", (["text"],), {"cacheTtl": None}, "Error",
     "KV GET_BULK failed: 400 Invalid cache_ttl of 0. Cache TTL must be at least 30."),
]


@pytest.mark.asyncio
@pytest.mark.parametrize("as_dict", [False, True], ids=["keywords", "options-dict"])
@pytest.mark.parametrize(("method", "args", "options", "name", "message"), KV_NULL_REFUSALS,
                         ids=[f"{m}-{'-'.join(o)}" for m, _, o, _, _ in KV_NULL_REFUSALS])
async def test_kv_none_options_fail_as_null_fails_on_workerd_in_the_external_era(
        tmp_path, method, args, options, name, message, as_dict):
    env = _env(tmp_path, EXTERNAL)
    await env.KV.put("text", "hello")
    call = getattr(env.KV, method)
    with pytest.raises(JsException) as caught:
        await (call(*args, dict(options)) if as_dict else call(*args, **options))
    assert (caught.value.name, caught.value.message) == (name, message)
    assert [k["name"] for k in (await env.KV.list())["keys"]] == ["text"]  # nothing written


@pytest.mark.asyncio
async def test_kv_none_options_that_null_leaves_unset_work_in_the_external_era(tmp_path):
    env = _env(tmp_path, EXTERNAL)
    await env.KV.put("k", "v", metadata=None)
    await env.KV.put("k2", "v", None)  # the options themselves null: an empty PutOptions
    assert await env.KV.getWithMetadata("k") == {"value": "v", "metadata": None, "cacheStatus": None}
    assert await env.KV.get("k", None) == "v"
    listed = await env.KV.list(prefix=None, limit=None, cursor=None)  # a null limit is 0: not sent
    assert [k["name"] for k in listed["keys"]] == ["k", "k2"] and listed["list_complete"] is True
    assert await env.KV.get("missing", type=None) is None  # the type is checked on a found value only


@pytest.mark.asyncio
async def test_kv_none_options_are_absent_in_the_built_in_era(tmp_path):
    env = _env(tmp_path, BUILTIN)
    await env.KV.put("a", "v", expirationTtl=None, expiration=None, metadata=None)
    await env.KV.put("b", "v", _obj({"expirationTtl": None}))
    await env.KV.put("c", "v", {"expiration": None})  # a dict's PyProxy: None reads as undefined
    assert await env.KV.get("a", type=None, cacheTtl=None) == "v"
    assert (await env.KV.getWithMetadata("b", _obj({"type": None}))).value == "v"
    bulk = await env.KV.get(to_js(["a", "c"]), type=None)
    assert bulk.get("a") == "v" and bulk.get("c") == "v"
    listed = (await env.KV.list(prefix=None, limit=None, cursor=None)).to_py()
    assert listed["keys"] == [{"name": "a"}, {"name": "b"}, {"name": "c"}]  # no expiration on any


# -- D1: first(null) names the column "null" (d1-api.ts: colName !== undefined) ----------------


@pytest.mark.asyncio
async def test_d1_first_none_reads_the_column_named_null_in_the_external_era(tmp_path):
    env = _env(tmp_path, EXTERNAL)
    with pytest.raises(JsException, match=r"^Error: D1_COLUMN_NOTFOUND: Column not found \(null\)$"):
        await env.DB.prepare("SELECT 1 AS a").first(None)
    assert await env.DB.prepare('SELECT 7 AS "null", 2 AS b').first(None) == 7
    assert await env.DB.prepare("SELECT 1 AS a WHERE 0").first(None) is None  # no row: null first
    assert await env.DB.prepare("SELECT 1 AS a").raw({"columnNames": None}) == [[1]]  # falsy
    assert await env.DB.prepare("SELECT 1 AS a").raw(None) == [[1]]


@pytest.mark.asyncio
async def test_d1_first_none_is_first_without_a_column_in_the_built_in_era(tmp_path):
    env = _env(tmp_path, BUILTIN)
    assert (await env.DB.prepare("SELECT 1 AS a").first(None)).to_py() == {"a": 1}
    assert (await env.DB.prepare("SELECT 1 AS a").raw(_obj({"columnNames": None}))).to_py() == [[1]]


# -- Workers AI: run(model, inputs, null) cannot destructure its options (ai-api.ts) -----------

DESTRUCTURE = "TypeError: Cannot destructure property 'prefix' of 'object null' as it is null."


@pytest.mark.asyncio
async def test_ai_run_options_none_is_a_type_error_in_the_external_era(tmp_path):
    env = _env(tmp_path, EXTERNAL)
    with pytest.raises(JsException) as caught:
        await env.AI.run(EMBEDDER, {"text": "hi"}, None)
    assert str(caught.value) == DESTRUCTURE
    # null option entries are falsy to the binding's JavaScript and sent as null: no effect
    result = await env.AI.run(EMBEDDER, {"text": "hi"}, {"gateway": None, "returnRawResponse": None})
    assert result["shape"] == [1, 384]


@pytest.mark.asyncio
@pytest.mark.parametrize(("model", "inputs", "mismatch"), [
    (LLM, {"prompt": "hi", "max_tokens": None}, "Type mismatch of '/max_tokens', 'integer' not in 'null'"),
    (LLM, {"prompt": "hi", "stream": None}, "Type mismatch of '/stream', 'boolean' not in 'null'"),
    (EMBEDDER, {"text": "hi", "pooling": None}, "enum null not in mean,cls at '/pooling'"),
])
async def test_ai_none_input_fields_reach_the_schema_as_null_in_the_external_era(tmp_path, model, inputs, mismatch):
    env = _env(tmp_path, EXTERNAL)
    with pytest.raises(JsException, match="5006") as caught:
        await env.AI.run(model, inputs)
    assert mismatch in str(caught.value)


@pytest.mark.asyncio
async def test_ai_none_options_and_input_fields_are_absent_in_the_built_in_era(tmp_path):
    env = _env(tmp_path, BUILTIN)
    result = await env.AI.run(EMBEDDER, _obj({"text": "hi", "pooling": None}), None)
    assert result.shape.to_py() == [1, 384]
    reply = await env.AI.run(LLM, _obj({"prompt": "hi", "max_tokens": None, "stream": None}))
    assert isinstance(reply.response, str)


# -- Vectorize: null options are sent as null; taken as not given (the service's answer is not
# documented: our choice, as an optional JSON field left null) ---------------------------------

QUERY_NULLS = {"topK": None, "returnValues": None, "returnMetadata": None, "namespace": None, "filter": None}


@pytest.mark.asyncio
async def test_vectorize_none_options_are_the_defaults_in_the_external_era(tmp_path):
    env = _env(tmp_path, EXTERNAL)
    await env.VEC.upsert([{"id": "a", "values": [1, 0, 0], "namespace": None, "metadata": None},
                          {"id": "b", "values": [0, 1, 0], "metadata": {"k": 1}}])
    assert await env.VEC.getByIds(["a"]) == [{"id": "a", "namespace": None, "metadata": {}, "values": [1, 0, 0]}]
    assert await env.VEC.query([1, 0, 0], **QUERY_NULLS) == await env.VEC.query([1, 0, 0])
    assert await env.VEC.query([1, 0, 0], None) == await env.VEC.query([1, 0, 0])
    res = await env.VEC.query([1, 0, 0], QUERY_NULLS)
    assert [(m["id"], "values" in m, "metadata" in m) for m in res["matches"]] == [("a", False, False),
                                                                                   ("b", False, False)]


@pytest.mark.asyncio
async def test_vectorize_none_options_are_absent_in_the_built_in_era(tmp_path):
    env = _env(tmp_path, BUILTIN)
    await env.VEC.upsert(_obj([{"id": "a", "values": [1, 0, 0], "namespace": None, "metadata": None}]))
    res = (await env.VEC.query(to_js([1, 0, 0]), **QUERY_NULLS)).to_py()
    assert res == {"count": 1, "matches": [{"id": "a", "score": 1}]}
    namespace = (await env.VEC.getByIds(to_js(["a"]))).to_py()[0]["namespace"]
    assert type(namespace).__name__ == "JsNull"  # null, as Pyodide 0.28 hands it over: no namespace


# -- Worker code: the same calls through self.env, in each era ---------------------------------

WORKER_TOML = TOML.replace('[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n', "")
ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        async def attempt(name, call):
            try:
                value = await call()
                out[name] = ["ok", value if value is None or isinstance(value, (str, int)) else repr(type(value))]
            except Exception as exc:
                out[name] = ["error", str(exc)]
        ttl = None
        await attempt("kv_ttl", lambda: self.env.KV.put("k", "v", expirationTtl=ttl))
        await attempt("kv_type", lambda: self.env.KV.get("k", type=None))
        await attempt("kv_cache", lambda: self.env.KV.get("k", cacheTtl=None))
        await attempt("d1_first", lambda: self.env.DB.prepare("SELECT 1 AS a").first(None))
        await attempt("ai_options", lambda: self.env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": "hi"}, None))
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_worker_code_none_options_are_null_with_the_external_sdk(project):
    worker = load_worker(project(WORKER_TOML.format(date=EXTERNAL), src__entry_DOT_py=ENTRY))
    body = await (await worker.fetch("/")).json()
    assert body == {
        "kv_ttl": ["error", f"Error: {TTL_0}"],
        "kv_type": ["ok", None],  # nothing was written under "k": a missing key is null, whatever the type
        "kv_cache": ["error", f"Error: {CACHE_TTL_0}"],
        "d1_first": ["error", "Error: D1_COLUMN_NOTFOUND: Column not found (null)"],
        "ai_options": ["error", DESTRUCTURE],
    }


BUILTIN_ENTRY = ENTRY.replace('{"text": "hi"}', 'to_js({"text": "hi"}, dict_converter=Object.fromEntries)').replace(
    "from workers import", "from js import Object\nfrom pyodide.ffi import to_js\nfrom workers import")


@pytest.mark.asyncio
async def test_worker_code_none_options_are_absent_with_the_built_in_sdk(project):
    worker = load_worker(project(WORKER_TOML.format(date=BUILTIN), src__entry_DOT_py=BUILTIN_ENTRY))
    body = await (await worker.fetch("/")).json()
    assert body["kv_ttl"][0] == "ok" and body["kv_type"] == ["ok", "v"] and body["kv_cache"] == ["ok", "v"]
    assert body["d1_first"][0] == "ok" and body["ai_options"][0] == "ok"
