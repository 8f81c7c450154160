"""The errors Worker code sees from a binding (``VectorizeError``, ``AiError``, any
``JsException``) survive pickling as they are -- text, name, code and the notes workers-env
adds -- as Python's own exceptions do: before, ``AiError``'s text came back as
``AiError: AiError: ...`` and ``VectorizeError`` did not unpickle at all."""

from __future__ import annotations

import pickle

import pytest

from workers_env import AiError, VectorizeError
from workers_env._errors import JsException
from workers_env.ai.binding import _no_such_model
from workers_env.vectorize.limits import (
    query_by_id_unsupported,
    return_metadata_not_boolean,
)


@pytest.mark.parametrize("error", [
    _no_such_model("bge-base-en-v1.5"),
    query_by_id_unsupported(),
    return_metadata_not_boolean("all"),
    VectorizeError("VECTOR_QUERY", "index not found", code=3000),
    JsException("boom", name="TypeError"),
], ids=lambda e: type(e).__name__)
def test_a_binding_error_pickles_as_it_is(error):
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error) and list(map(str, again.args)) == list(map(str, error.args))  # (args: a proxy of the error)
    assert again.name == error.name and again.message == error.message
    assert getattr(again, "__notes__", None) == getattr(error, "__notes__", None)
    if isinstance(error, (AiError, VectorizeError)):
        assert again.code == error.code
