"""A missing field of a result (``getattr(result, "js_object", None)``, ``hasattr``: probes made
per call) raises Python's ``AttributeError`` without a reference cycle (the error held in a
local of the frame its traceback holds), so it is freed at once rather than left to the
cyclic GC -- with or without the index-version note.

The check looks at what the collector finds (``DEBUG_SAVEALL``) for the error and the raising
frame, not at its count: another test's leftover thread may leave cycles of its own meanwhile."""

from __future__ import annotations

import gc
import types

import pytest

from workers_env._jsvalues import JsDict


def _cycles_of_misses(results: list[JsDict], name: str) -> list[object]:
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for result in results * 5:
            assert getattr(result, name, None) is None
        gc.collect()
        return [o for o in gc.garbage if isinstance(o, (AttributeError, KeyError)) or (
            isinstance(o, types.FrameType)
            and o.f_code.co_filename.endswith(("_jsvalues.py", "_vectorizeversions.py")))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


@pytest.mark.parametrize("name", ["js_object", "vectorCount"])
def test_a_missing_field_is_freed_without_the_cyclic_gc(name):
    results = [JsDict(count=1, matches=[]), JsDict(id="x", name="docs", config={}, vectorsCount=0)]
    assert _cycles_of_misses(results, name) == []
