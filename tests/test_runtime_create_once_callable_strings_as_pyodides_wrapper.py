"""``create_once_callable(f)`` is Pyodide's JS ``wrapper`` function: ``String()`` of it is the
wrapper's source as each era's Pyodide writes it (``callPyObjectMaybePromising`` on 0.28 -- and
0.26.2 --, ``callPyObjectMaybeSuspending`` on 0.26 as 0.26.0a4), its ``name`` ``wrapper`` and
``length`` 0 (real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node); it is called once."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

WRAPPER = ("function wrapper(...args){if(alreadyCalled){throw new Error(\"OnceProxy can only be called once\")}"
           "try{if(may_syncify){return Module.callPyObjectMaybe%s(obj,args)}else{return "
           "Module.callPyObject(obj,args)}}finally{wrapper.destroy()}}")
SNIPPETS = [
    "from pyodide.ffi import create_once_callable\njs.String(create_once_callable(lambda: 1))",
    "from pyodide.ffi import create_once_callable\nc = create_once_callable(lambda: 1)\n(c.typeof, c.name, c.length, c())",
]


@pytest.mark.parametrize(("date", "call"), [("2025-09-01", "Suspending"), ("2025-10-01", "Promising")])
def test_create_once_callable_is_pyodides_wrapper_function(tmp_path, date, call):
    assert snippet_answers(tmp_path, SNIPPETS, date) == [
        repr(WRAPPER % call) + " (str)", "('function', 'wrapper', 0, 1) (tuple)"]
