"""A loaded Worker supplied as another's service binding (``bindings={"SEARCH": search}``): the
caller's ``env.SEARCH.fetch(request)`` reaches the callee's fetch handler and ``await
env.SEARCH.search(text)`` its ``Default`` entrypoint's RPC method, each Worker with its own env,
vars, ``.dev.vars`` secrets and SDK era, the values converted on both sides as production's RPC
converts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import WorkersEnvError, load_env, load_worker

SEARCH = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def search(self, text, options=None):
        return {"text": text, "options": options, "stage": self.env.STAGE, "key": self.env.KEY,
                "types": [type(text).__name__, type(options).__name__], "none": None}

    async def fails(self):
        raise ValueError("no index")

    async def fetch(self, request):
        body = await request.text()
        return Response.json({"method": request.method, "url": request.url, "body": body,
                              "stage": self.env.STAGE}, status=201, headers={"x-from": "search"})
'''

GATEWAY = '''
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/rpc"):
            found = await self.env.SEARCH.search("cats", {"k": [1, 2]})
            return Response(json.dumps({"type": type(found).__name__, "found": dict(found),
                                        "stage": self.env.STAGE}))
        if request.url.endswith("/missing"):
            try:
                await self.env.SEARCH.nope()
            except Exception as exc:
                return Response(f"{type(exc).__name__}: {exc}")
        if request.url.endswith("/fails"):
            try:
                await self.env.SEARCH.fails()
            except Exception as exc:
                return Response(f"caught {type(exc).__name__}: {exc}")
        answer = await self.env.SEARCH.fetch(request)
        return Response(await answer.text(), status=answer.status,
                        headers={"x-from": answer.headers.get("x-from")})
'''


def worker_folder(root: Path, name: str, code: str, date: str, config: dict) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(code)
    (root / "wrangler.json").write_text(json.dumps({
        "name": name, "main": "src/entry.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers"], **config}))
    return typical_pyproject(root)


def pair(tmp_path: Path, date: str, environment: str | None = None) -> tuple[object, object]:
    search_dir = worker_folder(tmp_path / "search", "search", SEARCH, date, {
        "vars": {"STAGE": "dev"}, "env": {"staging": {"vars": {"STAGE": "staging"}}}})
    (search_dir / ".dev.vars").write_text("KEY=dev-key\n")
    (search_dir / ".dev.vars.staging").write_text("KEY=staging-key\n")
    service = {"binding": "SEARCH", "service": "search"}
    gateway_dir = worker_folder(tmp_path / "gateway", "gateway", GATEWAY, date, {
        "vars": {"STAGE": "gw-dev"}, "services": [service],
        "env": {"staging": {"vars": {"STAGE": "gw-staging"}, "services": [{**service, "environment": "staging"}]}}})
    search = load_worker(search_dir, environment=environment)
    gateway = load_worker(gateway_dir, environment=environment, bindings={"SEARCH": search})
    return gateway, search


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "result_type"), [("2026-11-01", "JsDict"), ("2025-11-02", "dict")])
async def test_rpc_reaches_the_callees_entrypoint_with_its_own_env(tmp_path, date, result_type):
    gateway, _ = pair(tmp_path, date)
    out = json.loads(await (await gateway.fetch("/rpc")).text())
    # each side converts as its SDK era does: the external SDK's data a JsDict, the built-in's a dict
    assert out == {"type": result_type, "stage": "gw-dev", "found": {
        "text": "cats", "options": {"k": [1, 2]}, "stage": "dev", "key": "dev-key",
        "types": ["str", result_type], "none": None}}


@pytest.mark.asyncio
async def test_each_worker_sees_its_own_environment(tmp_path):
    gateway, search = pair(tmp_path, "2026-11-01", environment="staging")
    out = json.loads(await (await gateway.fetch("/rpc")).text())
    assert (out["stage"], out["found"]["stage"], out["found"]["key"]) == ("gw-staging", "staging", "staging-key")


@pytest.mark.asyncio
async def test_fetch_forwards_the_request_to_the_callees_fetch_handler(tmp_path):
    gateway, _ = pair(tmp_path, "2026-11-01")
    resp = await gateway.fetch("/forward?q=1", method="POST", body="hello")
    assert (resp.status, resp.headers["x-from"]) == (201, "search")
    assert await resp.json() == {"method": "POST", "url": "http://localhost/forward?q=1", "body": "hello",
                                 "stage": "dev"}


@pytest.mark.asyncio
async def test_a_method_the_callee_lacks_is_workerds_type_error(tmp_path):
    gateway, _ = pair(tmp_path, "2026-11-01")
    assert await (await gateway.fetch("/missing")).text() == "JsException: TypeError: Method nope does not exist"


@pytest.mark.asyncio
async def test_the_callees_exception_reaches_the_caller_as_a_javascript_error(tmp_path):
    # as workerd sends it across: a PythonError, named so from 2026-04-21 (enhanced_error_serialization)
    gateway, _ = pair(tmp_path, "2026-11-01")
    text = await (await gateway.fetch("/fails")).text()
    assert text.startswith("caught JsException: PythonError: Traceback (most recent call last):")
    assert text.endswith("ValueError: no index\n")


def test_bindings_beside_a_built_env_are_refused(tmp_path):
    gateway, search = pair(tmp_path, "2026-11-01")
    with pytest.raises(WorkersEnvError, match=r"^load_worker\(env=\.\.\., bindings=\.\.\.\): the env is built already; "
                                              r"pass the bindings to load_env\(\.\.\., bindings=\.\.\.\) instead$"):
        load_worker(env=load_env(gateway.env.config.path), bindings={"SEARCH": search})


@pytest.mark.asyncio
async def test_the_callee_is_still_a_worker_to_test_alone(tmp_path):
    _, search = pair(tmp_path, "2026-11-01")
    assert (await search.rpc("search", "x"))["stage"] == "dev"
    with pytest.raises(WorkersEnvError, match="exports no WorkerEntrypoint named 'Other'"):
        await search.rpc("search", entrypoint="Other")
