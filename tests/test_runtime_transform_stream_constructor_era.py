"""``new TransformStream()`` before ``transformstream_enable_standard_constructor``
(2022-11-30) is workerd's ``IdentityTransformStream`` (streams/transform.c++
``TransformStream::constructor``: the old implementation defers to it): a byte stream that
refuses a chunk that is not bytes or a string at the write, and whose ``desiredSize`` stays 1
while a write waits; a transformer or strategy given then only brings workerd's warning
(``logWarningOnce``). The flags ``transformstream_enable_standard_constructor`` /
``transformstream_disable_standard_constructor`` decide whatever the date."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import SETTLE, json_answer, one_file_worker

from workers_env import NotEmulatedError, js, to_js

ENTRY = """
import asyncio
from js import Object, TransformStream, TextEncoder
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/transformer"):
            stream = TransformStream.new(to_js({}, dict_converter=Object.fromEntries))
            TransformStream.new(to_js({}, dict_converter=Object.fromEntries))
        else:
            stream = TransformStream.new()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        pending = writer.write(TextEncoder.new().encode("a"))
        await settle()
        out = [writer.desiredSize]
        out.append(bytes((await reader.read()).value.to_bytes()).decode())
        await pending
        numbered = writer.write(7)  # refused at once by a byte stream; passed on by a standard one
        await settle()
        out.append(str(numbered.exception() or "passed on") if numbered.done() else "waiting for a read")
        return Response.json(out)
""" + SETTLE

IDENTITY = [1, "a", "TypeError: This TransformStream is being used as a byte stream, but received an object of "
                    "non-ArrayBuffer/ArrayBufferView type on its writable side."]
#: standard, and (before 2024-12-16) back-pressure only on the first write: the second resolves at once
STANDARD = [0, "a", "passed on"]


def fetched(tmp_path, date, flags=(), path="/plain"):
    # python_no_global_handlers: a Default class on old dates
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=("python_no_global_handlers", *flags))
    return json_answer(folder, path)


@pytest.mark.parametrize(("date", "flags", "expected"), [
    ("2022-11-29", (), IDENTITY),
    ("2022-11-30", (), STANDARD),
    ("2022-11-29", ("transformstream_enable_standard_constructor",), STANDARD),
    ("2026-05-01", ("transformstream_disable_standard_constructor",), IDENTITY),
])
def test_the_date_and_the_flags_decide(tmp_path, date, flags, expected):
    assert fetched(tmp_path, date, flags) == expected


def test_a_transformer_before_the_date_is_workerds_warning_once_a_request(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    assert fetched(tmp_path, "2022-11-29", path="/transformer") == IDENTITY
    warned = [r.getMessage() for r in caplog.records if "transformstream_enable_standard_constructor" in r.getMessage()]
    assert warned == ["To use the new TransformStream() constructor with a custom transformer, enable the "
                      "transformstream_enable_standard_constructor compatibility flag. Refer to the docs for more "
                      "information: https://developers.cloudflare.com/workers/platform/compatibility-dates/"
                      "#compatibility-flags"]


def test_a_transformer_to_the_standard_constructor_is_not_emulated():
    with pytest.raises(NotEmulatedError) as caught:
        js.TransformStream.new(to_js({"transform": lambda chunk, controller: None},
                                     dict_converter=js.Object.fromEntries))
    assert str(caught.value) == ("new TransformStream(transformer) with transform functions is not emulated by "
                                 "workers-env; new TransformStream() (chunks passed through) is")
