"""``structuredClone(value, {transfer})``: the HTML structured clone of a JavaScript value, as
workerd (V8's serializer) makes it and Python Worker code sees it through Pyodide.

A deep copy of primitives, plain objects (own enumerable properties; a getter's value, no
prototype: a class instance comes back a plain ``Object``), arrays, ``Map``, ``Set``, ``Date``,
errors (name, message, ``cause``; a ``DOMException`` stays one), ``ArrayBuffer``, typed arrays
and ``DataView`` (the whole buffer copied, the view's offset kept), with shared and cyclic
references kept shared. What cannot be cloned is workerd's ``DataCloneError`` (a
``DOMException``, code 25), in V8's or workerd's words, measured under ``wrangler dev``
4.164.0 and (how a Python value reaches it) real Pyodide 0.28.2:

- a function: ``<its source> could not be cloned.`` -- a Python function is a PyProxy whose
  source is ``function(){}``; a Python ``dict``/``list``/``bytes``/object a PyProxy,
  ``[object Object] could not be cloned.``; a ``Symbol`` ``Symbol(x) could not be cloned.``;
  a promise ``#<Promise> could not be cloned.``;
- a workerd object that does not serialize: ``Could not serialize object of type "URL". This type
  does not support serialization.`` (``ReadableStream can only be serialized for RPC.``,
  ``AbortSignal serialization is not enabled.``).

Of workerd's serializable objects, a ``Headers`` is cloned with its entries and its guard (an
immutable one stays so; more than 1024 values are workerd's ``Deserialization failed: header
count exceeds maximum (N)``) and a ``Blob`` with its bytes and type; a ``File`` is not
serializable (``Could not serialize object of type "File"``), a ``Request`` or ``Response``
with a body is the ``ReadableStream`` refusal, one without a body is made again from its init
(:func:`_request`, :func:`_response`) (all measured under Miniflare, wrangler 4.164.0). A
``transfer`` list that is not empty is not emulated (``NotEmulatedError``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from workers_env import _errors
from workers_env._deep import (
    MAX_CONVERSION_DEPTH,
    ROOMY_FROM,
    clone_refusal,
    more_room,
    too_deep,
)
from workers_env._jsvalues import JsSet, handed_back, is_symbol
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsbuffers import JsBuffer, JsDataView, JsTypedArray
from workers_env.runtime.jsdate import JsDate
from workers_env.runtime.forms import JsBlob
from workers_env.runtime.jsfunctions import JsDoubleProxy, JsFunction
from workers_env.runtime.jsglobals import NamespaceStrings
from workers_env.runtime.heldpyproxies import is_stored_as_proxy
from workers_env.runtime.jsmapkeys import map_key
from workers_env.runtime.jspromise import JsPromise
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.jsproxy import (
    JsArray,
    JsLiteralMap,
    JsMap,
    JsObject,
    JsObjectMap,
    jsnull,
    options_member,
    read_stored,
)

__all__ = ["depth_refusal", "structured_clone"]

_MISSING: Any = object()

#: workerd objects V8 hands to jsg's serializer, which refuses them with its own text
_NOT_SERIALIZABLE = frozenset({
    "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "FormData", "Event", "Crypto", "AbortController",
    "TransformStream", "IdentityTransformStream", "FixedLengthStream", "WritableStream", "Navigator",
    "Performance", "Scheduler", "SubtleCrypto", "CryptoKey", "CacheStorage", "Cache", "File"})
_SPECIAL_TEXTS = {"ReadableStream": "ReadableStream can only be serialized for RPC.",
                  "AbortSignal": "AbortSignal serialization is not enabled."}
#: workerd objects its serializer clones without a body (a body is a ReadableStream, refused as one)
_SERIALIZABLE = frozenset({"Request", "Response"})
#: workerd's cap on the values a cloned ``Headers`` holds (headers.c++ ``Headers::deserialize``)
MAX_CLONED_HEADERS = 1024


def _data_clone_error(text: str) -> Exception:
    return dom_exception(text, "DataCloneError")


def _headers(value: JsHeaders) -> JsHeaders:
    """A ``Headers``' clone: its values, each kept apart as workerd writes them, its names'
    spellings and its guard."""
    pairs = object.__getattribute__(value, "_pairs")
    if len(pairs) > MAX_CLONED_HEADERS:
        raise _data_clone_error(f"Deserialization failed: header count exceeds maximum ({len(pairs)})")
    made = JsHeaders()
    made._pairs = list(pairs)
    made._spelled = dict(object.__getattribute__(value, "_spelled"))  # as headers.c++ serializes a name
    made._immutable = value._immutable
    return made


def structured_clone(value: Any = _MISSING, options: Any = None, *_ignored: Any) -> Any:
    """``structuredClone(value, options)``: see the module's docstring."""
    if value is _MISSING:
        raise js_type_error("Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 1 is not "
                            "of type 'Value'.")
    transfer = options_member(options, "transfer") if options is not None and options is not jsnull else None
    if transfer is not None:
        if not isinstance(transfer, (JsArray, list, tuple)):
            raise js_type_error("Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided "
                                "value is not of type 'Array'.")
        if len(transfer):
            raise _errors.NotEmulatedError("structuredClone(value, {transfer: [...]}) with a transfer list is not "
                                           "emulated by workers-env: clone without one (the buffers are copied)")
    return handed_back(_Cloner(value).clone(value))  # a Python int from 2**53 - 1 up went as a BigInt


