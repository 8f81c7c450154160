"""A body's ``getReader({mode: "byob"})`` is workerd's ``ReadableStreamBYOBReader``: ``read(view)``
takes up to the view's size of the body, its buffer transferred (the view given detached, its
``byteLength`` 0) and handed back as a ``Uint8Array`` of the bytes read at the view's offset --
whatever the view's type --; at the end ``done`` with such a view of no bytes. No view, or one
of no bytes, rejects the read with workerd's ``TypeError``; a second read while one waits, a
``releaseLock()`` then, are refused as a default reader's, and a body read while any reader holds
the stream, nothing read, is workerd's locked-stream ``TypeError`` (before, it read the body).
A JavaScript stream of values (a ``TransformStream``'s readable) has none. Every answer is what
a JavaScript Worker gave under ``wrangler dev`` 4.164.0 (tools/wrangler/jsapi_differential.py);
before, every BYOB reader was a ``NotEmulatedError``."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import js
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


def shown(result):
    value = result.value
    return [result.done, type(value).__name__ if value is None else [
        value.byteOffset, value.byteLength, value.buffer.byteLength, bytes(value.to_py()).decode()]]


async def outcome(promise):
    try:
        return shown(await promise)
    except JsException as exc:
        return str(exc)


def error_of(call):
    try:
        call()
    except JsException as exc:
        return str(exc)
    return "no error"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = js.Response.new("abcdefghij")
        reader = body.body.getReader(mode="byob")
        view = js.Uint16Array.new(2)
        reads = [await outcome(reader.read(view)), [view.byteLength, view.buffer.byteLength]]
        offset = js.DataView.new(js.ArrayBuffer.new(8), 2, 5)
        reads += [await outcome(reader.read(offset)), await outcome(reader.read(js.Uint8Array.new(16))),
                  await outcome(reader.read(js.Uint8Array.new(16)))]

        other = js.Response.new("xyz")
        held = other.body.getReader(mode="byob")
        first = held.read(js.Uint8Array.new(2))
        locked = js.Response.new("q")
        locked.body.getReader(mode="byob")
        refused = {
            "second read": await outcome(held.read(js.Uint8Array.new(2))),
            "release": error_of(held.releaseLock),
            "text": await outcome(other.text()),  # used: a read took bytes
            "text of a locked body": await outcome(locked.text()),  # nothing read yet
            "no view": await outcome(held.read()),
            "empty view": await outcome(held.read(js.Uint8Array.new(0))),
            "buffer": await outcome(held.read(js.ArrayBuffer.new(2))),
        }
        return Response.json({
            "reads": reads, "first": await outcome(first), "refused": refused, "used": [body.bodyUsed, other.bodyUsed],
            "values stream": error_of(lambda: js.TransformStream.new().readable.getReader(mode="byob")),
        })
'''

NOT_A_VIEW = "TypeError: Failed to execute 'read' on 'ReadableStreamBYOBReader': parameter 1 is not of type 'ArrayBufferView'."


def test_a_byob_read_fills_the_view_given_as_workerds(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date="2026-09-28"), "/") == {
        "reads": [
            [False, [0, 4, 4, "abcd"]], [0, 0],  # a Uint16Array's 4 bytes, as a Uint8Array; the view detached
            [False, [2, 5, 8, "efghi"]],  # at the DataView's offset in its (transferred) buffer
            [False, [0, 1, 16, "j"]], [True, [0, 0, 16, ""]],
        ],
        "first": [False, [0, 2, 2, "xy"]],
        "refused": {
            "second read": "TypeError: This ReadableStream only supports a single pending read request at a time.",
            "release": "TypeError: Cannot call releaseLock() on a reader with outstanding read promises.",
            "text": "TypeError: Body has already been used. It can only be used once. Use tee() first if you need to "
                    "read it twice.",
            "text of a locked body": "TypeError: This ReadableStream is currently locked to a reader.",
            "no view": NOT_A_VIEW, "buffer": NOT_A_VIEW,
            "empty view": 'TypeError: You must call read() on a "byob" reader with a positive-sized TypedArray object.',
        },
        "used": [True, True],
        "values stream": "TypeError: This ReadableStream does not support BYOB reads.",
    }
