"""Which of workers-env's own frames a user's traceback leaves out, as pytest leaves out its own.

An error workers-env raises as its answer to the user's code (a binding's refusal, a config
problem: a ``WorkersEnvError``), or one the user's code raised and workers-env's plumbing only
carried, reads best as production shows it: the user's frames and the error. So does a miss a
stand-in answers for the user's own lookup (``res.nope`` on a JS object or an SDK ``JsDict``:
Pyodide and the SDK raise that ``AttributeError``/``KeyError``). One that starts inside
workers-env for another reason is most likely a workers-env bug, and keeps every frame.
The pytest plugin applies this through ``__tracebackhide__``; ``workers-env dev`` to the
tracebacks it logs.
"""

from __future__ import annotations

import os
import site
import sys
import sysconfig
from collections.abc import Callable
from types import CodeType, FrameType, TracebackType
from typing import Any

from workers_env._errors import is_users_mistake

__all__ = ["PACKAGE_DIR", "as_rejection", "calls_the_workers", "hides_our_frames", "keep_every_frame", "missed",
           "passes_through", "runs_the_workers", "to_the_caller", "without_our_frames"]

#: workers-env's own folder (with a trailing separator): frames of files under it are "ours"
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _library_folders() -> tuple[str, ...]:
    """The interpreter's folders and every site-packages it reads: sysconfig's, ``site``'s (a
    Debian Python's ``/usr/lib/python3/dist-packages``) and the user's (``pip install --user``)."""
    folders = [p for key in ("stdlib", "platstdlib", "purelib", "platlib") if (p := sysconfig.get_paths().get(key))]
    try:
        folders += [*site.getsitepackages(), site.getusersitepackages()]
    except AttributeError:  # (an embedded interpreter's site module may lack them)
        pass
    return tuple(sorted({os.path.join(os.path.abspath(p), "") for p in folders if p}))


#: the interpreter's and the installed libraries' folders: frames there belong to neither side
_LIBRARIES = _library_folders()


def _library(filename: str) -> bool:
    return filename.startswith(_LIBRARIES) or filename.startswith("<frozen ")


#: the lookup methods of workers-env's stand-ins for JS values and the SDK's ``JsDict`` (and the
#: ``js`` module's ``__getattr__``), and the error each answers a miss with (what Pyodide's
#: ``JsProxy`` or the SDK raises for it)
_LOOKUPS: dict[str, type[BaseException]] = {
    "__getattr__": AttributeError, "__getattribute__": AttributeError, "__delattr__": AttributeError,
    "__getitem__": LookupError, "__missing__": LookupError, "__delitem__": LookupError,
    "_js_getattr": AttributeError}


#: the code of workers-env's functions that only run what Worker code handed them, and whether
#: that is the Worker's own for certain (:func:`runs_the_workers`) or its caller decides (:func:`passes_through`)
_PASSING: dict[CodeType, bool] = {}


def passes_through(*functions: Callable[..., Any] | CodeType) -> None:
    """Mark ``functions`` (or their code) as only running what their caller handed them: a step
    of a task (``asyncio.sleep(30)`` the Worker made a task of, or workers-env's own), a promise
    handler. Their frames are left out as workers-env's are, and what decides whose the frames
    below are is the frame above: the library frames a task of the Worker's runs stay."""
    _PASSING.update((_code(function), False) for function in functions)


def runs_the_workers(*functions: Callable[..., Any] | CodeType) -> None:
    """Mark ``functions`` (or their code) as calling what the Worker's code handed them, and
    nothing else: the function it gave ``run_in_executor``/``to_thread`` or ``create_proxy``, the
    ASGI application it gave ``asgi.fetch``. Their frames are left out as workers-env's are,
    but the frames below are the Worker's doing: the library frames there stay (FastAPI's and
    Starlette's, as the SDK's ``asgi.py`` calls them in production), and an error raised there
    is the Worker's, not a workers-env bug -- unless raised in that frame itself."""
    _PASSING.update((_code(function), True) for function in functions)


def runs_for_the_worker(code: CodeType) -> bool:
    """Whether ``code`` is one of :func:`passes_through`'s or :func:`runs_the_workers`'s."""
    return code in _PASSING


def calls_the_workers(code: CodeType) -> bool:
    """Whether ``code`` is one of :func:`runs_the_workers`'s: what it calls is the Worker's doing."""
    return _PASSING.get(code) is True


def _code(function: Callable[..., Any] | CodeType) -> CodeType:
    return function if isinstance(function, CodeType) else function.__code__  # type: ignore[union-attr]


def _passing(code: CodeType, below: bool) -> bool | None:
    """Whether a traceback entry running ``code`` is one of :func:`runs_the_workers`'s (``True``)
    or :func:`passes_through`'s (``False``) with code ``below`` it, else ``None``."""
    return _PASSING.get(code) if below else None


def _ours(tb: TracebackType) -> bool:
    return tb.tb_frame.f_code.co_filename.startswith(PACKAGE_DIR)


