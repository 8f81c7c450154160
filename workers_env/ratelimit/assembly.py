"""Building ``env.<NAME>`` for each ``[[ratelimits]]`` entry of a config, and each
``[[unsafe.bindings]]`` entry of ``type = "ratelimit"``, which ``wrangler dev`` binds alike
(its ``namespace_id`` defaulting to the name, wrangler's ``ratelimitEntry``).

Bindings naming the same ``namespace_id`` share one counter, as Miniflare's one Durable Object
per namespace does. Without ``persist_to`` (tests, ``load_env``) each env starts with no
counts. With it (``workers-env dev``), the counters belong to that state folder for the life of
the process: a reload of the Worker or its config, and the other Workers of one session, keep
counting where they were, as Miniflare's on-disk counters do (not across runs: README).
Windows are measured against ``load_env(..., clock=...)``.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from workers_env._env import AssemblyContext
from workers_env.ratelimit.counter import RateLimitCounter
from workers_env.ratelimit.binding import RateLimit
from workers_env.ratelimit.limits import config_refusal

__all__ = ["build_bindings", "ratelimit_entries"]

#: (state folder, namespace id) -> its counter, for envs built with ``persist_to``
_KEPT: dict[tuple[str, str], RateLimitCounter] = {}
_KEPT_LOCK = threading.Lock()


def ratelimit_entries(merged: Mapping[str, Any]) -> list[tuple[str, str, Mapping[str, Any]]]:
    """``(name, namespace id, simple)`` of every rate-limit binding of a selected config,
    ``[[ratelimits]]`` first, then the unsafe ones; a name given twice keeps its last. One that
    Miniflare's schema refuses raises :class:`ConfigError` (:func:`config_refusal`)."""
    found: dict[str, tuple[str, str, Mapping[str, Any]]] = {}
    unsafe = merged.get("unsafe")
    extra = unsafe.get("bindings") if isinstance(unsafe, Mapping) else None
    entries = [(f"ratelimits[{i}]", e) for i, e in enumerate(merged.get("ratelimits") or []) if isinstance(e, Mapping)]
    entries += [(f"unsafe.bindings[{i}]", e) for i, e in enumerate(extra if isinstance(extra, list) else [])
                if isinstance(e, Mapping) and e.get("type") == "ratelimit"]
    for where, entry in entries:
        name, simple, namespace = entry.get("name"), entry.get("simple"), entry.get("namespace_id")
        if not isinstance(name, str) or not name:
            continue
        refusal = config_refusal(where, namespace, simple)
        if refusal is not None:
            raise refusal
        kept = cast("Mapping[str, Any]", simple)  # (no refusal: a dict)
        found[name] = (name, namespace if isinstance(namespace, str) else name, kept)  # (a str or none: checked)
    return list(found.values())


def _counter(persist_to: Path | None, namespace: str, made: dict[str, RateLimitCounter]) -> RateLimitCounter:
    if namespace in made:
        return made[namespace]
    if persist_to is None:
        made[namespace] = RateLimitCounter()
    else:
        with _KEPT_LOCK:
            made[namespace] = _KEPT.setdefault((str(persist_to.resolve()), namespace), RateLimitCounter())
    return made[namespace]


def build_bindings(context: AssemblyContext) -> dict[str, RateLimit]:
    """One :class:`RateLimit` per rate-limit binding of the config."""
    clock = context.options.get("clock")
    made: dict[str, RateLimitCounter] = {}
    bindings: dict[str, RateLimit] = {}
    for name, namespace, simple in ratelimit_entries(context.config.merged):
        bindings[name] = RateLimit(_counter(context.persist_to, namespace, made), binding=name, namespace_id=namespace,
                                   limit=simple["limit"], period=simple.get("period", 60), clock=clock)
    return bindings
