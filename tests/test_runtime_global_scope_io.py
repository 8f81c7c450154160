"""A binding's I/O at a Worker module's top level fails as workerd fails it (``IoContext::current()``:
"Disallowed operation called within global scope"), so the Worker does not load -- Cloudflare's
bindings page marks ``env.KV.get(...)`` there "This would fail!". Inside a handler it works, and
test code (no Worker running) may call the bindings freely."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint, env

{top}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("k", "v")
        return Response(await self.env.KV.get("k"))
'''
KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'


def test_binding_io_at_the_top_level_stops_the_worker_loading(tmp_path):
    root = one_file_worker(tmp_path, ENTRY.format(top='env.KV.get("my-key")'), extra=KV)
    with pytest.raises(JsException, match="^Error: Disallowed operation called within global scope. Asynchronous I/O"):
        load_worker(root)


@pytest.mark.asyncio
async def test_inside_a_handler_and_in_test_code_the_same_calls_work(tmp_path):
    root = one_file_worker(tmp_path, ENTRY.format(top="PREPARED = True"), extra=KV)
    assert await (await load_worker(root).fetch("/")).text() == "v"
    env = load_env(root / "wrangler.toml")
    await env.KV.put("a", "b")
    assert await env.KV.get("a") == "b"


def test_a_socket_connect_at_the_top_level_is_the_global_scope_error_not_a_missing_feature(tmp_path):
    # sockets.c++ connectImpl asks IoContext::current() before it reads the address
    top = 'from workers import import_from_javascript\nimport_from_javascript("cloudflare:sockets").connect("example.com:5432")'
    root = one_file_worker(tmp_path, ENTRY.format(top=top), extra=KV)
    with pytest.raises(JsException, match="^Error: Disallowed operation called within global scope. Asynchronous I/O"):
        load_worker(root)