def _lookup_miss(error: BaseException, tb: TracebackType | None) -> bool:
    """Whether ``error`` is a stand-in's answer to a lookup that missed: raised in one of our
    lookup methods itself (not deeper), of the kind it answers misses with, called straight from
    a frame that is not ours (the user's ``res.nope``, or a library's ``getattr``)."""
    chain: list[TracebackType] = []
    while tb is not None:
        chain.append(tb)
        tb = tb.tb_next
    if len(chain) < 2 or not _ours(chain[-1]) or not _asked_miss(error, chain[-1]):
        return False
    # The lookup may come through lookups of ours that forward the same name: the SDK wrapper's
    # __getattr__ over the binding's (self.env.KV.nope under the external SDK, walk60), whose
    # production frames are the SDK's rpc.py and Pyodide's C lookup.
    at = len(chain) - 2
    while at >= 0 and _ours(chain[at]) and _asked_miss(error, chain[at]):
        at -= 1
    return at >= 0 and not _ours(chain[at])


def _asked_miss(error: BaseException, tb: TracebackType) -> bool:
    """Whether ``tb``'s frame is a lookup method of the kind ``error`` answers misses with, asked
    for what ``error`` names."""
    kind = _LOOKUPS.get(tb.tb_frame.f_code.co_name)
    return kind is not None and isinstance(error, kind) and _about_the_asked(error, tb.tb_frame)


def _about_the_asked(error: BaseException, frame: FrameType) -> bool:
    """Whether ``error`` names what the lookup method was asked for (its argument after ``self``,
    or the ``js`` module's ``__getattr__``'s only one): ``AttributeError:
    nope`` for ``res.nope``, ``KeyError('nope')`` for ``res['nope']`` -- not an attribute or key
    of workers-env's own that the method's body failed to find (a missing ``self._props``: a bug,
    whose frames are kept)."""
    code = frame.f_code
    index = 0 if code.co_name == "_js_getattr" else 1
    if code.co_argcount <= index:
        return False
    asked = frame.f_locals.get(code.co_varnames[index], _NOTHING)
    if isinstance(error, AttributeError):
        return error.name is None or error.name == asked
    named = error.args[0] if len(error.args) == 1 else _NOTHING
    try:  # a Map's key may be held wrapped (jsmapkeys.SameJsValue: .value)
        return named is asked or getattr(named, "value", _NOTHING) is asked or bool(named == asked)
    except Exception:
        return False


_NOTHING = object()


def hides_our_frames(error: BaseException, tb: TracebackType | None) -> bool:
    """Whether ``error`` (raised along ``tb``) is shown without workers-env's frames: it is
    workers-env's answer (a ``WorkersEnvError``, or a builtin error marked ``users_mistake``), a
    stand-in's answer to a lookup of code not ours that missed (:func:`_lookup_miss`), or the
    innermost frame that is neither the interpreter's nor an installed library's is the user's
    (a workers-env bug that fails inside ``json`` or ``asyncio`` keeps its frames)."""
    if is_users_mistake(error) or _lookup_miss(error, tb):
        return True
    innermost: str | None = None
    while tb is not None:
        code = tb.tb_frame.f_code
        name = code.co_filename
        passing = _passing(code, tb.tb_next is not None)
        if passing:  # what runs below was handed over by the Worker's code
            innermost = ""  # the Worker's code: no file of workers-env's
        elif passing is None and (name.startswith(PACKAGE_DIR) or not _library(name)):
            innermost = name
        tb = tb.tb_next
    return innermost is None or not innermost.startswith(PACKAGE_DIR)


def without_our_frames(error: BaseException) -> TracebackType | None:
    """``error``'s traceback without workers-env's frames where :func:`hides_our_frames` says so
    (a new chain: the exception's own is left as it is), else its traceback unchanged. The
    interpreter's and libraries' frames that workers-env's own code called go with them (a failed
    ``fetch`` passes through ``asyncio.to_thread`` and ``concurrent.futures`` here, where
    production's is JavaScript and shows no frame); those the user's code called stay."""
    tb = error.__traceback__
    return _kept(tb) if hides_our_frames(error, tb) else tb


def _kept(tb: TracebackType | None) -> TracebackType | None:
    """The chain of ``tb``'s entries that are not workers-env's (see :func:`without_our_frames`).
    Each entry's frame and code are read once (under the runtime's audit hook each read of
    ``tb_frame`` and ``f_code`` is an audit event, a Python call: a deep recursion's traceback has
    tens of thousands of entries)."""
    kept: list[tuple[FrameType, int, int]] = []
    called_by_us = False  # whether the nearest frame above that is no library's is ours
    while tb is not None:
        frame = tb.tb_frame
        code = frame.f_code
        name = code.co_filename
        after = tb.tb_next
        if name.startswith(PACKAGE_DIR):
            passing = _passing(code, after is not None)
            called_by_us = True if passing is None else (called_by_us and not passing)
        elif not _library(name):
            called_by_us = False
            kept.append((frame, tb.tb_lasti, tb.tb_lineno))
        elif not called_by_us:
            kept.append((frame, tb.tb_lasti, tb.tb_lineno))
        tb = after
    chain: TracebackType | None = None
    for frame, lasti, lineno in reversed(kept):
        chain = TracebackType(chain, frame, lasti, lineno)
    return chain


