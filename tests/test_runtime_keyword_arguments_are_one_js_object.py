"""Keyword arguments of a call on a JavaScript object are one JS object Pyodide appends after
the positional arguments (jsproxy_call.c ``JsMethod_ConvertArgs``), for every method and
``new`` alike: ``TextDecoder.new("utf-8", fatal=True)`` is ``new TextDecoder("utf-8",
{fatal: true})``, ``body.getReader(mode="byob")`` is ``getReader({mode: "byob"})``. They are
never Python keyword arguments: ``URL.new("/p", base=...)`` passes an object as the base."""

from __future__ import annotations

import json

import pytest
from worker_helpers import ERROR_OF, one_file_worker

from workers_env import NotEmulatedError, load_worker

ENTRY = '''
import json

from js import URL, Blob, IdentityTransformStream, ReadableStream, Response, TextDecoder, Uint8Array
from workers import WorkerEntrypoint

''' + ERROR_OF + '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = ReadableStream.new(start=lambda c: (c.enqueue(Uint8Array.new([104, 105])), c.close()))
        decoder = TextDecoder.new()
        first = decoder.decode(Uint8Array.new([0xE2, 0x82]), stream=True)
        return Response.new(json.dumps({
            "fatal": error_of(lambda: TextDecoder.new("utf-8", fatal=True).decode(Uint8Array.new([0xFF]))),
            "label": error_of(lambda: TextDecoder.new(fatal=True)),
            "stream": [first, decoder.decode(Uint8Array.new([0xAC]))],
            "status": Response.new("x", status=404, statusText="Gone").statusText,
            "blob": Blob.new(["a"], type="Text/Plain").type,
            "url": error_of(lambda: URL.new("/p", base="https://a.example/")),
            "source": await Response.new(stream).text(),
            "mode": error_of(lambda: Response.new("z").body.getReader(mode="default")),
        }))

    async def byob(self):
        read = await Response.new("z").body.getReader(mode="byob").read(Uint8Array.new(4))
        return [read.done, list(read.value.to_py())]

    async def identity_byob(self):
        return IdentityTransformStream.new().readable.getReader(mode="byob")
'''


@pytest.mark.asyncio
async def test_keywords_reach_javascript_as_one_trailing_object(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    seen = json.loads(await (await worker.fetch("/")).text())
    assert seen == {
        "fatal": "JsException: TypeError: Failed to decode input.",
        "label": 'JsException: RangeError: "[object Object]" is not a valid encoding.',  # the object is the label
        "stream": ["", "\u20ac"],
        "status": "Gone",
        "blob": "text/plain",
        "url": "JsException: TypeError: Invalid URL string.",
        "source": "hi",
        "mode": "JsException: TypeError: mode must be undefined or 'byob' in call to getReader().",
    }


@pytest.mark.asyncio
async def test_a_byob_reader_asked_for_by_keyword_is_one(tmp_path):
    """A body's BYOB reader (emulated); an ``IdentityTransformStream``'s is said not to be."""
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await worker.rpc("byob") == [False, [122]]
    with pytest.raises(NotEmulatedError) as caught:
        await worker.rpc("identity_byob")
    assert str(caught.value) == ('getReader({mode: "byob"}) (a BYOB reader) of this stream is not emulated by '
                                 "workers-env (a body's is); getReader() (a default reader, whose read() gives each "
                                 "chunk) is")
