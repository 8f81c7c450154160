"""Vectors cross the JS boundary on a fast path (``number_list``); it must give exactly what
the element-wise conversion gives, types included."""

from __future__ import annotations

import math

import pytest

from workers_env._jsvalues import js_number, number_list, to_py
from workers_env.runtime.jsproxy import JsArray


def slow(values):
    return [js_number(v) if isinstance(v, float) else v for v in values]


CASES = [
    [0.25, -0.5, 1e-9],
    [0.25, 2.0, -0.5],  # a whole float becomes int
    [1, 2, 3],
    [1, 2.5],
    [True, 0.5],
    [float("nan"), 0.5],
    [2.0**60, 0.5],  # beyond 2**53 stays float
    [0.1] * 768,
]


@pytest.mark.parametrize("values", CASES)
def test_fast_path_equals_the_element_wise_conversion(values):
    for got in (to_py(list(values)), JsArray(list(values)).to_py()):
        want = slow(values)
        assert len(got) == len(want)
        for g, w in zip(got, want):
            assert type(g) is type(w)
            assert (math.isnan(g) and math.isnan(w)) or g == w


def test_only_plain_number_lists_take_it():
    assert number_list([0.5, 0.25]) == [0.5, 0.25]
    assert number_list([0.5, 1.0]) is None and number_list([True]) is None and number_list([0.5, "x"]) is None
    source = [0.5]
    assert number_list(source) is not source  # a new list, as a conversion makes
