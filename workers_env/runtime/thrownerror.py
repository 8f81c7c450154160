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
throws (``TypeError: Method fetch does not exist``, a handler's non-``Response``: ``loader.uncaught``
marks them ``thrown_by_workerd``) reads the same way, by its JavaScript name.

The body is the JavaScript string as ``new Response`` encodes it: UTF-8, a lone surrogate (a
Python message may hold one; Pyodide hands its code points over one by one) as U+FFFD.
"""

from __future__ import annotations

import asyncio
import os
import traceback

from workers_env._errors import HintNote, JsException
from workers_env.runtime.tracebacks import PACKAGE_DIR, without_our_frames

__all__ = ["thrown_body", "thrown_parts", "thrown_text"]


def thrown_body(error: BaseException) -> bytes:
    """The 500's body for ``error``, the exception production reports for a handler (what
    ``loader.uncaught`` gives): a JavaScript error's ``<name>: <message>`` (workerd's own
    dispatch errors too: ``Error: Handler does not export a fetch() function.``), else
    ``PythonError: `` and the traceback -- the Worker's frames and notes, not workers-env's."""
    return _as_usv(thrown_text(error)).encode("utf-8")


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
    if getattr(error, "thrown_by_workerd", False):  # loader._as_js_error's: its class is the JS name
        return type(error).__name__, str(error)
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
