"""``workers_env.vectorize`` imports its public names lazily (its ``__getattr__``); a name it does
not have is Python's own ``AttributeError`` for a module, word for word, as without the laziness."""

from __future__ import annotations

import pytest

import workers_env.vectorize as vectorize


def test_an_unknown_name_is_pythons_attribute_error() -> None:
    with pytest.raises(AttributeError) as info:
        vectorize.VectorizeBindings  # noqa: B018 - the attribute read is the test
    assert str(info.value) == "module 'workers_env.vectorize' has no attribute 'VectorizeBindings'"
    assert vectorize.VectorizeBinding.__name__ == "VectorizeBinding"