def to_the_caller(error: BaseException) -> None:
    """Called in the ``except`` clause of a stand-in's method (a JsProxy's lookup, a JavaScript
    function's or a binding method's call) that a bare ``raise`` then ends: when the method's
    caller is not workers-env's and :func:`hides_our_frames` hides ``error``, its traceback loses
    workers-env's frames now. A bare ``raise`` adds no entry for the frame it raises from, so the
    caller's ``except`` sees Pyodide's traceback -- the caller's line, and the frames of a Python
    callback the call ran --, where the lookup is C and the call JavaScript: the Worker's own
    ``traceback.format_exc()`` or ``logging.exception`` of a miss it caught (a public Worker's
    ``payload.get`` of a queue message's JS object logged ``jsproxy.py``'s ``__getattr__``)."""
    if _KEEP_EVERY_FRAME[0]:
        return
    caller = sys._getframe(2)  # 0: this function, 1: the stand-in's method, 2: the code that called it
    if caller.f_code.co_filename.startswith(PACKAGE_DIR):
        return  # workers-env's own code: the frames stay until the error leaves it
    top = TracebackType(error.__traceback__, caller, caller.f_lasti, caller.f_lineno)
    if hides_our_frames(error, top):
        error.__traceback__ = _kept(top).tb_next  # type: ignore[union-attr]  # (top is the caller's: kept)


def missed(error: BaseException) -> None:
    """:func:`to_the_caller` for a stand-in lookup method's own answer to a miss, called in the
    ``except`` clause around nothing but its ``raise AttributeError(name)`` / ``KeyError(key)``:
    what the general path makes of it -- no frame left when the caller is not workers-env's
    (the bare ``raise`` adds none, the caller's is added as it leaves) -- without the walk that
    tripled the cost of ``hasattr(js_obj, "x")``, common in Worker code (BENCHMARKS.md)."""
    if not _KEEP_EVERY_FRAME[0] and not sys._getframe(2).f_code.co_filename.startswith(PACKAGE_DIR):
        error.__traceback__ = None  # (0: this function, 1: the lookup method, 2: its caller)


#: whether :func:`as_rejection` leaves tracebacks whole (``pytest --full-trace``: every frame asked for)
_KEEP_EVERY_FRAME = [False]


def keep_every_frame(keep: bool) -> bool:
    """Have :func:`as_rejection` leave every frame in (``True``: the pytest plugin under
    ``--full-trace``) or not (the default); the setting before, to put back (a run of pytest
    inside another's process ends without changing the outer run's)."""
    before, _KEEP_EVERY_FRAME[0] = _KEEP_EVERY_FRAME[0], keep
    return before


def as_rejection(error: BaseException) -> BaseException:
    """``error`` made the rejection of a promise Python awaits: its traceback becomes
    :func:`without_our_frames` (in place), so the Worker's own ``traceback.format_exc()``,
    ``logging.exception`` or ``print_exc`` shows its frames and the error, as in Pyodide, where a
    rejected JavaScript promise raises at the ``await`` with no frame of the JavaScript behind it
    (Pyodide's future is ``_asyncio``'s, in C). workers-env's frames stay where
    :func:`hides_our_frames` keeps them (an error starting in its own code: likely a bug), and
    all of them under :func:`keep_every_frame`."""
    if _KEEP_EVERY_FRAME[0]:
        return error
    chain = without_our_frames(error)
    first = getattr(error, "workers_env_rejected", None)
    if isinstance(first, _Rejected) and first.chain is not None and _ends_with(chain, first.chain):
        chain = first.chain  # the same rejection again (each read of an errored stream)
    elif chain is not None:
        try:
            error.workers_env_rejected = _Rejected(chain)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - an exception class refusing attributes (a frozen dataclass)
            pass
    return error.with_traceback(chain)


class _Rejected:
    """The traceback :func:`as_rejection` first gave an error, kept on it; copied or pickled
    with the error it is left behind (a traceback cannot be pickled)."""

    __slots__ = ("chain",)

    def __init__(self, chain: TracebackType | None):
        self.chain = chain

    def __reduce__(self) -> tuple[type[_Rejected], tuple[None]]:
        return (_Rejected, (None,))


def _ends_with(chain: TracebackType | None, tail: TracebackType) -> bool:
    """Whether ``chain``'s last entries are ``tail``'s: a rejection given out again (a stream's
    stored error each read rejects with) whose traceback has since gathered the frames of the
    ``await`` that caught it before -- those are not where it happened, and are left out."""
    def entries(tb: TracebackType | None) -> list[tuple[FrameType, int]]:
        found = []
        while tb is not None:
            found.append((tb.tb_frame, tb.tb_lasti))
            tb = tb.tb_next
        return found

    mine, theirs = entries(chain), entries(tail)
    return len(mine) >= len(theirs) and mine[len(mine) - len(theirs):] == theirs
