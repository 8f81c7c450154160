"""The one exception hierarchy of workers-env.

Every error a user can cause derives from :class:`WorkersEnvError`, and each also
subclasses the builtin that fits it best, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

import copyreg
import errno
import importlib
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, TypeVar

_E = TypeVar("_E", bound=BaseException)

__all__ = [
    "WorkersEnvError",
    "ConfigError",
    "IndexDefinitionError",
    "StateError",
    "JsException",
    "VectorizeError",
    "AiError",
    "BindingNotEmulatedError",
    "NotEmulatedError",
    "UnindexedFilterWarning",
    "PyProxyWarning",
    "StateElsewhereWarning",
    "UnreadOptionWarning",
]


#: workers-env's own folder (with a trailing separator): a frame of a file under it is ours
_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def caller_level() -> int:
    """The ``stacklevel`` that points a warning raised by the function calling this at the first
    frame outside workers-env -- the user's call (the Worker's, a test's, ``load_env``'s caller) --
    whatever the depth of workers-env's code in between."""
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    return level


def reason(exc: BaseException) -> str:
    """What failed, for a message: an ``OSError`` as the system says it with the path it names
    (``Not a directory: st/v3/d1``), without Python's ``[Errno 20]``; anything else as ``str()``."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc)


_NODE_ERRORS = {  # libuv's texts, where they are not the C library's in lower case
    errno.EISDIR: "illegal operation on a directory",
    errno.ELOOP: "too many symbolic links encountered",
    errno.ENAMETOOLONG: "name too long",
}


def node_fs_error(exc: OSError, syscall: str, path: str | None) -> str:
    """Node's message for a failed file call, as wrangler prints it:
    ``ENOENT: no such file or directory, open 'out/x.sql'`` (libuv's code and text; a call on
    a descriptor, such as ``read``, names no path)."""
    code = errno.errorcode.get(exc.errno or 0, "EIO")
    text = _NODE_ERRORS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return f"{code}: {text}, {syscall}" + (f" '{path}'" if path is not None else "")

def users_mistake(error: _E) -> _E:
    """Mark ``error``, a builtin exception production raises for the user's mistake (the
    ``AttributeError`` of a name ``env`` lacks), as workers-env's answer to the user's code, so a
    traceback leaves workers-env's frames out as it does for a :class:`WorkersEnvError`."""
    error.workers_env_answer = True  # type: ignore[attr-defined]
    return error


class HintNote(str):
    """A note workers-env adds to an exception to say how to fix the mistake (``env`` lacks a
    name, a coroutine was not awaited, ...). Production's exception carries no such note, so the
    ``PythonError`` body ``workers-env dev`` answers leaves these out; the dev log and pytest keep
    them. A Worker's own ``add_note`` notes are plain ``str``s and stay everywhere."""

    __slots__ = ()


#: workerd's alphabet for an internal error's reference (``makeInternalErrorId``, util/sentry.c++)
_REFERENCE_CHARS = "0123456789abcdefghijklmnopqrstuv"


def internal_error_text() -> str:
    """workerd's generic text for a failure below JavaScript, with a new 24-character reference
    (``internal error; reference = 3de7tdo1qt7vv9lst3v9mic6``, as wrangler dev 4.164.0 prints one)."""
    return "internal error; reference = " + "".join(secrets.choice(_REFERENCE_CHARS) for _ in range(24))


def add_hint(error: BaseException, note: str) -> None:
    """``error.add_note(note)``, the note marked as workers-env's (a :class:`HintNote`)."""
    error.add_note(HintNote(note))


def is_users_mistake(error: BaseException) -> bool:
    """Whether ``error`` is workers-env's answer to the user's code (see :func:`users_mistake`)."""
    return isinstance(error, WorkersEnvError) or getattr(error, "workers_env_answer", False) is True


class WorkersEnvError(Exception):
    """Base class of every error raised by workers-env."""

    __slots__ = ()  # no ``__weakref__`` of its own: :class:`JsException` takes none (its subclasses may)


