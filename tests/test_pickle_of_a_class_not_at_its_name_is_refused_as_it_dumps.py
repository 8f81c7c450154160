"""``pickle.dumps`` of a subclass of a class shown under another name (an SDK class, a JS value's
class, ``JsException``) that is local to a function, or no longer found at its name, is refused
as it dumps, as of any class -- production's SDK classes are plain ones -- with pickle's own error
and text (a plain class's twin of the same name gives the same). It wrote bytes that failed only
as they loaded (``AttributeError: 'function' object has no attribute '<locals>'``), in another
process perhaps. A subclass at its name still round-trips (review86)."""

from __future__ import annotations

import pickle

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import JsException
from workers_env._jsvalues import JsDict

ENTRY = '''
import pickle
from pyodide.ffi import JsProxy
from workers import Response, WorkerEntrypoint


def local(base):
    class Made(base):
        pass
    return Made


def gone(base):
    global Gone
    class Gone(base):
        pass
    made = Gone
    del Gone
    return made


def dumped(cls):
    try:
        return pickle.loads(pickle.dumps(cls)) is cls
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "local": [dumped(local(base)) for base in (object, Response, WorkerEntrypoint)],
            "gone": [dumped(gone(base)) for base in (object, Response)],
            "proxy": dumped(local(JsProxy)).split(":")[0], "kept": dumped(Default),
        })
'''


def test_a_workers_subclass_pickles_as_a_plain_class(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    plain_local, *others = answer["local"]
    assert "Made" in plain_local and "local" in plain_local  # (each Python words it its own way)
    assert others == [plain_local, plain_local]
    assert answer["gone"][1] == answer["gone"][0] and "Gone" in answer["gone"][0]
    # a Worker's subclass of JsProxy is a plain Python class, as in Pyodide (ffi56): refused as one
    assert answer["proxy"] == plain_local.split(":")[0] and answer["kept"] is True


def _refusal(cls: type) -> tuple[type, str]:
    with pytest.raises(Exception) as caught:
        pickle.dumps(cls)
    return type(caught.value), str(caught.value)


def test_a_tests_own_local_subclasses_pickle_as_plain_ones():
    def local(base):
        class Made(base):
            pass
        return Made

    plain = _refusal(local(Exception))
    assert _refusal(local(JsException)) == plain and _refusal(local(JsDict)) == plain
    assert pickle.loads(pickle.dumps(JsDict)) is JsDict and pickle.loads(pickle.dumps(JsException)) is JsException
