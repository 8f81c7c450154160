"""A handler's errors: how production shows one the Worker let out, workerd's own errors of its
dispatch, and the notes that say the likely cause of the Worker's own mistakes.

:func:`uncaught` is the exception production logs for a handler's error (the Worker's own
``CancelledError`` behind :class:`HandlerCancelledError`, an error workerd's JavaScript threw by
its JS name); :class:`MethodMissing` and :class:`MissingPythonHandler` are workerd's errors for a
handler the Worker lacks, beside the texts of its other refusals (an event without a handler, a
name RPC never calls); the notes are added to a handler's ``TypeError``/``AttributeError`` (a
call not awaited, a JsProxy read with a key, a class handler's wrong signature). Apart from
:mod:`~workers_env.runtime.loadedworker`, which dispatches: the request context, the dev server
and the pytest plugin read them too.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import sysconfig
from pathlib import Path
from typing import Any

from workers_env._errors import JsException, WorkersEnvError, add_hint, users_mistake
from workers_env.runtime.dictmethodread import dict_method_note
from workers_env.runtime.pyodideerrors import as_pyodide_error
from workers_env.runtime.sdknames import SdkClass
from workers_env.runtime.tracebacks import without_our_frames


#: Python's words for an awaitable used as the value it would give (``res["matches"]``,
#: ``res.matches``, ``for m in res``): a coroutine (the external SDK's wrapped bindings) or a
#: ``PyodideFuture`` (a raw binding's promise, built-in SDK era); the call was not awaited
_UNAWAITED = re.compile(r"^'(coroutine|PyodideFuture)' object "
                        r"(is not subscriptable|has no attribute|is not iterable|is not callable)")
UNAWAITED_NOTE = ("workers-env: an awaitable was used as the value it gives: a call was not awaited. A binding's "
                  "methods are async (self.env.VECTORIZE.query(...), self.env.AI.run(...), stmt.all(), "
                  "self.env.KV.get(...)): write `await` before the call")


def unawaited_error(exc: BaseException) -> bool:
    """Whether ``exc`` is Python's error for an awaitable used as its value."""
    return isinstance(exc, (TypeError, AttributeError)) and _UNAWAITED.match(str(exc)) is not None


