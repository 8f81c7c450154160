"""The type a converted result shows as ``workers.rpc.JsDict`` (``SdkDictType``, hunt54) leaves
the rest of Python as it was (review84): its own metaclass's ``__module__`` is a ``str`` again --
defined as a property it stood in that place, so ``help()``/``pydoc`` of the result's type raised
``TypeError: unsupported operand type(s) for +: 'property' and 'str'`` -- and a class Worker code
derives from ``workers.rpc.JsDict`` keeps its own module, as in production (it showed
``<class 'workers.rpc.Mine'>``)."""

from __future__ import annotations

import importlib
import pydoc
from pathlib import Path

from worker_helpers import json_answer, one_file_worker

from workers_env._jsvalues import JsDict

importlib.import_module("workers_env.runtime.sdknames")  # names JsDict by the SDK, as in every run

WORKER = """
import pydoc

from workers import Response, WorkerEntrypoint
from workers.rpc import JsDict


class Mine(JsDict):
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.DB.prepare("SELECT 1 AS value").all()
        return Response.json({"result": str(type(res)), "mine": str(Mine), "module": Mine.__module__,
                              "doc": pydoc.render_doc(type(res)).splitlines()[0]})
"""

BINDINGS = """
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000001"
"""


def test_pydoc_renders_the_class_and_its_metaclass_module_is_a_str() -> None:
    assert isinstance(type(JsDict).__module__, str)
    assert pydoc.render_doc(JsDict).startswith("Python Library Documentation: class JsDict")
    assert repr(JsDict) == "<class 'workers.rpc.JsDict'>"


def test_a_subclass_of_ones_own_keeps_its_module() -> None:
    class Mine(JsDict):
        pass
    assert Mine.__module__ == __name__
    assert repr(Mine) == f"<class '{__name__}.{Mine.__qualname__}'>"


def test_in_worker_code(tmp_path: Path) -> None:
    folder = one_file_worker(tmp_path, WORKER, date="2026-05-01", extra=BINDINGS)
    got = json_answer(folder, "/")
    assert got["result"] == "<class 'workers.rpc.JsDict'>"
    assert got["mine"] == f"<class '{got['module']}.Mine'>" and got["module"] != "workers.rpc"
    assert got["doc"].startswith("Python Library Documentation: class JsDict")
