"""workers-env: Cloudflare Workers' bindings (Vectorize, KV, ...), emulated locally for tests and dev.

>>> env = load_env("wrangler.toml", indexes={"docs": {"dimensions": 768, "metric": "cosine"}})
>>> await env.VECTORIZE.upsert([{"id": "1", "values": [...]}])

Names are imported on first use, so the pytest plugin costs nothing in projects that
never touch a fixture (numpy is not imported until then).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from workers_env._errors import (
    AiError,
    BindingNotEmulatedError,
    ConfigError,
    IndexDefinitionError,
    JsException,
    NotEmulatedError,
    PyProxyWarning,
    StateElsewhereWarning,
    StateError,
    UnindexedFilterWarning,
    UnreadOptionWarning,
    VectorizeError,
    WorkersEnvError,
)

if TYPE_CHECKING:
    from workers_env._clock import ManualClock
    from workers_env._env import Env, load_env
    from workers_env._jsvalues import JsDict
    from workers_env.d1.binding import D1Database
    from workers_env.kv.namespace import KvNamespace
    from workers_env.ratelimit.binding import RateLimit
    from workers_env.runtime import (
        EmailResult,
        HandlerCancelledError,
        MissingEmailHandler,
        QueueMessage,
        QueueResult,
        ScheduledResult,
        Worker,
        js,
        load_worker,
        to_js,
    )
    from workers_env.seeding import apply_d1_schema, seed_kv, seed_vectors
    from workers_env.vectorize.binding import VectorizeBinding
    from workers_env.vectorize.definitions import IndexDefinition

__all__ = [
    "AiError",
    "BindingNotEmulatedError",
    "ConfigError",
    "D1Database",
    "EmailResult",
    "Env",
    "IndexDefinition",
    "IndexDefinitionError",
    "HandlerCancelledError",
    "JsDict",
    "JsException",
    "KvNamespace",
    "ManualClock",
    "MissingEmailHandler",
    "NotEmulatedError",
    "StateError",
    "UnindexedFilterWarning",
    "PyProxyWarning",
    "RateLimit",
    "StateElsewhereWarning",
    "UnreadOptionWarning",
    "VectorizeBinding",
    "VectorizeError",
    "Worker",
    "WorkersEnvError",
    "QueueMessage",
    "QueueResult",
    "ScheduledResult",
    "apply_d1_schema",
    "js",
    "load_env",
    "load_worker",
    "production_timezone",
    "seed_kv",
    "seed_vectors",
    "to_js",
]

_LAZY = {
    "D1Database": "workers_env.d1.binding",
    "Env": "workers_env._env",
    "load_env": "workers_env._env",
    "IndexDefinition": "workers_env.vectorize.definitions",
    "JsDict": "workers_env._jsvalues",
    "KvNamespace": "workers_env.kv.namespace",
    "ManualClock": "workers_env._clock",
    "RateLimit": "workers_env.ratelimit.binding",
    "VectorizeBinding": "workers_env.vectorize.binding",
    "Worker": "workers_env.runtime",
    "load_worker": "workers_env.runtime",
    "EmailResult": "workers_env.runtime",
    "HandlerCancelledError": "workers_env.runtime",
    "MissingEmailHandler": "workers_env.runtime",
    "QueueMessage": "workers_env.runtime",
    "QueueResult": "workers_env.runtime",
    "ScheduledResult": "workers_env.runtime",
    "js": "workers_env.runtime",
    "to_js": "workers_env.runtime",
    "production_timezone": "workers_env.runtime",
    "apply_d1_schema": "workers_env.seeding",
    "seed_kv": "workers_env.seeding",
    "seed_vectors": "workers_env.seeding",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'workers_env' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
