"""``@cf/baai/bge-reranker-base``: ``{query, contexts, top_k?}`` -> ``{response: [{id, score}]}``
best first, offline and deterministic, its input checked against its own catalog schema."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

RERANKER = "@cf/baai/bge-reranker-base"
CONTEXTS = [{"text": "Stocks fell sharply today"}, {"text": "The cat sat on the mat"}, {"text": "A dog ran in the park"}]


def test_contexts_come_back_best_first_by_index(tmp_path):
    env = ai_env(tmp_path)
    res = run(env, RERANKER, {"query": "where did the cat sit", "contexts": CONTEXTS})
    assert list(res) == ["response"]
    assert res.response[0].id == 1  # the context sharing words with the query
    assert sorted(r.id for r in res.response) == [0, 1, 2]
    scores = [r.score for r in res.response]
    assert scores == sorted(scores, reverse=True)
    # relevance in [0, 1] as the service gives it (no negative logits): the context sharing
    # words is clearly relevant, the ones sharing none clearly not
    assert scores[0] > 0.5 and 0 < scores[-1] < 0.1 and max(scores[1:]) < 0.1
    again = run(ai_env(tmp_path), RERANKER, {"query": "where did the cat sit", "contexts": CONTEXTS})
    assert again == res  # deterministic


def test_scores_follow_shared_words_through_a_logistic_curve(tmp_path):
    """The score is the offline embedder's cosine mapped into (0, 1): the text itself scores
    about 1, and more shared words never score lower."""
    env = ai_env(tmp_path)
    contexts = [{"text": "capital of France"}, {"text": "capital city"}, {"text": "What is the capital of France?"}]
    res = run(env, RERANKER, {"query": "What is the capital of France?", "contexts": contexts})
    assert [r.id for r in res.response] == [2, 0, 1]
    assert res.response[0].score > 0.999 and all(0 < r.score < 1 for r in res.response[1:])


def test_top_k_on_both_sides(tmp_path):
    env = ai_env(tmp_path)
    assert len(run(env, RERANKER, {"query": "cat", "contexts": CONTEXTS, "top_k": 1}).response) == 1
    assert len(run(env, RERANKER, {"query": "cat", "contexts": CONTEXTS, "top_k": 10}).response) == 3
    with pytest.raises(AiError) as info:
        run(env, RERANKER, {"query": "cat", "contexts": CONTEXTS, "top_k": 0})
    assert str(info.value) == "AiError: 5006: Error: '/top_k' must be >= 1"


def test_inputs_are_checked_by_its_schema(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as info:
        run(env, RERANKER, {"contexts": CONTEXTS})
    assert str(info.value) == "AiError: 5006: Error: required properties at '/' are 'query,contexts'"
    with pytest.raises(AiError, match="Length of '/contexts/1/text' must be >= 1 not met"):
        run(env, RERANKER, {"query": "q", "contexts": [{"text": "a"}, {"text": ""}]})
    # a context without text is allowed by the schema: it scores as an empty text
    assert len(run(env, RERANKER, {"query": "q", "contexts": [{}, {"text": "q"}]}).response) == 2


def test_listed_by_models(tmp_path):
    import asyncio

    env = ai_env(tmp_path)
    (entry,) = asyncio.run(env.AI.models({"task": "Text Classification"}))
    assert entry.name == RERANKER and entry.id == "145337e7-cec3-4ebb-8e78-16ddfc75e580"
