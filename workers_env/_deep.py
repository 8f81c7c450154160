"""How deep a value workers-env's recursive conversions follow, and room to follow it.

Pyodide's ``to_js`` (python2js.c) and ``to_py`` (js2python.js) recurse on the WebAssembly/JS
stack and check no Python recursion limit: how deep production goes depends on that stack,
which nothing documents. workers-env's conversions recurse in Python, whose limit (1,000
frames, several per level, the caller's frames included) would otherwise end them with a
bare ``RecursionError`` somewhere below 500 levels. So each conversion counts its levels,
converts up to :data:`MAX_CONVERSION_DEPTH` whatever the caller's stack (raising the
interpreter's limit only while a deep value is walked, and only as far as that needs), and
refuses a deeper value with a :class:`NotEmulatedError` that says what was too deep.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from workers_env._errors import JsException, NotEmulatedError

__all__ = ["JSON_OBJECTS_SEND_REFUSED_FROM", "JSON_SEND_REFUSED_FROM", "MAX_CONVERSION_DEPTH", "ROOMY_FROM",
           "V8_OBJECTS_REFUSED_FROM", "V8_REFUSED_FROM", "clone_refusal", "conversion_limit", "converting_within",
           "deeper", "more_room", "nesting", "overflows", "python_str", "stack_exceeded", "too_deep"]

#: The deepest nesting (containers within containers) workers-env converts between Python
#: and JavaScript: to_js, to_py, JSON.stringify, String(), console.log. Our choice: deeper than
#: the Python Workers SDK's own recursive conversion goes (about 1,000 Python frames).
MAX_CONVERSION_DEPTH = 1000

#: How deep a value V8's serializer refused, whatever the stack it was called from: measured with a
#: JavaScript twin under wrangler dev 4.168.0 running workerd 1.20261201.1 (V8 15.9; wd70,
#: ``tools/wrangler/queue_json_depth_probe.py``), arrays nested within arrays -- a queue's ``send()``
#: of a ``v8`` body sent 2,629 levels and refused 2,630: ``RangeError: Maximum call stack size
#: exceeded`` (``structuredClone``'s deserializer refused arrays from 2,087). 1.20261123.1's V8 15.8,
#: wrangler 4.168.0's own, refused 2,088 levels of arrays (wprobes69), 4.164.0's 3,370. A Python
#: Worker calls it from deeper still, so it is refused there too; between
#: :data:`MAX_CONVERSION_DEPTH` and this, production's outcome is its stack's.
V8_REFUSED_FROM = 2630

#: The same border for objects within objects: under 1.20261201.1 an object level takes as much of
#: V8's serializer's stack as an array level -- ``send()`` of a ``v8`` body sent 2,629 levels of
#: objects, and of arrays and objects in turn, and refused 2,630 (:func:`overflows`);
#: ``structuredClone`` refused objects from 2,631 or 2,632, the two in turn from 2,328 (its
#: deserializer's: what only that refuses is left not emulated). 1.20261123.1's V8 sent 3,782 levels
#: of objects and refused 3,784 (wprobes69).
V8_OBJECTS_REFUSED_FROM = 2630

#: How deep a ``json`` queue message's ``send()``/``sendBatch()`` refused (workerd's ``serialize``:
#: ``v8::JSON::Stringify``), measured with a JavaScript twin under wrangler dev 4.168.0 running
#: workerd 1.20261201.1 (wd70): 4,297 levels of arrays sent, 4,298 (and 20,000) refused with
#: ``RangeError: Maximum call stack size exceeded`` (``sendBatch`` a level more in one of three runs).
#: 1.20261123.1 sent 4,303 (wprobes69; 4,302 run beside it), 4.164.0's 5,028, arrays and objects alike.
JSON_SEND_REFUSED_FROM = 4298

#: The same border for objects within objects, which take more of ``JSON::Stringify``'s stack a
#: level: 3,342 sent, 3,343 refused (1.20261123.1: 3,346 and 3,347); arrays and objects in turn 3,760
#: sent, 3,761 refused, as the two shares add up (:func:`overflows`).
JSON_OBJECTS_SEND_REFUSED_FROM = 3343

#: how deep ``to_js`` converts in this context (:func:`converting_within`)
_LIMIT: ContextVar[int] = ContextVar("workers_env_conversion_limit", default=MAX_CONVERSION_DEPTH)


def conversion_limit() -> int:
    """How deep ``to_js`` converts here: :data:`MAX_CONVERSION_DEPTH`, unless workers-env itself
    converts data no Pyodide conversion made (:func:`converting_within`)."""
    return _LIMIT.get()


@contextmanager
def converting_within(limit: int) -> Iterator[None]:
    """``to_js`` goes ``limit`` levels deep inside the block: a ``json`` queue message's body,
    which workerd's ``JSON.parse`` makes whatever its depth, as deep as the producer took it."""
    token = _LIMIT.set(limit)
    try:
        yield
    finally:
        _LIMIT.reset(token)


