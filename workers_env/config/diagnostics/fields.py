"""What wrangler knows: the config fields it accepts and where, its binding kinds, its
naming rules and its fixed message texts.

Kept apart from the checks so the rest of :mod:`workers_env.config` (the binding kinds,
``vectorize create``'s index-name rule) can read the same lists without the rules.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["INHERITABLE_FIELDS", "NOT_INHERITABLE_FIELDS", "ENVIRONMENT_FIELDS", "TOP_LEVEL_ONLY_FIELDS", "MAX_INDEX_NAME_BYTES", "INDEX_NAME_RE", "INDEX_NAME_RULE", "PYTHON_FLAG_ERROR", "DUPLICATE_BINDINGS_ERROR", "LEGACY_ENV_ERROR", "NODE_COMPAT_ERROR", "config_file_name"]

#: Environment fields that fall back to the top level when an environment omits them.
INHERITABLE_FIELDS: tuple[str, ...] = (
    "account_id", "compatibility_date", "compatibility_flags", "jsx_factory", "jsx_fragment",
    "tsconfig", "rules", "name", "main", "find_additional_modules", "preserve_file_names",
    "base_dir", "route", "routes", "triggers", "assets", "limits", "placement", "build",
    "workers_dev", "preview_urls", "migrations", "exports", "logfwdr", "no_bundle", "minify",
    "keep_names", "first_party_worker", "logpush", "upload_source_maps", "observability",
    "access", "cache", "compliance_region", "python_modules", "previews",
)  # fmt: skip
#: Environment fields (bindings and the like) an environment never inherits.
NOT_INHERITABLE_FIELDS: tuple[str, ...] = (
    "vars", "secrets", "define", "durable_objects", "workflows", "kv_namespaces",
    "cloudchamber", "containers", "send_email", "queues", "connect", "r2_buckets",
    "d1_databases", "vectorize", "ai_search_namespaces", "ai_search",
    "agent_memory", "hyperdrive", "services", "analytics_engine_datasets",
    "dispatch_namespaces", "mtls_certificates", "tail_consumers", "streaming_tail_consumers",
    "unsafe", "browser", "analytics", "ai", "images", "stream", "media", "pipelines", "k2",
    "secrets_store_secrets", "artifacts", "unsafe_hello_world", "flagship", "worker_loaders",
    "ratelimits", "vpc_services", "vpc_networks", "version_metadata",
)  # fmt: skip
ENVIRONMENT_FIELDS: tuple[str, ...] = INHERITABLE_FIELDS + NOT_INHERITABLE_FIELDS
#: Fields wrangler accepts only at the top level (its computed fields included, as it does).
TOP_LEVEL_ONLY_FIELDS: tuple[str, ...] = (
    "configPath", "userConfigPath", "topLevelName", "definedEnvironments", "targetEnvironment",
    "pages_build_output_dir", "send_metrics", "dependencies_instrumentation", "keep_vars",
    "addresses", "dev", "site", "alias", "wasm_modules", "text_blobs", "data_blobs",
    "env", "$schema",
)  # fmt: skip

# Binding kinds in wrangler's order (``friendlyBindingNames``); the order decides how the
# duplicate-name message lists them.
_FRIENDLY_BINDING_NAMES: tuple[tuple[str, str], ...] = (
    ("data_blobs", "Data Blob"), ("durable_objects", "Durable Object"),
    ("kv_namespaces", "KV Namespace"), ("send_email", "Send Email"), ("queues", "Queue"),
    ("d1_databases", "D1 Database"), ("vectorize", "Vectorize Index"),
    ("ai_search_namespaces", "AI Search Namespace"), ("ai_search", "AI Search Instance"),
    ("agent_memory", "Agent Memory"),
    ("hyperdrive", "Hyperdrive Config"), ("r2_buckets", "R2 Bucket"), ("logfwdr", "logfwdr"),
    ("services", "Worker"), ("analytics_engine_datasets", "Analytics Engine Dataset"),
    ("text_blobs", "Text Blob"), ("browser", "Browser Run"), ("analytics", "Analytics SQL"),
    ("ai", "AI"), ("images", "Images"),
    ("stream", "Stream"), ("media", "Media"), ("version_metadata", "Worker Version Metadata"),
    ("unsafe", "Unsafe Metadata"), ("vars", "Environment Variable"),
    ("wasm_modules", "Wasm Module"), ("dispatch_namespaces", "Dispatch Namespace"),
    ("mtls_certificates", "mTLS Certificate"), ("workflows", "Workflow"),
    ("pipelines", "Pipeline"), ("k2", "K2 Stream"), ("secrets_store_secrets", "Secrets Store Secret"),
    ("artifacts", "Artifacts"), ("ratelimits", "Rate Limit"), ("assets", "Assets"),
    ("unsafe_hello_world", "Hello World"), ("flagship", "Flagship"),
    ("worker_loaders", "Worker Loader"), ("vpc_services", "VPC Service"),
    ("vpc_networks", "VPC Network"),
)  # fmt: skip

# Fields validated by wrangler's ``validateBindingArray`` (a list of ``{binding, ...}``).
_BINDING_ARRAY_FIELDS = frozenset({
    "workflows", "kv_namespaces", "send_email", "r2_buckets", "d1_databases", "vectorize",
    "ai_search_namespaces", "ai_search", "agent_memory", "hyperdrive", "services",
    "analytics_engine_datasets", "dispatch_namespaces", "mtls_certificates", "pipelines",
    "secrets_store_secrets", "artifacts", "unsafe_hello_world", "flagship", "worker_loaders",
    "ratelimits", "vpc_services", "vpc_networks", "k2",
})  # fmt: skip
# Single ``{binding, remote}`` objects (``validateNamedSimpleBinding``).
_SIMPLE_BINDING_FIELDS = frozenset({"browser", "analytics", "images", "stream", "media"})

_VECTORIZE_KEYS = ("binding", "index_name", "remote")
MAX_INDEX_NAME_BYTES = 64
# The Vectorize API's index-name pattern and Cloudflare's wording of it (its Terraform
# provider's validator). ``validate --strict`` and ``workers-env vectorize create`` apply it.
INDEX_NAME_RE = re.compile(r"^([a-z]+[a-z0-9_-]*[a-z0-9]+)$")
INDEX_NAME_RULE = (
    "Name must start with a lowercase letter, end with an alphanumeric character, and contain only "
    "lowercase letters, numbers, hyphens, and underscores."
)
_WORKER_NAME_RE = re.compile(r"^$|^[a-z0-9_][a-z0-9\-_]*$")
_JS_RESERVED_WORDS = frozenset(
    "await break case catch class const continue debugger default delete do else enum export "
    "extends false finally for function if implements import in instanceof interface let new "
    "null package private protected public return static super switch this throw true try "
    "typeof var void while with yield".split()
)

PYTHON_FLAG_ERROR = "The `python_workers` compatibility flag is required to use Python."
DUPLICATE_BINDINGS_ERROR = (
    "Bindings must have unique names, so that they can all be referenced in the worker.\n"
    "Please change your bindings to have unique names."
)
LEGACY_ENV_ERROR = (
    'The "legacy_env" field is no longer supported, so please remove it from your configuration file.\n'
    'Service environments have been removed, and each environment is now deployed as its own Worker named '
    '"<name>-<environment>". This matches the behaviour of "legacy_env = true", which was the default, '
    "so removing the field will not change how your Worker is deployed.\n"
    "Refer to https://developers.cloudflare.com/workers/wrangler/environments/ for more information."
)
NODE_COMPAT_ERROR = (
    'Removed: "node_compat":\n'
    'The "node_compat" field is no longer supported as of Wrangler v4. Instead, use the `nodejs_compat` '
    "compatibility flag. This includes the functionality from legacy `node_compat` polyfills and natively "
    "implemented Node.js APIs. See https://developers.cloudflare.com/workers/runtime-apis/nodejs for more "
    "information."
)


def config_file_name(path: Path | str | None) -> str:
    """wrangler's ``configFileName``: how hints name the config file."""
    name = str(path or "")
    if name.endswith("toml"):
        return "wrangler.toml"
    if name.endswith("jsonc"):
        return "wrangler.jsonc"
    if name.endswith("json"):
        return "wrangler.json"
    return "Wrangler configuration"