_ASYNC_CODE = inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR | inspect.CO_ITERABLE_COROUTINE
_OWN_CODE = str(Path(__file__).resolve().parent.parent)
_INSTALLED_CODE = tuple({sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")})
_COMPREHENSIONS = frozenset({"<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"})


def _plain_def_reader(exc: BaseException) -> str:
    """Where the un-awaited result was read, when that is a plain ``def`` of the Worker's (a sync
    handler, or a sync helper an async handler calls), in which ``await`` cannot be written: the
    innermost frame of the traceback, Python's own error being raised there."""
    tb, reader = exc.__traceback__, None
    while tb is not None:  # the innermost frame, a comprehension's read as its function's
        if tb.tb_frame.f_code.co_name not in _COMPREHENSIONS:
            reader = tb
        tb = tb.tb_next
    if reader is None:
        return ""
    code = reader.tb_frame.f_code
    if (code.co_flags & _ASYNC_CODE or code.co_name.startswith("<")
            or code.co_filename.startswith((_OWN_CODE, *_INSTALLED_CODE))):
        return ""  # an async function (the plain note fits), a lambda, module code, or no code of the Worker's
    tb = reader
    return (f"; it was read in {code.co_qualname}() (line {tb.tb_lineno}), a plain `def`, where `await` cannot be "
            f"written: make {code.co_name}() `async def`, then `await` the call there (and `await` {code.co_name}() "
            "wherever your code calls it)")


#: Pyodide's words for ``row["id"]`` on a JS object (a D1 row, a query's match, an AI result
#: of the built-in SDK era): its properties are attributes
_JSPROXY_SUBSCRIPT = "'pyodide.ffi.JsProxy' object is not subscriptable"
JSPROXY_SUBSCRIPT_NOTE = ("workers-env: a JavaScript object reached Python as a JsProxy, whose properties are "
                          "attributes, not keys: write row.id rather than row[\"id\"], or convert it first "
                          "(row.to_py()[\"id\"]); from compatibility_date 2026-04-21 the external SDK hands "
                          "binding results out as objects that take both")


#: Python's words for ``value.to_py()`` on a value that is Python already: the SDK's ``JsDict``
#: raises ``AttributeError(name)``, any other object ``'list' object has no attribute 'to_py'``
_TO_PY_MISS = re.compile(r"^(to_py|'[\w.]+' object has no attribute 'to_py')$")
TO_PY_NOTE = ("workers-env: to_py() is a method of a JsProxy (a JavaScript object as Pyodide hands it over); this "
              "value is a Python one already: use it as it is. From compatibility_date 2026-04-21, and at any date in "
              "a project that vendors workers-runtime-sdk (pywrangler 1.9 and later add it to python_modules/ on every "
              "sync), the external SDK hands binding results out converted (dicts whose keys also read as attributes, "
              "lists, str, None, a memoryview for an ArrayBuffer): drop the .to_py() that code written for the "
              "built-in SDK calls (as Cloudflare's docs do: results.to_py())")


#: the note on ``Response.new(...)`` of the SDK's class (``from workers import Response``), whose
#: ``AttributeError`` is production's: ``.new`` is the JavaScript class's constructor (a public
#: cron Worker's every answer, hunt30)
SDK_NEW_NOTE = ("workers-env: {name} here is the Python SDK's class (from workers import {name}), which has no "
                "new(); new() is how Pyodide calls the JavaScript constructor: from js import {name} and "
                "{name}.new(body, init), or keep the SDK's class and call it: {name}(body, status=..., headers=...)")


def _note_unawaited(exc: BaseException) -> None:
    """The handler's ``TypeError: 'coroutine' object is not subscriptable`` (the text, kept)
    gains a note saying the likely cause: a binding call without ``await`` (and, when the result
    was read in a plain ``def``, that it must become ``async def`` first). Likewise Pyodide's
    ``'pyodide.ffi.JsProxy' object is not subscriptable``: a JS object read with ``["key"]``; and
    ``.to_py()`` called on a value that is Python already (an SDK-converted binding result),
    ``Response.new(...)`` of the SDK's class, whose constructor is its call, and a result's key
    named like a dict method read as an attribute (``listed.keys``: the method)."""
    notes = [str(n) for n in getattr(exc, "__notes__", ())]
    if unawaited_error(exc) and not any(n.startswith(UNAWAITED_NOTE) for n in notes):
        add_hint(exc, UNAWAITED_NOTE + _plain_def_reader(exc))
    elif isinstance(exc, TypeError) and str(exc) == _JSPROXY_SUBSCRIPT and JSPROXY_SUBSCRIPT_NOTE not in notes:
        add_hint(exc, JSPROXY_SUBSCRIPT_NOTE)
    elif isinstance(exc, AttributeError) and _TO_PY_MISS.match(str(exc)) and TO_PY_NOTE not in notes:
        add_hint(exc, TO_PY_NOTE)
    elif isinstance(exc, AttributeError) and exc.name == "new" and isinstance(exc.obj, SdkClass) \
            and (note := SDK_NEW_NOTE.format(name=exc.obj.__name__)) not in notes:
        add_hint(exc, note)
    elif (method_read := dict_method_note(exc)) is not None and method_read not in notes:
        add_hint(exc, method_read)


def _note_handler_signature(exc: BaseException, instance: Any, method_name: str) -> None:
    """A ``Default`` class's ``scheduled``/``queue``/... that Python could not call with the three
    arguments workerd passes (``async def queue(self, batch)``: ``TypeError: Default.queue() takes 2
    positional arguments but 4 were given``, the text kept) gains a note saying what to declare,
    and is shown without workers-env's frames (:func:`users_mistake`): its traceback is the
    Worker's side of the call, as production's holds no frame of the Worker's either. Only an
    error of the call itself: none of the method's own code ran (the external SDK's
    ``functools.wraps`` wrapper is looked through)."""
    method = getattr(type(instance), method_name, None)
    if not isinstance(exc, TypeError) or not callable(method):
        return
    function = inspect.unwrap(method)
    own = getattr(function, "__code__", None)
    if own is None or not str(exc).startswith(f"{getattr(function, '__qualname__', '')}() "):
        return
    frame = exc.__traceback__
    while frame is not None:
        if frame.tb_frame.f_code is own:
            return  # raised inside the handler's own code: its own mistake, not its signature
        frame = frame.tb_next
    users_mistake(exc)  # shown from the Worker's side: no frame of workers-env's (nor of the SDK's wrapper)
    first = _HANDLER_FIRST_ARGUMENT.get(method_name, "event")
    note = (f"workers-env: workerd calls a Default class's {method_name} handler with three arguments, "
            f"{first}, env and ctx -- env and ctx are None, the instance has self.env and self.ctx -- as "
            f"Python calls it here: declare `async def {method_name}(self, {first}, env, ctx)`")
    if note not in [str(n) for n in getattr(exc, "__notes__", ())]:
        add_hint(exc, note)


#: the first argument of each handler workerd calls strictly (README, "Handlers")
_HANDLER_FIRST_ARGUMENT = {"scheduled": "controller", "queue": "batch", "email": "message", "tail": "events",
                           "trace": "traces"}


class HandlerCancelledError(WorkersEnvError):
    """An ``asyncio.CancelledError`` the Worker's own code let out of a handler (it awaited a
    task or future that had been cancelled) while nobody cancelled the request: in production an
    uncaught exception like any other. The handler's coroutine ends as a cancelled future, and
    Pyodide's conversion of it to the promise workerd awaits rejects that promise with a
    ``PythonError`` of type ``CancelledError`` (``pyproxy.c`` ``FutureDoneCallback``: its
    ``future.result()`` raises), so workerd fails the request with a 500 (or the event) and logs
    the traceback. Raised ``from`` that ``CancelledError`` rather than it, which the caller would
    take for its own task being cancelled (pytest-asyncio reports the test as cancelled)."""


def _own_cancel(error: asyncio.CancelledError, what: str) -> HandlerCancelledError:
    """The :class:`HandlerCancelledError` for ``error``, a ``CancelledError`` the Worker's
    ``what`` raised itself; ``error``'s traceback loses workers-env's frames, as the dev server
    shows a handler's error (runtime/tracebacks.py) -- always: its innermost frames are the
    cancelled task's, stepped by runtime/tasks.py, which would read as a workers-env bug."""
    error.with_traceback(without_our_frames(users_mistake(error)))
    return HandlerCancelledError(
        f"The Worker's {what} raised asyncio.CancelledError: its own code awaited a task or future that was "
        "cancelled, and nobody cancelled the request. In production that is an uncaught exception like any "
        "other (Pyodide rejects the handler's promise with a PythonError: CancelledError; a request answers "
        "500). Catch it where the code cancels the task if the cancellation is expected.")


def uncaught(error: BaseException) -> BaseException:
    """The exception production logs for ``error``, a handler's: the Worker's own
    ``CancelledError`` behind a :class:`HandlerCancelledError`, a JavaScript error named as
    Pyodide names every one (``pyodide.ffi.JsException``: the runtime's own, such as a failed
    ``js.fetch`` or a destroyed proxy, kept workers-env's module name), else ``error`` itself.
    The errors it was raised from or during are shown so too (:func:`_shown_chain`)."""
    _shown_chain(error)
    if isinstance(error, HandlerCancelledError) and isinstance(error.__cause__, asyncio.CancelledError):
        return error.__cause__
    if isinstance(error, (MethodMissing, MissingPythonHandler)):
        return _as_js_error(error, error.js_name, str(error))
    if isinstance(error, JsException) and getattr(error, "thrown_by_workerd", False):
        return _as_js_error(error, error.name, error.message)
    if isinstance(error, TypeError) and getattr(error, "thrown_by_workerd", False):  # a handler's non-Response
        return _as_js_error(error, "TypeError", str(error))
    if isinstance(error, JsException):
        return as_pyodide_error(error)
    return error


def _shown_chain(error: BaseException) -> None:
    """The exceptions ``error`` was raised from or while handling (``__cause__``/``__context__``,
    at any depth) as production shows them in its traceback: a JavaScript error as Pyodide
    names it (``pyodide.ffi.JsException``), and without workers-env's frames where
    :func:`~workers_env.runtime.tracebacks.hides_our_frames` says so -- the SDK's ``Response.json``
    raising ``ValueError`` from a ``RangeError`` of a status it cannot take showed the RangeError
    under the stand-ins' own files (hunt29, a public Worker's 500). Changed in place, as
    :func:`~workers_env.runtime.tracebacks.as_rejection` leaves a rejection's traceback."""
    seen = {id(error)}
    todo = [error.__cause__, error.__context__]
    while todo:
        chained = todo.pop()
        if chained is None or id(chained) in seen:
            continue
        seen.add(id(chained))
        todo += [chained.__cause__, chained.__context__]
        if isinstance(chained, JsException) and not getattr(chained, "thrown_by_workerd", False):
            as_pyodide_error(chained)
        chained.with_traceback(without_our_frames(chained))


#: the classes an error workerd's JavaScript throws is shown as: Python's own ``TypeError``, else
#: one named as the JS error is (``PythonUserError``, ``Error``), made once per name
_JS_ERROR_CLASSES: dict[str, type[Exception]] = {"TypeError": TypeError}


def _as_js_error(error: BaseException, name: str, message: str) -> Exception:
    """``error`` as production logs it when workerd's JavaScript threw it before any Python code
    ran (its Python entrypoint's dispatch: ``TypeError: Method fetch does not exist``,
    ``PythonUserError: Python entrypoint ... does not export a handler named "on_fetch"``, or the
    ``Error: Handler does not export a fetch() function.`` of ``global-scope.c++``): a JS error's
    ``name: message``, never a Python exception, so neither workers-env's class nor Pyodide's
    ``pyodide.ffi.JsException`` -- an exception only to be logged, with ``error``'s traceback and notes."""
    cls = _JS_ERROR_CLASSES.get(name)
    if cls is None:
        cls = _JS_ERROR_CLASSES.setdefault(name, type(name, (Exception,), {
            "__module__": "builtins",  # printed bare, as the JS error's name
            "__doc__": f"A JavaScript {name} workerd threw, as a log shows it (runtime/handlererrors.py)."}))
    shown = users_mistake(cls(message)).with_traceback(error.__traceback__)
    shown.thrown_by_workerd = True  # type: ignore[attr-defined]  # a JS error: answered `name: message` (thrownerror.py)
    shown.reported_once = getattr(error, "reported_once", False)  # type: ignore[attr-defined]  # (devconsole.py)
    shown.name_is_getter = getattr(error, "name_is_getter", False)  # type: ignore[attr-defined]  # (thrownerror.py)
    for note in getattr(error, "__notes__", ()):
        shown.add_note(note)
    return shown


#: workerd's words for an event whose handler the default export lacks (``scheduled``'s has no period)
_NO_HANDLER = {"fetch": "Handler does not export a fetch() function.",
               "scheduled": "Handler does not export a scheduled() function",
               "queue": "Handler does not export a queue() function."}


#: the names workerd's RPC server never calls on an entrypoint (worker-rpc.c++ ``isReservedName``:
#: ``fetch``/``connect`` are the Fetcher's own, the rest Durable Objects', ``dup`` the stub's,
#: ``constructor`` every class's)
_RPC_RESERVED = frozenset({"fetch", "connect", "alarm", "webSocketMessage", "webSocketClose", "webSocketError",
                           "dup", "constructor"})
#: the handlers besides ``fetch`` (the Fetcher's own) and ``alarm`` (reserved) of the default
#: export workerd makes of a Python Worker's module-level handlers (``SUPPORTED_HANDLER_NAMES``)
_OBJECT_HANDLERS = ("scheduled", "trace", "queue", "pubsub")
#: the own properties workerd's ``WorkerEntrypoint`` constructor sets on the instance
#: (workers-module.c++), which RPC never reaches: only class (prototype) properties are methods
_RPC_OWN_PROPERTIES = frozenset({"ctx", "env"})


def _rpc_lookup_refusal(method: str) -> str:
    """The ``TypeError`` text workerd's RPC server (``tryGetProperty`` of worker-rpc.c++) answers
    a call of ``method`` with before the Python entrypoint's proxy is asked (measured with
    JavaScript twins under ``wrangler dev`` 4.164.0: tools/wrangler/entrypoint_names_probe.py),
    or "" for a name it hands on."""
    if method in _RPC_RESERVED:
        return f"'{method}' is a reserved method and cannot be called over RPC."
    if method in _RPC_OWN_PROPERTIES:
        return f'The RPC receiver does not implement the method "{method}".'
    return ""


class MethodMissing(WorkersEnvError, TypeError):
    """workerd's ``TypeError: Method <name> does not exist``: the ``Default`` class lacks the
    handler an event calls (a ``TypeError``, as test code catches it). ``js_name``: the JavaScript
    error it is wherever it leaves the Worker -- a log, a 500, another Worker's ``fetch()``
    (thrownerror.thrown_parts)."""

    js_name = "TypeError"


class MissingPythonHandler(WorkersEnvError):
    """workerd's ``PythonUserError: Python entrypoint "<main>" does not export a handler named
    "on_<event>"`` (``python-entrypoint-helper.ts``): before ``python_no_global_handlers`` an event
    whose module-level ``on_<event>`` the Worker's main module lacks (``js_name``: as :class:`MethodMissing`'s;
    a getter on its prototype in workerd's ``util.ts``, which the legacy error serialization skips)."""

    js_name = "PythonUserError"
    name_is_getter = True


#: the hint after ``Method <called> does not exist`` where the class has the handler under the other
#: era's name, by the name called (``on_`` before python_no_global_handlers) and whether a flag, not
#: the date, decides the era (``{flag}``: the CompatFlag)
_HANDLER_NAME_HINTS = {
    ("on_", False): "Before compatibility date {flag.date} ({flag.enable}), workerd calls {owner} `{handler}` handler as "
                    "`on_{handler}`: set compatibility_date to {flag.date} or later (or add \"{flag.enable}\" to "
                    "compatibility_flags), or rename the method to `on_{handler}`.",
    ("on_", True): "With \"{flag.disable}\" in compatibility_flags, workerd calls {owner} `{handler}` handler as "
                   "`on_{handler}`, as before compatibility date {flag.date}: remove that flag, or rename the method to "
                   "`on_{handler}`.",
    ("", False): "From compatibility date {flag.date} ({flag.enable}) workerd calls {owner} `{handler}` handler by that "
                 "name; `on_{handler}` was the name before then. Rename the method to `{handler}`, or keep a date before "
                 "{flag.date} (or add \"{flag.disable}\" to compatibility_flags).",
    ("", True): "With \"{flag.enable}\" in compatibility_flags, workerd calls {owner} `{handler}` handler by that name "
                "(`on_{handler}` before compatibility date {flag.date} without it): rename the method to `{handler}`, "
                "or remove that flag.",
}


#: the handlers workerd's entrypoint proxy called ``on_<name>`` before ``python_no_global_handlers``
#: (``SPECIAL_HANDLER_NAMES`` of python-entrypoint-helper.ts)
_RENAMED_BEFORE_2025_08_14 = ("fetch", "connect")
