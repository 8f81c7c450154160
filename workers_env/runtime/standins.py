"""The modules a Python Worker imports from the runtime: ``workers``, ``js``, ``pyodide``.

They are built once, as plain module objects, and only ever placed in ``sys.modules``
by :mod:`workers_env.runtime.scope` while a worker's code runs.

Parts they are built of live in their own modules: the JsProxy faces of ``js``'s emulated
globals (``JsGlobalFunction``, ``JsGlobalObject``, the constructors called without ``new``) in
jsglobalproxies.py; ``js``'s look-up of a global by name -- the globals not emulated, ``js.caches``,
``dir(js)`` -- in notemulatedglobals.py; ``new Map``/``new Set`` and ``Array.from``'s array-like
reading in jscollections.py; ``pyodide.ffi``'s ``InternalError`` and era-dependent names in
pyodideffi.py; the finder for ``import js.fetch`` in jsattributefinder.py.
"""

from __future__ import annotations

import dis
import functools
import importlib
import sys
from types import ModuleType, SimpleNamespace
from typing import Any, TypedDict

from workers_env import _errors, _jsvalues, _loglevel
from workers_env._errors import JsException, add_hint
from workers_env._jsvalues import JsSet, not_a_function, with_this
from workers_env.runtime import (
    abort,
    domexception,
    envwrap,
    fetchcalls,
    ffiwrappers,
    forms,
    httperrors,
    jsabc,
    jsbuffers,
    jsclone,
    jsconversions,
    jsconvert,
    jsdestroyed,
    jsescape,
    jsevents,
    jsfunctions,
    jsglobals,
    jsheaders,
    jsinspect,
    jsjson,
    jsmath,
    jsmodules,
    jsnumbers,
    jsonparse,
    jspipes,
    jsreflect,
    jsperformance,
    jspromise,
    jsproxy,
    jspyproxies,
    jsscheduler,
    jsstreams,
    jsweb,
    pyodidecode,
    sdkhttp,
    sdksignatures,
    sdktypes,
    sdkwrappers,
    timers,
    websockets,
    workers_api,
)
from workers_env.runtime import asgi as asgi_bridge
from workers_env.runtime import webloop as pyodide_webloop
from workers_env.runtime import wsgi as wsgi_bridge
from workers_env.runtime.cloudflareworkers import CloudflareWorkersFinder
from workers_env.runtime.current import current_runtime, pyodide_028, pyodide_029
from workers_env.runtime.envwrap import EnvWrapper
from workers_env.runtime.eras import version_text
from workers_env.runtime.hashlibera import install_hashlib_era
from workers_env.runtime.jsattributefinder import _JsAttributeFinder
from workers_env.runtime.jsarity import function_length
from workers_env.runtime.jsbase import js_keywords
from workers_env.runtime.jscollections import _ITERATOR_BORROWED, _array_like_items, _new_map, _new_set
from workers_env.runtime.jsconvert import object_from_entries
from workers_env.runtime.jsglobalproxies import (
    _EVENT_CLASSES,
    _GLOBAL_SCOPE_METHODS,
    _WORKERD_CLASSES,
    JsGlobalFunction,
    JsGlobalObject,
    JsNamespaceGlobal,
    _CalledAsNew,
    _ConstructorOnly,
    _DateFunction,
    _global_scope_method,
    _illegal_constructor,
    _Navigator,
    _object_called,
    _v8_builtin,
    _workerd_class,
)
from workers_env.runtime.jsproxy import JsArray, JsObject, JsProxy
from workers_env.runtime.modulespecs import StandinModule, with_spec
from workers_env.runtime.nosdk import stub_folder
from workers_env.runtime.notemulatedglobals import COVERAGE_DOC, _js_dir, _js_getattr
from workers_env.runtime.pyodideffi import _ffi_attribute, _InternalError
from workers_env.runtime.sdksubmodules import SINCE, SdkSubmoduleFinder, Submodule, imported, sdk_lacks
from workers_env.runtime.workersutils import new_utils_module, workers_utils_module

__all__ = ["STANDIN_NAMES", "external_submodule", "standin_modules"]

PYODIDE_VERSION = "0.28.2"
STANDIN_NAMES = ("workers", "workers.workflows", "asgi", "js", "pyodide",
                 "pyodide.ffi", "pyodide.ffi.wrappers", "pyodide.http", "pyodide.webloop", "pyodide.code",
                 "_cloudflare_compat_flags")

class NotEmulatedError(ImportError):
    """A runtime name (``from js import X``) that workers-env does not emulate."""


def _not_emulated(module: str, name: str) -> NotEmulatedError:
    return NotEmulatedError(
        f"{module}.{name} is not emulated by workers-env: it exists in the Python Workers runtime, "
        f"but not in workers-env's local stand-in (see {COVERAGE_DOC}). "
        "Guard the import or open an issue.",
        name=name,
    )


def _missing_attribute(module: str, name: str) -> Exception:
    """``from module import name`` gets an ImportError; ``getattr``/``hasattr`` an AttributeError."""
    error = _not_emulated(module, name)
    return error if _at_import(2) else AttributeError(str(error))


_IMPORT_OPS = {dis.opmap[name] for name in ("IMPORT_FROM", "IMPORT_NAME") if name in dis.opmap}


def _at_import(depth: int) -> bool:
    """Whether the frame ``depth`` calls above the caller stands at ``import`` or ``from ... import``."""
    frame = sys._getframe(depth + 1)
    code = frame.f_code.co_code
    return 0 <= frame.f_lasti < len(code) and code[frame.f_lasti] in _IMPORT_OPS


#: names of the external SDK's submodules that came after the submodule itself
_LATER_NAMES = {("asgi", "entrypoint"): (1, 7, 0), ("asgi", "Options"): (1, 9, 5),
                ("asgi", "DEFAULT_OPTIONS"): (1, 9, 5), ("asgi", "close_stream_quietly"): (1, 6, 10),
                ("asgi", "NULL_BODY_STATUSES"): (1, 6, 1), ("wsgi", "NULL_BODY_STATUSES"): (1, 6, 8),
                ("wsgi", "entrypoint"): (1, 8, 0), ("wsgi", "Options"): (1, 9, 5),
                ("wsgi", "DEFAULT_OPTIONS"): (1, 9, 5),  # read in each release's wheel
                ("asgi", "_to_js_headers"): (1, 6, 13),  # (workers.utils's, imported by asgi.py from then)
                # the wrappers moved into rpc.py from _workers.py with 1.6.4 (workers-py 988167b);
                # _RpcStubWrapper came with 1.6.5 (#160)
                **{("rpc", name): (1, 6, 4) for name in ("_BindingWrapper", "_FetcherWrapper", "_EnvWrapper",
                                                         "_DurableObjectNamespaceWrapper", "_WorkflowInstanceWrapper",
                                                         "_WorkflowBindingWrapper")},
                ("rpc", "_RpcStubWrapper"): (1, 6, 5)}