class ConfigError(WorkersEnvError, ValueError):
    """A wrangler configuration (or index definition) that cannot be used.

    ``problems`` lists every problem found, each in wrangler's own wording, so one run
    shows them all instead of one per attempt.
    """

    def __init__(self, message: str, *, problems: Sequence[str] = (), path: str | None = None):
        super().__init__(message)
        self.problems: list[str] = list(problems) or [message]
        self.path = path
        #: a broken wrangler config's warnings block, as wrangler prints it before the errors ("" for none)
        self.config_warnings = ""


class IndexDefinitionError(ConfigError):
    """A ``[[vectorize]]`` binding whose index has no dimensions/metric anywhere.

    ``index_names`` names the indexes without one (empty when not known), so ``workers-env dev``
    can serve the Worker without them, as wrangler dev serves a Worker whose Vectorize bindings
    cannot run locally.
    """

    def __init__(self, message: str, *, problems: Sequence[str] = (), path: str | None = None,
                 index_names: Sequence[str] = ()):
        super().__init__(message, problems=problems, path=path)
        self.index_names: list[str] = list(index_names)


class StateError(WorkersEnvError, RuntimeError):
    """Persisted local state that cannot be read: damaged, foreign or out of bounds."""


#: whether a Worker's code is running now (runtime/current.py makes it so): then
#: :class:`JsException` shows production's module, ``pyodide.ffi``
worker_running: Callable[[], bool] = lambda: False
#: whether a file is a Worker's own code, not workers-env's, a test's or an installed package's
#: (runtime/pyhash.py makes it so): there ``JsException("x")`` is Pyodide's constructor
worker_file: Callable[[str], bool] = lambda filename: False
#: whether the running Worker's Pyodide is 0.28 or later (Python 3.13 on; runtime/current.py
#: makes it so): CPython's words for an unknown keyword argument changed there
pyodide_028: Callable[[], bool] = lambda: True
#: JavaScript's ``ToString`` of a value Worker code set as an error's ``name`` or ``message``, a
#: Symbol refused with V8's ``TypeError`` (runtime/jsbase.py's ``js_text`` makes it so)
js_to_string: Callable[[Any], str] = str

#: Pyodide 0.26's ``str``/``repr`` of a JS value whose ``toString`` throws (0.28 on raise what it threw)
NO_REPR = "Pyodide cannot generate a repr for this Javascript object because it has no 'toString' method"


class _JsExceptionType(type):
    """Metaclass of :class:`JsException`: while a Worker's code runs, the class's ``__module__``
    (and so a traceback's last line, ``type(e).__module__``, ``repr(type(e))``) is production's
    ``pyodide.ffi``, as Pyodide names every JavaScript error; outside, workers-env's own. Its
    subclasses (``VectorizeError``, ``AiError``) keep theirs: the bindings name theirs as Worker
    code sees them (runtime/pyodideerrors.py's ``as_pyodide_error``)."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> Any:
        """Every class takes no weak reference, as Pyodide's ``JsException`` (a JsProxy) takes
        none: ``TypeError: cannot create weak reference to 'pyodide.ffi.JsException' object``
        (real Pyodide 0.26.0a4, 0.28.2 and 314.0.6), the C-level name of the class itself (as
        :class:`~workers_env._proxytype.PyodideProxyType` names the JsProxy classes); ``__name__``
        stays ``JsException``. Worker code makes none: Pyodide's C type takes no subclass (below)."""
        if worker_running() and worker_code(sys._getframe(1)):  # (the class statement's, or type()'s caller)
            # (0.26.0a4, 0.28.2, 314.0.6 alike, a class statement and type() too, whichever base
            # it is; every other pyodide.ffi class takes one: review86's probe)
            raise TypeError("type 'pyodide.ffi.JsException' is not an acceptable base type")
        namespace.setdefault("__slots__", ())
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        if namespace.get("_pyodide_named"):
            type.__setattr__(cls, "_shown_name", name)
            type.__dict__["__name__"].__set__(cls, "pyodide.ffi.JsException")
        return cls

    @property
    def __name__(cls) -> str:  # type: ignore[override]
        return cls.__dict__.get("_shown_name") or type.__dict__["__name__"].__get__(cls, type(cls))  # type: ignore[no-any-return]

    @property
    def __module__(cls) -> str:  # type: ignore[override]  # a computed name is the point
        return _shown_module(cls)

    def __repr__(cls) -> str:
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"


