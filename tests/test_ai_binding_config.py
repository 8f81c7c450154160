"""``[ai] binding = "AI"`` becomes ``env.AI`` (top level and ``[env.NAME]``, not inherited), and
Worker code sees exactly the runtime's surface of the binding."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, PyProxyWarning, load_env, load_worker
from workers_env.ai.binding import AiBinding

BASE = '''name = "x"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]
'''


def test_top_level_and_environment_bindings(project):
    root = project(BASE + '[ai]\nbinding = "AI"\n\n[env.staging.ai]\nbinding = "MODELS"\n\n[env.bare]\nname = "bare"\n')
    assert isinstance(load_env(root).AI, AiBinding)
    staging = load_env(root, environment="staging")
    assert isinstance(staging.MODELS, AiBinding) and "AI" not in staging
    assert "AI" not in load_env(root, environment="bare")  # bindings are not inherited
    assert asyncio.run(staging.MODELS.run("@cf/baai/bge-small-en-v1.5", {"text": "x"})).shape == [1, 384]


def test_no_ai_section_no_binding(project):
    assert "AI" not in load_env(project(BASE))


WORKER = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ai = self.env.AI
        if request.url.endswith("/before"):  # its own request: the SDK's wrapper keeps a field it read
            return Response.json({"before": ai.lastRequestId})
        hidden = []
        for name in ("reply", "calls", "embed", "run_sync", "_embedders"):
            try:
                getattr(ai, name)
                hidden.append(False)
            except AttributeError:
                hidden.append(True)
        models = await ai.models({"task": "Text Embeddings"})
        result = await ai.run("@cf/baai/bge-m3", {"text": ["a", "b"]})
        return Response.json({
            "hidden": hidden,
            "after": len(ai.lastRequestId),
            "models": [m.name for m in models],
            "dims": [p.value for p in models[0].properties if p.property_id == "output_dimensions"],
            "shape": result.shape,
        })
'''


def test_worker_code_sees_the_runtime_surface(project):
    root = project(BASE + '[ai]\nbinding = "AI"\n', src__entry_DOT_py=WORKER)
    worker = load_worker(root)
    before = asyncio.run(_json(worker, "/before"))
    body = asyncio.run(_json(worker))
    assert body["hidden"] == [True] * 5
    assert before == {"before": None} and body["after"] == 36
    assert body["models"] == [
        "@cf/baai/bge-small-en-v1.5", "@cf/baai/bge-base-en-v1.5", "@cf/baai/bge-large-en-v1.5",
        "@cf/baai/bge-m3", "@cf/google/embeddinggemma-300m", "@cf/qwen/qwen3-embedding-0.6b",
        "@cf/pfnet/plamo-embedding-1b", "@cf/baai/omni-bge-base-en-v1.5",
    ]
    assert body["dims"] == ["384"]
    assert body["shape"] == [2, 1024]


async def _json(worker, path="/"):
    resp = await worker.fetch(path)
    assert resp.status == 200, await resp.text()
    return await resp.json()


def test_models_filters(project):
    env = load_env(project(BASE + '[ai]\nbinding = "AI"\n'))
    found = asyncio.run(env.AI.models({"search": "llama-3.1-8b", "task": "Text Generation"}))
    # (the retired llama-3.1-8b-instruct is no longer listed, as the live catalog drops a retired model)
    assert [m.name for m in found] == ["@cf/meta/llama-3.1-8b-instruct-fast", "@cf/meta/llama-3.1-8b-instruct-fp8"]
    assert all(m.task.name == "Text Generation" for m in found)
    page = asyncio.run(env.AI.models(author="baai", per_page=2, page=2))
    assert [m.name for m in page] == ["@cf/baai/bge-large-en-v1.5", "@cf/baai/bge-m3"]
    # Hugging Face hosted models are source 2 in the catalog, and every one of them is retired
    assert asyncio.run(env.AI.models(source=2)) == []
    cf = asyncio.run(env.AI.models(source=1))
    assert cf and all(m.name.startswith("@cf/") and m.source == 1 for m in cf)
    # the catalog's own search text: "lightweight" is in these models' descriptions, not their names
    assert [m.name for m in asyncio.run(env.AI.models(search="lightweight"))] == [
        "@cf/google/gemma-2b-it-lora", "@cf/google/gemma-7b-it-lora"]


def test_models_carry_the_catalog_entries(project):
    env = load_env(project(BASE + '[ai]\nbinding = "AI"\n'))
    base = next(m for m in asyncio.run(env.AI.models(search="bge-base")) if m.name == "@cf/baai/bge-base-en-v1.5")
    assert base.id == "429b9e8b-d99e-44de-91ad-706cf8183658" and base.source == 1
    assert base.description == ("BAAI general embedding (Base) model that transforms any given text into a "
                                "768-dimensional vector")
    assert {p.property_id: p.value for p in base.properties}["output_dimensions"] == "768"
    assert all(isinstance(p.value, str) for m in asyncio.run(env.AI.models()) for p in m.properties)


@pytest.mark.asyncio
async def test_keywords_become_the_trailing_object_as_in_pyodide(project):
    env = load_env(project(BASE + '[ai]\nbinding = "AI"\n'))
    res = await env.AI.run("@cf/baai/bge-small-en-v1.5", text=["kw"])  # keywords as the inputs object
    assert res.shape == [1, 384]
    res = await env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["kw"]}, gateway={"id": "g"})
    assert res.shape == [1, 384] and env.AI.calls[-1].options == {"gateway": {"id": "g"}}


@pytest.mark.asyncio
async def test_keywords_after_positional_options_are_a_fourth_argument_nobody_reads(project):
    """Pyodide appends keywords as one more argument: after a positional options object (or
    params for models()) it is run()'s fourth, which ai-api.ts never reads -- not merged in."""
    env = load_env(project(BASE + '[ai]\nbinding = "AI"\n'))
    bad = {"bad name": "x"}  # as options, fetch refuses it: TypeError: Invalid header name.
    res = await env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["kw"]}, {}, extraHeaders=bad)
    assert res.shape == [1, 384] and env.AI.calls[-1].options == {}
    with pytest.raises(JsException, match="Invalid header name"):
        await env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["kw"]}, extraHeaders=bad)
    everything = len(await env.AI.models())
    embeddings = await env.AI.models({"task": "Text Embeddings"}, task="Text Generation")
    assert 0 < len(embeddings) < everything
    assert {m.task.name for m in embeddings} == {"Text Embeddings"}
    assert {m.task.name for m in await env.AI.models(task="Text Generation")} == {"Text Generation"}


