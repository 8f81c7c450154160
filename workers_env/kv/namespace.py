"""The KV binding (``env.MY_KV``): ``get``, ``getWithMetadata``, ``put``, ``delete``, ``list``.

The surface is workerd's ``KvNamespace`` (``src/workerd/api/kv.h``): single and bulk
``get``/``getWithMetadata`` with ``"text"``, ``"json"``, ``"arrayBuffer"`` and ``"stream"``,
``put`` with ``expiration``/``expirationTtl``/``metadata``, ``delete``, ``list`` with
``prefix``/``limit``/``cursor``. Checks run in the runtime's order, then the service's,
each raising what production raises (texts in :mod:`workers_env.kv.limits`); a rejected
call changes nothing. The ``*_sync`` methods are the core (no event loop, thread-safe);
the async methods are what Worker code awaits. Options go as a dict or as keyword
arguments, which become one trailing options object as the Python SDK sends them. An
option given as ``None`` is JavaScript's ``null`` (what the external SDK sends for ``None``;
the built-in SDK's ``undefined`` reaches here as ``"undefined"`` where JSG reads a string,
see ``JS_STRING_ARGS``, and as a missing option elsewhere), read as JSG reads it: ``0`` for the
numbers, ``"null"`` for ``type``, nothing for ``metadata``, ``prefix`` and ``cursor``.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Mapping
from typing import Any

from workers_env._clock import SYSTEM_CLOCK, Clock
from workers_env._errors import JsException
from workers_env._jscoercions import js_to_number, jsg_int_of_number
from workers_env._jsontext import json_text, parse_json, surrogate_pairs_joined
from workers_env._jsvalues import (
    UNDEFINED,
    ByteStream,
    JsDict,
    JsMapResult,
    JsTypedArray,
    PyProxyArgument,
    base_value,
    refuse_symbol,
    is_array_index,
    js_key,
    js_key_order,
    js_string,
    typed_array_bytes,
    to_py,
)
from workers_env._options import warn_unread_options
from workers_env._sendchecks import circular_structure_error
from workers_env._sentvalues import converted, json_value
from workers_env.kv import limits
from workers_env.kv.store import Entry, MemoryStore, Store

__all__ = ["KvNamespace"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _js_string(value: Any, method: str, position: int, expected: str = "string") -> str:
    """A string argument as JSG reads it (jsg/value.h ``StringWrapper``: V8's ``ToString`` of
    any value): numbers and booleans printed, ``null`` as ``"null"``, an object as
    ``"[object Object]"``, an array (a typed array too) as its ``join``. Only a missing
    argument (``undefined``) is refused, naming the ``expected`` type as JSG does. A lone
    surrogate stays (JSG sends it as WTF-8: :func:`_wtf8`); a pair of surrogate code points is
    the one character JavaScript holds there."""
    if isinstance(value, str):
        return _js_text(base_value(value))  # a subclass (a (str, Enum) member) crosses as its text
    if value is UNDEFINED:
        raise limits.bad_argument(method, position, expected)
    if value is None:
        return "null"  # Python None reaches JavaScript as null
    if isinstance(value, (bool, int, float, Mapping, list, tuple)):
        return _js_text(js_string(value))
    if isinstance(value, (bytes, bytearray, memoryview)):  # a Uint8Array: its numbers joined
        with memoryview(value) as view:
            return ",".join(map(str, view.cast("B").tolist()))
    refuse_symbol(value)  # V8's ToString of a Symbol (a key or a put value: wrangler dev 4.164.0)
    raise limits.bad_argument(method, position, expected)


def _is_key_list(key: Any) -> bool:
    """``get``/``getWithMetadata`` read a JS Array as many keys; anything else (a typed array
    included) is one key, as JSG tries ``kj::Array`` (``IsArray()``) before ``kj::String``."""
    return isinstance(key, list) and not isinstance(key, JsTypedArray)


def _js_text(text: str) -> str:
    """A Python string as the JavaScript string Pyodide makes of it: two surrogate code points
    that form a pair are one character; a lone one stays."""
    return text if text.isascii() or not _SURROGATE.search(text) else surrogate_pairs_joined(text)


def _wtf8(text: str) -> bytes:
    """The bytes workerd sends (and stores, for a value) of a JavaScript string (:func:`_js_text`):
    UTF-8, a lone surrogate as the three bytes of its code point (``ED A0 80``), not U+FFFD
    (measured on Miniflare's binding in workerd: kv_differential.py's edge cases)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _service_text(text: str) -> str:
    """A string as the service reads it from a query string or JSON body: :func:`_wtf8`'s
    bytes decoded with each bad byte U+FFFD, so a lone surrogate is three of them."""
    return _wtf8(text).decode("utf-8", "replace")


