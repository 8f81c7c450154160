"""A missing field of a result (``getattr(result, "js_object", None)``, ``hasattr``: probes made
per call) raises Python's ``AttributeError`` without a reference cycle (the error held in a
local of the frame its traceback holds), so it is freed at once rather than left to the
cyclic GC -- with or without the index-version note."""

from __future__ import annotations

import gc

import pytest

from workers_env._jsvalues import JsDict


@pytest.mark.parametrize("name", ["js_object", "vectorCount"])
def test_a_missing_field_is_freed_without_the_cyclic_gc(name):
    results = [JsDict(count=1, matches=[]), JsDict(id="x", name="docs", config={}, vectorsCount=0)]
    gc.collect()
    gc.disable()
    try:
        for result in results * 5:
            assert getattr(result, name, None) is None
        assert gc.collect() == 0
    finally:
        gc.enable()