def _late_name(submodule: str, name: str) -> str | None:
    """Why the running Worker's SDK lacks ``workers.<submodule>.<name>`` (``None``: it has it)."""
    since = _LATER_NAMES.get((submodule, name))
    era = getattr(current_runtime(), "era", None)
    if since is None or era is None or era.sdk_version is None or era.sdk_at_least(since):
        return None
    return f"module 'workers.{submodule}' has no attribute '{name}' (it came with workers-runtime-sdk {version_text(since)}; this Worker runs {era.sdk_text})"


def _absent(message: str, name: str) -> Exception:
    """As :func:`_missing_attribute`: an ImportError inside ``from ... import``, else an AttributeError."""
    return ImportError(message, name=name) if _at_import(2) else AttributeError(message)


class _ExternalSdkModule(StandinModule):
    """``workers.wsgi`` / ``workers.rpc``: its names resolve only while a Worker whose SDK has
    the module runs (production's built-in SDK has none of them; ``workers.asgi``: _AsgiModule)."""

    def __init__(self, submodule: str, doc: str | None, names: dict[str, Any]):
        super().__init__(f"workers.{submodule}", doc)
        self._submodule = submodule
        self._names = names

    @property
    def __all__(self) -> list[str]:  # type: ignore[override]
        """The public names the running Worker's SDK has (what ``import *`` takes: one it lacks
        would make ``from workers.asgi import *`` fail on an older SDK)."""
        return [n for n in self._names if not n.startswith("_") and _late_name(self._submodule, n) is None]

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        lacks = sdk_lacks(self._submodule)
        if lacks is not None:
            raise _absent(lacks, attr)
        if attr in self._names:
            late = _late_name(self._submodule, attr)
            if late is not None:
                raise _absent(late, attr)
            if self._submodule == "wsgi" and attr in sdksignatures.WSGI_VARIED:
                return sdksignatures.for_era(attr, "wsgi")
            return self._names[attr]
        raise _missing_attribute(self.__name__, attr)


#: the external SDK's submodules of ``workers`` by full name, as :class:`SdkSubmoduleFinder` hands
#: them out: ``workers.utils`` made afresh for each Worker, the others the shared stand-ins
#: (:func:`_build` fills it)
_SUBMODULES: dict[str, Submodule] = {}


def external_submodule(module: Any) -> bool:
    """Whether ``module`` is a ``workers.utils`` / ``workers.asgi`` / ``workers.wsgi`` /
    ``workers.rpc`` of :class:`SdkSubmoduleFinder`'s (imported only where the running Worker's
    SDK has it: the Worker's own while it runs)."""
    return issubclass(type(module), (_ExternalSdkModule, _AsgiModule)) or workers_utils_module(module)  # (types: an odd entry's __class__ may raise)


def _console(level: str) -> Any:
    """A console method: its line at wrangler's ``level`` for it (``wrangler dev``'s
    ``handleStructuredLogs``: ``debug`` and ``info`` as ``logger.info``), which ``dev
    --log-level`` may hide and dev lays out as wrangler does (:func:`workers_env._loglevel.console`)."""
    def log(*args: Any) -> None:
        _loglevel.console(level, jsinspect.console_line(*args))

    return log


def _silent(*args: Any) -> None:
    """A V8 console method workerd does not route to its log (worker.c++ ``setupContext``
    replaces only ``log``/``info``/``debug``/``warn``/``error``): it goes to an attached
    inspector only, so nothing is printed."""


#: the members of V8's ``console`` besides the five workerd logs
_V8_CONSOLE_SILENT = ("assert", "clear", "context", "count", "countReset", "createTask", "dir", "dirxml", "group",
                      "groupCollapsed", "groupEnd", "profile", "profileEnd", "table", "time", "timeEnd", "timeLog",
                      "timeStamp", "trace")


class _Console(jsproxy.JsProxy):
    """``js.console``: V8's console object as Pyodide holds it, a ``JsProxy`` (unhashable, made
    by ``Object``); its methods JS functions (:func:`_console_method`), a member it lacks
    Pyodide's ``AttributeError`` (the name alone); ``str()``/``String()`` of it V8's
    ``[object console]`` (its ``Symbol.toStringTag``)."""

    _to_string_tag = "console"  # type: ignore[assignment]

    def __init__(self, **methods: Any):
        for key, func in methods.items():
            object.__setattr__(self, key, _console_method(func, key))

    def __repr__(self) -> str:
        return "[object console]"

    def toString(self) -> str:  # noqa: N802 - JS name
        return "[object console]"


#: ``pyodide.http.__all__`` on Pyodide 0.26 (``http.py``); 0.28 adds its three exception classes
_HTTP_ALL_026 = ("open_url", "pyfetch", "FetchResponse")
_HTTP_ERRORS_028 = ("HttpStatusError", "BodyUsedError", "AbortError")


def _open_url(url: str) -> Any:
    """``pyodide.http.open_url``: a synchronous ``XMLHttpRequest``, which workerd does not have --
    Pyodide's ``from js import XMLHttpRequest`` at import failed quietly, so the call is a
    ``NameError``, as in production."""
    error = NameError("name 'XMLHttpRequest' is not defined")
    add_hint(error, "pyodide.http.open_url needs the browser's XMLHttpRequest, which the Workers runtime does not "
                   "have (Pyodide imports it only where it exists); use `await pyodide.http.pyfetch(url)` or "
                   "`workers.fetch` instead")
    raise error


class XHRError(OSError):
    """``pyodide.http.pyxhr.XHRError`` (Pyodide 0.29 on)."""

    __module__ = "pyodide.http._exceptions"


class XHRNetworkError(XHRError):
    """``pyodide.http.pyxhr.XHRNetworkError`` (Pyodide 0.29 on)."""

    __module__ = "pyodide.http._exceptions"

    def __init__(self, message: str = "Network error occurred") -> None:
        super().__init__(message)


class XHRRequestParams(TypedDict, total=False):
    """``pyodide.http.pyxhr.XHRRequestParams``: a request's keyword arguments."""

    headers: dict[str, str]
    params: dict[str, str]
    data: Any
    json: Any
    auth: tuple[str, str]
    timeout: int


class XHRResponse:
    """``pyodide.http.pyxhr.XHRResponse``: never made in a Worker (no ``XMLHttpRequest``)."""

    __module__ = "pyodide.http.pyxhr"


def _pyxhr_request(method: str) -> Any:
    def request(url: str, **_kwargs: Any) -> Any:
        """A synchronous ``XMLHttpRequest``, which workerd does not have: Pyodide's ``from js
        import XMLHttpRequest`` at import failed quietly, so the call is a ``NameError``."""
        error = NameError("name 'XMLHttpRequest' is not defined")
        add_hint(error, f"pyodide.http.pyxhr.{method} needs the browser's XMLHttpRequest, which the Workers runtime "
                        "does not have (Pyodide imports it only where it exists); use `await "
                        "pyodide.http.pyfetch(url)` or `workers.fetch` instead")
        raise error

    request.__name__ = request.__qualname__ = method
    request.__module__ = "pyodide.http.pyxhr"
    return request


