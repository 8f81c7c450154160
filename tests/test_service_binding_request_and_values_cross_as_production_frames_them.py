"""What crosses to another Worker as workerd carries it (measured with JavaScript twins under
``wrangler dev -c A -c B`` 4.164.0, the Python side with Pyodide 0.26.0a4, 0.28.2, 314.0.6):
a fetch's body of known size arrives with ``content-length`` (``"hello"``: 5, with its
``text/plain;charset=UTF-8``; ``bytes``: 3 and no type, the SDK sending a Uint8Array), a
stream's with ``transfer-encoding: chunked`` (it had neither, and ``bytes`` arrived as the text
``b'abc'``); a ``bytes`` argument arrives as the ``memoryview`` Pyodide's ``to_py()`` makes of
a Uint8Array, in either SDK era (it was a list of ints); a result holding a Python object that
is no function cannot be serialized: ``DataCloneError``, ``remote`` (it crossed as a proxy)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

SEARCH = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = [f"{k}={v}" for k, v in sorted(request.headers.items())]
        return Response(f"{' '.join(seen)} [{await request.text()}]")

    async def kind(self, value):
        return f"{type(value).__name__} {bytes(value)!r}"

    async def opaque(self):
        return {"thing": object()}
'''

GATEWAY = '''
from js import TransformStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for body in ("hello", b"abc"):
            answer = await self.env.SEARCH.fetch("http://x/", method="POST", body=body)
            out.append(await answer.text())
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        writer.write(to_js(b"xyz"))
        writer.close()
        answer = await self.env.SEARCH.fetch("http://x/", method="POST", body=stream.readable)
        out.append(await answer.text())
        out.append(await self.env.SEARCH.kind(b"ab"))
        try:
            await self.env.SEARCH.opaque()
        except Exception as error:
            out.append(f"{error.name} {error.remote}: {error.message}")
        return Response("\\n".join(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_bodies_bytes_and_uncloneable_results(tmp_path, date):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, date)
    assert (await (await gateway.fetch("/")).text()).split("\n") == [
        "content-length=5 content-type=text/plain;charset=UTF-8 [hello]",
        "content-length=3 [abc]",
        "transfer-encoding=chunked [xyz]",
        "memoryview b'ab'",
        "DataCloneError True: Proxy could not be serialized because it is not a valid RPC receiver type. The Proxy "
        "must emulate either a plain object or an RpcTarget, as indicated by the Proxy's prototype chain."]

