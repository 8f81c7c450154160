"""A Workflow or Durable Object namespace you supply reaches ``self.env`` through the wrappers the
Worker's SDK gives those bindings (built-in SDK: workerd ``workers/_workers.py``; external SDK:
workers-runtime-sdk ``workers/rpc.py``), while a legacy ``on_fetch`` gets the raw JS objects.

The stand-ins have JavaScript's method names only (``create``, ``createBatch``, ``sendEvent``,
``getByName`` ...): the snake_case names Worker code calls are the SDK's."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import pytest
from worker_helpers import PYPROJECT, typical_pyproject

from workers_env import js as js_module
from workers_env import load_env, load_worker

BUILTIN = "2025-11-02"  # the built-in SDK, Pyodide 0.28
EXTERNAL = "2026-05-01"  # the external SDK (workers-runtime-sdk, the installed one or the newest)


class Instance:
    """A Workflow instance: ``id`` and the methods of workerd's ``InstanceImpl``."""

    def __init__(self, ident, log):
        self.id = ident
        self._log = log

    async def status(self):
        return {"status": "queued", "error": None}

    async def pause(self):
        self._log.append(("pause", self.id))

    async def sendEvent(self, event):  # noqa: N802 - JavaScript's name
        self._log.append(("sendEvent", self.id, event))


class Workflow:
    """A Workflow binding (``WorkflowImpl``): ``create``, ``get``, ``createBatch``."""

    JS_METHODS = ("create", "get", "createBatch")

    def __init__(self):
        self.log = []

    async def create(self, options=None):
        self.log.append(("create", options))
        return Instance((options or {}).get("id") or str(uuid.uuid4()), self.log)

    async def get(self, ident):
        return Instance(ident, self.log)

    async def createBatch(self, batch):  # noqa: N802 - JavaScript's name
        self.log.append(("createBatch", batch))
        return [Instance(item["id"], self.log) for item in batch]


class Stub:
    """A Durable Object stub: ``fetch`` and RPC methods (no ``JS_METHODS``: every public name)."""

    def __init__(self, ident, log):
        self.ident = ident
        self._log = log

    async def fetch(self, resource, init=None):
        self._log.append(("fetch", self.ident, resource, init))
        return js_module.Response.new(f"{self.ident} {resource}", status=202)

    async def add(self, item, extra=None):
        self._log.append(("add", self.ident, item, type(item).__name__, extra))
        return {"count": 1, "item": item, "none": None}

    def label(self):
        return f"stub {self.ident}"


class Namespace:
    """A Durable Object namespace: ``idFromName``, ``get``, ``getByName``, ``jurisdiction`` answer at once."""

    def __init__(self, prefix="", log=None):
        self.prefix = prefix
        self.log = [] if log is None else log

    def idFromName(self, name):  # noqa: N802 - JavaScript's name
        return f"{self.prefix}id:{name}"

    def get(self, ident):
        return Stub(ident, self.log)

    def getByName(self, name):  # noqa: N802 - JavaScript's name
        return Stub(self.idFromName(name), self.log)

    def jurisdiction(self, where):
        return Namespace(f"{where}/", self.log)


