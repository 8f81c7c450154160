"""A subclass of an SDK class made by ``type(name, bases, namespace)`` -- ``type("Row",
(JsDict,), {})``, of an SDK wrapper class too -- shows the module that called ``type()``, as
``type()`` gives any plain class (production's ``workers.rpc.JsDict`` and the SDK's wrappers are
plain classes): its ``__module__``, its ``repr`` and its instances' ``__module__``, and it pickles
by that module and name. workers-env's metaclass took the module of its own ``__new__``
(``<class 'workers_env._sdkclasses.Row'>``) and kept ``""`` as the name pickle finds it by
(``ValueError: Empty module name``); a class statement's subclass was right already."""

from __future__ import annotations

import importlib
import pickle

from workers_env._jsvalues import JsDict

importlib.import_module("workers_env.runtime.sdknames")  # names the SDK classes, as in every run

Row = type("Row", (JsDict,), {})
Fetcher = type("Fetcher", (importlib.import_module("workers_env.runtime.sdkwrappers")._FetcherWrapper,), {})


def test_its_module_and_repr_are_its_callers() -> None:
    for cls in (Row, Fetcher):
        assert cls.__module__ == __name__
        assert repr(cls) == f"<class '{__name__}.{cls.__name__}'>"
    assert Row({"a": 1}).__module__ == __name__


def test_it_pickles_by_that_module_and_name() -> None:
    row = pickle.loads(pickle.dumps(Row({"a": 1})))
    assert type(row) is Row and row == {"a": 1} and row.a == 1
    assert pickle.loads(pickle.dumps(Fetcher)) is Fetcher


def test_made_inside_a_function_it_shows_that_functions_module() -> None:
    made = type("Made", (JsDict,), {"kind": "x"})
    assert made.__module__ == __name__ and made({"a": 2}).kind == "x"
