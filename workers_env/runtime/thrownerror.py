"""The body of the 500 ``wrangler dev`` answers when a Python Worker's handler throws.

wrangler serves a Python Worker unbundled (``applyPythonConfig`` sets ``no_bundle``), so it gets
none of the middleware wrangler's bundler wraps a JavaScript Worker in for dev -- not
``miniflare3-json-error``, whose JSON error Miniflare turns into its pretty error page. The
handler's rejection reaches Miniflare's entry worker, which answers
``new Response(e?.stack ?? String(e), {status: 500})``: ``500 Internal Server Error``,
``text/plain;charset=UTF-8``, the error's ``stack`` (wrangler dev 4.164.0, measured with an
unbundled JavaScript Worker).

What a Python handler rejects with is Pyodide's ``PythonError`` (``name`` ``PythonError``,
``message`` the traceback as ``traceback.format_exception`` writes it) -- except a JavaScript
error the Worker's code let through (a ``JsException``), which Pyodide hands back to JavaScript
as the original error. The notes workers-env adds to say how to fix a mistake are no part of
production's error and are left out (the dev log keeps them); the Worker's own ``add_note`` notes
stay, as ``format_exception`` writes them. The ``stack`` reads ``<name>: <message>`` and then the entry worker's own
frame, ``at async Object.fetch (file:///.../miniflare/dist/src/workers/core/entry.worker.js:...)``,
which names a file of wrangler's install: left out here. An error workerd's own JavaScript
throws (``TypeError: Method fetch does not exist``, a handler's non-``Response``: ``handlererrors.uncaught``
marks them ``thrown_by_workerd``) reads the same way, by its JavaScript name.

The error crosses from the Worker to the entry worker as workerd sends an error to another
Worker: with ``enhanced_error_serialization`` (on from 2026-04-21) its name stays
(``PythonError: Traceback ...``); before it only V8's own classes keep theirs and any other is
written into an ``Error``'s message (``Error: PythonError: Traceback ...``) -- measured with an
unbundled JavaScript twin throwing a subclass named as Pyodide's (``class PythonError extends
Error``, the name on its prototype) at 2025-11-02 and 2026-11-17 (review68).

The body is the JavaScript string as ``new Response`` encodes it: UTF-8, a lone surrogate (a
Python message may hold one; Pyodide hands its code points over one by one) as U+FFFD.
"""

from __future__ import annotations

import asyncio
import os
import traceback
from typing import Any

from workers_env._errors import HintNote, JsException
from workers_env.config.compat import ENHANCED_ERROR_SERIALIZATION
from workers_env.runtime.tracebacks import PACKAGE_DIR, without_our_frames

__all__ = ["SERIALIZED_NAMES", "keeps_error_names", "legacy_parts", "thrown_body", "thrown_parts", "thrown_text"]

#: the error names V8's serializer keeps without ``enhanced_error_serialization`` (any other is an ``Error``'s)
SERIALIZED_NAMES = frozenset({"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
                              "URIError"})


def thrown_body(error: BaseException, *, names_kept: bool = True) -> bytes:
    """The 500's body for ``error``, the exception production reports for a handler (what
    ``handlererrors.uncaught`` gives): a JavaScript error's ``<name>: <message>`` (workerd's own
    dispatch errors too: ``Error: Handler does not export a fetch() function.``), else
    ``PythonError: `` and the traceback -- the Worker's frames and notes, not workers-env's;
    without ``names_kept`` (:func:`keeps_error_names`) as :func:`legacy_parts` sends it."""
    name, message = thrown_parts(error)
    if not names_kept:
        name, message = legacy_parts(name, message, error)
    return _as_usv(f"{name}: {message}" if message else name).encode("utf-8")


