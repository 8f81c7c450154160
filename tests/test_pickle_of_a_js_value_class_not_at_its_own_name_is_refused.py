"""``pickle.dumps`` of a class shown under another name than the one that defines it (a JS value's
class shows ``pyodide.ffi.JsProxy``; so does a test's own subclass of workers-env's ``JsProxy``
outside Worker code) writes a call that reads the class back by its own module and name
(``_errors.reduce_class``) -- only once that name holds this very class: a class redefined since
(another object at its name) or local to a function is refused as it dumps, with
``pickle.PicklingError: Can't pickle <class ...>: it's not found as MODULE.NAME``, as pickle
refuses a plain class no longer at its name. audit33's mutants -- accepting a class found there as
another object (its bytes then load as the other class), and letting a failed lookup's
``AttributeError`` out -- survived review86's tests, whose classes all showed their own names."""

from __future__ import annotations

import pickle
import sys
import types

import pytest

from workers_env.runtime.jsbase import JsProxy

MODULE = "audit33_redefined_js_value_classes"


@pytest.fixture
def module():
    made = types.ModuleType(MODULE)
    sys.modules[MODULE] = made
    try:
        yield made
    finally:
        del sys.modules[MODULE]


def test_a_class_redefined_at_its_name_is_refused(module):
    exec("from workers_env.runtime.jsbase import JsProxy\n"
         "class Twin(JsProxy):\n    pass\nfirst = Twin\n"
         "class Twin(JsProxy):\n    pass\n", module.__dict__)
    assert pickle.loads(pickle.dumps(module.Twin)) is module.Twin  # the one at its name round-trips
    with pytest.raises(pickle.PicklingError) as refused:
        pickle.dumps(module.first)
    assert str(refused.value) == f"Can't pickle <class 'pyodide.ffi.JsProxy'>: it's not found as {MODULE}.Twin"


def test_a_local_class_is_refused_as_it_dumps():
    def local() -> type:
        class Made(JsProxy):
            pass
        return Made

    with pytest.raises(pickle.PicklingError) as refused:
        pickle.dumps(local())
    assert str(refused.value) == ("Can't pickle <class 'pyodide.ffi.JsProxy'>: it's not found as "
                                  f"{__name__}.test_a_local_class_is_refused_as_it_dumps.<locals>.local.<locals>.Made")