#: ``pyodide.http.pyxhr``'s docstring, as Pyodide 314.0.6's ``pyodide/http/pyxhr.py`` has it
_PYXHR_DOC = (
    "XMLHttpRequest-based HTTP client for Pyodide.\n\nProvides a requests-like synchronous HTTP API using "
    "XMLHttpRequest,\ndesigned specifically for browser environments where traditional HTTP libraries don't "
    "work.\n\nExamples\n--------\n>>> from pyodide.http import pyxhr  # doctest: +RUN_IN_PYODIDE\n>>> try:\n"
    "...     from js import XMLHttpRequest\n... except ImportError:\n"
    "...     import pytest; pytest.skip(\"XMLHttpRequest not available\")\n"
    ">>> response = pyxhr.get(\"data:text/plain,Hello World\")\n>>> response.status_code\n200\n"
    ">>> response.text\n'Hello World'\n"
)


def _pyxhr_module() -> ModuleType:
    """``pyodide.http.pyxhr`` (Pyodide 0.29's ``XMLHttpRequest`` client: the 314.0.x era): it
    imports in a Worker, its requests fail as :func:`_open_url` does."""
    module = ModuleType("pyodide.http.pyxhr", _PYXHR_DOC)
    methods = ("delete", "get", "head", "options", "patch", "post", "put")
    for method in methods:
        setattr(module, method, _pyxhr_request(method))
    module.XHRError = XHRError  # type: ignore[attr-defined]
    module.XHRNetworkError = XHRNetworkError  # type: ignore[attr-defined]
    module.XHRRequestParams = XHRRequestParams  # type: ignore[attr-defined]
    module.XHRResponse = XHRResponse  # type: ignore[attr-defined]
    module.__all__ = [*methods, "XHRError", "XHRNetworkError", "XHRRequestParams",  # type: ignore[attr-defined]
                      "XHRResponse"]
    return module


_PYXHR = _pyxhr_module()


def _http_attribute(name: str) -> Any:
    """``pyodide.http``'s names that depend on the Worker's Pyodide: ``HttpStatusError``,
    ``BodyUsedError`` and ``AbortError`` exist from 0.28 (compatibility dates from 2025-09-29);
    on 0.26 importing one is an ``ImportError``, as in production; ``pyxhr`` from 0.29 (the
    314.0.x era, dates from 2026-09-08), where ``pyodide.http`` is a package (``__path__``:
    ``http/__init__.py`` of the standard library zip, ``find_spec`` a package's spec), a module
    before; ``FetchResponse`` the era's class (314.0.x: ``pyodide.http._pyfetch``'s). Outside a
    Worker: 0.28's names."""
    if name == "__path__" and pyodide_029():
        return []
    if name == "__all__":
        return [*_HTTP_ALL_026, *(_HTTP_ERRORS_028 if pyodide_028() else ()), *(("pyxhr",) if pyodide_029() else ())]
    if name == "FetchResponse":
        return sdkhttp.fetch_response_class()
    if name in _HTTP_ERRORS_028 and pyodide_028():
        return httperrors.http_error(getattr(httperrors, name))
    if name == "pyxhr" and pyodide_029():
        return _PYXHR
    raise AttributeError(f"module 'pyodide.http' has no attribute {name!r}")


def _compat_flag(name: str) -> Any:
    """``_cloudflare_compat_flags.<enable flag>``: whether the running Worker has it on. workerd
    registers the object of every enable flag as this module (``setupPatches``,
    python-entrypoint-helper.ts); a name that is no enable flag is no attribute, the JsProxy's
    bare ``AttributeError(name)`` (Pyodide 0.26.0a4, 0.28.2, 314.0.6)."""
    flags = getattr(current_runtime(), "compat_flags", None)
    if name.startswith("__") or flags is None or name not in flags:
        raise AttributeError(name)
    return flags[name]


def _pyodide_attribute(name: str) -> Any:
    """``pyodide.__version__``: the Pyodide of the running Worker's Python release (0.26.0a2
    before 2025-09-29, 0.28.2 from then or with ``python_workers_20250116``, 314.0.x with the
    3.14 flags), as production's bundle reports it; outside Worker code, the newest 0.28's."""
    if name == "__version__":
        runtime = current_runtime()
        return PYODIDE_VERSION if runtime is None else runtime.pyodide_version
    raise AttributeError(f"module 'pyodide' has no attribute '{name}'")


def _webloop_attribute(name: str) -> Any:
    """``pyodide.webloop``'s other names (Pyodide's module has only its ``__all__`` public)."""
    if name.startswith("__"):
        raise AttributeError(name)
    raise _missing_attribute("pyodide.webloop", name)


#: ``Object.keys(console)`` in workerd (V8's console object, measured under wrangler dev 4.164.0)
_CONSOLE_KEYS = ("debug", "error", "info", "log", "warn", "dir", "dirxml", "table", "trace", "group", "groupCollapsed",
                 "groupEnd", "clear", "count", "countReset", "assert", "profile", "profileEnd", "time", "timeLog",
                 "timeEnd", "timeStamp", "context", "createTask")


def _console_method(func: Any, key: str) -> jsfunctions.JsNativeFunction:
    """A console method as ``Object.values(console)`` gives it: a JS function whose ``name`` is
    workerd's -- empty for the five logging methods workerd puts in V8's place (``debug``,
    ``error``, ``info``, ``log``, ``warn``), the method's own for the others."""
    return jsfunctions.JsNativeFunction(func, "" if key in ("debug", "error", "info", "log", "warn") else key,
                                        length=function_length(f"console.{key}"))


