"""The ``cache`` and ``integrity`` members of a Request init, as workerd takes them (api/http.c++).

``cache`` depends on the Worker's compatibility date and flags (:func:`~workers_env.config.compat.cache_modes`):
before ``cache_option_enabled`` (2024-11-11) any value but ``undefined`` is an ``Error`` and a
Request has no ``cache`` property; from it ``"no-store"``, from 2025-08-07 ``"no-cache"`` too,
``"reload"`` only with ``cache_reload_enabled``; another value is ``TypeError: Unsupported cache
mode: <value>`` (``RequestInitializerDict::validate``). A subrequest made with a mode gets
``Cache-Control: no-cache`` and ``Pragma: no-cache`` unless its headers name them
(``fetchImplNoOutputLock``), and ``no-store`` refuses a ``cf.cacheTtl`` other than ``-1``
(``serializeCfBlobJson``). ``integrity`` must be ``undefined`` or ``""``: workerd checks none.
"""

from __future__ import annotations

import math
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.current import current_runtime, pyodide_028
from workers_env.runtime.jsbase import jsnull
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jsproxy import JsLiteralMap, JsObject, js_type_error

__all__ = ["cache_property", "checked_cache", "checked_integrity", "subrequest_cache_headers"]

#: before ``cache_option_enabled``: any ``cache`` member (an ``Error``, not a ``TypeError``)
NOT_IMPLEMENTED = "The 'cache' field on 'RequestInitializerDict' is not implemented."
INTEGRITY_REFUSED = ("Subrequest integrity checking is not implemented. "
                     "The integrity option must be either undefined or an empty string.")
CACHE_CONTROL_WITH_TTL = ("The 'cacheControl' and 'cacheTtl' options on cf are mutually exclusive. "
                          "Use 'cacheControl' for explicit Cache-Control header directives, "
                          "or 'cacheTtl' for a simplified TTL, but not both.")
CACHE_CONTROL_WITH_CACHE = ("The 'cacheControl' option on cf cannot be used together with the 'cache' "
                            "request option. The 'cache' option ('no-store'/'no-cache') maps to cache TTL "
                            "behavior internally, which conflicts with explicit Cache-Control directives.")
#: the modes of the newest compatibility dates without experimental flags (outside a Worker)
_NEWEST = frozenset({"no-store", "no-cache"})
#: ``cf.cacheTtl`` that ``cache: "no-store"`` allows (http.c++ ``NOCACHE_TTL``)
_NO_CACHE_TTL = -1


def accepted_modes() -> frozenset[str] | None:
    """The running Worker's ``cache`` modes; None where the member is not implemented."""
    runtime = current_runtime()
    return _NEWEST if runtime is None else runtime.cache_modes


def cache_property(mode: str | None) -> str | None:
    """``request.cache``: the mode, or ``undefined`` (None) without one; a Request has no such
    property before ``cache_option_enabled`` (Pyodide's ``AttributeError: cache``)."""
    if accepted_modes() is None:
        raise AttributeError("cache")
    return mode


def _cf_properties(cf: Any) -> dict[str, Any]:
    """The properties JavaScript sees on an init's ``cf``."""
    if isinstance(cf, JsObject):
        props: dict[str, Any] = object.__getattribute__(cf, "_props")
        return props
    if isinstance(cf, JsLiteralMap):
        return cf.read_properties()
    if isinstance(cf, dict) and pyodide_028():  # a PyProxy: Pyodide 0.28 reads a dict's keys
        return {k: v for k, v in cf.items() if isinstance(k, str)}
    return {}


def _json_cloned(value: Any) -> Any:
    """A ``cf`` member as the Request's own ``cf`` holds it: workerd keeps a JSON clone of the
    init's (cf-property.c++ ``deepClone``: ``jsonClone``), where ``undefined`` (and a function)
    is no member (:data:`_DROPPED`) and ``NaN`` or an infinity is ``null``."""
    if value is None or callable(value):
        return _DROPPED
    if isinstance(value, float) and not math.isfinite(value):
        return jsnull
    return value


#: what :func:`_json_cloned` answers for a member JSON leaves out
_DROPPED = object()


def checked_cache(options: dict[str, Any]) -> str | None:
    """``RequestInitializerDict::validate`` of an init's members: its ``cache`` mode (None when
    ``undefined``), after refusing a mode the Worker's era does not take and a ``cf.cacheControl``
    beside ``cf.cacheTtl`` or a ``cache`` member."""
    value = options.get("cache")
    mode = None
    if value is not None:
        modes = accepted_modes()
        if modes is None:
            raise JsException(NOT_IMPLEMENTED)
        mode = js_text(value)  # a DOMString: null is "null"
        if mode not in modes:
            raise js_type_error(f"Unsupported cache mode: {mode}")
    cf = _cf_properties(options.get("cf"))
    if cf.get("cacheControl") is not None:
        if cf.get("cacheTtl") is not None:
            raise js_type_error(CACHE_CONTROL_WITH_TTL)
        if mode is not None:
            raise js_type_error(CACHE_CONTROL_WITH_CACHE)
    return mode


def checked_integrity(value: Any) -> None:
    """An init's ``integrity``: ``undefined`` or ``""`` (a DOMString: ``null`` is ``"null"``)."""
    if value is not None and js_text(value) != "":
        raise js_type_error(INTEGRITY_REFUSED)


def subrequest_cache_headers(mode: str | None, cf: Any, headers: dict[str, str]) -> None:
    """What a ``fetch()`` of a Request with ``mode`` adds to the ``headers`` it sends (lower-case
    names): ``Cache-Control`` and ``Pragma`` of ``no-cache`` where absent; ``no-store`` with a
    ``cf.cacheTtl`` other than ``-1`` is a ``TypeError`` instead."""
    if mode is None:
        return
    ttl = _json_cloned(_cf_properties(cf).get("cacheTtl"))
    if mode == "no-store" and ttl is not _DROPPED:
        if not (isinstance(ttl, (int, float)) and not isinstance(ttl, bool) and ttl == _NO_CACHE_TTL):
            raise js_type_error(f"CacheTtl: {js_text(ttl)}, is not compatible with cache: {mode} header.")
    headers.setdefault("cache-control", "no-cache")
    headers.setdefault("pragma", "no-cache")