def _own_module(cls: type) -> str:
    """The module that defines ``cls`` here (its ``__dict__``'s, :class:`_ModuleName`'s own)."""
    own = cls.__dict__.get("__module__", "")
    return own.own if isinstance(own, _ModuleName) else str(own)


def _shown_module(cls: type) -> str:
    return "pyodide.ffi" if cls.__dict__.get("_pyodide_named") and worker_running() else _own_module(cls)


class _ModuleName:
    """:class:`JsException`'s ``__module__`` as an instance reads it (``e.__module__``): Pyodide's
    ``pyodide.ffi`` while a Worker's code runs, as the class's (:class:`_JsExceptionType`)."""

    def __init__(self, own: str):
        self.own = own

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return _shown_module(owner if owner is not None else type(instance))


def class_named(module: str, qualname: str) -> type:
    """The class ``qualname`` of module ``module``: what a pickled class that shows another module
    in a Worker is read back as -- a :class:`JsException` class, a JS value's, an SDK class."""
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found  # type: ignore[no-any-return]


#: (the name pickles made before session 55 call)
_class_named = class_named


def reduce_class(cls: type, module: str, qualname: str) -> str | tuple[Any, tuple[str, str]]:
    """``pickle``'s reduction of a class defined here in ``module`` as ``qualname`` (a class shown
    under another name in a Worker: a :class:`JsException` class, a JS value's, an SDK class, and
    Worker code's subclasses of them). One that shows those names is pickle's own global (its
    checks and texts: a class local to a function, or no longer found at its name, is refused as
    it dumps, as any class); another is read back by :func:`class_named`, once found so -- else
    refused too, where it wrote bytes that failed only as they loaded (review86)."""
    if cls.__module__ == module and cls.__qualname__ == qualname:
        return qualname
    try:
        found: Any = class_named(module, qualname)
    except (ImportError, AttributeError):
        found = None
    if found is not cls:
        import pickle

        raise pickle.PicklingError(f"Can't pickle {cls!r}: it's not found as {module}.{qualname}")
    return class_named, (module, qualname)


def _reduce_js_class(cls: _JsExceptionType) -> str | tuple[Any, tuple[str, str]]:
    """``pickle`` of a :class:`JsException` class by the module that defines it here: the
    ``pyodide.ffi`` it shows in a Worker is no module outside one."""
    return reduce_class(cls, _own_module(cls), cls.__qualname__)


copyreg.pickle(_JsExceptionType, _reduce_js_class)  # type: ignore[arg-type]


#: the names workerd's own error classes assign in their constructors (``this.name = name`` in
#: ``src/cloudflare/internal/ai-api.ts`` and ``aig-api.ts``; the service's ``AiError`` is such a
#: name): an own, enumerable property there, unlike a built-in ``TypeError``'s
_ASSIGNED_NAMES = frozenset({"AiError", "AiInternalError", "InferenceUpstreamError", "AiGatewayInternalError",
                             "AiGatewayLogNotFound"})


#: what :attr:`JsException.args` holds: the runtime's JsProxy of the error (set by the runtime;
#: None: the text the error was made with)
proxy_of_error: Callable[[JsException], Any] | None = None