def _cf(value: Any) -> dict[str, Any]:
    """A Request's or Response's ``cf`` as its constructor takes it from the clone's init: a
    JSON copy (CfProperty::deepClone), a new object, not frozen; none when it had none."""
    cf = value.cf
    return {} if cf is None else {"cf": cf}  # (the constructor copies it: jsweb.copied_cf)


def _request(value: JsRequest) -> JsRequest:
    """A bodiless ``Request`` as workerd clones it (http.c++ ``Request::serialize``/``deserialize``):
    its URL and an init of its method, headers (a new, mutable ``Headers``), redirect mode, ``cf``,
    cache mode and ``encodeResponseBody``, given to ``new Request`` again; its ``fetcher`` is left
    out (``null``). A signal it was given is refused, as workerd's ``AbortSignal`` serializer refuses
    it; none -- or an incoming request's, which subrequests ignore -- is left out."""
    if not value.signal._ignored_for_subrequests:
        raise _data_clone_error(_SPECIAL_TEXTS["AbortSignal"])
    options = {"method": value.method, "headers": _headers(value.headers), "redirect": value.redirect,
               "encodeResponseBody": value._encode_response_body, **_cf(value)}
    if value._cache_mode is not None:
        options["cache"] = value._cache_mode
    return JsRequest.from_options(value.url, options)


def _response(value: JsResponse) -> JsResponse:
    """A bodiless ``Response`` as workerd clones it (``Response::serialize``/``deserialize``): a
    ``new Response(null, init)`` of its status, status text, headers (new, mutable), ``cf`` and
    ``encodeBody`` -- its ``url``, ``redirected`` and ``type`` are not kept -- or, of status 0,
    ``Response.error()``; a WebSocket's is refused, a ``WebSocket`` not being serializable."""
    if value._web_socket is not None:
        raise _data_clone_error('Could not serialize object of type "WebSocket". This type does not support '
                                "serialization.")
    headers = _headers(value.headers)
    if value.status == 0:
        return JsResponse.error()
    return JsResponse(None, JsObject({"status": value.status, "statusText": value.statusText, "headers": headers,
                                      "encodeBody": value._encode_body, **_cf(value)}))


def _members(value: Any) -> list[Any] | None:
    """The members of a JS object, array, ``Map`` (keys and values) or ``Set`` as stored; None for anything else."""
    if isinstance(value, JsObject):
        return list(object.__getattribute__(value, "_props").values())
    if isinstance(value, JsArray):
        return list(value._items)
    if isinstance(value, JsMap):
        return [part for entry in value.entries() for part in entry]
    return list(value) if isinstance(value, JsSet) else None


def depth_refusal(value: Any, what: str) -> Exception | None:
    """:func:`clone_refusal` of ``value``, nested as its JS objects, arrays, Maps and Sets are."""
    return clone_refusal(value, _members, lambda item: isinstance(item, JsArray), what)


