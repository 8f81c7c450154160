"""A plugged embedder that raises, is async, or returns something other than one row of real
numbers per text is reported as a ``ConfigError`` naming the model, where it was plugged in and
what was wrong -- never a bare exception from inside workers-env, and never silently accepted
(strings, booleans or complex numbers that numpy would have cast)."""

from __future__ import annotations

import decimal
import gc
import warnings

import numpy as np
import pytest
from ai_helpers import ai_env, run

from workers_env import ConfigError

BGE = "@cf/baai/bge-small-en-v1.5"
WHERE = f'The embedder plugged in for {BGE} (the embedders= argument, "{BGE}")'


def refusal(tmp_path, function) -> str:
    env = ai_env(tmp_path, embedders={BGE: function})
    with pytest.raises(ConfigError) as info:
        run(env, BGE, {"text": ["a", "b"]})
    assert str(info.value).startswith(WHERE)
    return str(info.value)[len(WHERE) + 1:]


def test_an_embedder_that_raises_is_named_with_its_exception(tmp_path):
    def broken(texts):
        raise RuntimeError("model weights not found")

    assert refusal(tmp_path, broken) == (
        "raised RuntimeError: model weights not found (it is called as function(texts), texts a list of 2 strings)")
    assert refusal(tmp_path, lambda: None).startswith("raised TypeError: ")  # wrong signature
    with pytest.raises(ConfigError) as info:
        run(ai_env(tmp_path, embedders={BGE: broken}), BGE, {"text": "x"})
    assert isinstance(info.value.__cause__, RuntimeError)  # the user's own traceback is kept


def test_values_that_are_not_real_numbers_are_refused(tmp_path):
    shape = (2, 384)
    assert refusal(tmp_path, lambda t: [["0.5"] * 384] * 2) == "did not return an array of numbers: it holds strings (dtype <U3)"
    assert refusal(tmp_path, lambda t: np.ones(shape, dtype=bool)) == (
        "did not return an array of numbers: it holds booleans (dtype bool)")
    assert refusal(tmp_path, lambda t: np.ones(shape, dtype=complex)) == (
        "did not return an array of numbers: it holds complex numbers (dtype complex128)")
    assert refusal(tmp_path, lambda t: [[decimal.Decimal(1)] * 384] * 2) == (
        "did not return an array of numbers: found Decimal Decimal('1')")
    assert refusal(tmp_path, lambda t: None) == "did not return an array of numbers: found NoneType None"
    assert refusal(tmp_path, lambda t: [[0.5] * 384, [0.5] * 383]).startswith(
        "did not return an array of numbers: ValueError: setting an array element with a sequence")


def test_an_array_that_cannot_be_read_is_refused(tmp_path):
    class Tensor:
        def __array__(self, dtype=None, copy=None):
            raise RuntimeError("Can't call numpy() on Tensor that requires grad")

    assert refusal(tmp_path, lambda t: Tensor()) == (
        "did not return an array of numbers: RuntimeError: Can't call numpy() on Tensor that requires grad")


def test_values_that_are_not_finite_are_refused(tmp_path):
    assert refusal(tmp_path, lambda t: np.full((len(t), 384), np.nan)) == "returned NaN or infinite values"
    assert refusal(tmp_path, lambda t: np.full((len(t), 384), -np.inf)) == "returned NaN or infinite values"


def test_values_past_float32_are_refused_before_they_reach_the_result(tmp_path):
    assert refusal(tmp_path, lambda t: np.full((len(t), 384), 1e300)).startswith(
        "returned values beyond float32's range")
    # within range and float16: accepted
    env = ai_env(tmp_path, embedders={BGE: lambda t: np.full((len(t), 384), 0.5, dtype=np.float16)})
    assert run(env, BGE, {"text": "x"})["data"][0][:2] == [0.5, 0.5]


def test_an_async_embedder_is_refused_at_load_and_an_awaitable_at_the_call(tmp_path):
    async def embed(texts):
        return np.zeros((len(texts), 384))

    with pytest.raises(ConfigError, match=r"'embed' is an async function; give a synchronous function"):
        ai_env(tmp_path, embedders={BGE: embed})

    class Later:  # a callable object whose __call__ is async: only the call tells
        async def __call__(self, texts):
            return np.zeros((len(texts), 384))

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert refusal(tmp_path, Later()).startswith("returned an awaitable: give a synchronous function")
        gc.collect()
    assert not [w for w in seen if "never awaited" in str(w.message)]  # closed, not left to warn