def _utf8_len(text: str) -> int:
    return len(_wtf8(text))


def _service_decode_key(op: str, key: str) -> None:
    """The service's first step for a key sent in the URL: a lone surrogate does not decode."""
    if _SURROGATE.search(key):  # (a pair is one character by now)
        raise limits.key_not_url_decodable(op)


def _check_key(op: str, key: str) -> None:
    """The runtime's key check (``validateKeyName``), before any request."""
    if key == "":
        raise limits.empty_key()
    if key in (".", ".."):
        raise limits.dot_key(key)
    length = _utf8_len(key)
    if length > limits.MAX_KEY_BYTES:
        raise limits.key_too_long(op, length)


def _server_check_key(op: str, key: str) -> None:
    """The service's key check, which is all a bulk get gets (the runtime sends keys unchecked)."""
    if key == "":
        raise limits.server_empty_key(op)
    if key in (".", ".."):
        raise limits.server_illegal_key(op, key)
    length = _utf8_len(key)
    if length > limits.MAX_KEY_BYTES:
        raise limits.key_too_long(op, length)  # (the service's text is the runtime's)


def _option_int(options: Mapping[str, Any], name: str) -> int | None:
    """An ``int`` option as JSG reads it (jsg/value.h, its value-test.c++): ``ToNumber`` (a BigInt,
    an int past 2**53, is V8's ``TypeError``), NaN and the infinities as 0, truncated, within int32.
    ``None`` when absent; present as ``None`` it is JavaScript's ``null``, whose ``ToNumber`` is 0
    (``jsg::Optional<int>`` takes only ``undefined`` as absent: measured on workerd)."""
    if name not in options:
        return None
    value = options[name]
    if value is None:
        return 0
    return jsg_int_of_number(js_to_number(value))


def _options(args: tuple[Any, ...], kwargs: Mapping[str, Any], index: int) -> Any:
    """The argument at ``index`` once keywords become one trailing options object."""
    merged = list(args)
    if kwargs:
        merged.append(dict(kwargs))
    return merged[index] if len(merged) > index else None