class JsException(WorkersEnvError, metaclass=_JsExceptionType):
    """What Python Worker code sees when a JavaScript API throws (``pyodide.ffi.JsException``).

    ``str()`` reads ``<name>: <message>`` exactly as Pyodide renders a JS ``Error``.
    """

    _pyodide_named = True  # this class itself, not its subclasses: see _JsExceptionType
    # (outside Worker code ``workers_env``, where the README imports it from: walk58)
    __module__ = _ModuleName("workers_env")  # type: ignore[assignment]  # an instance's e.__module__ too

    name: str  # set through ``__dict__`` in ``__init__``: an assignment after it is Worker code's
    cause: Any  # set only on an Error made with ``options.cause`` (jsglobals)

    #: unhashable, as Pyodide's (a JsProxy of the JS error, compared by it: ``hash(e)`` is
    #: ``TypeError: unhashable type: 'pyodide.ffi.JsException'`` on 0.26.0a4, 0.28.2 and 314.0.6)
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any):
        """``JsException(message, name=...)`` here (``name`` ``Error`` when not given); the
        Worker's own code's ``JsException(name, message="", stack="")`` is Pyodide's constructor
        (0.26.0a4, 0.28.2, 314.0.6: a JS ``Error`` of that name, message and ``stack``; Pyodide
        0.28's ``pyodide.http`` makes its abort reasons so), one argument being the name there.
        Pyodide's forms -- two or three arguments, ``message=``/``stack=``, none -- are read as
        Pyodide reads them wherever the call is made."""
        stack = None
        ours = len(args) == 1 and (kwargs.keys() == {"name"} if kwargs else not worker_code(sys._getframe(1)))
        if ours:
            name, message = kwargs.get("name", "Error"), args[0]
            super().__init__(f"{name}: {message}")
        else:
            name, message, stack = _pyodide_arguments(args, kwargs)
            super().__init__(f"{name}: {message}" if name and message else name or message)
            self.__dict__["_stack"] = stack
        self.__dict__["name"] = name  # (an assignment after this one is Worker code's: __setattr__)
        self.message = message
        if not ours or (isinstance(name, str) and name in _ASSIGNED_NAMES):  # Pyodide's constructor assigns the name, as workerd's classes do
            self.__dict__["_own_keys"] = {"name": None}

    def __setattr__(self, key: str, value: Any) -> None:
        """An attribute set as on the JS error: ``e.name = "X"``, or ``e.code = 5`` from code
        outside workers-env (the Worker's, a test's), makes an own, enumerable property, which
        ``JSON.stringify`` writes (``{"code":5,"name":"X"}``, in the order assigned) and
        ``Object.keys`` lists; ``message`` and ``stack`` stay what the constructor made them (not
        enumerable), and workers-env's own attributes (``code`` of a ``VectorizeError``, ``cause``)
        are none of JavaScript's."""
        if key == "name" or (key[:1] != "_" and key not in ("message", "stack")
                             and not sys._getframe(1).f_code.co_filename.startswith(_PACKAGE)):
            self.__dict__.setdefault("_own_keys", {})[key] = None
        super().__setattr__(key, value)

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(name)  # a property the JS error lacks: Pyodide's text, the name alone

    def _assign(self, key: str, value: Any) -> None:
        """Property ``key`` set as JavaScript's ``[[Set]]`` sets it (``Object.assign`` onto the
        error): ``message`` and ``stack`` keep their place (not enumerable), any other key is an
        own enumerable property in the order set -- ``name`` too, which the error inherited."""
        if key == "stack":
            self.__dict__["_stack"] = value
            return
        if key != "message":
            self.__dict__.setdefault("_own_keys", {})[key] = None
        self.__dict__[key] = value

    @property
    def args(self) -> tuple[Any, ...]:  # type: ignore[override]
        """Pyodide's: one item, a JsProxy of the JS error itself (equal to it, its ``repr`` and
        ``str`` the error's ``toString``; 0.26.0a4, 0.28.2, 314.0.6 under Node), not its text."""
        made = proxy_of_error
        return BaseException.args.__get__(self) if made is None else (made(self),)  # type: ignore[attr-defined]

    @args.setter
    def args(self, value: tuple[Any, ...]) -> None:
        BaseException.args.__set__(self, value)  # type: ignore[attr-defined]

    def _own_properties(self) -> dict[str, Any]:
        """The error's own enumerable properties as JavaScript has them: ``name`` once assigned and
        what code outside workers-env set on it (``message``, ``stack``, ``cause`` and ``errors`` are
        not enumerable; V8's built-in errors and ``DOMException`` read ``name`` from their prototype)
        -- but a ``stack`` listed among them (workerd's ``DOMException``s', as ``Object.keys`` of a
        ``DataCloneError`` across RPC shows: ``code,name,message,stack``) is the error's own."""
        keys = self.__dict__.get("_own_keys")
        return {} if not keys else {k: self.stack if k == "stack" else self.__dict__[k]
                                    for k in keys if k in self.__dict__ or k == "stack"}

    def __str__(self) -> str:
        """JavaScript's ``Error.prototype.toString`` of the error as it is now, which is what
        Pyodide's ``str`` and ``repr`` of a ``JsException`` are (0.26.0a4, 0.28.2, 314.0.6):
        ``<name>: <message>``, the name alone without a message (``Error``), the message alone
        without a name; a name or message Worker code set to another value as JavaScript's
        ``String()`` writes it (``5: m``, ``null: m``, ``Error: [object Object]``), ``None``
        (``undefined``) the default. A Symbol there makes ``toString`` throw: V8's ``TypeError``
        from Pyodide 0.28, 0.26's own ``TypeError`` (measured under Node, ``tools/pyodide/``)."""
        try:
            return self._to_string()
        except JsException:
            if pyodide_028():
                raise
            raise TypeError(NO_REPR) from None

    def _to_string(self) -> str:
        """``Error.prototype.toString`` (ECMAScript 20.5.3.4) of the error's ``name`` and ``message``."""
        name, message = self.__dict__.get("name"), self.__dict__.get("message")
        if not isinstance(name, str) or not isinstance(message, str):
            name = "Error" if name is None else name if isinstance(name, str) else js_to_string(name)
            message = "" if message is None else message if isinstance(message, str) else js_to_string(message)
        return f"{name}: {message}" if name and message else name or message

    __repr__ = __str__  # a JS value's repr is its toString: ``[TypeError: t]`` in a list, as deployed

    def toString(self) -> str:  # noqa: N802 - JS name
        return str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as it is (its ``args``, ``name``, ``code``, notes...): ``__init__``'s parameters
        are not its ``args`` (``<name>: <message>``), so the default re-call doubled the name or
        failed (``VectorizeError`` missing ``text``)."""
        return (_restored, (type(self), BaseException.args.__get__(self), self.__dict__))  # type: ignore[attr-defined]

    @property
    def stack(self) -> str:
        """The JS error's ``stack``: V8's first line, ``<name>: <message>`` (the ``at ...`` frames
        of JavaScript's own stack are not emulated); the one given to Pyodide's constructor
        (``""`` when none was)."""
        given = self.__dict__.get("_stack")
        if given is not None:
            return given  # type: ignore[no-any-return]
        return self._to_string()  # V8 writes the first line when ``stack`` is first read, as toString


def worker_code(frame: FrameType) -> bool:
    """Whether ``frame`` runs the Worker's own code while it runs (not workers-env's, not a test's
    fake binding's): code compiled by ``exec`` (``<string>``) is its module's, or, in a namespace
    of no module, the running Worker's (its ``exec``/``eval``)."""
    if not worker_running():
        return False
    filename = frame.f_code.co_filename
    if filename[:1] == "<":
        filename = frame.f_globals.get("__file__") or filename
    return filename[:1] == "<" or (not filename.startswith(_PACKAGE) and worker_file(filename))


def _pyodide_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, str, str]:
    """``name``, ``message`` and ``stack`` as Pyodide's ``JsException.__new__`` reads them
    (``PyArg_ParseTupleAndKeywords`` with ``"s|ss:__new__"``), with CPython's refusals."""
    names = ("name", "message", "stack")
    if len(args) + len(kwargs) > 3:
        raise TypeError(f"__new__() takes at most 3 arguments ({len(args) + len(kwargs)} given)")
    values = []
    for position, key in enumerate(names, 1):
        if position <= len(args):
            if key in kwargs:
                raise TypeError(f"argument for __new__() given by name ({key!r}) and position ({position})")
            value = args[position - 1]
        elif key in kwargs:
            value = kwargs[key]
        elif position == 1:
            raise TypeError("__new__() missing required argument 'name' (pos 1)")
        else:
            value = ""
        if not isinstance(value, str):
            raise TypeError(f"__new__() argument {position} must be str, not {_type_name(value)}")
        values.append(value)
    for key in kwargs:
        if key not in names:
            raise TypeError(f"__new__() got an unexpected keyword argument {key!r}" if pyodide_028()
                            else f"{key!r} is an invalid keyword argument for __new__()")
    return values[0], values[1], values[2]


