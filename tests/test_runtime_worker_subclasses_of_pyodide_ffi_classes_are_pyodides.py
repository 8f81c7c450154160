"""Worker code's own subclasses of the ``pyodide.ffi`` classes behave as Pyodide's (real 0.26.0a4,
0.28.2 and 314.0.6; tools/pyodide group ``ffi-subclasses``, 144 cases): ``class MyProxy(JsProxy)``
keeps its name and module (``<class 'entry.MyProxy'>``; here it showed ``pyodide.ffi.JsProxy``),
none can be instantiated (``TypeError: MyProxy cannot be instantiated.``; here it could), and
``isinstance``/``issubclass`` answer by Pyodide's hierarchy (``JsArray`` a ``JsIterable`` and a
``JsProxy``; here no ``pyodide.ffi`` class was a ``JsProxy``) or by flags: every JS value a binding
returns is a ``MyProxy`` (here none was), its arrays ``MyArray``s, and ``issubclass`` of a
``JsMap`` against a class it does not derive from is Pyodide's ``KeyError``. A test's own
subclass of workers-env's ``JsProxy``, outside Worker code, is made as before. Unlike Pyodide's,
``JsArray`` and ``JsMap`` are no ``collections.abc`` classes, so that no JS value is a ``Sequence``
or ``Mapping`` (README, "Where we had to choose")."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

from workers_env.runtime.jsbase import JsProxy

ENTRY = '''
from collections.abc import Mapping, Sequence

import js
from pyodide.ffi import JsArray, JsIterable, JsMap, JsProxy
from workers import Response, WorkerEntrypoint


class MyProxy(JsProxy):
    pass


class MyArray(JsArray):
    def first(self):
        return self[0]


class Flagged(JsProxy):
    _js_type_flags = ["IS_ARRAY"]


def attempt(make):
    try:
        return make()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("k", "v")
        listed = await self.env.KV.list()
        rows = (await self.env.DB.prepare("select 1 as a").all()).results
        return Response.json({
            "shown": [repr(MyProxy), MyProxy.__module__, MyProxy.__name__, str(MyArray)],
            "made": [attempt(MyProxy), attempt(lambda: MyProxy(1)), attempt(MyArray), attempt(JsArray)],
            "mro": [c.__name__ for c in MyArray.__mro__],
            "abc": [isinstance(rows, Sequence), issubclass(MyArray, Sequence), isinstance(listed, Mapping)],
            "sub": [issubclass(MyArray, JsProxy), issubclass(JsArray, JsProxy), issubclass(JsMap, JsIterable),
                    issubclass(MyArray, MyProxy), issubclass(MyProxy, MyArray), issubclass(type(rows), MyArray),
                    issubclass(type(rows), JsMap), issubclass(int, MyProxy), attempt(lambda: issubclass(JsMap, MyArray))],
            "values": [isinstance(listed, MyProxy), isinstance(rows, MyArray), isinstance(listed, MyArray),
                       isinstance(rows, MyProxy), isinstance(js.JSON.parse("{}"), Flagged), isinstance(rows, Flagged),
                       isinstance([1], MyProxy), isinstance(None, MyProxy), MyArray.first(rows).a],
        })
'''

EXTRA = ('[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n'
         '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n')


def test_worker_subclasses_show_refuse_and_match_as_pyodides(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY, date="2025-10-01", extra=EXTRA), "/")
    assert answer == {
        "shown": ["<class 'entry.MyProxy'>", "entry", "MyProxy", "<class 'entry.MyArray'>"],
        "made": ["TypeError: MyProxy cannot be instantiated.", "TypeError: MyProxy cannot be instantiated.",
                 "TypeError: MyArray cannot be instantiated.", "TypeError: JsArray cannot be instantiated."],
        "mro": ["MyArray", "JsArray", "JsIterable", "JsProxy", "Generic", "object"],
        "sub": [True, True, True, True, False, True, False, False, "KeyError: 'HAS_GET | HAS_LENGTH | IS_ITERABLE'"],
        "values": [True, True, False, True, False, True, False, False, 1],
        "abc": [False, False, False],  # no JS value a collections.abc one (README: where we had to choose)
    }


ARRAY_LIKE = '''
import js
from pyodide.ffi import JsArray
from workers import Response, WorkerEntrypoint


class MyArray(JsArray):
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([isinstance(js.String.new("ab"), MyArray), isinstance(js.JSON.parse("[1]"), MyArray)])
'''


def test_a_subclass_of_js_array_takes_its_release_s_flags(tmp_path):
    """From Pyodide 0.29 (314.0.x) JsArray matches array-likes (a String object) too, and so does
    a Worker's subclass of it: real 0.28.2 [False, True], 314.0.6 [True, True]."""
    before = json_answer(one_file_worker(tmp_path / "a", ARRAY_LIKE, date="2025-10-01"), "/")
    after = json_answer(one_file_worker(tmp_path / "b", ARRAY_LIKE, date="2026-09-08"), "/")
    assert (before, after) == ([False, True], [True, True])


def test_a_tests_own_subclass_outside_worker_code_is_made_as_before():
    class Fake(JsProxy):
        pass

    made = Fake()
    assert (type(made).__name__, isinstance(made, JsProxy), repr(Fake)) == ("JsProxy", True, "<class 'pyodide.ffi.JsProxy'>")
