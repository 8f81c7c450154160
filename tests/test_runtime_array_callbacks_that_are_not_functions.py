"""An Array method given a callback that is not a function -- or none -- is V8's ``TypeError``
with the value described as workerd's V8 describes it (``undefined``, ``object null``,
``object``, ``number 5``), and ``sort`` has its own text; measured with
``tools/wrangler/jsapi_differential.py`` under ``wrangler dev`` 4.164.0. Before, a missing
callback was Python's missing-argument error and ``null`` read ``null is not a function``."""

from __future__ import annotations

import re

import pytest

from workers_env import JsException, js, to_js
from workers_env.runtime.jsproxy import jsnull


def arr():
    return js.JSON.parse("[3,1,2]")


@pytest.mark.parametrize("method", ["forEach", "map", "filter", "find", "findIndex", "some", "every", "reduce"])
@pytest.mark.parametrize(("callback", "described"), [
    ((), "undefined"), ((None,), "undefined"), ((jsnull,), "object null"), ((to_js({}),), "object"),
    ((5,), "number 5"), (("f",), 'string "f"'), ((True,), "boolean true"),
])
def test_a_callback_that_is_not_a_function_is_v8s_type_error(method, callback, described):
    with pytest.raises(JsException, match=f"^TypeError: {re.escape(described)} is not a function$"):
        getattr(arr(), method)(*callback)


@pytest.mark.parametrize(("compare", "shown"), [(5, "5"), (jsnull, "null"), ("x", "x")])
def test_sort_refuses_a_comparison_that_is_not_a_function_in_its_own_words(compare, shown):
    a = arr()
    with pytest.raises(JsException, match="^TypeError: The comparison function must be either a function or "
                                          f"undefined: {shown}$"):
        a.sort(compare)
    assert a.to_py() == [3, 1, 2]  # not sorted


def test_no_comparison_sorts_as_strings():
    assert arr().sort().to_py() == [1, 2, 3] and arr().sort(None).to_py() == [1, 2, 3]
