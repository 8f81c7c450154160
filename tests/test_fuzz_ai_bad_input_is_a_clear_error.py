"""``env.AI.run()`` of any model of every task kind with malformed inputs and options -- Python
values with no JSON form, deep nesting, tuples, bytes, NaN, lone surrogates -- answers or is
refused with workers-env's error, never a bare Python exception; so do ``models()`` and
``gateway()``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fuzz_helpers import FUZZ, odd, outcome
from hypothesis import given
from hypothesis import strategies as st

import workers_env.ai.catalog as catalog
from workers_env import load_env

MODELS = sorted({*list(catalog.EMBEDDING_MODELS)[:2], *list(catalog.TEXT_GENERATION_MODELS)[:2],
                 *catalog.RERANKER_MODELS, *list(catalog.OTHER_MODELS)[:6], *list(catalog.DEPRECATED_MODELS)[:1]})
INPUT_KEYS = st.sampled_from(["text", "prompt", "messages", "query", "contexts", "top_k", "max_tokens", "temperature",
                              "stream", "pooling", "image", "response_format", "tools", "raw", "seed", "lora"])
OPTION_KEYS = st.sampled_from(["gateway", "returnRawResponse", "prefix", "extraHeaders", "queueRequest"])


@pytest.fixture
def ai(tmp_path: Path) -> Any:
    (tmp_path / "wrangler.toml").write_text('name = "fuzz"\ncompatibility_date = "2026-05-01"\n[ai]\nbinding = "AI"\n')
    return load_env(tmp_path / "wrangler.toml").AI


@FUZZ
@given(model=st.one_of(st.sampled_from(MODELS), odd), inputs=st.one_of(odd, st.dictionaries(INPUT_KEYS, odd, max_size=4)),
       options=st.one_of(st.just(None), odd, st.dictionaries(OPTION_KEYS, odd, max_size=2)))
def test_any_inputs_to_any_task_are_answered_or_refused_clearly(ai: Any, model: Any, inputs: Any, options: Any) -> None:
    outcome(lambda: ai.run(model, inputs, options))


@FUZZ
@given(args=st.lists(odd, max_size=2))
def test_any_arguments_to_models_and_gateway_are_answered_or_refused_clearly(ai: Any, args: list[Any]) -> None:
    outcome(lambda: ai.models(*args))
    outcome(lambda: ai.gateway(*args))
