"""What the SDKs make of a JavaScript value that reaches Python over RPC: ``python_from_rpc``.

A binding's result as ``self.env`` hands it back (:mod:`.envwrap`'s wrappers), and an argument as
another Worker's Python code receives it (:func:`~workers_env.runtime.bindingarguments.rpc_argument`),
both go through the SDK's default converter (:func:`from_rpc_default`). Here too the depth limit of
the SDK's recursive walks (:data:`SDK_DEPTH`), which its argument conversions (``python_to_rpc``,
beside the wrapper that makes them, in envwrap.py) share. Apart from envwrap.py because the binding
objects (jsbindings.py) need these conversions, and envwrap.py needs the bindings.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from workers_env._deep import ROOMY_FROM, deeper
from workers_env._errors import JsException, users_mistake
from workers_env._jsvalues import JsDate, JsDict, JsOpaque, JsSet, to_py
from workers_env.runtime.jsproxy import JsProxy, jsnull
from workers_env.runtime.sdkresults import one_walk

__all__ = ["python_from_rpc", "from_rpc_default", "SDK_DEPTH"]


#: How deep the SDK's recursive Python conversions (``_replace_none_with_jsnull``,
#: ``_raise_on_disabled_type``, ``_replace_jsnull_with_none``) go before production's Python
#: stops them with a ``RecursionError``: its 1,000-frame limit, one frame a level (Python 3.12
#: inlines comprehensions), less the frames of the handler's stack -- about 25, our estimate.
SDK_DEPTH = 975

#: types the SDK's walks pass by unchanged
_PLAIN = frozenset({str, int, float, bool})


def _sdk_recursion(what: str) -> RecursionError:
    return users_mistake(RecursionError(
        f"maximum recursion depth exceeded while converting {what}: the Python Workers SDK converts values "
        f"recursively, so a value that contains itself or nests more than about {SDK_DEPTH:,} levels deep (lists "
        f"and dicts within each other) cannot be sent (in production too)"))


#: what :func:`_sdk_recursion` says the SDK was converting: a binding call's argument, a result
_ARGUMENT, _RESULT = "an argument for a binding", "a binding's result"


def _sdk_walk(level: int, what: str, walk: Callable[[], Any]) -> Any:
    """``walk()`` of a container ``level`` levels deep in one of the SDK's recursive conversions."""
    return walk() if level < ROOMY_FROM else deeper(level, lambda: _sdk_recursion(what), walk, SDK_DEPTH)


def _without_jsnull(value: Any, level: int = 1) -> Any:
    """The external SDK's ``_replace_jsnull_with_none`` (workers-runtime-sdk 1.3.0 on,
    ``workers/rpc.py``): every ``jsnull`` in a ``to_py()`` tree as ``None``, every ``dict`` rebuilt
    as its ``JsDict`` -- a ``dict`` whose keys also read as attributes (``res.matches``)."""
    if type(value) in _SAME_IN_JS:  # a str, a number: as it is (asked first)
        return value
    if value is jsnull:
        return None
    if isinstance(value, dict):
        return _sdk_walk(level, _RESULT,
                         lambda: JsDict({k: _without_jsnull(v, level + 1) for k, v in value.items()}))
    if type(value) is list:
        if _PLAIN.issuperset(map(type, value)):  # a vector (an embedding): each item as it is, at C speed
            return _sdk_walk(level, _RESULT, lambda: list(value))
        return _sdk_walk(level, _RESULT, lambda: [_without_jsnull(v, level + 1) for v in value])
    if isinstance(value, (JsDate, JsException, JsOpaque)):  # what to_py() left that the SDK's converter takes
        return from_rpc_default(value)
    return value


def from_rpc_default(value: Any, convert: Any = None, cache: Any = None) -> Any:
    """Both SDKs' ``_python_from_rpc_default_converter`` (workers-runtime-sdk 1.9.5
    ``workers/rpc.py``, workerd's built-in ``_workers.py``), for what ``to_py()`` leaves a proxy
    at any depth: a ``Date`` becomes a naive ``datetime`` (UTC where Workers run), an ``Error``
    an ``Exception`` of its ``toString()``, a ``Response``/``Request``/``Blob``/``FormData`` the
    SDK's class around it (a ``File`` the ``TypeError`` both SDKs' ``File(value)`` raises);
    anything else stays as it is."""
    if value is jsnull:
        return None
    if isinstance(value, JsDate):  # a Date of plain binding data (a datetime the SDK sent)
        return _date_from_ms(value.ms)
    if isinstance(value, JsOpaque) and value.kind == "Error":  # an Error of plain data
        return Exception(f"Error: {value.value}")
    if isinstance(value, JsException):  # a JS Error object (only a plain Error: its constructor's name)
        return Exception(str(value)) if value.name == "Error" else value
    name = getattr(getattr(value, "constructor", None), "name", None)
    if name == "Date":
        return _date_from_ms(value.getTime())
    if name == "Error":
        return Exception(value.toString())
    if name == "Number":
        return value.valueOf()
    if name in ("Response", "Request"):
        from workers_env.runtime.workers_api import Request, Response

        return (Response if name == "Response" else Request)(value)
    if name in ("Blob", "File", "FormData"):
        from workers_env.runtime import forms

        if name == "File":  # the SDK calls File(value) without the filename File requires
            raise TypeError("File.__init__() missing 1 required positional argument: 'filename'")
        return getattr(forms, name)(value)
    return value


def _date_from_ms(ms: float) -> datetime.datetime:
    """``datetime.datetime.fromtimestamp(value.getTime() / 1000)``, as the SDK converts a Date:
    naive, in the Worker's zone -- UTC in production, so UTC here on any host."""
    return datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc).replace(tzinfo=None)


def python_from_rpc(value: Any) -> Any:
    """JS -> Python for binding results: objects become ``JsDict``, null ``None`` (at any depth,
    as the external SDK replaces the ``jsnull`` of Pyodide 0.28's ``to_py()``), and a ``Date``,
    ``Error``, ``Response``, ... at any depth what the SDK's default converter makes of it."""
    if value is None or value is jsnull:
        return None
    walked = one_walk(value)  # a binding's plain data (from_plain's): the three passes below in one walk
    if walked is not None:
        return walked
    if isinstance(value, JsSet):  # Pyodide's to_py of a Set: a set
        return {python_from_rpc(v) for v in value}
    if isinstance(value, JsProxy):
        value = value.to_py(default_converter=from_rpc_default)
        if isinstance(value, JsProxy):  # to_py of a Date, a Response ... is the proxy itself
            value = from_rpc_default(value)
    elif isinstance(value, (JsDate, JsException)):
        return from_rpc_default(value)
    return _without_jsnull(to_py(value))  # Pyodide's numbers first, then JsDicts without jsnull


#: the arguments :func:`python_to_rpc` hands on as they are (an int only in the safe range)
_SAME_IN_JS = frozenset({str, int, float, bool})
