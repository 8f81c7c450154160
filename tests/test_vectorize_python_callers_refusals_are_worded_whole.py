"""What only a Python caller can hand the Vectorize binding is refused in words pinned whole. A
Worker's ``await env.IDX.upsert(...)`` goes through the conversion to JS first (a 2-D ndarray
becomes a list of rows, an ``array('u')`` no conversion takes, a dict key becomes a string), but
the pytest plugin's seeding (``seed_vectors``, ``vectorize_seed``: ``seed_binding``) and the
binding object itself (``env.unwrapped(NAME)``'s synchronous twins, which the plugin and the CLI
call) take Python values as they are: a values array of two dimensions or of characters, vectors
that are no list or no objects, a filter key that is no string.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from binding_helpers import WRANGLER_TOML

from workers_env import ConfigError, load_env
from workers_env.pytest_plugin import seed_binding
from workers_env.vectorize.limits import VectorizeError

UPSERT = "Error: VECTOR_UPSERT_ERROR (code = 40023): failed to parse upsert vectors request in json format"


@pytest.fixture
def binding(tmp_path: Path) -> Iterator[Any]:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    with load_env(tmp_path, indexes={"idx": {"dimensions": 2, "metric": "cosine"}}) as env:
        yield env.unwrapped("IDX")


@pytest.mark.parametrize(("values", "text"), [
    (np.zeros((1, 2)), 'vector id="a": values must be a 1-D array of numbers'),
    (np.array(["a", "b"]), 'vector id="a": values must be a 1-D array of numbers'),
    # (a character array: "u" is deprecated from 3.13, where "w" is one of its own)
    (array("w" if sys.version_info >= (3, 13) else "u", "ab"), 'vector id="a": values must be numbers'),
], ids=["2-D", "strings", "array of characters"])
def test_seeded_values_no_conversion_took_are_refused(binding: Any, values: Any, text: str) -> None:
    # the binding's words, as the ConfigError seeding raises for any mistake (review53)
    with pytest.raises(ConfigError) as info:
        seed_binding(binding, [{"id": "a", "values": values}])
    assert str(info.value) == f"{UPSERT} ({text})"


@pytest.mark.parametrize(("vectors", "text"), [
    ({"id": "a", "values": [1, 2]}, "expected a list of vectors, got dict"),
    (["x"], "vector 0 is 'x', expected an object"),
], ids=["no list", "no object"])
def test_vectors_that_are_no_list_of_objects_are_refused(binding: Any, vectors: Any, text: str) -> None:
    with pytest.raises(VectorizeError) as info:
        binding.upsert_sync(vectors)
    assert str(info.value) == f"{UPSERT} ({text})"


def test_a_filter_key_that_is_no_string_is_refused(binding: Any) -> None:
    with pytest.raises(VectorizeError) as info:
        binding.query_sync([1.0, 2.0], {"filter": {1: "v"}})
    assert str(info.value) == ("Error: VECTOR_QUERY_ERROR (code = 40026): invalid filter: the filter cannot be sent "
                               "as JSON: key 1 of the filter is not a string")
