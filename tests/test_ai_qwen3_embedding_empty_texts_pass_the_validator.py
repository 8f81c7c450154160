"""qwen3-embedding's one-character minimum is never reached by the service's validator: each of
its fields is a ``oneOf`` below the top level, which cabidela 0.2.4 counts as absent when no
branch fits, and the schema requires no field -- so an empty text passes there, while bge's
top-level ``oneOf`` refuses it (README, Embedding models)."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

QWEN3 = "@cf/qwen/qwen3-embedding-0.6b"


@pytest.mark.parametrize("field", ["text", "queries", "documents"])
def test_an_empty_qwen3_text_is_embedded(tmp_path, field):
    res = run(ai_env(tmp_path), QWEN3, {field: ""})
    assert res.shape == [1, 1024]


def test_an_empty_bge_text_is_refused_and_an_empty_item_of_a_list_is_not(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError, match=r"Length of '/text' must be >= 1 not met"):
        run(env, "@cf/baai/bge-base-en-v1.5", {"text": ""})
    assert run(env, "@cf/baai/bge-base-en-v1.5", {"text": ["ok", ""]}).shape == [2, 768]


def test_what_the_validator_does_check_on_qwen3_still_refuses(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError, match=r"Array at '/documents' has 33 items, more than maxItems 32"):
        run(env, QWEN3, {"documents": ["a"] * 33})
    with pytest.raises(AiError, match=r"Type mismatch of '/text', 'string' not in 'number','integer'"):
        run(env, QWEN3, {"text": 5})


@pytest.mark.parametrize("inputs", [{}, {"queries": []}, {"text": [], "documents": []}])
def test_qwen3_with_no_text_at_all_is_5006_and_one_text_is_embedded(tmp_path, inputs):
    # the schema requires no field; what the service does then is not published: the texts of
    # bge's {text} branch (README, "Where we had to choose")
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as info:
        run(env, QWEN3, inputs)
    assert str(info.value) == "AiError: 5006: Error: required properties at '/' are 'text'"
    assert run(env, QWEN3, {**inputs, "queries": ["a"]}).shape == [1, 1024]
