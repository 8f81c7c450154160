"""A scripted result as deep as workers-env converts (1,000 levels, the result itself the first)
is taken on every Python, whole and streamed, and a JSON Mode reply whose text nests one level
less (the result holds it): Python 3.11's json counts a frame a level against the recursion
limit the caller's frames share, so there a result of 999 levels was refused as too deep while
3.12 to 3.14 took it (the scripting runs json with room for those levels). One level more is
refused on every Python (test_ai_scripted_reply_refusals_are_worded_whole.py)."""

from __future__ import annotations

import asyncio

import pytest
from ai_helpers import ai_env, run

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"


def _lists(levels: int) -> object:
    value: object = "end"
    for _ in range(levels):
        value = [value]
    return value


def _depth(value: object) -> int:
    depth = 0
    while isinstance(value, (list, dict)):
        depth += 1
        value = (value[0] if value else None) if isinstance(value, list) else value["deep"]
    return depth


async def _streamed(env: object, inputs: dict) -> bytes:
    stream = await env.AI.run(LLAMA, {**inputs, "stream": True})  # type: ignore[attr-defined]
    return b"".join([chunk async for chunk in stream])


@pytest.mark.parametrize("function", [False, True])
def test_a_result_1000_levels_deep_is_taken(tmp_path, function):
    env = ai_env(tmp_path)
    result = {"response": "r", "deep": _lists(999)}
    env.unwrapped("AI").reply((lambda model, inputs: result) if function else result)
    assert _depth(run(env, LLAMA, {"prompt": "hi"})) == 1000
    assert asyncio.run(_streamed(env, {"prompt": "hi"})).endswith(b"data: [DONE]\n\n")


def test_a_json_mode_reply_999_levels_deep_is_taken(tmp_path):
    env = ai_env(tmp_path)
    env.unwrapped("AI").reply("[" * 999 + "]" * 999)
    inputs = {"prompt": "hi", "response_format": {"type": "json_object"}}
    result = run(env, LLAMA, inputs)
    assert _depth(result["response"]) == 999
    assert asyncio.run(_streamed(env, inputs)).startswith(b'data: {"response":"[[[')
