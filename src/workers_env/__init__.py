"""workers-env: Cloudflare Workers' Vectorize bindings, emulated locally for tests and dev."""

from workers_env._errors import (
    ConfigError,
    IndexDefinitionError,
    JsException,
    StateError,
    VectorizeError,
    WorkersEnvError,
)
from workers_env._jsvalues import JsDict

__all__ = [
    "ConfigError",
    "IndexDefinitionError",
    "JsDict",
    "JsException",
    "StateError",
    "VectorizeError",
    "WorkersEnvError",
]