def _type_name(value: Any) -> str:
    """A value's type as CPython's argument errors name it (``None`` for ``None``)."""
    return "None" if value is None else type(value).__name__


def _restored(cls: type[JsException], args: tuple[Any, ...], state: dict[str, Any]) -> JsException:
    """A :class:`JsException` unpickled: made without ``__init__``, then given its args and state."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class VectorizeError(JsException):
    """An error thrown by a Vectorize binding: ``<OP>_ERROR (code = N): <text>``.

    ``operation`` is the OP part (``VECTOR_QUERY``, ``VECTOR_INSERT``, ...), ``code``
    the service's numeric code or ``None`` where the service gives none. Errors thrown by
    the binding's own JavaScript before any request (``operation=None``) carry no envelope.
    """

    __module__ = "workers_env"  # (as the README names it, in a traceback outside Worker code: walk58)

    def __init__(self, operation: str | None, text: str, *, code: int | None = None):
        if operation is None:
            message = text
        elif code is None:
            message = f"{operation}_ERROR: {text}"
        else:
            message = f"{operation}_ERROR (code = {code}): {text}"
        super().__init__(message)
        self.operation = operation
        self.code = code
        self.text = text


class AiError(JsException):
    """An error thrown by the Workers AI binding: ``AiError: <code>: <description>``.

    The binding rethrows the service's error body as ``<internalCode>: <description>`` under
    the name the service gives (``AiError``); ``code`` is that internal code (``5006`` for an
    input the model's schema refuses, ``5007`` for an unknown model), ``None`` for errors the
    emulator raises on its own (a model or option it does not emulate).
    """

    __module__ = "workers_env"  # (as the README names it, in a traceback outside Worker code: walk58)

    def __init__(self, description: str, *, code: int | None = None):
        super().__init__(description if code is None else f"{code}: {description}", name="AiError")
        self.code = code
        self.description = description


#: called with each :class:`NotEmulatedError` as it is made (set by the runtime, which notes the
#: ones a request's own code catches and goes on past: runtime/swallowed.py); ``None`` outside it
not_emulated_made: Callable[["NotEmulatedError"], None] | None = None


class NotEmulatedError(WorkersEnvError, NotImplementedError):
    """Something the real binding offers that workers-env cannot emulate offline.

    Deliberately not a :class:`JsException`: Worker code that catches the service's errors
    does not swallow it, so the test fails and says what is missing. Code that catches every
    ``Exception`` does; the runtime then says so once the request is over (runtime/swallowed.py).
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        if not_emulated_made is not None:
            not_emulated_made(self)


class BindingNotEmulatedError(NotEmulatedError):
    """Worker code used a binding workers-env declares but does not emulate (R2, Queues, ...).

    ``binding`` is the ``env`` name, ``kind`` wrangler's name for its kind (``R2 Bucket``),
    ``field`` the config field (``r2_buckets``). The message says how to supply one.
    """

    def __init__(self, binding: str, kind: str, field: str, dev_table: bool = False):
        if field == "services":  # another Worker: loaded by the test, or run in the same dev session
            text = (f"env.{binding} ({kind} binding, services in the wrangler config) was given no Worker: "
                    f"workers-env runs the service only when you hand it one. Supply the Worker: "
                    f"load_env(..., bindings={{{binding!r}: load_worker(\"path/to/its/folder\")}}) (or an object of "
                    f"your own); in pytest the workers_env_bindings fixture or @pytest.mark.workers_env(bindings=...); "
                    f"for workers-env dev, run both: workers-env dev -c wrangler.toml -c path/to/its/wrangler.toml.")
        else:
            text = (f"env.{binding} ({kind} binding, {field} in the wrangler config) is not emulated by workers-env. "
                    f"Supply your own object for it: load_env(..., bindings={{{binding!r}: my_fake}}); in pytest "
                    f"the workers_env_bindings fixture or @pytest.mark.workers_env(bindings={{{binding!r}: my_fake}}); "
                    f'for workers-env dev, [tool.workers-env.bindings] {binding} = "package.module:factory" in '
                    f"pyproject.toml.")
        if dev_table:  # the project names a factory for it that only workers-env dev calls
            text += (f" pyproject.toml's [tool.workers-env.bindings] names {binding}, but only workers-env dev "
                     f"reads that table: here pass the object with bindings= (load_worker(path, bindings=...), "
                     f"load_env(..., bindings=...) or the pytest ways above).")
        super().__init__(text)
        self.binding = binding
        self.kind = kind
        self.field = field
        self.dev_table = dev_table

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with the arguments its ``__init__`` takes (``args`` holds only the
        message it made of them, which ``__init__`` cannot be called with: review90)."""
        return type(self), (self.binding, self.kind, self.field, self.dev_table), self.__dict__


class UnindexedFilterWarning(UserWarning):
    """A v2 filter names a property that has no metadata index, or compares an indexed one with
    values none of which is of its index's type, so it matches nothing; or it names an indexed
    property that vectors written before the metadata index carry, which it cannot match (also
    said when a definition's metadata index is added to persisted state already holding vectors).

    The service returns no matches without an error; this Python-side warning says why,
    so a test can turn it into a failure (``-W error::workers_env.UnindexedFilterWarning``).
    """


class PyProxyWarning(UserWarning):
    """A Python ``dict`` reached JavaScript unconverted (a PyProxy) as an options or init
    object, where production reads none of its keys (Pyodide 0.26: a PyProxy's properties are
    the dict's attributes) and goes on with the defaults -- as workers-env then does -- or reads
    a key named like a dict method as that method (Pyodide 0.28).

    Also: keyword arguments beside an explicit init object (``Response.new(body, init,
    status=500)``), which Pyodide hands JavaScript as a further argument nobody reads.

    The Worker works in production too, just not as written (a TTL, a status, a method lost);
    this Python-side warning says so, and ``-W error::workers_env.PyProxyWarning`` makes it a
    failure.
    """


class StateElsewhereWarning(UserWarning):
    """A relative ``persist_to`` (read from the current folder, as wrangler's ``--persist-to``)
    names a state that lacks a KV namespace or Vectorize index the state beside the config holds:
    a script run from a subfolder of the project then reads an empty namespace or index, where
    production-like code gets no error. ``-W error::workers_env.StateElsewhereWarning`` makes it
    a failure.
    """


class UnreadOptionWarning(UserWarning):
    """An options object names a key the binding does not read but whose camelCase it does:
    ``query(vec, top_k=3)``, ``put(key, value, expiration_ttl=60)``, ``raw(column_names=True)``.
    Neither Pyodide nor the Python SDK renames keys, so production ignores it without a word and
    goes on with the default -- as workers-env then does; this Python-side warning names the
    option, and ``-W error::workers_env.UnreadOptionWarning`` makes it a failure.
    """


# The public errors read as the README names them, ``workers_env.ConfigError``, in a traceback's
# last line, pytest's ``E`` lines and repr() (walk58: pytest showed ``workers_env._errors.ConfigError``
# for a plugged embedder's wrong shape); pickle finds them there too. The JsException family names
# ``workers_env`` in its class bodies (production's ``pyodide.ffi`` in Worker code).
for _public in (WorkersEnvError, ConfigError, IndexDefinitionError, StateError, NotEmulatedError,
                BindingNotEmulatedError):
    _public.__module__ = "workers_env"
del _public