ENTRY = '''
import asyncio
import json
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def kind(value):
    return f"{type(value).__module__}.{type(value).__name__}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        wf = self.env.WF
        out["wf"] = type(wf).__name__
        inst = await wf.create(id="a")
        out["instance"] = [type(inst).__name__, inst.id]
        status = await inst.status()
        out["status_type"] = kind(status)
        try:
            json.dumps(status)
            out["json"] = "ok"
        except TypeError as exc:
            out["json"] = str(exc)
        if isinstance(status, asyncio.Future):
            status = repr((await status).to_py())
        out["status"] = status
        again = await wf.get("a")
        out["get"] = [type(again).__name__, again.id]
        out["pause"] = kind(await again.pause())
        out["send_event"] = kind(await again.send_event({"type": "approve", "payload": 1}))
        try:
            batch = await wf.create_batch([{"id": "b"}, {"id": "c"}])
        except Exception as exc:
            out["create_batch(list)"] = type(exc).__name__
            batch = await wf.create_batch(to_js([{"id": "b"}, {"id": "c"}], dict_converter=Object.fromEntries))
        out["batch"] = [[type(b).__name__, b.id] for b in batch]

        ns = self.env.NS
        out["ns"] = type(ns).__name__
        stub = ns.get(ns.idFromName("room"))
        out["stub"] = type(stub).__name__
        added = await stub.add({"item": "x", "tags": ["a", None]})
        out["add"] = [kind(added), repr(added)]
        label = stub.label()
        out["label"] = [kind(label), await label if asyncio.iscoroutine(label) else label]
        answer = await stub.fetch("https://do/path", method="POST")
        out["fetch"] = [kind(answer), answer.status, await answer.text()]
        named = ns.getByName("lobby")
        out["by_name"] = await named.add(["y"])
        eu = ns.jurisdiction("eu")
        out["eu"] = [type(eu).__name__, type(eu.get(eu.idFromName("z"))).__name__]
        await eu.getByName("z").add("z")
        return Response(json.dumps(out))
'''


def project(root: Path, date: str, *, entry: str = ENTRY, sdk_lock: str | None = None) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(entry)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "wrappers", "main": "src/entry.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers"],
        "durable_objects": {"bindings": [{"name": "NS", "class_name": "Room"}]},
        "workflows": [{"name": "flow", "binding": "WF", "class_name": "Flow"}],
    }))
    typical_pyproject(root)
    if sdk_lock is not None:  # what `pywrangler sync` writes: the project vendors this SDK
        if not (root / "pyproject.toml").exists():  # pywrangler runs only in a project with one
            (root / "pyproject.toml").write_text(PYPROJECT)
        (root / "pylock.toml").write_text(f'lock-version = "1.0"\n\n[[packages]]\nname = "workers-runtime-sdk"\n'
                                          f'version = "{sdk_lock}"\n')
    return root


async def run(root: Path) -> tuple[dict, Workflow, Namespace]:
    workflow, namespace = Workflow(), Namespace()
    worker = load_worker(env=load_env(root, bindings={"WF": workflow, "NS": namespace}))
    resp = await worker.fetch("/")
    text = await resp.text()
    assert resp.status == 200, text
    return json.loads(text), workflow, namespace


