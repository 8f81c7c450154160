"""A Python dict handed as a queuing strategy reaches JavaScript as a PyProxy: on Pyodide 0.26
production reads none of its keys, so its ``highWaterMark`` is not the stream's, and the
``PyProxyWarning`` that says so names which strategy it was -- an ``IdentityTransformStream``'s,
a ``FixedLengthStream``'s, a ``TransformStream``'s writable or readable one -- as a dict
underlying source's names the ``ReadableStream`` (test_runtime_dict_options_read_the_pyproxy_own_type_and_length.py).
The desired sizes show the keys went unread (each stream's default); a TransformStream's readable
strategy read as naming no ``highWaterMark`` is workerd's 1, which workers-env refuses (leftovers58)."""

from __future__ import annotations

import warnings

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        sizes = []
        for stream in (js.IdentityTransformStream.new({"highWaterMark": 8}),
                       js.FixedLengthStream.new(10, {"highWaterMark": 8}),
                       js.TransformStream.new(None, {"highWaterMark": 8})):
            sizes.append(stream.writable.getWriter().desiredSize)
        try:
            js.TransformStream.new(None, None, {"highWaterMark": 0})
        except Exception as e:
            sizes.append(type(e).__name__)
        return Response.json(sizes)
'''


@pytest.mark.asyncio
async def test_on_pyodide_026_each_dict_strategy_warns_naming_its_stream(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01"))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        sizes = await (await worker.fetch("/")).json()
    said = [str(w.message) for w in seen if issubclass(w.category, PyProxyWarning)]
    assert sizes == [1, 1, 1, "NotEmulatedError"]
    for where in ("an IdentityTransformStream", "a FixedLengthStream", "a WritableStream",
                  "new TransformStream(transformer, readableStrategy)"):
        assert sum(f"as the queuing strategy of {where}: production reads none of its keys (highWaterMark)" in text
                   for text in said) == 1, (where, said)