def _placed(named: tuple[Any, ...], args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> list[Any]:
    """A call's arguments as JavaScript receives them: the positional ones given (``named``
    up to the first one not passed, then ``args``) and the keywords as ONE trailing object --
    Pyodide's call, which the external SDK's wrapper makes too -- so ``put("k", expirationTtl=60)``
    passes the options object as the value, and ``get(type="json")`` as the key, as in production.
    Positions past what was given are ``UNDEFINED`` (missing)."""
    given = []
    for value in named:
        if value is UNDEFINED:
            break
        given.append(value)
    else:
        given.extend(args)
    if kwargs:
        given.append(dict(kwargs))
    return given + [UNDEFINED] * (len(named) + 1 - len(given))


def _is_js_object(value: Any) -> bool:
    """Whether JSG reads ``value`` as an options dictionary: a JS object, arrays and typed
    arrays included (an array is an object whose keys name no option, so it reads as ``{}``)."""
    return isinstance(value, (Mapping, list, tuple, bytes, bytearray, memoryview))


#: the options JSG reads of each method's options struct (kv.h ``GetOptions``, ``ListOptions``, ``PutOptions``)
_GET_OPTIONS = frozenset({"type", "cacheTtl"})
_LIST_OPTIONS = frozenset({"limit", "prefix", "cursor"})
_PUT_OPTIONS = frozenset({"expiration", "expirationTtl", "metadata"})


def _options_dict(value: Any, method: str, known: frozenset[str]) -> Mapping[str, Any]:
    """An options object as a mapping of its options (an array has none); a key spelt as
    Python spells the one JSG reads (``expiration_ttl``) is warned of."""
    warn_unread_options(method, value, known)
    return value if isinstance(value, Mapping) else {}


def _get_options(raw: Any, method: str) -> tuple[str | None, int | None]:
    """``get(key, type)`` or ``get(key, {type, cacheTtl})`` -> (type, cacheTtl). The options
    themselves ``null`` are none (JSG reads a ``null`` dictionary as empty); a ``type`` of
    ``None`` is JavaScript's ``null``, which JSG's ``kj::String`` reads as ``"null"``."""
    if raw is None:
        return None, None
    if _is_js_object(raw):
        raw = _options_dict(raw, method, _GET_OPTIONS)
        type_name = raw.get("type")
        if "type" in raw and not isinstance(type_name, str):
            type_name = _js_string(type_name, method, 2)
        return type_name, _option_int(raw, "cacheTtl")
    return _js_string(raw, method, 2), None


def _value_bytes(value: Any) -> bytes:
    """A ``put`` value as the bytes stored: strings as UTF-8, buffers and streams as is."""
    if isinstance(value, str):
        return _wtf8(_js_text(value))
    if isinstance(value, ByteStream):
        return value.read()
    if isinstance(value, JsTypedArray):  # an ArrayBufferView that crossed from Worker code
        return typed_array_bytes(value)
    if value is None or isinstance(value, (bool, int, float)):
        return _js_string(value, "put", 2).encode("utf-8")  # JavaScript stringifies primitives
    if isinstance(value, (Mapping, list, PyProxyArgument)):  # a PyProxy (Python bytes too) is no buffer
        raise limits.bad_put_value()
    refuse_symbol(value)  # jsg's last try, a string, is V8's ToString
    try:
        with memoryview(value) as view:
            return view.tobytes()
    except TypeError:
        raise limits.bad_put_value() from None


def _metadata_json(metadata: Any) -> str:
    """``JSON.stringify(metadata)`` as the runtime sends it, after Pyodide's conversion: numbers
    as JavaScript prints them (``1.0`` is ``1``, ``-0.0`` is ``0``), NaN and Infinity as
    ``null``, an int past 2**53 V8's BigInt ``TypeError``, keys as ``Object.fromEntries`` makes
    them (``None`` is ``"undefined"``) in a JS object's order (array indices first, ascending),
    lone surrogates escaped; V8's ``TypeError`` for a value that contains itself. Walked without
    recursion, so any depth is written (and the size limit refuses it with its true length)."""
    parts: list[str] = []
    path: list[tuple[Any, Any]] = []  # (container, key of the child being written)
    walking: list[Any] = []  # each container's items left
    on_path: set[int] = set()

    def enter(value: Any, key: Any) -> bool:
        """Write ``value``; True when it is a container whose items come next."""
        if not isinstance(value, (dict, list, tuple)):
            parts.append(_json_leaf(value))
            return False
        if id(value) in on_path:
            start = next(i for i, (c, _) in enumerate(path) if c is value)
            raise circular_structure_error(path, start, key)
        parts.append("{" if isinstance(value, dict) else "[")
        path.append((value, None))
        walking.append(iter(_object_entries(value)) if isinstance(value, dict) else enumerate(value))
        on_path.add(id(value))
        return True

    enter(metadata, None)
    while walking:
        container = path[-1][0]
        for key, child in walking[-1]:
            if parts[-1] not in ("{", "["):
                parts.append(",")
            if isinstance(container, dict):
                parts.append(json_text(key) + ":")
            path[-1] = (container, key)
            if enter(child, key):
                break
        else:
            walking.pop()
            on_path.discard(id(path.pop()[0]))
            parts.append("}" if isinstance(container, dict) else "]")
    return "".join(parts)


def _json_leaf(value: Any) -> str:
    """The JSON of a value that holds no dict or list, as Pyodide converts it and V8 writes it."""
    try:
        return json_text(json_value(converted(value)))  # (a leaf: no container to guard)
    except TypeError as exc:  # a PyProxy: a Python object with no JavaScript conversion
        raise _not_json(str(exc)) from None


def _object_entries(value: dict[Any, Any]) -> list[tuple[str, Any]]:
    """A dict's entries as the JS object ``Object.fromEntries`` makes of it: keys as property
    names (a later equal key keeps the first one's place), in JavaScript's key order."""
    named: dict[str, Any] = {}
    for key, child in value.items():
        named[js_key(key)] = child
    return [(k, named[k]) for k in js_key_order(named)]


def _not_json(detail: str) -> JsException:
    return JsException(
        f"KV put() metadata must be JSON-serialisable (dicts, lists, strings, numbers, booleans, None): {detail}",
        name="TypeError",
    )


def _decode_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


class KvNamespace:
    """One KV namespace binding. ``namespace_id`` is the id the data lives under."""

    JS_METHODS = ("get", "getWithMetadata", "put", "delete", "list")
    #: The argument of each method that is an options object (a PyProxy there reads as empty).
    JS_OPTION_ARGS = {"get": 1, "getWithMetadata": 1, "put": 2, "list": 0}
    #: The members JSG reads of each options struct (kv.h): a Python dict given as the options is
    #: its PyProxy, whose own ``type`` property (``"dict"``) JSG reads as ``GetOptions.type``.
    JS_OPTION_MEMBERS = {"get": _GET_OPTIONS, "getWithMetadata": _GET_OPTIONS, "put": _PUT_OPTIONS,
                         "list": _LIST_OPTIONS}
    #: The options' members JSG reads as strings (``kj::String``): a Python container there (a
    #: keyword's value, or a 0.28 dict's item) is its PyProxy, whose ``ToString`` is its ``str()``.
    JS_STRING_MEMBERS = {"get": ("type",), "getWithMetadata": ("type",), "list": ("prefix", "cursor")}
    #: The options' members its JavaScript only ``JSON.stringify``s (kv.c++ ``put``:
    #: ``metadata...toJson``): a Python dict there (a keyword's value) is written as its PyProxy is.
    JS_JSON_MEMBERS = {"put": ("metadata",)}
    #: The arguments JSG reads as strings (``kj::String``, ``put``'s body a ``OneOf<String,
    #: JsObject>``), and the key lists whose items it reads so: there the built-in SDK's
    #: ``undefined`` (Worker code's ``None``) is the string ``"undefined"`` (runtime/bindingarguments.py).
    JS_STRING_ARGS = {"get": 0, "getWithMetadata": 0, "put": (0, 1), "delete": 0}
    JS_STRING_LIST_ARGS = {"get": 0, "getWithMetadata": 0}
    #: The methods whose promise resolves ``undefined`` (kv.h ``jsg::Promise<void>``): ``None`` to
    #: Worker code in every era, where a missing key's ``null`` is Pyodide 0.28's ``jsnull``.
    JS_VOID_METHODS = frozenset({"put", "delete"})
    #: ``put``'s value (``OneOf<String, JsObject>``): a Python container's PyProxy is an object
    #: there, which ``put`` refuses as a value (kv.c++), not the string of it.
    JS_BODY_ARGS = {"put": 1}

    def __init__(self, store: Store | None = None, *, binding: str = "KV", namespace_id: str | None = None,
                 clock: Clock | None = None):
        self._store = store if store is not None else MemoryStore()
        self.binding = binding
        self.namespace_id = namespace_id if namespace_id is not None else binding
        self._clock = clock if clock is not None else SYSTEM_CLOCK

    def __repr__(self) -> str:
        return f"<KvNamespace {self.binding} id={self.namespace_id!r}>"

    @property
    def clock(self) -> Clock:
        """The clock expiry is measured against (``load_env(..., clock=ManualClock())``)."""
        return self._clock

    # -- reads ----------------------------------------------------------------------------
    def _shape(self, data: bytes, type_name: str | None) -> Any:
        kind = "text" if type_name is None else type_name  # "" is workerd's unknown type
        if kind == "text":
            return _decode_text(data)
        if kind == "json":
            return to_py(parse_json(_decode_text(data)))
        if kind == "arrayBuffer":
            return memoryview(bytearray(data))  # Pyodide's to_py: a writable copy of the ArrayBuffer
        if kind == "stream":  # the body of KV's answer, which has a Content-Length (kv.c++ newSystemStream)
            return ByteStream([data], expected_length=len(data))
        raise limits.unknown_get_type()

    def _read(self, method: str, key_arg: Any, options: Any) -> tuple[Entry | None, str | None]:
        key = _js_string(key_arg, method, 1)  # JSG unwraps the key before the options
        type_name, cache_ttl = _get_options(options, method)
        _check_key("GET", key)
        _service_decode_key("GET", key)
        if cache_ttl is not None and cache_ttl < limits.MIN_CACHE_TTL_SECONDS:
            raise limits.cache_ttl_too_short("GET", cache_ttl)
        return self._store.get(key, self._clock.now_ms()), type_name

    def _bulk(self, keys: list[Any], options: Any, *, with_metadata: bool, method: str) -> JsMapResult:
        type_name, cache_ttl = _get_options(options, method)
        names = [_service_text(_js_string(k, method, 1)) for k in keys]  # sent in a JSON body
        if type_name is not None and type_name not in limits.BULK_GET_TYPES and type_name != "":
            raise limits.bulk_bad_type(type_name)
        if len(names) > limits.MAX_BULK_GET_KEYS:
            raise limits.bulk_too_many()
        if not names:
            raise limits.bulk_too_few()
        now = self._clock.now_ms()
        out = JsMapResult()
        total = 0
        for key in names:
            _server_check_key("GET_BULK", key)
            if cache_ttl is not None and cache_ttl < limits.MIN_CACHE_TTL_SECONDS:
                raise limits.cache_ttl_too_short("GET_BULK", cache_ttl)
            entry = self._store.get(key, now)
            if entry is None:
                out[key] = None
                continue
            text = _decode_text(entry.value)
            total += len(text.encode("utf-16-le")) // 2  # JavaScript string length
            value: Any = text
            if type_name == "json":
                try:
                    value = to_py(parse_json(text))
                except JsException:
                    raise limits.bulk_not_of_type("json") from None
            if with_metadata:  # every present key, a JSON null too (Miniflare 5.20261201: obj !== null)
                metadata = None if entry.metadata_json is None else to_py(parse_json(entry.metadata_json))
                value = JsDict(value=value, metadata=metadata)
            out[key] = value
        if total > limits.MAX_BULK_VALUE_BYTES:
            raise limits.bulk_too_large()
        if any(map(is_array_index, out)):  # kv.c++ reads the answer's names with SKIP_INDICES
            return JsMapResult((k, v) for k, v in out.items() if not is_array_index(k))
        return out

    def get_sync(self, key: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> Any:
        """``get(key, type | {type, cacheTtl})``: the value, or ``None`` when absent or expired.

        A list of keys (at most 100; ``"text"`` or ``"json"``) returns a ``dict`` (a JS
        ``Map`` to JavaScript) of key -> value, ``None`` for absent keys.
        """
        options = args[0] if args else None
        if kwargs:  # (only keywords can move an argument: see _placed)
            key, options = _placed((key,), args, kwargs)[:2]
            options = None if options is UNDEFINED else options
        if key is UNDEFINED:
            raise limits.bad_argument("get", 1, "string or Array")
        if _is_key_list(key):
            return self._bulk(key, options, with_metadata=False, method="get")
        entry, type_name = self._read("get", key, options)
        return None if entry is None else self._shape(entry.value, type_name)

    def getWithMetadata_sync(self, key: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> Any:
        """``{value, metadata, cacheStatus}``; ``value`` and ``metadata`` ``None`` when absent."""
        options = args[0] if args else None
        if kwargs:
            key, options = _placed((key,), args, kwargs)[:2]
            options = None if options is UNDEFINED else options
        if key is UNDEFINED:
            raise limits.bad_argument("getWithMetadata", 1, "Array or string")
        if _is_key_list(key):
            return self._bulk(key, options, with_metadata=True, method="getWithMetadata")
        entry, type_name = self._read("getWithMetadata", key, options)
        if entry is None:
            return JsDict(value=None, metadata=None, cacheStatus=None)
        metadata = None if entry.metadata_json is None else to_py(parse_json(entry.metadata_json))
        return JsDict(value=self._shape(entry.value, type_name), metadata=metadata, cacheStatus=None)

    def list_sync(self, *args: Any, **kwargs: Any) -> JsDict:
        """``{keys: [{name, expiration?, metadata?}], list_complete, cursor?, cacheStatus}``."""
        options = _options(args, kwargs, 0)
        if options is not None and not _is_js_object(options):
            raise limits.bad_argument("list", 1, "ListOptions")  # JSG names the C++ struct
        options = _options_dict(options or {}, "list", _LIST_OPTIONS)
        limit = _option_int(options, "limit")
        prefix = options.get("prefix")
        cursor = options.get("cursor")
        if prefix is not None:
            prefix = _service_text(_js_string(prefix, "list", 1))  # as the service reads its query string
        if cursor is not None and not isinstance(cursor, str):
            cursor = _js_string(cursor, "list", 1)
        count = limit if limit is not None and limit > 0 else limits.MAX_LIST_KEYS  # 0 or less: not sent
        if count > limits.MAX_LIST_KEYS:
            raise limits.list_limit_too_large(count)
        if prefix is not None and _utf8_len(prefix) > limits.MAX_KEY_BYTES:
            raise limits.key_too_long("GET", _utf8_len(prefix))
        start_after = ""
        if cursor:
            try:
                start_after = base64.b64decode(cursor + "=" * (-len(cursor) % 4), validate=True).decode("utf-8", "replace")
            except (binascii.Error, ValueError):
                raise limits.bad_cursor() from None
        infos, more = self._store.list(prefix or "", start_after, count, self._clock.now_ms())
        keys = []
        for info in infos:
            item = JsDict(name=info.name)
            if info.expiration_ms is not None:
                item["expiration"] = info.expiration_ms // 1000
            if info.metadata_json is not None:
                item["metadata"] = to_py(parse_json(info.metadata_json))
            keys.append(item)
        if more:
            last = infos[-1].name.encode("utf-8")
            return JsDict(keys=keys, list_complete=False, cursor=base64.b64encode(last).decode("ascii"), cacheStatus=None)
        return JsDict(keys=keys, list_complete=True, cacheStatus=None)

    # -- writes ---------------------------------------------------------------------------
    def _prepare_put(self, key: Any, value: Any, options: Any) -> tuple[str, Entry]:
        """Every check of ``put`` in the runtime's then the service's order; nothing is written."""
        name = _js_string(key, "put", 1)  # JSG unwraps the parameters in order, then put() checks
        if value is UNDEFINED:
            raise limits.bad_argument("put", 2, "string or Object")
        expiration = ttl = metadata_json = None
        if options is not None:  # (none: the common put, without the options' work)
            if not _is_js_object(options):
                raise limits.bad_argument("put", 3, "PutOptions")  # JSG names the C++ struct
            options = _options_dict(options, "put", _PUT_OPTIONS)
            expiration = _option_int(options, "expiration")
            ttl = _option_int(options, "expirationTtl")
        _check_key("PUT", name)
        if options is not None:
            metadata = options.get("metadata")
            metadata_json = None if metadata is None else _metadata_json(metadata)
        data = _value_bytes(value)
        _service_decode_key("PUT", name)
        now_s = math.floor(self._clock.now())
        expiration_s: int | None = None
        if ttl is not None:
            if ttl <= 0:
                raise limits.expiration_ttl_not_positive(ttl)
            if ttl < limits.MIN_EXPIRATION_TTL_SECONDS:
                raise limits.expiration_ttl_too_short(ttl)
            expiration_s = now_s + ttl
        elif expiration is not None:
            if expiration <= now_s:
                raise limits.expiration_in_past(expiration)
            if expiration < now_s + limits.MIN_EXPIRATION_TTL_SECONDS:
                raise limits.expiration_too_soon(expiration)
            expiration_s = expiration
        if metadata_json is not None and _utf8_len(metadata_json) > limits.MAX_METADATA_BYTES:
            raise limits.metadata_too_large(_utf8_len(metadata_json))
        if len(data) > limits.MAX_VALUE_BYTES:
            raise limits.value_too_large(len(data))
        return name, Entry(data, None if expiration_s is None else expiration_s * 1000, metadata_json)

    def put_sync(self, key: Any = UNDEFINED, value: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> None:
        """Store ``value`` (str, bytes-like or stream) under ``key``; all checks before any write."""
        options = args[0] if args else None
        if kwargs:  # (only keywords can move an argument: see _placed)
            key, value, options = _placed((key, value), args, kwargs)[:3]
        name, entry = self._prepare_put(key, value, None if options is UNDEFINED else options)
        self._store.put(name, entry)

    def put_many_sync(self, items: list[tuple[Any, Any, Mapping[str, Any] | None]]) -> int:
        """``[(key, value, options)]`` put in order, after every item passed every check:
        one bad item writes none of them. Returns how many were written."""
        prepared = []
        for index, (key, value, options) in enumerate(items):
            try:
                prepared.append(self._prepare_put(key, value, options))
            except JsException as exc:
                raise JsException(f"item {index} (key {key!r}): {exc.message}", name=exc.name) from None
        for name, entry in prepared:
            self._store.put(name, entry)
        return len(prepared)

    def delete_sync(self, key: Any = UNDEFINED, /, *_ignored: Any, **kwargs: Any) -> None:
        """Remove ``key``; deleting a key that does not exist is not an error."""
        name = _js_string(_placed((key,), (), kwargs)[0], "delete", 1)
        _check_key("DELETE", name)
        _service_decode_key("DELETE", name)
        self._store.delete(name)

    def delete_many_sync(self, keys: list[Any]) -> int:
        """Remove each of ``keys``, after every key passed ``delete``'s checks: one bad key
        deletes none of them, and raises what ``delete`` raises for it. Returns how many keys
        were given (absent ones included)."""
        names = []
        for key in keys:
            name = _js_string(key, "delete", 1)
            _check_key("DELETE", name)
            _service_decode_key("DELETE", name)
            names.append(name)
        for name in names:
            self._store.delete(name)
        return len(names)

    # -- what Worker code awaits ----------------------------------------------------------
    async def get(self, key: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> Any:
        return self.get_sync(key, *args, **kwargs)

    async def getWithMetadata(self, key: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> Any:
        return self.getWithMetadata_sync(key, *args, **kwargs)

    async def put(self, key: Any = UNDEFINED, value: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> None:
        self.put_sync(key, value, *args, **kwargs)

    async def delete(self, key: Any = UNDEFINED, /, *_ignored: Any, **kwargs: Any) -> None:
        self.delete_sync(key, **kwargs)

    async def list(self, *args: Any, **kwargs: Any) -> JsDict:
        return self.list_sync(*args, **kwargs)
