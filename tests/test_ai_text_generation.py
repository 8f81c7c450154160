"""Text generation: the service's result shapes, deterministic defaults, replies scripted per
test (fixed, queued, per model, a function of the inputs) and ``stream: true``."""

from __future__ import annotations

import asyncio
import json

import pytest
from ai_helpers import ai_env, run
from worker_helpers import typical_pyproject

from workers_env import ConfigError
from workers_env._jsvalues import ByteStream
from workers_env.ai.catalog import DEPRECATED_MODELS, TEXT_GENERATION_MODELS

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
MISTRAL = "@cf/mistral/mistral-7b-instruct-v0.2-lora"


def events(stream: ByteStream) -> list[str]:
    text = stream.read().decode()
    assert text.endswith("\n\n")
    return [part[len("data: "):] for part in text.split("\n\n") if part]


def test_the_result_shape_and_a_deterministic_default(tmp_path):
    env = ai_env(tmp_path)
    res = run(env, LLAMA, {"messages": [{"role": "system", "content": "Be brief."},
                                        {"role": "user", "content": "Where is   the cat?"}]})
    assert list(res) == ["response", "tool_calls", "usage"]
    assert res.response == f"[workers-env offline reply from {LLAMA}] You said: Where is the cat?"
    assert res.tool_calls == []
    # approximate tokens: words and punctuation marks ("Be", "brief", "." ...)
    assert res.usage == {"prompt_tokens": 8, "completion_tokens": 32, "total_tokens": 40}
    again = run(ai_env(tmp_path), LLAMA, {"messages": [{"role": "system", "content": "Be brief."},
                                                       {"role": "user", "content": "Where is   the cat?"}]})
    assert again == res


def test_the_default_reply_respects_max_tokens(tmp_path):
    env = ai_env(tmp_path)
    assert run(env, LLAMA, {"prompt": "hello", "max_tokens": 5}).response == "[workers-env offline"
    assert run(env, LLAMA, {"prompt": "hello", "max_tokens": 4}).response == "[workers-env"
    assert run(env, LLAMA, {"prompt": "hello", "max_tokens": 3}).response == ""


def test_without_max_tokens_the_reply_stops_at_256_tokens(tmp_path):
    # the catalog schemas' default: the reply's 27 tokens before the prompt, then one a word
    env = ai_env(tmp_path)
    fits = run(env, LLAMA, {"prompt": " ".join(["w"] * 229)})
    assert fits.usage["completion_tokens"] == 256 and fits.response.endswith("said:" + " w" * 229)
    cut = run(env, LLAMA, {"prompt": " ".join(["w"] * 230)})
    assert cut.usage["completion_tokens"] == 256 and cut.response == fits.response


@pytest.mark.parametrize("model", sorted(set(TEXT_GENERATION_MODELS) - set(DEPRECATED_MODELS)))
def test_every_text_generation_model_answers(tmp_path, model):
    res = run(ai_env(tmp_path), model, {"prompt": "hi"})
    form = TEXT_GENERATION_MODELS[model].result
    if form == "responses":  # gpt-oss answers a prompt in the classic form (its Prompt_Output)
        form = "response"
    text = {"chat-completions": lambda: res.choices[0].text, "response": lambda: res.response}[form]()
    assert text.startswith(f"[workers-env offline reply from {model}]")