class _Cloner:
    """One clone: what was cloned so far by identity (shared and cyclic references stay so), and
    how deep in the value it is."""

    def __init__(self, root: Any) -> None:
        self._root = root  # the value cloned, walked whole where the clone goes too deep
        self._made: dict[int, Any] = {}
        self._keep: list[Any] = []  # the originals, alive while their ids are keys
        self._level = 0

    def _nested(self, value: Any, walk: Any) -> Any:
        """``walk()``, the cloning of container ``value`` one level deeper: with room to go on
        past :data:`ROOMY_FROM` levels, refused past :data:`MAX_CONVERSION_DEPTH`."""
        self._level += 1
        try:
            if self._level > MAX_CONVERSION_DEPTH:
                raise depth_refusal(self._root, "structuredClone()") or too_deep("structuredClone()")
            if self._level == ROOMY_FROM:
                with more_room(MAX_CONVERSION_DEPTH - ROOMY_FROM):
                    return walk()
            return walk()
        finally:
            self._level -= 1

    def _remember(self, original: Any, made: Any) -> Any:
        self._made[id(original)] = made
        self._keep.append(original)
        return made

    def clone(self, value: Any) -> Any:
        if value is None or value is jsnull or isinstance(value, (bool, int, float, str)):
            return value
        if id(value) in self._made:
            return self._made[id(value)]
        if is_symbol(value):
            raise _data_clone_error(f"{value} could not be cloned.")
        if isinstance(value, JsObjectMap):  # ``as_object_map()``, ``as_py_json()``: JavaScript sees the object
            return self.clone(object.__getattribute__(value, "_object"))
        if isinstance(value, NamespaceStrings):  # Math, JSON: no enumerable own property, so {}
            return self._remember(value, JsObject())
        if isinstance(value, JsLiteralMap):  # Pyodide 0.28's to_js(dict): a Proxy V8 does not clone
            raise _data_clone_error("[object Map] could not be cloned.")
        if isinstance(value, (JsObject, JsArray, JsMap, JsSet)):
            return self._nested(value, lambda: self._container(value))
        return self._other(value)

    def _container(self, value: Any) -> Any:
        """A JS object, array, ``Map`` or ``Set`` cloned, its members with it."""
        if isinstance(value, JsObject):
            nulls = object.__getattribute__(value, "_nulls")
            made = self._remember(value, JsObject.plain({}, nulls) if nulls else JsObject())
            props = object.__getattribute__(made, "_props")  # in the source's order (integer keys first)
            for key, raw in list(object.__getattribute__(value, "_props").items()):
                props[key] = self._child(value, raw, nulls)
            return made
        if isinstance(value, JsArray):
            made = self._remember(value, JsArray(nulls=value._nulls))
            for raw in list(value._items):  # (a loop, not a generator: no C frame per level)
                made._items.append(self._child(value, raw, value._nulls))
            return made
        if isinstance(value, JsMap):
            made = self._remember(value, JsMap())
            for entry in list(value.entries()):
                made._entries[map_key(self.clone(entry[0]))] = self.clone(entry[1])
            return made
        made = self._remember(value, JsSet())
        for item in list(value):
            made.add(self.clone(item))
        return made

    def _other(self, value: Any) -> Any:
        """Any other value cloned, or refused as V8 and workerd refuse it."""
        if isinstance(value, JsDate):
            return self._remember(value, JsDate(value.getTime()))
        if isinstance(value, JsHeaders):
            return self._remember(value, _headers(value))
        if type(value) is JsBlob:
            made = JsBlob()
            made._data, made.type = value._data, value.type
            return self._remember(value, made)
        if isinstance(value, _errors.JsException):
            return self._remember(value, self._error(value))
        if isinstance(value, JsBuffer):
            return self._remember(value, JsBuffer(value.to_bytes()))
        if isinstance(value, (JsTypedArray, JsDataView)):
            buffer = self.clone(value.buffer)
            if isinstance(value, JsDataView):
                return self._remember(value, JsDataView(buffer, value.byteOffset, value.byteLength))
            return self._remember(value, JsTypedArray(value._js_name, buffer=buffer, offset=value.byteOffset,
                                                      length=value.length))
        return self._refuse(value)

    def _child(self, owner: Any, raw: Any, nulls: Any) -> Any:
        """A property or item of ``owner`` cloned: a primitive as it is stored (``null`` stays
        ``null`` where Python reads it as ``None``), anything else as Python reads it."""
        if raw is None or raw is jsnull or (isinstance(raw, (bool, int, float, str)) and not is_stored_as_proxy(raw)):
            return raw
        return self.clone(read_stored(owner, raw, nulls))

    def _error(self, error: _errors.JsException) -> _errors.JsException:
        dom = type(error) is _errors.JsException and "code" in error.__dict__  # a DOMException stays one
        made = dom_exception(error.message, error.name) if dom else _errors.JsException(error.message, name=error.name)
        if "cause" in error.__dict__:
            made.cause = self.clone(error.cause)
        return made

    def _refuse(self, value: Any) -> Any:
        name = getattr(value, "_js_name", None) if isinstance(value, JsProxy) else None
        if isinstance(value, (asyncio.Future, JsPromise)):
            raise _data_clone_error("#<Promise> could not be cloned.")
        if name in _SPECIAL_TEXTS:
            raise _data_clone_error(_SPECIAL_TEXTS[name])
        if name in _NOT_SERIALIZABLE:
            raise _data_clone_error(f'Could not serialize object of type "{name}". This type does not support '
                                    "serialization.")
        if name in _SERIALIZABLE:
            if value.body is not None and value.body is not jsnull:  # (a used body is still a stream)
                raise _data_clone_error("ReadableStream can only be serialized for RPC.")
            return self._remember(value, _request(value) if name == "Request" else _response(value))
        if type(value) is JsFunction:  # create_proxy(a Python callable): its PyProxy, as Pyodide makes one
            raise _data_clone_error("function(){} could not be cloned.")
        if isinstance(value, JsDoubleProxy):  # create_proxy(an object)
            raise _data_clone_error("[object Object] could not be cloned.")
        if getattr(value, "_to_string_tag", None) == "console":  # its first enumerable property, a function
            raise _data_clone_error(f"{value.debug!r} could not be cloned.")
        if isinstance(value, JsProxy) and getattr(type(value), "typeof", None) == "function":
            raise _data_clone_error(f"{value!r} could not be cloned.")
        if isinstance(value, JsProxy):
            raise _errors.NotEmulatedError(f"structuredClone() of a JavaScript {name or 'value'} is not emulated "
                                           "by workers-env")
        if callable(value):  # a Python function: a PyProxy of ``function(){}``
            raise _data_clone_error("function(){} could not be cloned.")
        raise _data_clone_error("[object Object] could not be cloned.")  # any other Python object's PyProxy
