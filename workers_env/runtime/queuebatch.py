"""A raw Queue's ``sendBatch(batch)`` given a Python iterable in the built-in SDK era, read as
workerd reads it: Pyodide hands over the list, tuple or generator as its PyProxy, which jsg's
``Sequence<MessageSendRequest>`` iterates (``iterator.h`` ``SequenceWrapper`` through
``GeneratorWrapper``: any object with a ``Symbol.iterator``), reading each item as the
``MessageSendRequest`` struct (``struct.h``: its ``body``, ``contentType``, ``delaySeconds``). A
``to_js``'d message is the JavaScript object itself; a Python dict's PyProxy has none of its keys
on Pyodide 0.26 (no ``body``: ``Message body cannot be undefined``) and its keys from 0.28.
Measured with a JavaScript stand-in of that unwrapping called from real Pyodide 0.26.0a4, 0.28.2
and 314.0.6 under Node (queue58)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from workers_env._errors import JsException
from workers_env._jsvalues import UNDEFINED, ByteStream, JsDate, JsOpaque
from workers_env.runtime.jsdestroyed import DestroyedAttribute
from workers_env.runtime.jspromise import python_error
from workers_env.runtime.jsproxy import JsArray, JsObject, JsProxy
from workers_env.runtime.jspyproxies import reads_dict_keys, warn_pyproxy

#: the members of workerd's ``MessageSendRequest`` (queue.h ``JSG_STRUCT(body, contentType, delaySeconds)``)
MEMBERS = ("body", "contentType", "delaySeconds")
#: values that are JavaScript's own when Python holds them (no PyProxy)
_JS_SIDE = (JsProxy, JsDate, JsOpaque, ByteStream, type(UNDEFINED))


def iterated_by_jsg(batch: Any) -> bool:
    """A Python value whose PyProxy has a ``Symbol.iterator`` jsg would walk: any iterable but a
    ``str`` (a JavaScript string) -- a list, tuple, set, dict (its keys), a generator, a dict's
    ``values()`` (sent: review89's probe), a ``range`` or ``bytes`` (numbers: each item refused)."""
    return not isinstance(batch, (*_JS_SIDE, str)) and isinstance(batch, Iterable)


def not_a_message() -> JsException:
    """jsg's refusal of a sequence item that is no object (``GeneratorWrapper``'s
    ``throwTypeError(TypeErrorContext::other(), ...)``, jsg util.c++'s ``OTHER`` text)."""
    return JsException("Incorrect type: the provided value is not of type 'MessageSendRequest'.", name="TypeError")


def batch_as_read(batch: Any, nulls: Any, where: str) -> JsArray:
    """The batch's items, each as JavaScript reads it from what the PyProxy's iterator yields. What
    the Python iterable raises meanwhile (a generator failing midway) is the ``PythonError`` jsg's
    pull throws, so the call's rejection -- a ``JsException`` once awaited -- and nothing is sent
    (review90: wrangler dev 4.164.0 rejects a JS generator's throw there, sends nothing; Pyodide
    0.26.0a4, 0.28.2 and 314.0.6 read that rejection as ``JsException: PythonError: ...``)."""
    items = []
    try:
        for item in batch:
            items.append(_item(item, nulls, where))
    except (JsException, Warning):  # (jsg's own refusal; a PyProxyWarning a ``-W error`` filter raises)
        raise
    except Exception as exc:  # noqa: BLE001 - the iterable's own error (an item's attribute's), as JavaScript sees it
        raise python_error(exc) from exc
    return JsArray(items, nulls=nulls)


def _item(item: Any, nulls: Any, where: str) -> Any:
    """One yielded item: a Python dict as its PyProxy's properties, another Python object (a
    dict subclass, a ``SimpleNamespace``, an instance, ``bytes``) as its attributes, anything else
    as it is (a JavaScript object; ``None``, a number or a string left for jsg's own refusals)."""
    if _read_by_attributes(item):
        read = {k: _attribute(v) for k in MEMBERS if (v := getattr(item, k, None)) is not None}
        if isinstance(item, Mapping):
            _warn_keys_unread(item, read, where)
        return JsObject(read)
    if type(item) is not dict:
        return item
    if reads_dict_keys(nulls):  # (a None value reads as undefined: absent)
        return JsObject({k: item[k] for k in MEMBERS if k in item and item[k] is not None})
    warn_pyproxy(f"a Python dict reached JavaScript as a PyProxy in this {where}, as a message of the batch: on "
                 "Pyodide 0.26 JavaScript reads none of its keys, so workerd finds no body. Convert each message "
                 "with to_js(message, dict_converter=Object.fromEntries)")
    return JsObject({})


def _warn_keys_unread(item: Mapping[Any, Any], read: dict[str, Any], where: str) -> None:
    """A ``PyProxyWarning`` for a mapping message (an ``OrderedDict``, a ``defaultdict``) whose
    members are keys its PyProxy does not read (only attributes, in every Pyodide: 0.26.0a4,
    0.28.2, 314.0.6 answer ``Message body cannot be undefined`` for ``OrderedDict(body=...)``,
    tools/pyodide/queue_batch_probe.mjs), as an exact dict's on 0.26 has (leftovers59)."""
    lost = [k for k in MEMBERS if k in item and k not in read]
    if lost:
        warn_pyproxy(f"a Python {type(item).__name__} reached JavaScript as a PyProxy in this {where}, as a message of "
                     f"the batch: JavaScript reads its attributes, not its keys ({', '.join(lost)}), in every Pyodide "
                     "(only an exact dict's keys are read, from 0.28), so production leaves them out"
                     f"{', and workerd finds no body' if 'body' in lost else ''}. Convert each message with "
                     "to_js(dict(message), dict_converter=Object.fromEntries)")


def _read_by_attributes(item: Any) -> bool:
    """A Python object other than an exact dict whose PyProxy Pyodide reads by ``getattr`` in
    every era (an ``OrderedDict``'s keys are not read: ``Message body cannot be undefined``)."""
    return not isinstance(item, (*_JS_SIDE, str, int, float)) and item is not None and type(item) is not dict \
        and not isinstance(item, (list, tuple, set, frozenset))


def _attribute(value: Any) -> Any:
    """An attribute the item's PyProxy gave: a Python container or object there is a proxy
    borrowed from the item's, destroyed with it when jsg's iteration ends, so ``JSON.stringify``
    of it throws (typeof ``object``; V8's clone ``[object Object] could not be cloned.``)."""
    if isinstance(value, (*_JS_SIDE, str, int, float)) or callable(value):
        return value
    return DestroyedAttribute()