def common_calls(workflow: Workflow, namespace: Namespace, event: dict) -> None:
    """What the stand-ins saw, the same in every era once the Worker's values are converted."""
    assert workflow.log[0] == ("create", {"id": "a"})
    assert ("pause", "a") in workflow.log
    assert ("sendEvent", "a", event) in workflow.log  # called although the Worker never awaited the promise
    assert ("createBatch", [{"id": "b"}, {"id": "c"}]) in workflow.log
    # a Durable Object's RPC method gets its arguments as Python data, whatever the SDK sent
    assert namespace.log[0] == ("add", "id:room", {"item": "x", "tags": ["a", None]}, "dict", None)
    assert ("fetch", "id:room", "https://do/path", {"method": "POST"}) in namespace.log
    assert ("add", "id:lobby", ["y"], "list", None) in namespace.log
    assert ("add", "eu/id:z", "z", "str", None) in namespace.log


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk_lock", [None, "1.2.0"])
async def test_the_builtin_sdk_returns_workflow_instance_promises_unawaited_and_converts_stub_calls_its_way(
        tmp_path, sdk_lock):
    """Built-in SDK (and workers-runtime-sdk before 1.3.0, a copy of it): ``await
    instance.status()`` is the un-awaited promise (a ``PyodideFuture``, which ``json.dumps``
    refuses -- why python-workers-examples' 10-workflows answers 500 on ``/status``), awaiting it
    again gives the JS status; arguments are not converted (a Python list is a PyProxy
    ``createBatch`` cannot take); a stub's every method is an ``async def`` returning plain
    ``dict``s (a ``None`` the stub's Python returns crossed RPC as ``undefined``: ``None``)."""
    out, workflow, namespace = await run(project(tmp_path, BUILTIN, sdk_lock=sdk_lock))
    future = "pyodide.webloop.PyodideFuture"
    assert out["wf"] == "_WorkflowBindingWrapper"
    assert out["instance"] == ["_WorkflowInstanceWrapper", "a"]
    assert out["status_type"] == future
    assert out["json"] == "Object of type PyodideFuture is not JSON serializable"
    assert out["status"] == "{'status': 'queued', 'error': jsnull}"
    assert out["get"] == ["_WorkflowInstanceWrapper", "a"]
    assert out["pause"] == future and out["send_event"] == future
    assert out["create_batch(list)"] == "JsException"
    assert out["batch"] == [["_WorkflowInstanceWrapper", "b"], ["_WorkflowInstanceWrapper", "c"]]
    assert out["ns"] == "_DurableObjectNamespaceWrapper" and out["stub"] == "_FetcherWrapper"
    assert out["add"] == ["builtins.dict", "{'count': 1, 'item': {'item': 'x', 'tags': ['a', None]}, 'none': None}"]
    assert out["label"] == ["builtins.coroutine", "stub id:room"]  # every stub method is async here
    assert out["fetch"] == ["workers._workers.Response", 202, "id:room https://do/path"]
    assert out["by_name"] == {"count": 1, "item": ["y"], "none": None}
    assert out["eu"] == ["_DurableObjectNamespaceWrapper", "_FetcherWrapper"]
    common_calls(workflow, namespace, {"type": "approve", "payload": 1})


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk_lock", [None, "1.5.3"])
async def test_the_external_sdk_converts_workflow_and_stub_calls_as_binding_wrappers(tmp_path, sdk_lock):
    """External SDK (from 1.5.3 for Workflows): every wrapper is a ``_BindingWrapper`` --
    ``status()`` the converted status, plain Python arguments (a list for ``create_batch``),
    ``send_event``/``create_batch`` for ``sendEvent``/``createBatch``; a stub's results are
    ``JsDict`` with ``None``, a synchronous method answers synchronously."""
    out, workflow, namespace = await run(project(tmp_path, EXTERNAL if sdk_lock is None else BUILTIN, sdk_lock=sdk_lock))
    assert out["wf"] == "_WorkflowBindingWrapper"
    assert out["instance"] == ["_WorkflowInstanceWrapper", "a"]
    assert out["status_type"] == "workers.rpc.JsDict"  # production's name (test_runtime_sdk_results_are_workers_rpc_jsdict)
    assert out["json"] == "ok"
    assert out["status"] == {"status": "queued", "error": None}
    assert out["get"] == ["_WorkflowInstanceWrapper", "a"]
    assert out["pause"] == "builtins.NoneType" and out["send_event"] == "builtins.NoneType"
    assert "create_batch(list)" not in out
    assert out["batch"] == [["_WorkflowInstanceWrapper", "b"], ["_WorkflowInstanceWrapper", "c"]]
    assert out["ns"] == "_DurableObjectNamespaceWrapper" and out["stub"] == "_FetcherWrapper"
    assert out["add"] == ["workers.rpc.JsDict", "{'count': 1, 'item': {'item': 'x', 'tags': ['a', None]}, 'none': None}"]
    assert out["label"] == ["builtins.str", "stub id:room"]
    assert out["fetch"] == ["workers.response.Response", 202, "id:room https://do/path"]
    assert out["by_name"] == {"count": 1, "item": ["y"], "none": None}
    common_calls(workflow, namespace, {"type": "approve", "payload": 1})


@pytest.mark.asyncio
async def test_between_1_3_and_1_5_3_the_external_sdk_converts_stub_calls_but_not_workflow_calls(tmp_path):
    """workers-runtime-sdk 1.3.0 made ``_FetcherWrapper`` a ``_BindingWrapper``; its Workflow
    wrappers kept the built-in SDK's un-awaited promises until 1.5.3."""
    out, _, _ = await run(project(tmp_path, BUILTIN, sdk_lock="1.5.2"))
    assert out["status_type"] == "pyodide.webloop.PyodideFuture"
    assert out["create_batch(list)"] == "JsException"
    assert out["add"][0] == "workers.rpc.JsDict"
    assert out["label"] == ["builtins.str", "stub id:room"]