#: the level from which a conversion walks on with :func:`more_room` (shallow values never pay for it)
ROOMY_FROM = 64

#: frames a conversion may spend per level (a comprehension or generator, a helper, a callback)
_FRAMES_PER_LEVEL = 12

_T = TypeVar("_T")

_LOCK = threading.Lock()
#: conversions walking with room, the limit to put back after the last, and the limit we set
_ROOM = {"walks": 0, "theirs": 0, "ours": 0}


@contextmanager
def more_room(levels: int = MAX_CONVERSION_DEPTH, frames_per_level: int = _FRAMES_PER_LEVEL) -> Iterator[None]:
    """Room for ``levels`` more levels of a conversion (``frames_per_level`` each; 1 for C code
    such as ``json``'s scanner, which counts one per level): the interpreter's recursion limit is
    raised by what they may take while the block runs and put back when the last block
    running (in any thread) ends -- the user's own limit is left as it was, and a limit the
    user sets while a block runs is the one kept (or put back) when the last block ends."""
    with _LOCK:
        current = sys.getrecursionlimit()
        if _ROOM["walks"] == 0 or current != _ROOM["ours"]:  # the user's limit, maybe set during a walk
            _ROOM["theirs"] = current
        _ROOM["walks"] += 1
        wanted = max(current, _frames_in_use() + levels * frames_per_level + 200)
        if wanted != current:
            sys.setrecursionlimit(wanted)
        _ROOM["ours"] = wanted
    try:
        yield
    finally:
        with _LOCK:
            _ROOM["walks"] -= 1
            if _ROOM["walks"] == 0 and sys.getrecursionlimit() == _ROOM["ours"] != _ROOM["theirs"]:
                try:
                    sys.setrecursionlimit(_ROOM["theirs"])
                except RecursionError:  # this thread is deeper than that limit (it walked in under ours): kept
                    pass


def _frames_in_use() -> int:
    frame = sys._getframe(2)
    count = 0
    while frame is not None:
        frame, count = frame.f_back, count + 1  # type: ignore[assignment]
    return count


def too_deep(what: str, limit: int = MAX_CONVERSION_DEPTH) -> NotEmulatedError:
    """The error for a value nested past ``limit`` levels in ``what`` (``"to_js()"``)."""
    return NotEmulatedError(
        f"{what} of a value nested more than {limit:,} levels deep (lists, dicts, tuples, sets, JS arrays or "
        f"objects within each other) is not emulated by workers-env: production's limit is its JavaScript "
        f"stack's, which is not known offline. Nest the value less deeply"
    )


def stack_exceeded() -> JsException:
    """V8's error where its stack runs out: ``RangeError: Maximum call stack size exceeded``."""
    return JsException("Maximum call stack size exceeded", name="RangeError")


def clone_refusal(value: object, children: Callable[[object], Iterable[object] | None],
                  is_array: Callable[[object], bool], what: str) -> Exception | None:
    """What V8's serializer (structured clone, a ``v8`` queue message) does with ``value``, where
    workers-env cannot clone it: where its levels take all of the stack (:func:`overflows`, by
    :data:`V8_REFUSED_FROM` and :data:`V8_OBJECTS_REFUSED_FROM`) its ``RangeError``, past
    :data:`MAX_CONVERSION_DEPTH` levels :func:`too_deep` for ``what`` (production's outcome depends
    on its stack); None for a value to clone. ``children`` gives a container's members,
    ``is_array`` whether it is an array (any other container is counted as an object)."""
    if nesting(value, children, MAX_CONVERSION_DEPTH + 1) <= MAX_CONVERSION_DEPTH:
        return None
    return stack_exceeded() if overflows(value, children, is_array, V8_REFUSED_FROM, V8_OBJECTS_REFUSED_FROM) else too_deep(what)


