"""The wrappers ``self.env`` hands out are named as production names them: ``type(x)``, its
``__module__`` and ``__qualname__``, ``repr(type(x))``, an instance's ``__module__`` and ``repr``.

The built-in SDK defines ``_FetcherWrapper``, ``_DurableObjectNamespaceWrapper``, the Workflow
wrappers and ``_EnvWrapper`` in ``workers._workers`` (workerd's ``workers-api/src/workers/_workers.py``,
built into workerd, so at every date); ``workers-runtime-sdk`` did too, with ``_BindingWrapper``
from 1.3.0, until 1.6.3; from 1.6.4 (workers-py 988167b) they are ``workers.rpc``'s, with
``_RpcStubWrapper`` from 1.6.5. Measured by importing each SDK in real Pyodide 314.0.6, 0.28.2 and
0.26.0a4 (tools/pyodide/sdk_wrapper_names_probe.mjs, wrap54): ``<class 'workers.rpc._BindingWrapper'>``
and so on. The classes still pickle as themselves and are ``workers.rpc``'s, so isinstance holds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from sdk_wrapper_helpers import wrapper_answer

from workers_env._jsvalues import JsDict
from workers_env.runtime import envwrap, sdkwrappers

WORKER = """
import pickle
from workers import Response, WorkerEntrypoint


def shown(x):
    t = type(x)
    return [repr(t), t.__module__, t.__qualname__, x.__module__, repr(x).split(" object at 0x")[0],
            pickle.loads(pickle.dumps(t)) is t]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ns = self.env.NS
        out = {name: shown(getattr(self.env, name)) for name in ("DB", "SVC", "NS", "WF")}
        out["env"] = shown(self.env)
        out["stub"] = shown(ns.get(ns.idFromName("a")))
        out["statement"] = shown(self.env.DB.prepare("SELECT 1"))
        return Response.json(out)
"""


@pytest.mark.parametrize(("date", "vendored", "module", "wrapped"), [
    ("2025-11-02", None, "workers._workers", False),  # the built-in SDK: D1 raw, the rest its wrappers
    ("2026-05-01", "1.2.0", "workers._workers", False),  # before _BindingWrapper (1.3.0)
    ("2026-05-01", "1.6.3", "workers._workers", True),  # the last release of _workers.py
    ("2026-05-01", "1.6.4", "workers.rpc", True),  # workers-py 988167b
    ("2026-05-01", None, "workers.rpc", True),  # the newest
])
def test_each_wrapper_is_named_as_in_production(tmp_path: Path, date: str, vendored: str | None, module: str,
                                                wrapped: bool) -> None:
    got = wrapper_answer(tmp_path, WORKER, date, vendored)
    expected = {"SVC": "_FetcherWrapper", "NS": "_DurableObjectNamespaceWrapper", "WF": "_WorkflowBindingWrapper",
                "env": "_EnvWrapper", "stub": "_FetcherWrapper"}
    if wrapped:
        expected |= {"DB": "_BindingWrapper", "statement": "_BindingWrapper"}
    for key, name in expected.items():
        assert got[key] == [f"<class '{module}.{name}'>", module, name, module, f"<{module}.{name}", True], key
    if not wrapped:  # the SDK hands D1 out raw: Pyodide's JsProxy
        assert got["DB"][:3] == ["<class 'pyodide.ffi.JsProxy'>", "pyodide.ffi", "JsProxy"]


RPC_NAMES = """
from workers import Response, WorkerEntrypoint
from workers import rpc


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        names = ["_BindingWrapper", "_RpcStubWrapper", "_FetcherWrapper", "_DurableObjectNamespaceWrapper",
                 "_WorkflowInstanceWrapper", "_WorkflowBindingWrapper", "_EnvWrapper", "JsDict"]
        out = {name: repr(getattr(rpc, name)) for name in names}
        out["isinstance"] = [isinstance(self.env.DB, rpc._BindingWrapper), isinstance(self.env, rpc._EnvWrapper)]
        out["jsdict"] = rpc.JsDict(a=1).__module__
        return Response.json(out)
"""


def test_workers_rpc_classes_read_as_the_sdks(tmp_path: Path) -> None:
    got = wrapper_answer(tmp_path, RPC_NAMES, "2026-05-01")
    assert got.pop("isinstance") == [True, True]
    assert got.pop("jsdict") == "workers.rpc"
    assert got == {name: f"<class 'workers.rpc.{name}'>" for name in got}


def test_outside_worker_code_classes_pickle_as_themselves_and_subclasses_keep_their_module() -> None:
    classes = [envwrap._BindingWrapper, envwrap._RpcStubWrapper, envwrap._EnvWrapper, *sdkwrappers.RPC_CLASSES.values(),
               sdkwrappers._BuiltinFetcherWrapper, sdkwrappers._DurableObjectNamespaceWrapper,
               sdkwrappers._BuiltinWorkflowInstanceWrapper, sdkwrappers._BuiltinWorkflowBindingWrapper]
    for cls in classes:
        assert pickle.loads(pickle.dumps(cls)) is cls, cls
    # the built-in SDK's classes are workers._workers' whatever the era; the newest SDK's workers.rpc's
    assert repr(sdkwrappers._BuiltinFetcherWrapper) == "<class 'workers._workers._FetcherWrapper'>"
    assert repr(sdkwrappers._FetcherWrapper) == "<class 'workers.rpc._FetcherWrapper'>"
    assert JsDict(a=1).__module__ == "workers.rpc"

    class Mine(envwrap._BindingWrapper):
        pass

    class MyDict(JsDict):
        pass

    assert (Mine.__module__, MyDict.__module__, MyDict().__module__) == (__name__, __name__, __name__)
    assert Mine(None).__module__ == __name__
