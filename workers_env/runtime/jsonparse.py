"""``JSON.parse`` as Worker code calls it: the JS value tree a JSON text reads as.

One function with its helpers, separate from runtime/jsweb.py, where it was: ``JSON.parse`` on
``js``, a body's ``json()`` (runtime/jsbody.py), a Request's or Response's copied ``cf`` and
``crypto.subtle``'s JWK import all read JSON so, and none of them needs the others.
"""

from __future__ import annotations

from typing import Any

from workers_env import _jsontext
from workers_env._deep import more_room
from workers_env._errors import NotEmulatedError
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jsonreviver import json_sources, revive
from workers_env.runtime.jsproxy import JsArray, JsObject, js_null, js_number, jsnull

__all__ = ["json_parse"]


def json_parse(text: Any = None, reviver: Any = None, *_ignored: Any) -> Any:
    """``JSON.parse``: the JS value tree for ``String(text)`` -- no argument or ``None`` is
    ``undefined`` (``"undefined"``, a ``SyntaxError``), ``jsnull`` ``"null"``; bad JSON is V8's
    ``SyntaxError``. A ``reviver`` function walks the value as ECMAScript's does (see
    :mod:`.jsonreviver`); one that is not a function is ignored, as ECMAScript's JSON.parse
    ignores it (``.map(JSON.parse)`` passes the index there, and the array after)."""
    source = js_text(text)
    data = _jsontext.parse_json(source)
    revived = callable(reviver) and not isinstance(reviver, (JsArray, JsObject))
    parsed = _tree(source, data, revived)
    if revived:  # walked once, outside the retry: the reviver's calls and its own RecursionError are its
        tree, sources = parsed
        return _top(revive(tree, sources, reviver))
    return _top(parsed)


def _tree(source: str, data: Any, revived: bool) -> Any:
    """The JS value tree of ``data`` (with the sources a reviver gets when ``revived``), built
    again with room when the caller's stack is too short for it: no Worker code runs here."""
    try:
        return (_js_value(data), json_sources(source)) if revived else _js_value(data)
    except RecursionError:  # json parsed deeper than this walk could go from the caller's stack
        pass
    try:
        with more_room():
            return (_js_value(data), json_sources(source)) if revived else _js_value(data)
    except RecursionError:
        raise NotEmulatedError(_jsontext.DEEP_JSON) from None


def _top(value: Any) -> Any:
    """The parsed value as Pyodide hands a JS value to Python: ``null`` as the Worker's
    Pyodide converts it (``None`` on 0.26), a whole number as ``int``."""
    if value is jsnull:
        return js_null()
    return js_number(value) if isinstance(value, float) else value


def _js_value(data: Any) -> Any:
    """Parsed JSON as the JS value tree a worker would hold."""
    if data is None:
        return jsnull
    if isinstance(data, dict):  # (JsObject puts integer keys first, as a JS object orders its own properties)
        return JsObject({k: _js_value(v) for k, v in data.items()})
    if isinstance(data, list):
        return JsArray([_js_value(v) for v in data])
    return data
