"""``TextEncoder.prototype.encodeInto(string, uint8array)``: the UTF-8 of the string written at
the array's start, answering ``{read, written}`` -- UTF-16 code units read, bytes written --
and stopping before a character whose bytes do not all fit (a lone surrogate is U+FFFD)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import ERROR_OF, one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

from js import ArrayBuffer, Response, TextEncoder, Uint8Array, Uint16Array
from workers import WorkerEntrypoint

''' + ERROR_OF + '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        encoder = TextEncoder.new()
        cases = []
        for text, size in [("abc", 8), ("a\\u00e9\\U0001F600", 5), ("a\\u00e9\\U0001F600", 7), ("\\u20ac", 2),
                           ("x\\ud800y", 8), ("", 3)]:
            target = Uint8Array.new(size)
            result = encoder.encodeInto(text, target)
            cases.append([result.read, result.written, list(target)])
        buffer = ArrayBuffer.new(6)
        view = Uint8Array.new(buffer, 2, 3)
        encoder.encodeInto("hey!", view)
        return Response.new(json.dumps({
            "cases": cases,
            "view": list(Uint8Array.new(buffer)),
            "wrong": error_of(lambda: encoder.encodeInto("a", Uint16Array.new(2))),
            "missing": error_of(lambda: encoder.encodeInto("a")),
        }))
'''


@pytest.mark.asyncio
async def test_encode_into_writes_what_fits_and_counts_utf16_units(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    seen = json.loads(await (await worker.fetch("/")).text())
    assert seen["cases"] == [
        [3, 3, [97, 98, 99, 0, 0, 0, 0, 0]],
        [2, 3, [97, 195, 169, 0, 0]],  # the emoji's four bytes do not fit in the two left
        [4, 7, [97, 195, 169, 240, 159, 152, 128]],  # a character outside the BMP is two code units
        [0, 0, [0, 0]],
        [3, 5, [120, 239, 191, 189, 121, 0, 0, 0]],  # a lone surrogate: U+FFFD
        [0, 0, [0, 0, 0]],
    ]
    assert seen["view"] == [0, 0, 104, 101, 121, 0]  # written at the view's offset, within its length
    assert seen["wrong"] == ("JsException: TypeError: Failed to execute 'encodeInto' on 'TextEncoder': "
                             "parameter 2 is not of type 'Uint8Array'.")
    assert seen["missing"] == ("JsException: TypeError: Failed to execute 'encodeInto' on 'TextEncoder': "
                               "parameter 2 is not of type 'Uint8Array'.")