def _object_namespace(js_json: Any) -> SimpleNamespace:
    def plain(obj: Any) -> Any:  # a Python dict is a PyProxy: its keys are its own properties from Pyodide 0.28
        if type(obj) is dict:  # in the dict's order: a Proxy's own keys are as its ownKeys trap lists them
            return jsproxy.JsObject.unordered({str(k): v for k, v in obj.items()} if jspyproxies.reads_dict_keys() else {})
        if isinstance(obj, str):  # a JS string: one property per UTF-16 unit, "0", "1", ...
            units = obj.encode("utf-16-le", "surrogatepass")
            return JsObject({str(i): units[2 * i: 2 * i + 2].decode("utf-16-le", "surrogatepass")
                             for i in range(len(units) // 2)})
        if isinstance(obj, (int, float)):  # a number or a boolean owns no properties
            return JsObject({})
        if isinstance(obj, jsfunctions.JsDoubleProxy) or type(obj) is jsfunctions.JsFunction:
            return plain(jsfunctions.proxied_object(obj))  # create_proxy(value): the same PyProxy JavaScript sees
        if type(obj) in (list, tuple, set, frozenset, bytes, bytearray):
            return JsObject({})  # a PyProxy of a list, tuple, set or bytes owns none (measured, Pyodide 0.26 and 0.28)
        if isinstance(obj, _Console):  # V8's console: its methods are its own (measured under wrangler dev 4.164.0)
            return JsObject({name: getattr(obj, name) for name in _CONSOLE_KEYS})
        if isinstance(obj, jsconversions.JsSymbol):  # a symbol owns no properties either
            return JsObject({})
        if isinstance(obj, (jsconversions.JsStringObject, jsconversions.JsBooleanObject)):
            return plain(obj.valueOf())  # new String("ab"): its indices, as the string's
        if isinstance(obj, JsException):
            return JsObject(obj._own_properties())  # an Error: its name once assigned (message, stack: not enumerable)
        if isinstance(obj, (jsglobals.JsDate, jsproxy.JsIterator, JsGlobalObject)) or obj is js_json:
            return JsObject({})  # a Date, an iterator, crypto, JSON: none
        if isinstance(obj, JsGlobalFunction):  # a workerd class's statics are enumerable (Response's error,
            return JsObject(obj._enumerable_statics())  # redirect, json), a function's name, length, prototype not
        if isinstance(obj, JsProxy) and type(obj).typeof == "function" and not isinstance(obj, jsfunctions.JsFunction) \
                or isinstance(obj, jsfunctions.JsNativeFunction):
            return JsObject({})  # any other JS function (Object.keys, x.constructor) owns none
        if isinstance(obj, (dict, list, tuple, set, frozenset)) and not hasattr(type(obj), "object_keys"):
            return JsObject({})  # a PyProxy of a container subclass (the SDK's JsDict results) owns none either:
            # Pyodide lists an exact dict's keys only (0.26.0a4, 0.28.2, 314.0.6 under Node)
        if not isinstance(obj, JsProxy) and not hasattr(type(obj), "object_keys"):
            return JsObject({})  # the PyProxy of any other Python object (a SimpleNamespace, an instance, a
            # function, a complex) owns none: its attributes are not enumerable (the same releases)
        return obj

    def owner(obj: Any) -> Any:
        if obj is None or obj is jsproxy.jsnull:
            raise jsproxy.js_type_error("Cannot convert undefined or null to object")
        return plain(obj)

    def keys(obj: Any = None, *_ignored: Any) -> JsArray:
        return owner(obj).object_keys()

    def values(obj: Any = None, *_ignored: Any) -> JsArray:
        return owner(obj).object_values()

    def entries(obj: Any = None, *_ignored: Any) -> JsArray:
        return owner(obj).object_entries()

    def assign(target: Any = None, *sources: Any) -> Any:
        """``Object.assign(target, ...sources)``: each source's own enumerable properties copied
        onto ``target`` in order, as JavaScript reads them: a JS object's (a Python container
        stored there stays its PyProxy: read back, the object itself), an array's or a string's
        indices, a LiteralMap's string keys, a Python dict's str and int keys from Pyodide 0.28 (one
        named like a dict method copies a destroyed proxy of that method: reading it throws; none
        on 0.26); ``undefined``/``null`` and other values own none."""
        if target is None or target is jsproxy.jsnull:
            raise jsproxy.js_type_error("Cannot convert undefined or null to object")
        if isinstance(target, JsException):  # an Error: the same properties, set on it (Pyodide 0.26.0a4-314.0.6)
            staged = assign(JsObject({}), *sources)
            for key, value in staged._props.items():
                target._assign(key, value)
            return target
        if not isinstance(target, JsObject):
            raise _errors.NotEmulatedError(
                f"Object.assign() onto a JS {getattr(target, '_js_name', type(target).__name__)} is not emulated "
                "by workers-env: assign onto a plain object (js.Object.new() or to_js(d, "
                "dict_converter=Object.fromEntries)) instead")
        for source in sources:
            if isinstance(source, JsObject):
                for key, value in source._props.items():
                    target._set_held(key, value)
                jsproxy.marked_like(source, target)
            elif isinstance(source, jsproxy.JsLiteralMap):
                for key, value in source.read_properties().items():
                    target._set_held(key, value)
            elif type(source) is dict and jspyproxies.reads_dict_keys():
                jspyproxies.pyproxy_options(source, "source of Object.assign()")  # its PyProxyWarning
                for key, value in source.items():  # the PyProxy's own keys: str ones and ints (as text)
                    if type(key) is int:
                        key = str(key)
                    elif not isinstance(key, str) or key in jspyproxies.PYPROXY_DICT_METHODS:
                        continue  # (a PyProxy method: a function there, not copied here; README)
                    if key in jspyproxies.DICT_ATTRIBUTES:
                        value = jsdestroyed.DestroyedAttribute()
                    elif key in ("type", "length"):  # the PyProxy's own ``type`` and ``length``
                        value = "dict" if key == "type" else len(source)
                    setattr(target, key, value)
            elif isinstance(source, str):  # one property per UTF-16 unit
                for key, value in plain(source)._props.items():
                    target._set_held(key, value)
            elif isinstance(source, JsArray):
                for i, value in enumerate(source._items):
                    target._props[str(i)] = value
                jsproxy.reorder_in_place(target._props)  # its indices before the target's other keys
                jsproxy.marked_like(source, target)
        return jsproxy.another_proxy(target)  # the same JS object, a new JsProxy: ``is`` tells them apart, as in Pyodide

    return SimpleNamespace(fromEntries=object_from_entries, keys=keys, values=values, entries=entries, new=_object_new,
                           assign=assign)


def _object_new(value: Any = None, *_: Any) -> Any:
    """``new Object(value)`` (ECMAScript's ``Object`` constructor): a new empty object for
    ``null``/``undefined``, the value itself for an object -- a JS one (another JsProxy of it), a
    Python one a PyProxy carries back (so ``to_js(d, dict_converter=Object.new)`` is the entries
    array, pyodide#6056) -- and a wrapper object for a primitive."""
    if value is None or value is jsproxy.jsnull:
        return JsObject()
    if isinstance(value, JsObject):
        return jsproxy.another_proxy(value)
    js = standin_modules()["js"]
    if isinstance(value, bool):
        return js.Boolean.new(value)
    if isinstance(value, (int, float)):
        return js.Number.new(value)
    if isinstance(value, str):
        return js.String.new(value)
    return value


class _WorkersPackage(StandinModule):
    """The ``workers`` stand-in, one for every Worker: an import of ``workers.utils`` or
    ``workers.asgi`` (``wsgi``, ``rpc``; the Worker's own, runtime/sdksubmodules.py) is not kept as
    its attribute, which would hand it to the next Worker whatever its SDK;
    :func:`_workers_getattr` hands it out instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in SINCE and external_submodule(value):
            return
        super().__setattr__(name, value)


def _workers_getattr(name: str) -> Any:
    """``from workers import env``: the running Worker's env, as its era's SDK hands it out."""
    if name == "env":
        runtime = current_runtime()
        if runtime is None:
            raise _missing_attribute("workers", name)
        era = runtime.era
        return EnvWrapper(runtime.js_env) if era is None or era.external_sdk else runtime.js_env
    if name in ("waitUntil", "wait_until"):
        # both SDKs hand out cloudflare:workers' waitUntil; only the external one (from 1.1.1)
        # has the snake_case name too
        era = getattr(current_runtime(), "era", None)
        if name == "wait_until" and era is not None and not era.external_sdk:
            raise _absent(f"workers.wait_until does not exist in the built-in Python SDK of compatibility date "
                          f"{era.date}: use workers.waitUntil (or ctx.waitUntil)", name)
        if name == "wait_until" and era is not None and era.sdk_version is not None and not era.sdk_at_least((1, 1, 1)):
            raise _absent(f"workers.wait_until does not exist in workers-runtime-sdk {era.sdk_text}: it came with 1.1.1",
                          name)
        return workers_api.wait_until
    if name.startswith("__"):
        raise AttributeError(name)
    if name == "workflows":  # ``from workers import workflows``: every era has it
        return standin_modules()["workers.workflows"]
    if name in SINCE:  # ``from workers import asgi``; ``utils`` an attribute at once, as the external
        lacks = sdk_lacks(name)  # SDK's ``workers/__init__.py`` imports it
        if lacks is not None:
            raise _absent(lacks, name)
        if sys.modules.get("workers") is not standin_modules()["workers"]:  # host code: no import to make
            return imported(_SUBMODULES[f"workers.{name}"])
        return importlib.import_module(f"workers.{name}")  # in sys.modules as the Worker's own
    era = getattr(current_runtime(), "era", None)
    if name in _SDK_NAMES_NOT_EMULATED and (era is None or era.external_sdk):
        raise _missing_attribute("workers", name)  # the external SDK has it; workers-env does not
    # no SDK of the Worker's era has the name (the built-in one dropped patch_env on 2026-06-30,
    # workerd 6581cf017): Python's own texts (``from workers import x``: the import system makes
    # its "cannot import name" of this AttributeError)
    raise AttributeError(f"module 'workers' has no attribute {name!r}")


#: names workers-runtime-sdk 1.9.5 exports (``workers/__init__.py``) that workers-env does not emulate
_SDK_NAMES_NOT_EMULATED = frozenset({"patch_env"})


#: the public names of workerd's built-in ``asgi`` module (src/pyodide/internal/workers-api/src/asgi.py),
#: the top-level ``asgi`` of the built-in SDK era; the external SDK's (``workers/asgi.py``) adds
#: the rest of ``asgi_bridge.__all__`` and ``NULL_BODY_STATUSES``
_BUILTIN_ASGI_NAMES = ("ASGI", "acquire_js_buffer", "background_tasks", "fetch", "logger", "process_request",
                       "process_websocket", "request_to_scope", "run_in_background", "start_application", "websocket")
_EXTERNAL_ASGI_NAMES = (*asgi_bridge.__all__, "NULL_BODY_STATUSES", "background_tasks", "logger", "_to_js_headers")


class _AsgiModule(StandinModule):
    """The top-level ``asgi`` and ``workers.asgi``: one module, as production's are from
    workers-runtime-sdk 1.6.14 (its top-level ``asgi.py`` is ``sys.modules[__name__] =
    workers.asgi``), so ``import asgi; from workers import asgi as a2; asgi is a2`` and a patch of
    one is seen through the other. The running Worker's era decides what it is: workerd's built-in
    ``asgi`` (only its names), the external SDK's own top-level ``asgi.py`` before 1.6.14 (both
    named ``asgi``; no ``workers.asgi`` there), else ``workers.asgi`` itself, by that name."""

    @property  # type: ignore[override]
    def __name__(self) -> str:  # (a thread meeting production's stub: its ``asgi.py``, runtime/nosdk.py)
        return "workers.asgi" if sdk_lacks("asgi") is None and stub_folder() is None else "asgi"

    @__name__.setter
    def __name__(self, value: str) -> None:
        pass  # ModuleType's own, and an import's: the era names it


def _asgi_module() -> _AsgiModule:
    """The :class:`_AsgiModule`: in the built-in SDK era workerd's module, with only its names
    (``process_request`` wanting ``ctx``); else the external SDK's, the names of its release."""
    module = _AsgiModule("asgi")  # no __doc__ (see _build)
    for attr in _BUILTIN_ASGI_NAMES:  # in both eras, the same objects (those whose parameters
        if attr not in sdksignatures.VARIED:  # changed: each SDK's own, through ``missing``)
            setattr(module, attr, getattr(asgi_bridge, attr))

    # a module ``__getattr__`` (the same object through either name, as production's), not a method
    def missing(attr: str) -> Any:  # ``asgi.env`` (FastAPI's Depends), else Python's own error:
        if attr == "env":  # every public name the SDKs' asgi has is here
            return asgi_bridge.fastapi_env()
        built_in = not asgi_bridge.external_sdk()
        if attr == "__all__":  # the SDKs' modules have none: ``import *`` takes their public names
            return list(_BUILTIN_ASGI_NAMES) if built_in else [
                n for n in _EXTERNAL_ASGI_NAMES if not n.startswith("_") and _late_name("asgi", n) is None]
        if built_in and attr in sdksignatures.VARIED and attr in _BUILTIN_ASGI_NAMES:
            return sdksignatures.for_era(attr)
        if not attr.startswith("__") and not built_in and attr in _EXTERNAL_ASGI_NAMES:
            late = _late_name("asgi", attr)  # the running SDK's own asgi has it not yet
            if late is not None:
                raise _absent(late.replace("module 'workers.asgi'", f"module {module.__name__!r}", 1), attr)
            if attr == "_to_js_headers":
                return sdkhttp._to_js_headers
            return sdksignatures.for_era(attr) if attr in sdksignatures.VARIED else getattr(asgi_bridge, attr)
        raise AttributeError(f"module {module.__name__!r} has no attribute {attr!r}")

    module.__getattr__ = missing  # type: ignore[method-assign]
    return module


def _build() -> dict[str, ModuleType]:
    # no module has a __doc__ but those whose production source has a docstring (workers.workflows,
    # pyodide.http.pyxhr): the SDKs' and Pyodide's modules have none (0.26.0a4, 0.28.2, 314.0.6)
    workers = _WorkersPackage("workers")
    for name in workers_api.__all__:
        setattr(workers, name, getattr(workers_api, name))
    for name in sdktypes.__all__:  # the SDK's type names (annotations: ``ctx: Context``)
        setattr(workers, name, getattr(sdktypes, name))
    workers.__all__ = [*workers_api.__all__, *sdktypes.__all__, "env"]  # type: ignore[attr-defined]
    workers.__path__ = []  # type: ignore[attr-defined]  # a package: ``import workers.asgi``
    workers.__getattr__ = _workers_getattr  # type: ignore[method-assign]
    # the external SDK's submodules; ``workers.__getattr__`` hands them out in an era that has them
    workers_asgi = _asgi_module()  # the top-level ``asgi`` too
    workers_wsgi = _ExternalSdkModule(
        "wsgi", None,
        {a: getattr(wsgi_bridge, a) for a in (*wsgi_bridge.__all__, "NULL_BODY_STATUSES", "logger")})
    # ``workers.rpc``: the SDK's wrapper classes, so isinstance checks against them (Cloudflare's
    # own binding tests make them) hold for what ``self.env`` hands out, and its ``JsDict``, the
    # class of every converted result
    workers_rpc = _ExternalSdkModule("rpc", None, {
        "JsDict": _jsvalues.JsDict,
        "_BindingWrapper": envwrap._BindingWrapper, "_RpcStubWrapper": envwrap._RpcStubWrapper,
        "_EnvWrapper": envwrap._EnvWrapper, **sdkwrappers.RPC_CLASSES,
        "python_to_rpc": workers_api.python_to_rpc, "python_from_rpc": workers_api.python_from_rpc,
    })

    # ``workers.workflows``: in the built-in SDK (since workerd 2025-07-17) and in every
    # workers-runtime-sdk release, so in every era
    workers_workflows = ModuleType("workers.workflows",  # its docstring, as the SDK's module has it
                                   "\nWorkflow-specific classes and exceptions for the workers module.\n")
    workers_workflows.NonRetryableError = workers_api.NonRetryableError  # type: ignore[attr-defined]
    workers_workflows.__all__ = ["NonRetryableError"]  # type: ignore[attr-defined]

    js = ModuleType("js")  # the JavaScript global scope of a Python Worker
    js.__path__ = []  # type: ignore[attr-defined]  # ``import js.fetch``: see _JsAttributeFinder
    js.JSON = jsglobals.JsNamespaceObject(  # type: ignore[attr-defined]
        "JSON", parse=jsfunctions.JsNativeFunction(jsonparse.json_parse, "parse", length=function_length("JSON.parse")),
        stringify=jsfunctions.JsNativeFunction(jsjson.json_stringify, "stringify",
                                               length=function_length("JSON.stringify")))
    js.Object = _object_namespace(js.JSON)  # type: ignore[attr-defined]
    def array_from(it: Any, map_fn: Any = None, *this_arg: Any) -> JsArray:  # ``Array.from``; Pyodide reads ``from_`` as ``from``
        if map_fn is not None and not callable(map_fn):  # checked before ``items`` is read, as ECMAScript does
            raise not_a_function(map_fn)
        map_fn = with_this(map_fn, this_arg)  # ``Array.from(items, f, thisArg)``: a capture_this f's this
        if jsconvert.not_js_iterable(it):  # no [Symbol.iterator]: read as an array-like (ECMAScript's
            items = _array_like_items(it)  # Array.from), a plain object without a length is []
        else:
            items = list(jsconvert.js_iterated(it))
        if map_fn is not None:  # ``Array.from(items, (item, index) => ...)``
            return JsArray([jsfunctions.call_relaxed(map_fn, v, i) for i, v in enumerate(items)])
        if type(it) in (list, tuple):  # a PyProxy: a container item's proxy dies with the list's iterator
            items = [jsdestroyed.ExhaustedIteratorItem() if isinstance(v, _ITERATOR_BORROWED) else v for v in items]
        if not isinstance(it, JsProxy):  # a Python iterable's items cross as Pyodide converts them (2**53 - 1: a BigInt)
            items = [_jsvalues.crossing(v) for v in items]
        made = JsArray(items)
        return jsproxy.marked_like(it, made) if isinstance(it, (JsArray, JsSet)) else made  # its PyProxies, the same ones

    def array_of(*items: Any) -> JsArray:  # ``Array.of`` (and ``new Array(a, b)``: array_new)
        made = JsArray()
        made.push(*items)  # a Python container: a borrowed proxy, as any call's argument
        return made

    def array_new(*items: Any) -> JsArray:  # ``new Array(...)`` and ``Array(...)``
        if len(items) == 1 and type(items[0]) in (int, float):  # one number: the length (holes,
            length = items[0]  # read as undefined), as ECMAScript's Array constructor takes it
            if not (0 <= length < 2**32 and length == int(length)):
                raise JsException("Invalid array length", name="RangeError")
            return JsArray([None] * int(length))
        return array_of(*items)

    js.Array = SimpleNamespace(  # type: ignore[attr-defined]
        new=array_new, from_=array_from, **{"from": array_from}, of=array_of,
        isArray=lambda value=None, *_: isinstance(value, JsArray))
    for name in jsbuffers.TYPED_ARRAY_NAMES:
        setattr(js, name, jsbuffers.typed_array_class(name))
    js.ArrayBuffer = jsbuffers.array_buffer_class()  # type: ignore[attr-defined]
    js.Number = jsnumbers.JsNumber()  # type: ignore[attr-defined]
    js.String = jsconversions.JsStringFunction()  # type: ignore[attr-defined]  # conversion functions called
    js.Boolean = jsconversions.JsBooleanFunction()  # type: ignore[attr-defined]  # without new, as Pyodide
    js.BigInt = jsconversions.JsBigIntFunction()  # type: ignore[attr-defined]  # calls them
    js.Symbol = jsconversions.JsSymbolFunction()  # type: ignore[attr-defined]
    js.parseInt = jsnumbers.parse_int  # type: ignore[attr-defined]
    js.parseFloat = jsnumbers.parse_float  # type: ignore[attr-defined]
    js.isNaN = jsnumbers.is_nan  # type: ignore[attr-defined]
    js.isFinite = jsnumbers.is_finite  # type: ignore[attr-defined]
    js.NaN, js.Infinity = float("nan"), float("inf")  # type: ignore[attr-defined]
    js.undefined = None  # type: ignore[attr-defined]  # the global ``undefined``, as Pyodide converts it
    js.DataView = jsbuffers.data_view_class()  # type: ignore[attr-defined]
    js.URL = jsglobals.JsURL  # type: ignore[attr-defined]
    js.URLSearchParams = jsglobals.JsURLSearchParams  # type: ignore[attr-defined]
    js.fetch = jspromise.promise_call(fetchcalls.global_fetch)  # type: ignore[attr-defined]  # a PyodideFuture
    js.Date = jsglobals.JsDate  # type: ignore[attr-defined]
    js.crypto = jsglobals.crypto  # type: ignore[attr-defined]
    js.TextEncoder = jsglobals.TextEncoder  # type: ignore[attr-defined]
    js.TextDecoder = jsglobals.TextDecoder  # type: ignore[attr-defined]
    js.atob = jsglobals.atob  # type: ignore[attr-defined]
    js.eval = pyodidecode.js_eval  # type: ignore[attr-defined]  # workerd's refusal (runtime/pyodidecode.py)
    js.btoa = jsglobals.btoa  # type: ignore[attr-defined]
    for name, constructor in jsglobals.ERROR_CONSTRUCTORS.items():  # Error, TypeError, RangeError, ...
        setattr(js, name, constructor)
    js.Blob = forms.JsBlob  # type: ignore[attr-defined]
    js.File = forms.JsFile  # type: ignore[attr-defined]
    js.FormData = forms.JsFormData  # type: ignore[attr-defined]
    js.Set = SimpleNamespace(new=_new_set)  # type: ignore[attr-defined]
    js.TransformStream = jsstreams.transform_stream_class()  # type: ignore[attr-defined]
    js.ReadableStream = jsstreams.readable_stream_class()  # type: ignore[attr-defined]
    js.IdentityTransformStream = jsstreams.transform_stream_class("IdentityTransformStream")  # type: ignore[attr-defined]
    js.FixedLengthStream = jspipes.fixed_length_stream_class()  # type: ignore[attr-defined]
    js.AbortController = abort.JsAbortController  # type: ignore[attr-defined]
    for name in _EVENT_CLASSES:
        setattr(js, name, getattr(jsevents, f"Js{name}"))
    for name in _GLOBAL_SCOPE_METHODS:  # workerd's global scope is an EventTarget: the Worker's own
        setattr(js, name, _global_scope_method(name))
    js.WebSocketPair = websockets.JsWebSocketPair  # type: ignore[attr-defined]
    js.WebSocket = websockets.web_socket_class()  # type: ignore[attr-defined]
    js.Promise = jspromise.promise_class()  # type: ignore[attr-defined]
    js.encodeURIComponent = jspromise.encode_uri_component  # type: ignore[attr-defined]
    js.encodeURI = jspromise.encode_uri  # type: ignore[attr-defined]
    js.decodeURIComponent = jspromise.decode_uri_component  # type: ignore[attr-defined]
    js.decodeURI = jspromise.decode_uri  # type: ignore[attr-defined]
    js.navigator = _Navigator({  # type: ignore[attr-defined]
        "languages": JsArray(["en"]), "language": "en", "platform": "", "hardwareConcurrency": 1,
        "userAgent": "Cloudflare-Workers"})
    js.Navigator = SimpleNamespace(new=_illegal_constructor)  # type: ignore[attr-defined]
    js.AbortSignal = abort.abort_signal_class()  # type: ignore[attr-defined]
    js.structuredClone = jsclone.structured_clone  # type: ignore[attr-defined]
    js.escape = jsescape.escape  # type: ignore[attr-defined]
    js.unescape = jsescape.unescape  # type: ignore[attr-defined]
    js.DOMException = domexception.DOMExceptionClass()  # type: ignore[attr-defined]
    js.Map = SimpleNamespace(new=_new_map)  # type: ignore[attr-defined]
    js.__getattr__ = _js_getattr  # type: ignore[method-assign]
    js.__dir__ = lambda: _js_dir(list(vars(js)))  # type: ignore[method-assign]
    for key, value in list(vars(js).items()):  # ``X.new(...)`` of the constructors made as namespaces:
        if isinstance(value, SimpleNamespace) and callable(getattr(value, "new", None)):  # keywords as Pyodide
            value.new = js_keywords(f"{key}.new()", construct=True)(value.new)  # passes them (jsbase.folded)
    js.Response = jsweb.JsResponse  # type: ignore[attr-defined]
    js.Request = jsweb.JsRequest  # type: ignore[attr-defined]
    js.Headers = jsheaders.JsHeaders  # type: ignore[attr-defined]
    js.setTimeout = timers.set_timeout  # type: ignore[attr-defined]
    js.setInterval = timers.set_interval  # type: ignore[attr-defined]
    js.clearTimeout = timers.clear_timer  # type: ignore[attr-defined]
    js.clearInterval = timers.clear_timer  # type: ignore[attr-defined]
    js.queueMicrotask = jspromise.queue_microtask  # type: ignore[attr-defined]
    for name in _WORKERD_CLASSES:  # called without .new: workerd's TypeError, as Pyodide calls it
        setattr(js, name, _workerd_class(getattr(js, name), name))
    js.Navigator = _ConstructorOnly(js.Navigator, "Illegal constructor", "Navigator")  # type: ignore[attr-defined]
    for name in ("ArrayBuffer", "DataView"):
        setattr(js, name, _v8_builtin(getattr(js, name), name))
    js.Date = _DateFunction(js.Date, "", "Date")  # type: ignore[attr-defined]
    for name in ("Map", "Set", *jsbuffers.TYPED_ARRAY_NAMES):  # V8's, called without new
        setattr(js, name, _v8_builtin(getattr(js, name), name))
    js.Promise = _ConstructorOnly(  # type: ignore[attr-defined]
        js.Promise, "Promise constructor cannot be invoked without 'new'", "Promise")
    js.Object = _CalledAsNew(js.Object, _object_called, "Object")  # type: ignore[attr-defined]
    js.Array = _CalledAsNew(js.Array, js.Array.new, "Array")  # type: ignore[attr-defined]
    for name in ("fetch", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask", "atob", "btoa",
                 "encodeURIComponent", "encodeURI", "decodeURIComponent", "decodeURI", "parseInt", "parseFloat", "isNaN",
                 "isFinite", "eval", "Number", "String", "Boolean", "BigInt", "Symbol", "structuredClone", "escape",
                 "unescape", *_GLOBAL_SCOPE_METHODS, *jsglobals.ERROR_CONSTRUCTORS):
        setattr(js, name, JsGlobalFunction(getattr(js, name), name))  # a JS function, as Pyodide holds one
    js.AbortSignal = _workerd_class(js.AbortSignal, "AbortSignal")  # type: ignore[attr-defined]
    js.crypto = JsGlobalObject(js.crypto, "Crypto")  # type: ignore[attr-defined]
    js.performance = JsGlobalObject(jsperformance.Performance(), "Performance")  # type: ignore[attr-defined]
    js.scheduler = JsGlobalObject(jsscheduler.Scheduler(), "Scheduler")  # type: ignore[attr-defined]
    js.Math = JsNamespaceGlobal(jsmath.math_object(), "Math")  # type: ignore[attr-defined]
    js.Reflect = JsNamespaceGlobal(SimpleNamespace(  # type: ignore[attr-defined]
        **{name: jsreflect.reflect_member(name) for name in jsreflect.REFLECT_MEMBERS}), "Reflect")
    js.globalThis = js  # type: ignore[attr-defined]  # the global scope is the js module
    js.console = _Console(  # type: ignore[attr-defined]
        log=_console("log"), info=_console("info"), debug=_console("info"), warn=_console("warn"),
        error=_console("error"), **dict.fromkeys(_V8_CONSOLE_SILENT, _silent),
    )

    ffi = ModuleType("pyodide.ffi")
    ffi.to_js = jsconvert.ffi_to_js  # type: ignore[attr-defined]
    ffi.create_proxy = jsfunctions.create_proxy  # type: ignore[attr-defined]
    ffi.create_once_callable = jsfunctions.create_once_callable  # type: ignore[attr-defined]
    ffi.destroy_proxies = lambda proxies: [p.destroy() for p in proxies if hasattr(p, "destroy")]  # type: ignore[attr-defined]
    ffi.JsProxy = JsProxy  # type: ignore[attr-defined]
    ffi.JsException = JsException  # type: ignore[attr-defined]
    ffi.ConversionError = jsconvert.ConversionError  # type: ignore[attr-defined]
    ffi.InternalError = _InternalError  # type: ignore[attr-defined]
    # IN_BROWSER (0.26, 0.28) / IN_PYODIDE (0.29 on): Pyodide's "_pyodide_core" in sys.modules,
    # true in workerd -- resolved in _ffi_attribute by the Worker's Pyodide
    ffi.register_js_module = jsmodules.register_js_module  # type: ignore[attr-defined]
    ffi.unregister_js_module = jsmodules.unregister_js_module  # type: ignore[attr-defined]
    for name, (abstract, since) in jsabc.ABSTRACT_TYPES.items():
        if since == "0.26":  # the 0.28-only ones resolve in _ffi_attribute
            setattr(ffi, name, abstract)
    ffi.__getattr__ = _ffi_attribute  # type: ignore[method-assign]  # jsnull, JsNull, ...: from Pyodide 0.28 only
    ffi.__dir__ = lambda: sorted({*vars(ffi), *_ffi_attribute("__all__"),  # type: ignore[method-assign]
                                  *(("can_run_sync",) if pyodide_028() else ())} - {"__getattr__", "__dir__"})
    # run_sync / can_run_sync: from Pyodide 0.28 only (_ffi_attribute)

    # ``pyodide.ffi.wrappers``: Pyodide's Python module, on the runtime's timers (runtime/ffiwrappers.py)
    wrappers = ModuleType("pyodide.ffi.wrappers")
    for name in (*ffiwrappers.__all__, "Destroyable", "DUMMY_DESTROYABLE", "EVENT_LISTENERS", "TIMEOUTS",
                 "INTERVAL_CALLBACKS"):
        setattr(wrappers, name, getattr(ffiwrappers, name))
    wrappers.__all__ = list(ffiwrappers.__all__)  # type: ignore[attr-defined]
    ffi.__path__ = []  # type: ignore[attr-defined]  # a package: ``import pyodide.ffi.wrappers``
    ffi.wrappers = wrappers  # type: ignore[attr-defined]

    http = ModuleType("pyodide.http")
    http.pyfetch = fetchcalls.pyfetch  # type: ignore[attr-defined]
    http.open_url = _open_url  # type: ignore[attr-defined]
    http.__getattr__ = _http_attribute  # type: ignore[method-assign]  # the 0.28-only exception classes

    webloop = ModuleType("pyodide.webloop")
    for name in ("PyodideFuture", "PyodideTask", "WebLoop", "WebLoopPolicy"):  # Pyodide 0.26's and 0.28's __all__
        setattr(webloop, name, getattr(pyodide_webloop, name))
    webloop.__all__ = ["WebLoop", "WebLoopPolicy", "PyodideFuture", "PyodideTask"]  # type: ignore[attr-defined]
    webloop.__getattr__ = _webloop_attribute  # type: ignore[method-assign]

    # ``pyodide.code``: Pyodide's own Python (eval_code, CodeRunner, ...); run_js as workerd allows eval
    code = ModuleType("pyodide.code")
    code_names = [name for name in pyodidecode.__all__ if name != "js_eval"]
    for name in code_names:
        setattr(code, name, getattr(pyodidecode, name))
    code.__all__ = code_names  # type: ignore[attr-defined]

    # workerd's compatibility flags of the running Worker; no __doc__, as Pyodide's registered JS module has none
    compat_flags = ModuleType("_cloudflare_compat_flags")
    compat_flags.__getattr__ = _compat_flag  # type: ignore[method-assign]
    compat_flags.__dir__ = lambda: sorted(getattr(current_runtime(), "compat_flags", None) or ())  # type: ignore[method-assign]

    pyodide = ModuleType("pyodide")
    pyodide.__path__ = []  # type: ignore[attr-defined]  # a package, so ``import pyodide.ffi`` works
    pyodide.__getattr__ = _pyodide_attribute  # type: ignore[method-assign]  # __version__: the Worker's
    pyodide.ffi = ffi  # type: ignore[attr-defined]
    pyodide.http = http  # type: ignore[attr-defined]
    pyodide.webloop = webloop  # type: ignore[attr-defined]
    pyodide.code = code  # type: ignore[attr-defined]
    sys.meta_path.append(_JsAttributeFinder(js))
    sys.meta_path.append(CloudflareWorkersFinder(workers))  # last: an installed `cloudflare` wins
    # not among the scope's overrides: found (or not) by the running Worker's SDK
    _SUBMODULES.update({"workers.utils": new_utils_module, "workers.asgi": workers_asgi, "workers.wsgi": workers_wsgi,
                        "workers.rpc": workers_rpc})
    sys.meta_path.append(SdkSubmoduleFinder(workers, _SUBMODULES))
    return with_spec({
        "workers": workers,
        "workers.workflows": workers_workflows,
        "asgi": workers_asgi,
        "js": js, "pyodide": pyodide, "pyodide.ffi": ffi, "pyodide.ffi.wrappers": wrappers, "pyodide.http": http,
        "pyodide.webloop": webloop, "pyodide.code": code, "python_modules": _python_modules(),
        "_cloudflare_compat_flags": compat_flags,
    })


def _python_modules() -> ModuleType:
    """``python_modules``: in production the folder pywrangler uploads the Worker's packages to,
    ``/session/metadata/python_modules``, and importable as a package because workerd puts
    ``/session/metadata`` on ``sys.path`` (``setupPackages.ts`` ``adjustSysPath``) -- so Worker
    code may write ``from python_modules.starlette import status``. Here the packages live in
    the virtualenv: the namespace's path is its site-packages, and ``python_modules.starlette``
    is a second import of ``starlette``'s files, as it is in production."""
    import site
    import sysconfig

    module = ModuleType("python_modules")  # a namespace package: no __doc__
    paths = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()]
    module.__path__ = list(dict.fromkeys(p for p in paths if p))  # type: ignore[attr-defined]
    return module


@functools.lru_cache(maxsize=1)
def standin_modules() -> dict[str, ModuleType]:
    """The stand-in modules by import name (built once per process); ``hashlib`` learns the
    Python 3.14 era's missing OpenSSL functions (:mod:`~workers_env.runtime.hashlibera`)."""
    install_hashlib_era()
    return _build()