def test_before_the_external_sdk_env_ai_is_the_raw_js_binding(project):
    from workers_env import JsException, js, to_js

    root = project(BASE.replace("2026-05-01", "2025-09-01") + '[ai]\nbinding = "AI"\n')
    env = load_env(root)
    assert isinstance(env.unwrapped("AI"), AiBinding) and not isinstance(env.AI, AiBinding)
    # a plain dict is a PyProxy, which ai-api.ts JSON.stringify's: {} on Pyodide 0.26
    with pytest.warns(PyProxyWarning), pytest.raises(JsException, match="required properties at '/' are 'text'"):
        asyncio.run(env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["a"]}))
    res = asyncio.run(env.AI.run("@cf/baai/bge-small-en-v1.5", to_js({"text": ["a", "b"]}, dict_converter=js.Object.fromEntries)))
    assert res.data.length == 2 and res.shape.to_py() == [2, 384]
    env.unwrapped("AI").reply("scripted")  # Python-side scripting goes through the emulator itself
    with pytest.raises(AttributeError) as direct:  # not through the JS binding, which says where to go
        env.AI.reply("scripted")
    assert (str(direct.value), direct.value.__notes__) == ("reply", [
        "'reply' is workers-env's own, on the emulator behind env.AI, not on the JavaScript binding this config's "
        "Worker code holds (which env hands out too): call env.unwrapped('AI').reply"])
    out = asyncio.run(env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", to_js({"prompt": "hi"}, dict_converter=js.Object.fromEntries)))
    assert out.response == "scripted"


def test_a_plain_dict_as_ai_inputs_is_what_json_stringify_writes_of_it(project):
    """Pyodide 0.28 (built-in SDK era, from 2025-09-29): JSON.stringify of a dict's PyProxy
    writes its keys, so a plain dict embeds, as in production; a list of dicts in it throws
    the borrowed-proxy error (real Pyodide 0.28.2 under Node)."""
    from workers_env import JsException

    env = load_env(project(BASE.replace("2026-05-01", "2025-11-01") + '[ai]\nbinding = "AI"\n'))
    res = asyncio.run(env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["a", "b"], "pooling": "cls"}))
    assert res.shape.to_py() == [2, 384]
    assert env.unwrapped("AI").calls[-1].inputs == {"text": ["a", "b"], "pooling": "cls"}
    with pytest.raises(JsException, match="borrowed proxy was automatically destroyed"):
        asyncio.run(env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"messages": [{"role": "user", "content": "hi"}]}))


FAILING = '''
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct-nope", {"prompt": "hi"})
        except JsException as exc:
            return Response(f"{type(exc).__module__}.{type(exc).__name__}|{exc}", status=500)
'''


def test_worker_code_catches_a_refused_run_as_pyodide_names_it(project):
    """Every JavaScript error reaches Python Worker code as ``pyodide.ffi.JsException``: a
    refused ``run()`` is logged as ``JsException`` there, as production logs it; uncaught it
    reaches the test still an ``AiError`` with its ``code``."""
    from workers_env import AiError

    root = project(BASE + '[ai]\nbinding = "AI"\n', src__entry_DOT_py=FAILING)
    resp = asyncio.run(load_worker(root).fetch("/"))
    assert asyncio.run(resp.text()) == (
        "pyodide.ffi.JsException|AiError: 5007: No such model @cf/meta/llama-3.1-8b-instruct-nope or task")
    uncaught = project(BASE + '[ai]\nbinding = "AI"\n',
                       src__entry_DOT_py=FAILING.replace("try:", "if True:").replace("except JsException as exc:", "else:"))
    with pytest.raises(AiError) as raised:
        asyncio.run(load_worker(uncaught).fetch("/"))
    assert raised.value.code == 5007 and type(raised.value).__name__ == "JsException"
    with pytest.raises(AiError) as direct:  # load_env's env is the library's API: the class's own name
        asyncio.run(load_env(root).AI.run("@cf/meta/llama-3.1-8b-instruct-nope", {"prompt": "hi"}))
    assert type(direct.value) is AiError
