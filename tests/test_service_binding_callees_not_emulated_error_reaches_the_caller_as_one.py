"""What workers-env does not emulate, met by a Worker another calls over a service binding,
reaches the caller as a ``NotEmulatedError`` naming the callee, with its own text -- by
``fetch`` and by RPC, a ``Default`` class's method and a module-level handler's, in the
built-in SDK's era and the external SDK's. Before, it crossed as production's RPC sends a
Python exception: ``JsException: Error: PythonError: Traceback ... NotEmulatedError: ...``
(audit27), which a caller's ``except JsException`` swallowed as if the callee had failed.
Production runs the thing, so it has no text of its own for this: README, Where we had to choose."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CLASS_CALLEE = """
import js
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        js.WebSocket.new("wss://example.com/")

    async def go(self):
        js.WebSocket.new("wss://example.com/")
"""

MODULE_CALLEE = """
import js


async def on_fetch(request, env):
    js.WebSocket.new("wss://example.com/")


async def on_scheduled(event, env, ctx):
    pass
"""

CALLER = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        how = request.url.rsplit("/", 1)[1]
        try:
            if how == "fetch":
                await self.env.SEARCH.fetch("http://search/")
            elif how == "go":
                await self.env.SEARCH.go()
            else:
                await self.env.SEARCH.scheduled({"cron": "* * * * *"})
        except Exception as exc:
            return Response(f"{type(exc).__module__}.{type(exc).__name__}: {exc}")
        return Response("no error")

    on_fetch = fetch
"""

OUTGOING = ("new WebSocket(url), an outgoing WebSocket, is not emulated by workers-env; only WebSocketPair and the "
            "WebSocket a Worker accepts are")
TOP_LEVEL = ("calling the top-level scheduled handler of entry.py over RPC (workerd calls on_scheduled(arg, env, ctx)) "
             "is not emulated by workers-env")


def _said(text: str) -> str:
    return ('workers_env.NotEmulatedError: the Worker "search", called over a service binding, met what '
            f"workers-env does not emulate: {text}")


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01"])
@pytest.mark.parametrize("how", ["fetch", "go"])
async def test_a_default_class_by_fetch_and_by_rpc(tmp_path, date, how):
    gateway = service_pair(tmp_path, CLASS_CALLEE, CALLER, date)
    assert await (await gateway.fetch(f"/{how}")).text() == _said(OUTGOING)


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags"), [("2025-06-01", ()), ("2026-05-01", ("disable_python_no_global_handlers",))])
@pytest.mark.parametrize(("how", "text"), [("fetch", OUTGOING), ("scheduled", TOP_LEVEL)])
async def test_module_level_handlers_by_fetch_and_by_rpc(tmp_path, date, flags, how, text):
    gateway = service_pair(tmp_path, MODULE_CALLEE, CALLER, date, callee_flags=flags)
    assert await (await gateway.fetch(f"/{how}")).text() == _said(text)


@pytest.mark.asyncio
async def test_a_callee_whose_config_has_no_name_is_named_by_its_main(tmp_path):
    """A callee loaded from a config without ``name`` is named by its main module's path, as
    loaded (audit29: only the named callee's words were checked)."""
    import json

    from worker_helpers import typical_pyproject

    from workers_env import load_worker

    service_pair(tmp_path, CLASS_CALLEE, CALLER, "2026-05-01")  # (the two folders)
    folder = tmp_path / "search"
    config = json.loads((folder / "wrangler.json").read_text())
    del config["name"]
    (folder / "wrangler.json").write_text(json.dumps(config))
    nameless = load_worker(typical_pyproject(folder))
    gateway = load_worker(tmp_path / "gateway", bindings={"SEARCH": nameless})
    assert await (await gateway.fetch("/go")).text() == _said(OUTGOING).replace(
        'the Worker "search"', f"the Worker of {folder / 'src' / 'entry.py'}")
