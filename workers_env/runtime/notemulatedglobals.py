"""The ``js`` stand-in's look-up of a global by name: the JavaScript globals workerd has and the
stand-in does not emulate (importable, as in production, and refusing every use), the Node.js and
flag-gated ones the Worker's config has, ``js.caches``, and ``dir(js)``.

Separate from runtime/standins.py, which hangs :func:`_js_getattr` and :func:`_js_dir` on the
``js`` module it builds: what ``globalThis`` has beyond the emulated names, by config, is one
question with its own lists.
"""

from __future__ import annotations

from typing import Any

from workers_env import _errors
from workers_env._clock import SYSTEM_CLOCK
from workers_env.runtime import cacheapi, jsglobals, jsperformance, jsproxy
from workers_env.runtime.current import current_runtime
from workers_env.runtime.jsglobalproxies import _illegal_constructor
from workers_env.runtime.tracebacks import missed, to_the_caller

__all__ = ["COVERAGE_DOC", "FLAG_GLOBALS", "ILLEGAL_CONSTRUCTORS", "NAMESPACE_GLOBALS", "NODE_GLOBALS",
           "WORKERD_GLOBALS_NOT_EMULATED", "IllegalConstructor", "NotEmulatedGlobal", "NotEmulatedNamespace"]

#: Where the docs list what the stand-ins do not cover (named by every "not emulated" error;
#: tests/test_docs_links_resolve.py holds it to a heading of that page).
COVERAGE_DOC = "\"Not covered\" in docs/runtime-stand-ins.md"


_PROCESS_CACHES: list[Any] = []  # ``js.caches`` outside any Worker (one for the process, made on first use)


def _caches() -> Any:
    """The running Worker's ``caches``; outside Worker code, one for the process."""
    runtime = current_runtime()
    if runtime is not None and runtime.caches is not None:
        return runtime.caches
    if not _PROCESS_CACHES:
        _PROCESS_CACHES.append(cacheapi.JsCacheStorage(cacheapi.CacheStore(SYSTEM_CLOCK.now_ms)))
    return _PROCESS_CACHES[0]


#: JavaScript globals of workerd that the ``js`` stand-in does not emulate: they import (as in
#: production, so a Worker that uses one on some paths only loads and serves the others) and
#: raise :class:`~workers_env.NotEmulatedError` when used. With the emulated ones, :data:`NODE_GLOBALS`
#: and :data:`FLAG_GLOBALS` they are every name ``globalThis`` has, its prototype chain's included
#: (what Pyodide's ``from js import X`` reads), under wrangler dev 4.164.0 at 2024-04-01, 2024-09-23
#: (nodejs_compat), 2025-09-29 and 2026-11-17 (hunt29); any other name is no global there
#: (``DigestStream`` is ``crypto.DigestStream``, no global at any of them: review47).
WORKERD_GLOBALS_NOT_EMULATED = frozenset({
    "AsyncDisposableStack", "Atomics", "Body", "ByteLengthQueuingStrategy", "Cache", "CacheStorage",
    "Cloudflare", "CompressionStream", "CountQueuingStrategy", "Crypto", "CryptoKey",
    "DecompressionStream", "DisposableStack", "EventSource", "ExtendableEvent", "FetchEvent", "Float16Array",
    "Function", "HTMLRewriter", "Intl", "Iterator", "PromiseRejectionEvent", "Proxy", "ReadableByteStreamController", "ReadableStreamBYOBReader",
    "ReadableStreamBYOBRequest", "ReadableStreamDefaultController", "ReadableStreamDefaultReader",
    "RegExp", "ScheduledEvent", "ServiceWorkerGlobalScope", "SharedArrayBuffer", "SubtleCrypto",
    "SuppressedError", "TailEvent", "TextDecoderStream", "TextEncoderStream", "TraceEvent",
    "TransformStreamDefaultController", "URLPattern", "WeakMap", "WeakSet", "WebAssembly",
    "WebSocketRequestResponsePair", "WorkerGlobalScope", "WritableStream", "WritableStreamDefaultController",
    "WritableStreamDefaultWriter", "origin", "reportError", "self",
    # Object.prototype's, which globalThis inherits
    "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
    "valueOf",
})


#: Node.js globals of workerd, there only with ``nodejs_compat`` (from 2024-09-23) or from
#: 2026-08-04 (``nodeJsCompatV2``): not emulated either, and importable only where they exist
NODE_GLOBALS = frozenset({"Buffer", "process", "global", "setImmediate", "clearImmediate"})

#: workerd globals there only where an enable flag is on (by name or date), not emulated:
#: ``WeakRef``/``FinalizationRegistry`` (``enable_weak_ref``, 2025-05-05), ``MessageChannel``/``MessagePort``
#: (``expose_global_message_channel``, 2025-08-15), the Performance classes
#: (``enable_global_performance_classes`` or ``enable_nodejs_perf_hooks_module``, global-scope.h; both
#: implied by ``nodejs_compat`` from 2026-03-17) -- each absent at 2024-04-01 and there at 2026-11-17
#: under wrangler dev 4.164.0, the Performance classes at 2025-09-29 with ``nodejs_compat`` and
#: ``enable_nodejs_perf_hooks_module`` alone too (review47) -- and ``Temporal`` (``temporal``,
#: workerd 1.20261117.1, on by date only from 2026-12-01, after the newest date it takes; wrangler dev
#: 4.164.0: ``typeof Temporal`` "object" with the flag, else "undefined")
FLAG_GLOBALS = {"WeakRef": "enable_weak_ref", "FinalizationRegistry": "enable_weak_ref",
                "MessageChannel": "expose_global_message_channel", "MessagePort": "expose_global_message_channel",
                "Temporal": "temporal", **{name: "enable_global_performance_classes" for name in (
                    "Performance", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "PerformanceObserver",
                    "PerformanceObserverEntryList", "PerformanceResourceTiming")}}


