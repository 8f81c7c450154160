"""``$in``/``$nin`` lists have no length limit of their own (Cloudflare documents none): only the
filter's compact JSON, under 2048 bytes, bounds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from binding_helpers import make_binding_in as binding

from workers_env import VectorizeBinding, VectorizeError


@pytest.fixture
def v2(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path, version="v2", metadata_indexes={"c": "string", "n": "number"})
    b.upsert_sync([{"id": "x", "values": [1, 0, 0], "metadata": {"c": "aaaaaaaaaa", "n": 1}}])
    return b


def size(flt: dict) -> int:
    return len(json.dumps(flt, separators=(",", ":")).encode())


@pytest.mark.parametrize("op", ["$in", "$nin"])
def test_a_thousand_numbers_fit(v2: VectorizeBinding, op: str) -> None:
    flt = {"n": {op: [1] * 1000}}
    assert size(flt) < 2048
    assert v2.query_sync([1, 0, 0], {"filter": flt})["count"] == (1 if op == "$in" else 0)


@pytest.mark.parametrize("op", ["$in", "$nin"])
def test_156_ten_letter_strings_fit_and_157_do_not(v2: VectorizeBinding, op: str) -> None:
    fits = {"c": {op: ["a" * 10] * 156}}
    too_big = {"c": {op: ["a" * 10] * 157}}
    extra = len(op) - 3  # "$nin" is a byte longer than "$in"
    assert size(fits) == 2043 + extra and size(too_big) == 2056 + extra
    assert v2.query_sync([1, 0, 0], {"filter": fits})["count"] == (1 if op == "$in" else 0)
    with pytest.raises(VectorizeError) as info:
        v2.query_sync([1, 0, 0], {"filter": too_big})
    assert info.value.code == 40026
    assert f"the filter's compact JSON must be under 2048 bytes, got {2056 + extra} bytes" in str(info.value)
