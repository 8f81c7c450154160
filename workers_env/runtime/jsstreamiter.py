"""``ReadableStream.values()`` and ``async for chunk in stream``: workerd's async iterator.

workerd's ``values(options)`` (readable.c++, jsg ``AsyncIteratorBase`` in jsg/iterator.h) takes a
default reader at once -- the stream is locked from the call, and a locked stream refuses with
``getReader()``'s TypeError. ``next()`` reads a chunk (``{value, done}``); the read that meets
the end releases the lock and finishes the iterator (a ``next()`` after that is ``{done: true}``);
a read's error rejects and leaves the stream locked. ``return(value)`` cancels the stream with
``value`` as the reason (not with ``preventCancel``), releases the lock and finishes; after the
end it only answers ``{done: true, value}``. Pyodide iterates a JS async iterable with
``async for`` by calling ``[Symbol.asyncIterator]()`` (``values()`` with no options) and then
``next()`` (jsproxy.c ``JsProxy_GetAsyncIter``, ``JsGenerator_anext``); nothing calls
``return()`` when the loop is left by ``break`` or an exception, so the stream stays locked
then, as in production.
"""

from __future__ import annotations

import asyncio
from typing import Any

from workers_env import _jscoercions
from workers_env._jsvalues import BigInt
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jspromise import promise_call
from workers_env.runtime.jsproxy import JsObject, options_member

__all__ = ["ReadableStreamAsyncIterator", "stream_values"]

#: jsg's text for a ``values()`` argument that is not an object, ``undefined`` or ``null`` (wrangler dev)
_NOT_OPTIONS = "Failed to execute 'values' on 'ReadableStream': parameter 1 is not of type 'ValuesOptions'."


class ReadableStreamAsyncIterator(JsProxy):
    """What ``stream.values()`` gives: ``await it.next()``, ``await it.return_(value)``
    (``return`` is a Python keyword: Pyodide reads ``return_`` as ``return``), ``async for``."""

    _js_name = "ReadableStreamAsyncIterator"

    def __init__(self, reader: Any, prevent_cancel: bool):
        self._reader: Any = reader
        self._prevent_cancel = prevent_cancel
        self._finished = False
        self._returning = False
        self._turn = asyncio.Lock()  # jsg queues a call made while one is under way

    @promise_call
    async def next(self) -> JsObject:
        if self._finished or self._returning:
            return JsObject({"done": True, "value": None})
        async with self._turn:
            if self._finished:
                return JsObject({"done": True, "value": None})
            result = await self._reader.read()
            if result.done:  # readable.c++ ``nextFunction``: the end releases the lock
                self._reader.releaseLock()
                self._finished = True
                return JsObject({"done": True, "value": None})
            return JsObject({"done": False, "value": result.value})

    async def _return(self, value: Any = None) -> JsObject:
        if self._finished or self._returning:
            return JsObject({"done": True, "value": value})
        self._returning = True
        async with self._turn:
            if not self._finished:
                reader = self._reader
                try:
                    if not self._prevent_cancel:  # readable.c++ ``returnFunction``
                        await reader.cancel(value)
                finally:
                    reader.releaseLock()
                self._finished = True
        return JsObject({"done": True, "value": value})

    def __getattr__(self, name: str) -> Any:
        if name in ("return", "return_"):  # ``return`` is a Python keyword: Pyodide reads ``return_``
            return self._return
        return super().__getattr__(name)

    def __aiter__(self) -> ReadableStreamAsyncIterator:
        return self  # an async iterator's [Symbol.asyncIterator]() is itself

    async def __anext__(self) -> Any:
        result = await self.next()
        if result.done:
            raise StopAsyncIteration
        return result.value


def stream_values(stream: Any, options: Any = None) -> ReadableStreamAsyncIterator:
    """``stream.values(options)``: a reader taken now (a locked stream is getReader()'s TypeError)."""
    if isinstance(options, (bool, int, float, str, BigInt)):  # jsg unwraps a struct from an object only
        raise js_type_error(_NOT_OPTIONS)
    prevent = getattr(options, "preventCancel", None) if isinstance(options, JsObject) else options_member(
        options, "preventCancel")
    reader = stream.getReader()
    return ReadableStreamAsyncIterator(reader, prevent is not None and _jscoercions.js_truthy(prevent))
