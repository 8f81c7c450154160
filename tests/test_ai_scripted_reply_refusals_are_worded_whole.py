"""A scripted reply that text generation cannot use is refused when it is scripted, in words
pinned whole: a queue holding a list, a reply of another type, a whole result JSON cannot carry
(a set: Python's json's own words after ours), a list given to ``queue_replies`` as something
else, a result nested past what workers-env converts (1,000 levels, tuples counted; a cycle is
json's own words) on every Python; a reply function that returns no str or dict, or raises, or
a JSON Mode reply whose text nests too deep, refused at the call naming the model; ``stream: true`` with gpt-oss's Responses
form and the asynchronous batch input ``{"requests": [...]}``, which are not emulated."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import ConfigError, NotEmulatedError

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
NESTED = "a scripted result is JSON data, as the service's results are: this one nests lists or dicts deeper than " \
         "workers-env converts (about 1,000 levels); nest it less"


def _deep(levels: int) -> dict:
    top = current = {}
    for _ in range(levels):
        current["a"] = current = {}
    return top


def _tuples(levels: int) -> dict:
    """A result ``levels`` deep (itself the first) below which tuples nest: JSON makes lists of them."""
    value: object = 1
    for _ in range(levels - 1):
        value = (value,)
    return {"response": "r", "a": value}


def _cycle() -> dict:
    result: dict = {"response": "r"}
    result["again"] = result
    return result


def _raises(model, inputs):
    raise ValueError("no")


@pytest.mark.parametrize(("script", "message"), [
    (lambda ai: ai.reply([["a"]]), "reply: a queue of replies holds strings, dicts or functions, got ['a']"),
    (lambda ai: ai.reply(5), "reply: a reply is a string, a dict (the whole result), a function (model, inputs) -> "
                             "str | dict, or a list of those; got int"),
    (lambda ai: ai.reply({"response": {1, 2}}),
     "reply: a scripted result is JSON data, as the service's results are: Object of type set is not JSON serializable"),
    (lambda ai: ai.reply(_deep(3000)), f"reply: {NESTED}"),
    (lambda ai: ai.reply(_tuples(1001)), f"reply: {NESTED}"),  # (tuples counted: json writes them as lists)
    (lambda ai: ai.queue_replies(["a", _tuples(1001)]), f"queue_replies: {NESTED}"),
    (lambda ai: ai.reply(_cycle()), "reply: a scripted result is JSON data, as the service's results are: Circular "
                                    "reference detected"),  # (json's words: no depth to speak of)
    (lambda ai: ai.queue_replies("one"), "queue_replies: give a list of replies (one per call, in order), got str; "
                                         "for one reply to every call, use reply()"),
])
def test_a_reply_that_cannot_be_used_is_refused_when_scripted(tmp_path, script, message):
    with pytest.raises(ConfigError) as info:
        script(ai_env(tmp_path).unwrapped("AI"))
    assert str(info.value) == message


def test_a_responses_stream_is_not_emulated(tmp_path):
    with pytest.raises(NotEmulatedError) as info:
        run(ai_env(tmp_path), "@cf/openai/gpt-oss-20b", {"input": "hi", "stream": True})
    assert str(info.value) == (
        "workers-env does not emulate stream: true with the Responses API (gpt-oss's `input` form) offline; leave "
        "`stream` out, or send `messages` for a chat-completions stream.")


@pytest.mark.parametrize(("function", "message"), [
    (lambda model, inputs: 5, f"the reply function scripted for {LLAMA} returned int; return a string or a dict (the "
                              "whole result)"),
    (_raises, f"the reply function scripted for {LLAMA} raised ValueError: no (it is called as function(model, inputs), "
              "inputs the call's inputs as a dict)"),
    (lambda model, inputs: _deep(3000), f"the reply scripted for {LLAMA}: {NESTED}"),
    (lambda model, inputs: _tuples(1001), f"the reply scripted for {LLAMA}: {NESTED}"),
])
def test_a_reply_function_answer_that_cannot_be_used_is_refused_at_the_call(tmp_path, function, message):
    env = ai_env(tmp_path)
    env.unwrapped("AI").reply(function)
    with pytest.raises(ConfigError) as info:
        run(env, LLAMA, {"prompt": "hi"})
    assert str(info.value) == message


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("levels", [1000, 3000])
def test_a_json_mode_reply_nested_too_deep_is_refused_at_the_call(tmp_path, stream, levels):
    # the text's JSON is the result's response, a level below it: 1,000 levels of arrays make
    # 1,001 (Python 3.11's json refused 3,000 with a bare RecursionError, 3.13's took them)
    env = ai_env(tmp_path)
    env.unwrapped("AI").reply("[" * levels + "]" * levels)
    with pytest.raises(ConfigError) as info:
        run(env, LLAMA, {"prompt": "hi", "stream": stream, "response_format": {"type": "json_object"}})
    assert str(info.value) == (
        f"the reply scripted for {LLAMA}: JSON Mode reads the reply's text as the JSON it holds, and this one nests "
        "arrays or objects deeper than workers-env converts (about 1,000 levels); nest it less")


def test_the_asynchronous_batch_input_is_not_emulated(tmp_path):
    with pytest.raises(NotEmulatedError) as info:
        run(ai_env(tmp_path), "@cf/baai/bge-small-en-v1.5", {"requests": [{"text": "a"}]})
    assert str(info.value) == (
        'workers-env does not emulate the asynchronous batch API (the input {"requests": [...]}) offline: it needs '
        "Cloudflare's queue. In local runs, send each of the batch's requests in a run() call of its own, without "
        "queueRequest.")