class NotEmulatedGlobal(jsproxy.JsProxy):
    """A workerd global the stand-in lacks (:data:`WORKERD_GLOBALS_NOT_EMULATED`): importable,
    and every use -- a call, ``new``, an attribute -- raises ``NotEmulatedError`` naming it."""

    _js_name = "Function"

    def __init__(self, name: str):
        object.__setattr__(self, "_name", name)

    def _refuse(self, use: str) -> _errors.NotEmulatedError:
        return _errors.NotEmulatedError(
            f"js.{self._name} is not emulated by workers-env: importing it works, as in production, but "
            f"{use} needs the real runtime (see {COVERAGE_DOC}). Keep that path out of local runs or "
            "open an issue.")

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        raise self._refuse(f"js.{self._name}.{attr}")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse(f"calling js.{self._name}")

    def __repr__(self) -> str:
        return f"function {self._name}() {{ [native code] }}"


#: runtime events Worker code cannot make: workerd's ``new``, or a call, is ``TypeError: Illegal
#: constructor`` (wrangler dev 4.164.0, ``tools/wrangler/events_probe.py``, leftovers44)
ILLEGAL_CONSTRUCTORS = frozenset({"ExtendableEvent", "PromiseRejectionEvent", "FetchEvent", "ScheduledEvent"})


class IllegalConstructor(NotEmulatedGlobal):
    """A :data:`ILLEGAL_CONSTRUCTORS` class: constructed or called, workerd's ``TypeError``; its
    ``name`` read; any other use not emulated."""

    def __getattr__(self, attr: str) -> Any:
        if attr == "new":
            return _illegal_constructor
        if attr == "name":
            return self._name
        return super().__getattr__(attr)

    __call__ = _illegal_constructor


#: the not-emulated globals that are namespace objects, not functions (ECMAScript's and WebAssembly's)
NAMESPACE_GLOBALS = frozenset({"Intl", "WebAssembly"})


class NotEmulatedNamespace(jsglobals.NamespaceStrings, NotEmulatedGlobal):
    """A not-emulated global that is a namespace object (:data:`NAMESPACE_GLOBALS`): its members
    refused as :class:`NotEmulatedGlobal`'s, but its strings (``[object Intl]``) and constructor
    :class:`jsglobals.NamespaceStrings`', which need no runtime."""

    _props = None  # no own properties a conversion could read (jsnumbers.to_primitive)

    def __init__(self, name: str):
        super().__init__(name)
        object.__setattr__(self, "_js_name", name)


_NOT_EMULATED_GLOBALS: dict[str, NotEmulatedGlobal] = {}


def _js_getattr(name: str) -> Any:
    try:
        if name == "caches":
            return _caches()
        if name.startswith("__"):
            pass
        elif name in WORKERD_GLOBALS_NOT_EMULATED:
            return _NOT_EMULATED_GLOBALS.setdefault(
                name, NotEmulatedNamespace(name) if name in NAMESPACE_GLOBALS
                else IllegalConstructor(name) if name in ILLEGAL_CONSTRUCTORS else NotEmulatedGlobal(name))
        elif name in FLAG_GLOBALS:
            if _flag_global_on(name):
                return _NOT_EMULATED_GLOBALS.setdefault(
                    name, NotEmulatedNamespace(name) if name == "Temporal" else NotEmulatedGlobal(name))
        elif name in NODE_GLOBALS and _node_globals_on():  # (off: what Pyodide says of any missing one)
            return _NOT_EMULATED_GLOBALS.setdefault(name, NotEmulatedGlobal(name))
    except BaseException as error:  # Pyodide's global lookup is C: the caller's frame alone
        to_the_caller(error)
        raise
    # no global of workerd's (``from js import headers_from_dict``), or one off for this config:
    # Pyodide's AttributeError, which ``from js import`` makes "cannot import name ... (unknown
    # location)", as deployed
    try:
        raise AttributeError(name)
    except AttributeError as error:
        missed(error)
        raise


def _flag_global_on(name: str) -> bool:
    """Whether the running Worker's config has the :data:`FLAG_GLOBALS` global ``name``; outside a
    Worker, today's workerd (``Temporal``'s flag off by date)."""
    flag = FLAG_GLOBALS[name]
    if flag == "enable_global_performance_classes":  # or enable_nodejs_perf_hooks_module
        return jsperformance.global_performance_classes()
    flags = getattr(current_runtime(), "compat_flags", None)
    return bool(flags.get(flag)) if flags is not None else flag != "temporal"


def _node_globals_on() -> bool:
    return bool(getattr(current_runtime(), "node_globals", True))  # outside a Worker: today's workerd


def _js_dir(names: list[str]) -> list[str]:
    """``dir(js)``: the emulated names and every not-emulated global the config has, as Pyodide's
    ``dir`` of ``globalThis`` lists each name its prototype chain has (``"Intl" in dir(js)`` is
    ``hasattr(js, "Intl")``, 0.26.0a4, 0.28.2, 314.0.6)."""
    present = {"caches", *WORKERD_GLOBALS_NOT_EMULATED, *(n for n in FLAG_GLOBALS if _flag_global_on(n)),
               *(NODE_GLOBALS if _node_globals_on() else ())}
    return sorted({*names, *present} - {"__getattr__", "__dir__"})
