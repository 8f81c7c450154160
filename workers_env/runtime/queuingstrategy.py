"""Queuing strategies and underlying sources as workerd reads them: the fields of a source or
strategy (a JS object's, a ``Map``'s none, a PyProxy's), a ``highWaterMark`` or ``size`` as a jsg
``uint64_t``, the strategies workers-env's streams refuse, and an internal stream's byte-counted
``highWaterMark``.

Apart from the streams that read them (runtime/jsstreams.py, runtime/jswritable.py's ``size`` of a
write, runtime/jspipes.py's ``FixedLengthStream``, the event options of runtime/jsevents.py): it
uses none of them, only the byte channel (runtime/livebytestream.py) it sets a mark on.
"""

from __future__ import annotations

import math
from typing import Any

from workers_env._errors import NotEmulatedError
from workers_env._jsvalues import BigInt, is_safe_int
from workers_env.runtime.chunklog import ChunkLog
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsnumbers import to_number
from workers_env.runtime.jsproxy import JsObject
from workers_env.runtime.jstopy import js_null
from workers_env.runtime.livebytestream import LiveByteStream

__all__ = ["count_bytes", "refuse_queuing_strategy", "strategy_mark"]


def _source_fields(source: Any, names: tuple[str, ...] = ("start", "pull", "cancel", "type"),
                   where: str = "underlying source of a ReadableStream") -> dict[str, Any]:
    """An underlying source's ``start``/``pull``/``cancel``/``type`` (or a queuing strategy's
    ``names``) as JavaScript reads them: a JS object's properties; none of a ``Map``
    (``to_js(dict)`` without ``dict_converter``); a Python dict's keys as the Worker's Pyodide
    reads a PyProxy's; a Python object's attributes (its ``type`` the PyProxy's own: its type's name)."""
    from workers_env.runtime.jsproxy import JsLiteralMap, JsMap
    from workers_env.runtime.jspyproxies import pyproxy_attributes, pyproxy_options

    if isinstance(source, JsLiteralMap):  # to_js(dict) from Pyodide 0.27: its keys are properties
        return source.read_properties()
    if source is None or isinstance(source, JsMap):
        return {}
    if isinstance(source, JsObject):
        return dict(source._props)
    if type(source) is dict:  # a PyProxy: its own ``type`` ("dict") is what a ``type`` read gives
        return pyproxy_options(source, where, reads=frozenset(names))
    if not isinstance(source, JsProxy):  # another PyProxy: its attributes, its own ``type`` its type's name
        return pyproxy_attributes(source, names, where)
    return {name: getattr(source, name) for name in names if hasattr(source, name)}


def _strategy(strategy: Any, source_type: Any, where: str = "a ReadableStream") -> tuple[int, Any]:
    """A queuing strategy's ``highWaterMark`` as workerd reads it, a ``uint64_t``
    (:func:`_jsg_uint64`); without one 1, or 0 for a ``type: "bytes"`` source (standard.c++
    ``getHighWaterMark``) -- and its ``size`` function (``None`` without one; anything else
    that is not a function, ``null`` too, is jsg's TypeError)."""
    fields = _source_fields(strategy, ("highWaterMark", "size"), "queuing strategy of " + where)
    value, size = fields.get("highWaterMark"), fields.get("size")
    if size is not None and not callable(size):
        raise js_type_error("Incorrect type for the 'size' field on 'StreamQueuingStrategy': the provided value is "
                            "not of type 'function'.")
    if value is None:  # undefined
        return (0 if source_type == "bytes" else 1), size
    return _jsg_uint64(value), size


def _jsg_uint64(value: Any) -> int:
    """``value`` as jsg converts it to a ``uint64_t`` (jsg/value.h): a BigInt that fits, else
    ``ToNumber`` -- finite, not negative, at most 2**64 - 1 -- truncated; otherwise jsg's
    TypeError (texts checked under wrangler dev 4.164.0, ``tools/wrangler/readable_size_probe.py``)."""
    if isinstance(value, BigInt) or (type(value) is int and not is_safe_int(value)):
        if not 0 <= value < 2**64:
            raise js_type_error("The value cannot be converted because it is either negative and this API expects a "
                                "positive bigint, or the value would be truncated.")
        return int(value)
    number = to_number(value)
    if not math.isfinite(number):
        raise js_type_error("The value cannot be converted because it is not an integer.")
    if number < 0:
        raise js_type_error("The value cannot be converted because it is negative and this API expects a positive "
                            "bigint.")
    if number > 2**64 - 1:
        raise js_type_error("Value out of range. Must be less than or equal to 18446744073709551615.")
    return int(number)


def refuse_queuing_strategy(where: str, strategy: Any, default: int | None = None,
                            names: tuple[str, ...] = ("highWaterMark",), unnamed: int | None = None) -> None:
    """Refuse a queuing strategy workerd would follow and workers-env's stream would not: one with
    a ``highWaterMark`` other than ``default`` (the one the stream models; ``None``: it models
    none, workerd's internal stream without one) or, among ``names``, a ``size`` -- run as if it
    were not given, its ``desiredSize`` and backpressure would silently be another stream's.
    ``unnamed``: the ``highWaterMark`` of a strategy given (``null`` too) that names none, where
    that is not ``default`` (a TransformStream's readable side: the standard's 1)."""
    if strategy is None or (strategy is js_null() and unnamed is None):
        return
    given = {} if strategy is js_null() else _source_fields(strategy, names, f"queuing strategy of {where}")
    fields = {key: value for key, value in given.items() if value is not None}
    if unnamed is not None and "highWaterMark" not in fields and unnamed != default:
        raise NotEmulatedError(f"{where} with a queuing strategy that names no highWaterMark (null, {{}}, or a dict "
                               f"whose keys production does not read) is not emulated by workers-env: workerd's "
                               f"stream then takes highWaterMark {unnamed}, workers-env's models only {default}; "
                               f"leave the strategy out or give highWaterMark {default}")
    mark = fields.get("highWaterMark")
    for field in ("size", "highWaterMark"):
        if field in fields and (field == "size" or default is None or to_number(mark) != default):
            raise NotEmulatedError(f"{where} with a queuing strategy's {field} is not emulated by workers-env"
                                   + ("" if default is None else f" (only highWaterMark {default}, the default, is)")
                                   + "; leave the strategy out")


def strategy_mark(strategy: Any, where: str) -> int | None:
    """An internal stream's queuing strategy's ``highWaterMark`` (``None``: none given), a
    ``uint64_t`` as jsg reads it (:func:`_jsg_uint64`); its ``size``, if any, is not read
    (identity-transform-stream.c++ ``QueuingStrategy``)."""
    if strategy is None or strategy is js_null():
        return None
    mark = _source_fields(strategy, ("highWaterMark",), "queuing strategy of " + where).get("highWaterMark")
    return None if mark is None else _jsg_uint64(mark)


def count_bytes(sink: LiveByteStream, mark: int | None) -> None:
    """Give an internal stream's writable side the highWaterMark ``mark`` (``None``: none, its
    ``desiredSize`` stays 1 while writable): bytes waiting count against it."""
    if mark is not None:
        sink.high_water_mark, sink.counts_bytes, sink.sizes = mark, True, ChunkLog(blank=0)