def overflows(value: object, children: Callable[[object], Iterable[object] | None], is_array: Callable[[object], bool],
              arrays_from: int, objects_from: int) -> bool:
    """Whether V8's stack runs out walking ``value``: each array level takes ``1/arrays_from`` of it, each other container ``1/objects_from`` -- the shares
    of the depths V8 refused arrays and objects from; the two added up gave mixed values' border
    within a level or two (wprobes69)."""
    whole = arrays_from * objects_from
    return nesting(value, children, whole, lambda item: objects_from if is_array(item) else arrays_from) >= whole


def nesting(value: object, children: Callable[[object], Iterable[object] | None], limit: int,
            weight: Callable[[object], int] | None = None) -> int:
    """How many levels of containers ``value`` is nested (1: the value itself; 0: no container),
    walked without recursion up to ``limit``; ``children(item)`` gives a container's members, None
    for anything else. A container within itself is followed once. With ``weight``, a level counts
    ``weight(container)`` rather than 1, and the deepest path's sum is given."""
    deepest = 0
    on_path: set[int] = set()
    walked: dict[int, int] = {}  # a container's id: the deepest level it was walked at (shared ones once)
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack and deepest < limit:
        item, outer = stack.pop()
        if outer < 0:  # leaving it
            on_path.discard(id(item))
            continue
        if id(item) in on_path:
            continue
        members = children(item)
        if members is None:
            continue
        level = outer + (1 if weight is None else weight(item))
        if walked.get(id(item), 0) >= level:
            continue
        deepest = max(deepest, level)
        walked[id(item)] = level
        on_path.add(id(item))
        stack.append((item, -1))
        stack.extend((member, level) for member in members)
    return deepest


def deeper(level: int, what: str | Callable[[], BaseException], walk: Callable[[], _T],
           limit: int = MAX_CONVERSION_DEPTH) -> _T:
    """``walk()`` of a container ``level`` levels deep (1: the value itself), called by a
    conversion only from :data:`ROOMY_FROM` on: the levels below it get :func:`more_room`; a
    container past ``limit`` raises ``what()``, or :func:`too_deep` for ``what`` if it is text."""
    if level > limit:
        raise too_deep(what, limit) if isinstance(what, str) else what()
    if level == ROOMY_FROM:
        with more_room(limit - level):
            return walk()
    return walk()


def python_str(value: object, what: str = "String()") -> str:
    """Python's ``str(value)``, as ``String()`` of a PyProxy gives it, for a value nested up to
    :data:`MAX_CONVERSION_DEPTH` levels deep (lists, dicts, tuples, sets within each other; the
    value itself is level 1); a deeper one raises :func:`too_deep` for ``what``, as does one whose
    own ``__str__`` recurses past the room given, rather than a bare ``RecursionError``."""
    if _nested_deeper_than(value, MAX_CONVERSION_DEPTH):
        raise too_deep(what)
    try:
        with more_room():
            return str(value)
    except RecursionError:
        raise too_deep(what) from None


_CONTAINERS = (dict, list, tuple, set, frozenset)


def _nested_deeper_than(value: object, limit: int) -> bool:
    """Whether ``value`` holds containers nested more than ``limit`` levels deep (:func:`nesting`;
    a container within itself is not followed again: ``str()`` writes it ``[...]``)."""
    return nesting(value, _python_members, limit + 1) > limit


def _python_members(value: object) -> Iterable[object] | None:
    """A Python container's keys and members (``str()`` writes both)."""
    if not isinstance(value, _CONTAINERS):
        return None
    return [*value.keys(), *value.values()] if isinstance(value, dict) else value  # type: ignore[return-value]
