"""Scripting text generation (``env.AI.reply``, ``queue_replies``, ``load_env(ai_replies=...)``)
refuses what could never work with a ``ConfigError`` saying how to fix it: a model no reply
would ever reach, a queue that is not a list, a result JSON cannot carry, a reply function
that fails (its own ``AiError`` still passes, to script a service failure), a chat-completions
result without ``choices`` objects to stream."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from ai_helpers import ai_env, run

from workers_env import AiError, ConfigError

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
GPT_OSS = "@cf/openai/gpt-oss-20b"
QWEN = "@cf/qwen/qwen3-30b-a3b-fp8"  # chat-completions for a prompt too
HI = {"prompt": "hi"}


def test_a_reply_for_a_model_nothing_would_reach_is_refused(tmp_path):
    env = ai_env(tmp_path)
    for model in ("@cf/meta/llama-3.1-8b-instruc", "@cf/baai/bge-base-en-v1.5", 5):
        with pytest.raises(ConfigError, match="is not a Workers AI text generation model workers-env emulates"):
            env.AI.reply("x", model=model)
    with pytest.raises(ConfigError, match=r"ai_replies=\['@cf/nope'\]: '@cf/nope' is not a Workers AI text"):
        ai_env(tmp_path, ai_replies={"@cf/nope": "x"})
    env.AI.reply("for llama", model=LLAMA)  # a catalog name, and no model (every model), still work
    assert run(env, LLAMA, HI)["response"] == "for llama"


def test_queue_replies_takes_a_list(tmp_path):
    env = ai_env(tmp_path)
    for replies in ("abc", None, 5, {"response": "x"}):
        with pytest.raises(ConfigError, match="queue_replies: give a list of replies"):
            env.AI.queue_replies(replies)
    env.AI.queue_replies(r for r in ["one", "two"])  # any other iterable is a queue
    assert [run(env, LLAMA, HI)["response"] for _ in range(2)] == ["one", "two"]


def test_a_scripted_result_is_json_data(tmp_path):
    env = ai_env(tmp_path)
    for result in ({"response": {1, 2}}, {"response": "ok", "tool_calls": [object()]}, {"response": float("nan")}):
        with pytest.raises(ConfigError, match="a scripted result is JSON data"):
            env.AI.reply(result)
        with pytest.raises(ConfigError, match="a scripted result is JSON data"):
            env.AI.queue_replies([result])
    env.AI.reply(lambda model, inputs: {"response": {"a set"}})  # a function's result: checked when used
    with pytest.raises(ConfigError, match=f"the reply scripted for {LLAMA}: a scripted result is JSON data"):
        run(env, LLAMA, HI)
    env.AI.reply({"response": "ok", 7: ("t", "u")})  # as JSON carries it: keys strings, tuples lists
    assert run(env, LLAMA, HI)["7"] == ["t", "u"]
    # numpy scalars are their numbers (a count from an array, say), in a result and a function's
    env.AI.reply({"response": "hi", "usage": {"prompt_tokens": np.int64(3), "score": np.float32(0.5)}})
    assert run(env, LLAMA, HI)["usage"] == {"prompt_tokens": 3, "score": 0.5}
    env.AI.reply(lambda model, inputs: {"response": "hi", "flag": np.bool_(True)})
    assert run(env, LLAMA, HI)["flag"] is True


def test_a_failing_reply_function_names_the_model(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply(lambda model: "one argument")
    with pytest.raises(ConfigError, match=rf"the reply function scripted for {LLAMA} raised TypeError: .* \(it is "
                       r"called as function\(model, inputs\)"):
        run(env, LLAMA, HI)

    def broken(model, inputs):
        raise KeyError("temperature")

    env.AI.reply(broken)
    with pytest.raises(ConfigError, match="raised KeyError: 'temperature'") as info:
        run(env, LLAMA, HI)
    assert isinstance(info.value.__cause__, KeyError)

    def overloaded(model, inputs):
        raise AiError("Capacity temporarily exceeded, please try again.", code=3040)

    env.AI.reply(overloaded)  # scripting a service error stays possible
    with pytest.raises(AiError, match="3040: Capacity"):
        run(env, LLAMA, HI)


def _stream_text(stream) -> str:
    async def read():
        return b"".join([chunk async for chunk in stream])

    return asyncio.run(read()).decode()


def test_a_chat_completions_result_streams_only_with_choices_objects(tmp_path):
    env = ai_env(tmp_path)
    chat = {"messages": [{"role": "user", "content": "hi"}], "stream": True}
    for choices in (5, [5], [{"message": 5}]):
        env.AI.reply({"choices": choices})
        with pytest.raises(ConfigError, match=f"the reply scripted for {GPT_OSS}: a chat-completions result's "
                           "choices is a list of objects"):
            run(env, GPT_OSS, chat)
    env.AI.reply({"choices": [{"index": 0}]})  # a choice with no text streams no pieces, not "None"
    text = _stream_text(run(env, QWEN, {"prompt": "hi", "stream": True}))
    assert text.endswith("data: [DONE]\n\n") and "None" not in text
