"""A Blob's or File's ``endings`` as workerd 1.20261123.1 and later take it: ``"transparent"`` (or
none) keeps the parts as given, ``"native"`` makes ``\\r\\n`` and a lone ``\\r`` of each string part
``\\n`` (a Blob or buffer part is kept), anything else -- ``null`` too -- is jsg's ``TypeError: The
provided value 'X' is not a valid enum value of type EndingType.``, after a parts argument that is
no array; ``workers.Blob``/``workers.File`` pass their ``endings`` on, as both SDKs do. workers-env
ignored it. Measured with ``workerd test`` of npm workerd 1.20261123.1, 1.20261129.1 and
1.20261201.1 (1.20261117.1, wrangler 4.164.0's, refused every ``endings``: "not implemented";
currency55)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from pyodide.ffi import jsnull, to_js
from workers import Blob, File, Response, WorkerEntrypoint

async def seen(make):
    try:
        b = make()
        return [b.size, await b.text()]
    except Exception as exc:
        return f"{exc.name}: {exc.message}" if hasattr(exc, "message") else f"{type(exc).__name__}: {exc}"

def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)

PARTS = ["a\\nb\\r\\nc\\r"]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        mixed = [js.Blob.new(["a\\r\\n"]), js.TextEncoder.new().encode("b\\r\\n"), "c\\r\\n", "d\\re"]
        return Response.json([
            await seen(lambda: js.Blob.new(PARTS, init(endings="native"))),
            await seen(lambda: js.Blob.new(PARTS, init(endings="transparent"))),
            await seen(lambda: js.Blob.new(PARTS)),
            await seen(lambda: js.Blob.new(PARTS, init(endings="bogus"))),
            await seen(lambda: js.Blob.new(PARTS, init(endings=jsnull))),
            await seen(lambda: js.Blob.new(PARTS, init(endings=5))),
            await seen(lambda: js.Blob.new(to_js(mixed), init(endings="native"))),
            await seen(lambda: js.File.new(["x\\r"], "n", init(endings="native"))),
            await seen(lambda: js.Blob.new("x", init(endings="bogus"))),
            await seen(lambda: Blob(PARTS, endings="native").js_object),
            await seen(lambda: File(PARTS, "f", endings="native").js_object),
            await seen(lambda: Blob(PARTS, endings="bogus").js_object),
        ])
"""

ENUM = "TypeError: The provided value '{}' is not a valid enum value of type EndingType."


def test_blob_endings_are_workerds(tmp_path: Path) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date="2026-11-24"), "/")
    assert got == [
        [6, "a\nb\nc\n"],
        [7, "a\nb\r\nc\r"],
        [7, "a\nb\r\nc\r"],
        ENUM.format("bogus"),
        ENUM.format("null"),
        ENUM.format("5"),
        [11, "a\r\nb\r\nc\nd\ne"],  # only the string parts converted (workerd 1.20261201.1)
        [2, "x\n"],
        "TypeError: Failed to construct 'Blob': constructor parameter 1 is not of type 'Array'.",
        [6, "a\nb\nc\n"],
        [6, "a\nb\nc\n"],
        ENUM.format("bogus"),
    ]
