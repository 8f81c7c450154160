"""Every text embedding model of the catalog: dimensions, result shape, pooling, input forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
from ai_helpers import ai_env, run

from workers_env import JsDict
from workers_env.ai.catalog import EMBEDDING_MODELS

#: the catalog's dimensions, from Cloudflare's model pages and the model cards
DIMENSIONS = {
    "@cf/baai/bge-small-en-v1.5": 384,
    "@cf/baai/bge-base-en-v1.5": 768,
    "@cf/baai/bge-large-en-v1.5": 1024,
    "@cf/baai/omni-bge-base-en-v1.5": 768,
    "@cf/baai/bge-m3": 1024,
    "@cf/google/embeddinggemma-300m": 768,
    "@cf/qwen/qwen3-embedding-0.6b": 1024,
    "@cf/pfnet/plamo-embedding-1b": 2048,
}
#: the pooling each model's result reports (absent: no "pooling" key)
POOLING = {
    "@cf/baai/bge-small-en-v1.5": "mean",
    "@cf/baai/bge-base-en-v1.5": "mean",
    "@cf/baai/bge-large-en-v1.5": "mean",
    "@cf/baai/omni-bge-base-en-v1.5": "mean",
    "@cf/baai/bge-m3": "cls",
}


@pytest.fixture
def env(tmp_path):
    return ai_env(tmp_path)


def test_the_catalog_is_every_embedding_model():
    assert set(EMBEDDING_MODELS) == set(DIMENSIONS)
    assert {name: m.dimensions for name, m in EMBEDDING_MODELS.items()} == DIMENSIONS


@pytest.mark.parametrize("model", sorted(DIMENSIONS))
def test_shape_data_and_pooling_of_every_model(env, model):
    res = run(env, model, {"text": ["The cat sat on the mat", "Stocks fell", "Rain tonight"]})
    assert isinstance(res, JsDict)
    d = DIMENSIONS[model]
    assert res.shape == [3, d]
    assert len(res.data) == 3 and all(len(row) == d for row in res.data)
    assert all(type(v) in (int, float) for row in res.data for v in row)  # JS numbers, as Pyodide gives them
    assert all(math.isclose(math.sqrt(sum(v * v for v in row)), 1.0, abs_tol=1e-3) for row in res.data)
    expected_keys = ["shape", "data"] + (["pooling"] if model in POOLING else [])
    assert list(res) == expected_keys
    if model in POOLING:
        assert res.pooling == POOLING[model]
    one = run(env, model, {"text": "The cat sat on the mat"})  # a single string: one row
    assert one.shape == [1, d] and one.data[0] == res.data[0]


def test_vectors_are_dense_floats_like_a_real_model(env):
    res = run(env, "@cf/baai/bge-small-en-v1.5", {"text": "cat"})
    assert all(type(v) is float and v != 0 for v in res.data[0])


def test_cls_pooling_gives_other_vectors_and_says_so(env):
    mean = run(env, "@cf/baai/bge-base-en-v1.5", {"text": ["a cat on a mat"]})
    cls = run(env, "@cf/baai/bge-base-en-v1.5", {"text": ["a cat on a mat"], "pooling": "cls"})
    assert cls.pooling == "cls" and mean.pooling == "mean"
    assert cls.data[0] != mean.data[0]  # not compatible with mean-pooled vectors, as documented
    same = run(env, "@cf/baai/bge-base-en-v1.5", {"text": ["a cat on a mat"], "pooling": "mean"})
    assert same.data == mean.data


def test_models_of_the_same_size_give_unrelated_vectors(env):
    base = np.array(run(env, "@cf/baai/bge-base-en-v1.5", {"text": "a cat on a mat"}).data[0])
    gemma = np.array(run(env, "@cf/google/embeddinggemma-300m", {"text": "a cat on a mat"}).data[0])
    assert abs(float(base @ gemma)) < 0.3


def test_an_empty_list_gives_no_rows(env):
    assert run(env, "@cf/baai/bge-base-en-v1.5", {"text": []}) == {"shape": [0, 768], "data": [], "pooling": "mean"}


def test_bge_m3_contexts_and_query(env):
    contexts = [{"text": "The cat sat on the mat"}, {"text": "Stock markets fell"}, {"text": "A cat and a dog"}]
    res = run(env, "@cf/baai/bge-m3", {"contexts": contexts})
    assert list(res) == ["response", "shape", "pooling"]
    assert res.shape == [3, 1024] and len(res.response) == 3 and len(res.response[0]) == 1024
    plain = run(env, "@cf/baai/bge-m3", {"text": [c["text"] for c in contexts]})
    assert res.response == plain.data  # the same vectors, in the contexts form's key
    scored = run(env, "@cf/baai/bge-m3", {"query": "where is the cat", "contexts": contexts})
    assert list(scored) == ["response"]
    assert scored.response[0].id in (0, 2) and scored.response[-1].id == 1
    scores = [r.score for r in scored.response]
    assert scores == sorted(scores, reverse=True)


def test_qwen3_queries_documents_and_text(env):
    model = "@cf/qwen/qwen3-embedding-0.6b"
    both = run(env, model, {"queries": ["where is the cat"], "documents": ["the cat sat", "stocks fell"]})
    assert both.shape == [3, 1024]
    alias = run(env, model, {"text": ["the cat sat", "stocks fell"]})
    assert both.data[1:] == alias.data  # text is an alias of documents; queries come first
    instructed = run(env, model, {"queries": "where is the cat", "instruction": "Find notes"})
    assert instructed.shape == [1, 1024]


def test_the_default_embedder_is_not_the_binding_of_another_env(tmp_path):
    first = run(ai_env(tmp_path), "@cf/baai/bge-small-en-v1.5", {"text": ["hello world"]})
    second = run(ai_env(tmp_path), "@cf/baai/bge-small-en-v1.5", {"text": ["hello world"]})
    assert first == second


def test_omni_bge_base_takes_bge_base_s_inputs_and_gives_its_shape(env):
    """cloudflare-docs' omni-bge-base-en-v1.5.json: bge-base's schema and 768 dimensions under
    another name (README, Embedding models); its vectors are its own, as every model's are."""
    omni = "@cf/baai/omni-bge-base-en-v1.5"
    res = run(env, omni, {"text": ["a cat on a mat"], "pooling": "cls"})
    assert res.shape == [1, 768] and res.pooling == "cls"
    with pytest.raises(Exception, match="more than maxItems 100"):
        run(env, omni, {"text": ["x"] * 101})
    base = run(env, "@cf/baai/bge-base-en-v1.5", {"text": ["a cat on a mat"], "pooling": "cls"})
    assert res.data != base.data