SLOW_ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        inst = await self.env.WF.get("slow")
        pending = await inst.status()
        chained = pending.then(lambda status: status.status.upper())
        failed = await inst.terminate()
        caught = failed.catch(lambda error: f"caught {error}")
        return Response(" ".join([type(pending).__name__, str(pending.done()), await chained, await caught]))
'''


class SlowWorkflow:
    """A Workflow whose instance's status takes a while and whose terminate fails."""

    JS_METHODS = ("get",)

    async def get(self, ident):
        return SlowInstance(ident)


class SlowInstance:
    def __init__(self, ident):
        self.id = ident

    async def status(self):
        await asyncio.sleep(0.01)
        return {"status": "running"}

    async def terminate(self):
        from workers_env import JsException

        raise JsException("instance.not_found")


@pytest.mark.asyncio
async def test_an_unawaited_workflow_promise_settles_later_with_then_and_catch(tmp_path):
    """The ``PyodideFuture`` of a call that suspends is pending at first and resolves when the
    call does; ``then``/``catch`` chain on it as on a JavaScript promise, a failure included."""
    root = project(tmp_path, BUILTIN, entry=SLOW_ENTRY)
    worker = load_worker(env=load_env(root, bindings={"WF": SlowWorkflow(), "NS": Namespace()}))
    resp = await worker.fetch("/")
    assert await resp.text() == "PyodideFuture False RUNNING caught Error: instance.not_found"


LEGACY_ENTRY = '''
from workers import Response


async def on_fetch(request, env):
    inst = await env.WF.create()
    stub = env.NS.get(env.NS.idFromName("r"))
    status = await inst.status()
    return Response(" ".join([env.WF.constructor.name, env.NS.constructor.name, type(env.WF).__name__,
                              type(status).__name__, str(status.status), repr(stub)]))
'''


@pytest.mark.asyncio
async def test_a_legacy_on_fetch_gets_the_raw_javascript_bindings(tmp_path):
    """The raw ``env`` is not the SDK's: JavaScript's ``WorkflowImpl`` and
    ``DurableObjectNamespace``, whose calls resolve to JS objects."""
    root = project(tmp_path, "2025-04-10", entry=LEGACY_ENTRY)
    worker = load_worker(env=load_env(root, bindings={"WF": Workflow(), "NS": Namespace()}))
    resp = await worker.fetch("/")
    assert await resp.text() == "WorkflowImpl DurableObjectNamespace JsProxy JsProxy queued [object DurableObject]"


MISUSE_ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            self.env.NS.get("x")
        except TypeError as exc:
            return Response(str(exc))
        return Response("no error")
'''


class AsyncGetNamespace:
    async def get(self, ident):
        return Stub(ident, [])


class DataGetNamespace:
    def get(self, ident):
        return "not a stub"


@pytest.mark.asyncio
@pytest.mark.parametrize("date", [BUILTIN, EXTERNAL])
@pytest.mark.parametrize(("namespace", "message"), [
    (AsyncGetNamespace(), "NS.get() returned an awaitable: a Durable Object namespace's get() answers at once in "
                          "production (the stub itself, not a promise), so write get as a plain def in the object "
                          "you supply for NS"),
    (DataGetNamespace(), "NS.get() returned str: the object you supply for NS must return an object (a stub with "
                         "the Durable Object's methods)"),
])
async def test_a_namespace_stand_in_that_does_not_answer_a_stub_at_once_is_told_how_to_fix_it(
        tmp_path, date, namespace, message):
    root = project(tmp_path, date, entry=MISUSE_ENTRY)
    worker = load_worker(env=load_env(root, bindings={"WF": Workflow(), "NS": namespace}))
    assert await (await worker.fetch("/")).text() == message
