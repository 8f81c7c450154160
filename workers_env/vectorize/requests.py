"""What the binding's own JavaScript (workerd's ``vectorize-api.ts``) does before a request.

A call from Python reaches the service in stages, and each stage has its own errors:
the SDK and Pyodide convert the arguments (:func:`workers_env._sentvalues.to_js`), the
binding's JavaScript reshapes them (``vectors.map``, ``Array.from(values)``, the
``returnMetadata`` check, ``{...options, vector}``), then ``JSON.stringify`` writes the body
(:func:`workers_env._sentvalues.json_value`). Only what survives all three reaches the
service's own validation (``validation.py``). Arguments JavaScript ignores (a keyword
object after an options object) are never converted, so they can hold anything.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from workers_env._errors import JsException
from workers_env._jscoercions import js_truthy
from workers_env._jsvalues import (
    UNDEFINED,
    JsLiteralMapArgument,
    JsMapArgument,
    is_safe_int,
    js_key,
    js_string,
    js_type_error,
)
from workers_env._options import warn_unread_options
from workers_env._sendchecks import check_sendable, nests_deeper_than
from workers_env._sentvalues import array_from, converted, js_spread, json_value
from workers_env.vectorize import limits as _limits

#: the keys of the query options vectorize-api.ts sends (``VectorizeQueryOptions``)
_QUERY_OPTIONS = frozenset({"topK", "namespace", "returnValues", "returnMetadata", "filter"})

__all__ = ["ids_request", "options_object", "query_request", "write_request"]


def _json_or_raw(value: Any) -> Any:
    """``JSON.stringify`` of one field; a Python object with no JS form is left for the
    service's validation to refuse with its own parse error."""
    if isinstance(value, (dict, list)) and nests_deeper_than(value):
        return value
    try:
        return json_value(value)
    except JsException:
        raise
    except TypeError:
        return value


