"""A scripted reply that text generation cannot use is refused when it is scripted, in words
pinned whole: a queue holding a list, a reply of another type, a whole result JSON cannot carry
(a set: Python's json's own words after ours), a list given to ``queue_replies`` as something
else; and ``stream: true`` with gpt-oss's Responses form, which is not emulated."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import ConfigError, NotEmulatedError


@pytest.mark.parametrize(("script", "message"), [
    (lambda ai: ai.reply([["a"]]), "reply: a queue of replies holds strings, dicts or functions, got ['a']"),
    (lambda ai: ai.reply(5), "reply: a reply is a string, a dict (the whole result), a function (model, inputs) -> "
                             "str | dict, or a list of those; got int"),
    (lambda ai: ai.reply({"response": {1, 2}}),
     "reply: a scripted result is JSON data, as the service's results are: Object of type set is not JSON serializable"),
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