def keeps_error_names(runtime: Any) -> bool:
    """Whether an error the Worker of ``runtime`` (a ``WorkerRuntime``) throws keeps its name when
    workerd clones it or sends it on (``enhanced_error_serialization``, on from 2026-04-21);
    an unknown Worker's flags (none given) read as the legacy form's."""
    return bool((getattr(runtime, "compat_flags", None) or {}).get(ENHANCED_ERROR_SERIALIZATION.enable))


def legacy_parts(name: Any, message: Any, error: BaseException | None = None) -> tuple[str, str]:
    """``(name, message)`` of an error as workerd sends it without ``enhanced_error_serialization``:
    V8's classes keep their names, any other is written into the message of an ``Error``
    (``<name>: <message>``), each part only when it is a string (V8's side-effect-free
    ``NoSideEffectsErrorToString``): the name alone when the message is empty or no string, the
    message alone when the name is (``5``, ``null``, an object: measured under wrangler dev 4.164.0)
    or is a getter, which that function does not call: workerd's ``PythonUserError`` (``error``'s
    ``name_is_getter``; a JS twin's ``Error: Python entrypoint ...``, leftovers50b)."""
    message = message if isinstance(message, str) else ""
    if getattr(error, "name_is_getter", False):
        name = None
    if isinstance(name, str) and name in SERIALIZED_NAMES:
        return name, message
    written = name if isinstance(name, str) else ""
    return "Error", f"{written}: {message}" if written and message else written or message


def thrown_text(error: BaseException) -> str:
    """``error`` as JavaScript's ``String()`` of what production rejects with: a JavaScript
    error's ``<name>: <message>``, else Pyodide's ``PythonError: `` and the traceback."""
    name, message = thrown_parts(error)
    return f"{name}: {message}" if message else name


def thrown_parts(error: BaseException, *, only_theirs: bool = False) -> tuple[str, str]:
    """The JavaScript ``name`` and ``message`` of what production rejects with for ``error``:
    a JS error's own, workerd's dispatch errors' by their class, else ``PythonError`` and the
    traceback (the Worker's frames and notes, not workers-env's; ``only_theirs``: none of
    workers-env's or asyncio's frames even when the error has no frame of the Worker's)."""
    if isinstance(error, JsException):
        return error.name, error.message
    if getattr(error, "thrown_by_workerd", False):  # handlererrors._as_js_error's: its class is the JS name
        return type(error).__name__, str(error)
    js_name = getattr(type(error), "js_name", None)
    if js_name is not None:  # workerd's JS dispatch threw it (handlererrors.MethodMissing): no Python exception
        return js_name, str(error)
    shown = traceback.TracebackException(type(error), error, without_our_frames(error))
    if only_theirs:
        shown.stack = traceback.StackSummary.from_list(
            [frame for frame in shown.stack if not frame.filename.startswith(_NOT_THEIRS)])
    return "PythonError", "".join(_without_hints(shown).format())


#: the folders of frames no Worker's traceback in production has: workers-env's and asyncio's
_NOT_THEIRS = (PACKAGE_DIR, os.path.join(os.path.dirname(asyncio.__file__), ""))


def _without_hints(shown: traceback.TracebackException) -> traceback.TracebackException:
    """``shown`` with the notes workers-env added (:class:`HintNote`) left out, in every chained
    and grouped exception too: production's traceback has only the Worker's own notes."""
    seen: set[int] = set()
    todo = [shown]
    while todo:
        each = todo.pop()
        if id(each) in seen:
            continue
        seen.add(id(each))
        notes = each.__notes__
        if notes is not None and not isinstance(notes, str):
            kept = [note for note in notes if not isinstance(note, HintNote)]
            each.__notes__ = kept if kept or not notes else None  # type: ignore[assignment]
        todo.extend(chained for chained in (each.__cause__, each.__context__, *(each.exceptions or ()))
                    if chained is not None)
    return shown


def _as_usv(text: str) -> str:
    """``text`` as a JavaScript string's UTF-8 encoding reads it: a surrogate pair is its one
    character, a lone surrogate U+FFFD (the WHATWG encoder's replacement)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
