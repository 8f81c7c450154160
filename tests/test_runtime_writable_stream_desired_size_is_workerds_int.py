"""A writable side's ``desiredSize`` is workerd's C ``int`` under a queuing strategy, and its
``ready`` follows the uncut amount: a ``TransformStream``'s ``writableStrategy`` (``highWaterMark``
and ``size``), an ``IdentityTransformStream``'s and a ``FixedLengthStream``'s ``highWaterMark``.

workerd keeps a writable's buffered amount in a ``size_t`` (each write's ``size`` converted to a
``uint64``; an internal stream's the bytes), ``desiredSize`` is ``highWaterMark - amount`` cut to
an ``int`` (standard.c++ ``WritableStreamJsController::getDesiredSize``, internal.c++
``getDesiredSize`` return ``kj::Maybe<int>``), while back-pressure compares the uncut
``ssize_t``/``int64_t`` with 0 (``updateBackpressure``, ``adjustWriteBufferSize``): a chunk of size
2**32 leaves ``desiredSize`` at 5 with ``ready`` pending. A ``size`` that throws or answers no
``uint64`` errors the stream and rejects the write; an internal stream gets a new pending
``ready`` at each write or completed write that leaves it at 0 or below; a FixedLengthStream's
highWaterMark is at most its length. A ``size`` that throws at a write made before the stream's
start settled leaves ``desiredSize`` counting till then (5, then null), and errors the writable
side alone: a read of the readable side stays pending (leftovers51; before, ``desiredSize`` was
null at once and the read rejected with the size's error) -- and awaiting it is workerd's
hung-request error. The answers below are a JavaScript twin's under wrangler dev
4.164.0 (``tools/wrangler/writable_size_probe.py``: 30 of 30 the same, 2026-09-28 and 2024-01-01
alike); workers-env refused every one of these strategies (``NotEmulatedError``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from worker_helpers import one_file_worker, twin_answers

from workers_env import JsException, load_worker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "wrangler"))
from writable_size_probe import NAMES, PY_WORKER  # noqa: E402

#: workerd's answers (wrangler dev 4.164.0): desiredSize and ready's state at the start, then after
#: each write desiredSize, ready's state and the write's state (internal streams: no write state;
#: last, after one read)
WORKERD = {
    'wDefault': [1, 'resolved', 0, 'pending', 'pending', -1, 'pending', 'pending'],
    'w2p31': [5, 'resolved', -2147483643, 'pending', 'pending'],
    'w2p32': [5, 'resolved', 5, 'pending', 'pending'],
    'w2p32p3': [5, 'resolved', 2, 'pending', 'pending'],
    'wBig60': [5, 'resolved', 5, 'pending', 'pending'],
    'wNaN': [5, 'resolved', None, 'rejected TypeError: The value cannot be converted because it is not an integer.', 'rejected TypeError: The value cannot be converted because it is not an integer.'],
    'wNeg': [5, 'resolved', None, 'rejected TypeError: The value cannot be converted because it is negative and this API expects a positive bigint.', 'rejected TypeError: The value cannot be converted because it is negative and this API expects a positive bigint.'],
    'wInf': [5, 'resolved', None, 'rejected TypeError: The value cannot be converted because it is not an integer.', 'rejected TypeError: The value cannot be converted because it is not an integer.'],
    'wString': [5, 'resolved', 2, 'resolved', 'pending'],
    'wObject': [5, 'resolved', None, 'rejected TypeError: The value cannot be converted because it is not an integer.', 'rejected TypeError: The value cannot be converted because it is not an integer.'],
    'wThrows': [5, 'resolved', None, 'rejected Error: boom', 'rejected Error: boom'],
    # (a write before / after the start settled: desiredSize before and after it, the write's, ready's and
    # closed's states, desiredSize; 250 ms later desiredSize, ready, closed; a second write; a read)
    'wThrowsAtOnce': [5, 5, 'rejected Error: boom', 'rejected Error: boom', 'rejected Error: boom', None, None,
                      'rejected Error: boom', 'rejected Error: boom', 'rejected Error: boom', 'pending'],
    'wThrowsLate': [5, None, 'rejected Error: boom', 'rejected Error: boom', 'rejected Error: boom', None, None,
                    'rejected Error: boom', 'rejected Error: boom', 'rejected Error: boom', 'pending'],
    'wFraction': [5, 'resolved', 3, 'resolved', 'pending'],
    'wZero': [5, 'resolved', 5, 'resolved', 'pending', 5, 'resolved', 'pending'],
    'hwm0': [0, 'resolved', -1, 'resolved', 'pending', -2, 'resolved', 'pending'],
    'hwm3': [3, 'resolved', 2, 'resolved', 'pending', 1, 'resolved', 'pending', 0, 'pending', 'pending', -1, 'pending', 'pending'],
    'hwm2p31': [-2147483648, 'resolved', 2147483647, 'resolved', 'pending'],
    'hwm2p32p5': [5, 'resolved', 4, 'resolved', 'pending'],
    'hwmNeg': ['threw TypeError: The value cannot be converted because it is negative and this API expects a positive bigint.'],
    'hwmNaN': ['threw TypeError: The value cannot be converted because it is not an integer.'],
    'sizeNotFn': ["threw TypeError: Incorrect type for the 'size' field on 'StreamQueuingStrategy': the provided value is not of type 'function'."],
    'itsDefault': [1, 'resolved', 1, 'resolved', 1, 'resolved'],
    'its10': [10, 'resolved', 7, 'resolved', -1, 'pending', 2, 'resolved'],
    'its2p31': [-2147483648, 'resolved', 2147483645, 'resolved', -2147483648, 'resolved'],
    'its2p32p5': [5, 'resolved', 2, 'resolved', 5, 'resolved'],
    'its0': [0, 'resolved', -3, 'pending', 0, 'pending'],
    'itsNeg': ['threw TypeError: The value cannot be converted because it is negative and this API expects a positive bigint.'],
    'fls': [20, 'resolved', 17, 'resolved', 9, 'resolved', 12, 'resolved'],
    'fls2p33': [7, 'resolved', 4, 'resolved', 7, 'resolved']
}


@pytest.mark.asyncio
async def test_a_writable_sides_desired_size_and_ready_are_workerds(tmp_path):
    assert await twin_answers(tmp_path, PY_WORKER, NAMES) == WORKERD


READS_AFTER_A_THROWING_SIZE = """
from js import Object, TransformStream
from pyodide.ffi import JsException, create_proxy, to_js
from workers import Response, WorkerEntrypoint


def boom(c):
    raise JsException("Error", "boom")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        strategy = to_js({"highWaterMark": 5, "size": create_proxy(boom)}, dict_converter=Object.fromEntries)
        t = TransformStream.new(None, strategy)
        w = t.writable.getWriter()
        try:
            await w.write("x")
        except Exception:
            pass
        await t.readable.getReader().read()
        return Response("read settled")
"""


@pytest.mark.asyncio
async def test_awaiting_a_read_after_a_throwing_size_is_the_hung_request_error(tmp_path):
    """wrangler dev 4.164.0, the JavaScript twin: a 500 with ``Error: The Workers runtime canceled this
    request because it detected that your Worker's code had hung ...``; before, the read rejected with
    ``Error: boom``, which the Worker would have caught."""
    worker = load_worker(one_file_worker(tmp_path, READS_AFTER_A_THROWING_SIZE))
    with pytest.raises(JsException, match="detected that your Worker's code had hung"):
        await worker.fetch("/")