def options_object(positional: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    """The options argument JavaScript receives: Pyodide appends keyword arguments as one
    more trailing object, so they are the options only when no positional one was given."""
    if positional:
        return positional[0]
    if kwargs:
        return dict(kwargs)
    return UNDEFINED


def write_request(vectors: Any) -> list[Any]:
    """insert/upsert: ``vectors.map(vec => ({...vec, values: Array.from(vec.values)}))``,
    then ``JSON.stringify``. Values lists of plain numbers pass through untouched (the
    service's validation checks them, BigInt included, on its fast path)."""
    if vectors is UNDEFINED:
        raise js_type_error("Cannot read properties of undefined (reading 'map')")
    if vectors is None:
        raise js_type_error("Cannot read properties of null (reading 'map')")
    check_sendable(vectors) if type(vectors) is not list else _check_items_sendable(vectors)
    if type(vectors) is not list:
        converted(vectors)  # Pyodide converts it first (a float16 array fails there)
        raise js_type_error("vectors.map is not a function")
    as_js: list[Any] = []
    for vec in vectors:  # 1. Pyodide's conversion of every vector
        if isinstance(vec, (JsMapArgument, JsLiteralMapArgument)):  # already JavaScript's: a Map
            as_js.append(vec)
        elif isinstance(vec, Mapping):
            out = {}
            for key, value in vec.items():
                out[js_key(key)] = value if key == "values" and type(value) is list else converted(value)
            as_js.append(out)
        else:
            as_js.append(converted(vec))
    bodies: list[Any] = []
    for vec in as_js:  # 2. the binding's map(): {...vec, values: Array.from(vec.values)}
        if vec is None:
            raise js_type_error("Cannot read properties of null (reading 'values')")
        if isinstance(vec, JsMapArgument):  # {...map} has no own properties; map.values is a function
            body: dict[str, Any] = {"values": []}
        elif isinstance(vec, JsLiteralMapArgument):  # its keys are properties, but .values is Map's
            body = {**vec, "values": []}
        elif isinstance(vec, dict):
            body = dict(vec)
            body["values"] = array_from(vec.get("values", UNDEFINED))
        elif type(vec) is list:  # an Array's .values is a function: Array.from(fn) is []
            body = {**js_spread(vec), "values": []}
        else:
            array_from(UNDEFINED)  # strings, numbers, booleans have no .values
        bodies.append(body)
    for body in bodies:  # 3. JSON.stringify of the request body
        for key, value in body.items():
            if key != "values":
                body[key] = _json_or_raw(value)
            elif type(value) is not list:  # converted from a typed array, set, string, ...
                body[key] = [_value_item(v) for v in value]
            # a list passes as it is: validation checks its items (numbers, BigInts, the
            # SDK's refusals) in one pass on its fast path, and names an odd item on its slow one
    return bodies


def _value_item(value: Any) -> Any:
    """One item of a vector's values after ``JSON.stringify``: a number stays a number, a
    BigInt throws; anything else (a string, null, an object) is kept as the Python value it
    was, so the service's parse error can name it."""
    if type(value) in (int, float):
        return value
    try:
        out = json_value(converted(value))
    except JsException:
        raise
    except TypeError:
        return value
    return out if type(out) in (int, float) else value


def _plain_list(values: list[Any]) -> bool:
    return {int, float}.issuperset(map(type, values))


def _check_items_sendable(vectors: list[Any]) -> None:
    """The SDK's tuple/bytearray check over a batch, without a pass over plain number lists."""
    for vec in vectors:
        if isinstance(vec, Mapping):
            for key, value in vec.items():
                if type(value) in (str, int, float, bool) or value is None:
                    continue
                if key == "values" and type(value) is list:
                    continue  # checked by validation, without a Python pass over the numbers
                check_sendable(value)
        else:
            check_sendable(vec)


def query_request(version: str, vector: Any, options: Any, *, by_id: bool = False) -> dict[str, Any]:
    """query/queryById: the options object the service receives (with ``vector`` or
    ``vectorId``), after the binding's own checks."""
    if by_id and version == "v1":
        raise _limits.query_by_id_unsupported()
    plain_vector = type(vector) is list  # checked by validation, item by item only when odd
    if not plain_vector:
        check_sendable(vector)
    plain_options = _plain_options(options)  # the common case: nothing to convert or refuse
    if not plain_options:
        check_sendable(options)
    js_vector = vector if type(vector) is list else converted(vector)  # list items: see _value_item
    if plain_options:
        js_options = options
    else:
        js_options = converted(options) if options is not UNDEFINED else UNDEFINED
    warn_unread_options("queryById" if by_id else "query", js_options, _QUERY_OPTIONS)
    rm = js_options.get("returnMetadata") if isinstance(js_options, dict) else None
    if version == "v1":
        if js_truthy(rm) and not isinstance(rm, bool):
            raise _limits.return_metadata_not_boolean(js_string(rm))
        body = js_spread(js_options)
        body["vector"] = array_from(js_vector)
    else:
        if not by_id:
            js_vector = array_from(js_vector)
        if js_truthy(rm):
            if not isinstance(rm, bool) and rm not in ("all", "indexed", "none"):
                raise _limits.return_metadata_invalid(js_string(rm))
        body = js_spread(js_options)
        if isinstance(rm, bool) and rm:
            body["returnMetadata"] = "all"
        if by_id:
            body["vectorId"] = js_vector
        else:
            body["vector"] = js_vector
    if plain_options and plain_vector and not by_id:
        return body  # JSON leaves plain options and the caller's list (see below) as they are
    out: dict[str, Any] = {}
    for key, value in body.items():
        if key == "vector" and type(value) is list and (value is vector and plain_vector):
            out[key] = value
        elif value is not UNDEFINED:
            out[key] = _json_or_raw(value) if key != "vector" else [_value_item(v) for v in value]
    return out


def _plain_options(options: Any) -> bool:
    """True for a dict of string keys to strings, booleans, None, finite floats and safe
    ints (``topK=5, returnValues=True``): Pyodide's conversion, the SDK's checks and
    ``JSON.stringify`` all leave it as it is."""
    if type(options) is not dict:
        return False
    for key, value in options.items():
        cls = type(value)
        if type(key) is not str:
            return False
        if cls is str or cls is bool or value is None:
            continue
        if cls is int and is_safe_int(value):
            continue
        if cls is float and math.isfinite(value):
            continue
        return False
    return True


def ids_request(ids: Any) -> Any:
    """getByIds/deleteByIds: ``JSON.stringify({ids})``."""
    if type(ids) is list and all(type(i) is str for i in ids):
        return ids
    check_sendable(ids)
    if ids is UNDEFINED:
        return UNDEFINED  # {ids: undefined} is {}: the service sees no ids (validation says so)
    return _json_or_raw(converted(ids))
