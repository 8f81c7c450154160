"""``env.AI.run()`` checks what the service receives, not the Python values: ai-api.ts writes the
body with ``JSON.stringify({inputs, options})`` (NaN and Infinity become null, a BigInt throws,
bytes and sets become objects, keys strings), reads the model from the ``cf-consn-model-id``
header (``${model}``, trimmed) and builds the headers with the options' ``extraHeaders``."""

from __future__ import annotations

import math

import numpy as np
import pytest
from ai_helpers import ai_env, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workers_env import AiError, JsException, WorkersEnvError

BGE = "@cf/baai/bge-base-en-v1.5"
LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"


def error(env, model, inputs, options=None) -> WorkersEnvError:
    with pytest.raises(WorkersEnvError) as info:
        run(env, model, inputs, options)
    return info.value


def test_nan_and_infinity_reach_the_service_as_null(tmp_path):
    env = ai_env(tmp_path)
    assert str(error(env, LLAMA, {"prompt": "x", "temperature": math.nan})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/temperature', 'number' not in 'null'"
    )
    assert str(error(env, LLAMA, {"prompt": "x", "max_tokens": math.inf})).endswith(
        "Type mismatch of '/max_tokens', 'integer' not in 'null'")
    assert str(error(env, BGE, {"text": ["a", -math.inf]})) == (
        "AiError: 5006: Error: Type mismatch of '/text/1', 'string' not in 'null'")
    assert str(error(env, "@cf/baai/bge-reranker-base",
                     {"query": "q", "contexts": [{"text": "a"}], "top_k": math.nan})) == (
        "AiError: 5006: Error: Type mismatch of '/top_k', 'integer' not in 'null'")


def test_an_int_past_the_safe_range_is_a_bigint_json_stringify_refuses(tmp_path):
    env = ai_env(tmp_path)
    for inputs, options in (({"prompt": "x", "max_tokens": 2**53}, None),
                            ({"text": ["a", -(10**20)]}, None),
                            ({"text": "a"}, {"gateway": {"id": "g", "cacheTtl": 10**30}})):
        err = error(env, LLAMA if "prompt" in inputs else BGE, inputs, options)
        assert type(err) is JsException and str(err) == "TypeError: Do not know how to serialize a BigInt"
    assert env.AI.lastRequestHttpStatusCode is None  # nothing was sent
    # extraHeaders stay out of the body: a header value is its String()
    assert run(env, BGE, {"text": "a"}, {"extraHeaders": {"x-n": 10**30}})["shape"] == [1, 768]
    assert run(env, LLAMA, {"prompt": "x", "max_tokens": 2**53 - 2})["response"]  # Pyodide: a Number below 2**53 - 1


def test_bytes_sets_and_arrays_reach_the_schema_as_objects(tmp_path):
    env = ai_env(tmp_path)
    assert str(error(env, BGE, {"text": {"a"}})) == (  # a Set is written as {}
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/text', 'string' not in 'object', "
        "required properties at '/' are 'text', required properties at '/' are 'requests'"
    )
    assert "Type mismatch of '/text', 'string' not in 'object'" in str(error(env, BGE, {"text": b"ab"}))
    assert "Type mismatch of '/text', 'string' not in 'object'" in str(
        error(env, BGE, {"text": np.array([1.5, 2.5], dtype=np.float32)}))
    assert str(error(env, BGE, {"text": np.array([1, 2])})) == "TypeError: Do not know how to serialize a BigInt"
    # numpy floats are Python floats to Pyodide: numbers
    assert "'string' not in 'number','integer'" in str(error(env, BGE, {"text": np.float64(1.0)}))


def test_a_python_object_without_a_javascript_form_is_refused_clearly(tmp_path):
    class Opaque:
        def __getattr__(self, name):
            raise RuntimeError("never read")

    env = ai_env(tmp_path)
    err = error(env, BGE, {"text": Opaque()})
    assert isinstance(err, JsException) and not isinstance(err, AiError)
    assert str(err).startswith("TypeError: a Python Opaque has no JavaScript conversion")
    assert "in the inputs of AI.run(); send JSON data" in str(err)


def test_the_service_sees_keys_as_strings(tmp_path):
    seen = []
    env = ai_env(tmp_path, ai_replies=lambda model, inputs: seen.append(inputs) or "ok")
    assert run(env, LLAMA, {"prompt": "hi", 7: "seven", True: "yes"})["response"] == "ok"
    assert seen == [{"prompt": "hi", "7": "seven", "true": "yes"}]


def test_the_model_is_read_from_a_header(tmp_path):
    env = ai_env(tmp_path)
    assert run(env, f" {BGE}\t", {"text": "a"})["shape"] == [1, 768]  # Headers trims a value
    assert run(env, [BGE], {"text": "a"})["shape"] == [1, 768]  # `${["m"]}` is "m"
    assert str(error(env, {"name": BGE}, {"text": "a"})) == "AiError: 5007: No such model [object Object] or task"
    assert str(error(env, 1.0, {"text": "a"})) == "AiError: 5007: No such model 1 or task"
    assert str(error(env, True, {"text": "a"})) == "AiError: 5007: No such model true or task"
    err = error(env, f"{BGE}\nx-evil: 1", {"text": "a"})
    assert type(err) is JsException and str(err) == "TypeError: Invalid header value."


def test_extra_headers_go_through_fetch(tmp_path):
    env = ai_env(tmp_path)
    assert str(error(env, BGE, {"text": "a"}, {"extraHeaders": {"bad name": "x"}})) == "TypeError: Invalid header name."
    assert str(error(env, BGE, {"text": "a"}, {"extraHeaders": {"x-a": "1\r\n2"}})) == "TypeError: Invalid header value."
    assert str(error(env, BGE, {"text": "a"},
                     {"sessionOptions": {"extraHeaders": {"x:y": "1"}}})) == "TypeError: Invalid header name."
    assert error(env, BGE, {"text": "a"}, {"extraHeaders": {"bad name": "x"}}).__notes__ == [
        "AI.run()'s extraHeaders name 'bad name': a header name is letters, digits and !#$%&'*+-.^_`|~"]
    assert run(env, BGE, {"text": "a"}, {"extraHeaders": {"x-a": " padded \n"}})["shape"] == [1, 768]
    assert env.AI.lastRequestHttpStatusCode == 200


def test_deep_nesting_is_the_schemas_error_not_a_recursion_error(tmp_path):
    env = ai_env(tmp_path)
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    err = error(env, BGE, {"text": deep})
    assert isinstance(err, AiError) and "Type mismatch of '/text/0', 'string' not in 'array'" in str(err)
    err = error(env, LLAMA, {"messages": [{"role": "user", "content": deep}]})
    assert isinstance(err, AiError)


_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5), st.binary(max_size=3),
)
_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.text(max_size=4), st.integers(), st.booleans()), inner, max_size=3),
        st.frozensets(st.integers(), max_size=2),
    ),
    max_leaves=12,
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(model=st.sampled_from([BGE, LLAMA, "@cf/baai/bge-m3", "@cf/baai/bge-reranker-base", "@cf/openai/gpt-oss-20b"]),
       inputs=st.one_of(_values, st.fixed_dictionaries({}, optional={
           "text": _values, "prompt": _values, "messages": _values, "contexts": _values, "query": _values,
           "max_tokens": _values, "stream": _values, "input": _values})),
       options=st.one_of(st.none(), _values))
def test_any_json_like_arguments_give_a_result_or_a_workers_env_error(tmp_path, model, inputs, options):
    env = ai_env(tmp_path)
    try:
        run(env, model, inputs, options)
    except WorkersEnvError:
        pass