def test_scripted_fixed_queue_per_model_and_function(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("Always this.")
    env.AI.reply("Mistral says so.", model=MISTRAL)
    env.AI.queue_replies(["one", {"response": "", "tool_calls": [{"name": "get_weather", "arguments": {"city": "Lisbon"}}]}])
    assert run(env, LLAMA, {"prompt": "a"}).response == "one"
    tool = run(env, LLAMA, {"prompt": "b"})
    assert tool.tool_calls == [{"name": "get_weather", "arguments": {"city": "Lisbon"}}]
    assert tool.tool_calls[0].arguments.city == "Lisbon"  # JsDict all the way down
    assert tool.usage["prompt_tokens"] == 1
    assert run(env, LLAMA, {"prompt": "c"}).response == "Always this."  # the queue ran out
    assert run(env, MISTRAL, {"prompt": "d"}).response == "Mistral says so."
    env.AI.reply(lambda model, inputs: f"{model.split('/')[-1]}: {inputs['prompt'].upper()}")
    assert run(env, LLAMA, {"prompt": "shout"}).response == "llama-3.1-8b-instruct-fast: SHOUT"
    env.AI.clear_replies()
    assert run(env, LLAMA, {"prompt": "x"}).response.startswith("[workers-env offline reply")


def test_replies_through_load_env(tmp_path):
    env = ai_env(tmp_path, ai_replies={LLAMA: ["first", "second"], "*": "anything else"})
    assert [run(env, LLAMA, {"prompt": "q"}).response for _ in range(3)] == ["first", "second", "anything else"]
    assert run(env, MISTRAL, {"prompt": "q"}).response == "anything else"
    env = ai_env(tmp_path, ai_replies=lambda model, inputs: {"response": "from a function"})
    assert run(env, LLAMA, {"prompt": "q"}).response == "from a function"
    with pytest.raises(ConfigError, match="a reply is a string, a dict"):
        ai_env(tmp_path, ai_replies=42)
    env = ai_env(tmp_path, ai_replies=lambda model, inputs: 42)
    with pytest.raises(ConfigError, match="returned int; return a string or a dict"):
        run(env, LLAMA, {"prompt": "q"})


def test_stream_returns_server_sent_events(tmp_path):
    env = ai_env(tmp_path, ai_replies="The cat sat on the mat.")
    stream = run(env, LLAMA, {"prompt": "where?", "stream": True})
    assert isinstance(stream, ByteStream) and stream.content_type == "text/event-stream"
    got = events(stream)
    assert got[-1] == "[DONE]"
    pieces = [json.loads(e) for e in got[:-1]]
    assert "".join(p["response"] for p in pieces) == "The cat sat on the mat."
    assert pieces[0] == {"response": "The"} and pieces[1] == {"response": " cat"}
    assert pieces[-1] == {"response": "", "usage": {"prompt_tokens": 2, "completion_tokens": 7, "total_tokens": 9}}
    with pytest.raises(TypeError, match=r"^This ReadableStream has already been read; a stream can be read once\.$"):
        stream.read()


def test_a_stream_is_iterable_synchronously_and_asynchronously(tmp_path):
    env = ai_env(tmp_path, ai_replies="Hi there")
    chunks = list(run(env, LLAMA, {"prompt": "x", "stream": True}))
    assert chunks[0] == b'data: {"response":"Hi"}\n\n'

    async def collect():
        stream = await env.AI.run(LLAMA, {"prompt": "x", "stream": True})
        return [chunk async for chunk in stream]

    assert asyncio.run(collect())[-1] == b"data: [DONE]\n\n"


WORKER = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi", "stream": True})
        if request.url.endswith("/read"):
            reader = stream.getReader()
            parts = []
            while True:
                chunk = await reader.read()
                if chunk.done:
                    break
                parts.append(bytes(chunk.value.to_py()).decode())
            return Response.json({"events": len(parts), "first": parts[0], "name": stream.constructor.name})
        return Response(stream, headers={"content-type": "text/event-stream"})
'''


def test_a_worker_gets_a_readable_stream(tmp_path):
    from workers_env import load_worker

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    env = ai_env(tmp_path, ai_replies="Two words")
    worker = load_worker(env=env)

    async def scenario():
        passed = await worker.fetch("/")
        read = await worker.fetch("/read")
        return passed.headers["content-type"], await passed.text(), await read.json()

    content_type, body, read = asyncio.run(scenario())
    assert content_type == "text/event-stream"
    assert body.startswith('data: {"response":"Two"}\n\ndata: {"response":" words"}\n\n') and body.endswith("data: [DONE]\n\n")
    assert read == {"events": 4, "first": 'data: {"response":"Two"}\n\n', "name": "ReadableStream"}


LEGACY = '''
from js import Object, Response
from pyodide.ffi import to_js

async def on_fetch(request, env):
    inputs = to_js({"prompt": "hi", "stream": True}, dict_converter=Object.fromEntries)
    stream = await env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", inputs)
    return Response.new(stream, headers=to_js({"content-type": "text/event-stream"}, dict_converter=Object.fromEntries))
'''


def test_a_legacy_handler_passes_the_raw_stream_on(tmp_path):
    from workers_env import load_worker

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(LEGACY)
    (tmp_path / "wrangler.toml").write_text(
        'name = "x"\nmain = "src/entry.py"\ncompatibility_date = "2024-09-01"\n'
        'compatibility_flags = ["python_workers"]\n[ai]\nbinding = "AI"\n'
    )
    typical_pyproject(tmp_path)
    worker = load_worker(tmp_path)
    worker.env.unwrapped("AI").reply("Legacy ok")  # env.AI is the raw JS binding in this era

    async def scenario():
        resp = await worker.fetch("/")
        return resp.headers["content-type"], await resp.text()

    content_type, body = asyncio.run(scenario())
    assert content_type == "text/event-stream"
    assert body.startswith('data: {"response":"Legacy"}\n\ndata: {"response":" ok"}\n\n')
