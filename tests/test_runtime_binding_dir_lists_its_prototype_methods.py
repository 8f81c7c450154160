"""``dir()`` of a binding as Worker code holds it (a ``JsProxy``) is Pyodide's: ``JsProxy_Dir``
walks the JavaScript object's prototype chain, where a jsg binding's methods are
(``KvNamespace.prototype.get``, ``Fetcher.prototype.fetch``), so they are listed beside
``Object.prototype``'s names; a service binding lists ``fetch`` and ``connect`` (workerd http.h)
but none of the callee's RPC methods, which workerd answers through a wildcard property
(``hasattr`` is true for any name). Measured with a JavaScript twin under wrangler dev 4.164.0
(2025-06-01): ``Object.getPrototypeOf(env.KV)`` owns ``get, list, put, getWithMetadata, delete,
constructor``, ``env.SVC``'s ``fetch, connect, constructor``, then ``Object.prototype``. The external SDK's ``self.env`` wraps every binding in its
``_BindingWrapper``, a Python object whose ``dir()`` is its own. review79: both listed ``Object.prototype``'s names alone."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker, service_pair

from workers_env import load_worker

SEARCH = '''
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def hello(self):
        return "hi"
'''

MODULE_CALLER = '''
from workers import Response


async def on_fetch(request, env):
    names = dir(env.SEARCH)
    return Response(repr([name in names for name in ("fetch", "connect", "toString", "hello")]
                         + [hasattr(env.SEARCH, "hello")]))
'''


@pytest.mark.asyncio
async def test_a_service_binding_lists_fetch_and_connect_not_its_rpc_names(tmp_path):
    gateway = service_pair(tmp_path, SEARCH, MODULE_CALLER, "2024-06-01")
    assert await (await gateway.fetch("/")).text() == "[True, True, True, False, True]"


KV_WORKER = '''
from workers import Response


async def on_fetch(request, env):
    names = dir(env.KV)
    return Response(repr([name for name in ("delete", "get", "getWithMetadata", "list", "put", "valueOf")
                              if name in names]))
'''


@pytest.mark.asyncio
async def test_a_kv_namespace_lists_its_methods(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, KV_WORKER, date="2025-06-01", extra='[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n'))
    assert await (await worker.fetch("/")).text() == "['delete', 'get', 'getWithMetadata', 'list', 'put', 'valueOf']"
