"""When an input carries the keys of two forms (``prompt`` and ``messages``, gpt-oss's ``prompt``
and ``input``, bge-m3's ``text`` and ``contexts``) and cabidela's ``oneOf`` lets exactly one
branch match, the call is answered in that branch's form; the other key is one the branch
does not read (here it once escaped as a bare TypeError / AttributeError)."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
GPT_OSS = "@cf/openai/gpt-oss-20b"
M3 = "@cf/baai/bge-m3"
USER = [{"role": "user", "content": "from messages"}]


def test_a_prompt_the_prompt_branch_refuses_leaves_the_messages_form(tmp_path):
    env = ai_env(tmp_path)
    for prompt in ([], 5, None):
        out = run(env, LLAMA, {"prompt": prompt, "messages": USER})
        assert out["response"].endswith("You said: from messages")
    assert run(env, LLAMA, {"prompt": [], "messages": []})["response"].endswith("You said:")


def test_gpt_oss_answers_the_responses_form_when_only_input_matched(tmp_path):
    env = ai_env(tmp_path)
    for extra in ({"prompt": []}, {"prompt": 5}, {"messages": None}, {"messages": 5}):
        out = run(env, GPT_OSS, {"input": "from input", **extra})
        assert out["object"] == "response"
        assert out["output_text"].endswith("You said: from input")
    out = run(env, GPT_OSS, {"prompt": "from prompt", "input": 5})  # input refused: the prompt branch
    assert "object" not in out and out["response"].endswith("You said: from prompt")


def test_bge_m3_embeds_text_when_only_the_text_branch_matched(tmp_path):
    env = ai_env(tmp_path)
    out = run(env, M3, {"text": ["a", "b"], "contexts": None})
    assert out["shape"] == [2, 1024] and len(out["data"]) == 2
    out = run(env, M3, {"text": "a", "query": [], "contexts": []})
    assert out["shape"] == [1, 1024]
    # both branches matching stays the service's oneOf error
    with pytest.raises(AiError, match="2 matches"):
        run(env, M3, {"text": "a", "contexts": [{"text": "b"}]})
