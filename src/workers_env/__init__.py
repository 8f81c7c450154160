"""workers-env: Cloudflare Workers' Vectorize bindings, emulated locally for tests and dev.

>>> env = load_env("wrangler.toml", indexes={"docs": {"dimensions": 768, "metric": "cosine"}})
>>> await env.VECTORIZE.upsert([{"id": "1", "values": [...]}])
"""

from workers_env._binding import VectorizeBinding
from workers_env._env import Env, load_env
from workers_env._errors import (
    ConfigError,
    IndexDefinitionError,
    JsException,
    StateError,
    VectorizeError,
    WorkersEnvError,
)
from workers_env._indexdefs import IndexDefinition
from workers_env._jsvalues import JsDict

__all__ = [
    "ConfigError",
    "Env",
    "IndexDefinition",
    "IndexDefinitionError",
    "JsDict",
    "JsException",
    "StateError",
    "VectorizeBinding",
    "VectorizeError",
    "WorkersEnvError",
    "load_env",
]
