"""The corpus cases for TOML dates where wrangler expects a table (dates69), which ``config_corpus.py``
adds to its own. wrangler reads ``wrangler.toml`` with smol-toml, whose dates and times are
``TomlDate`` objects: to wrangler's ``typeof value === "object"`` checks they are objects (not null,
not arrays, with no own keys, ``JSON.stringify`` giving their ISO text). Each case puts one -- an offset
date-time, a local date-time, a local date or a local time, in turn -- where a table, an array or an
entry is expected: every field of an environment at the top level, in ``[env.s]`` (alone, and with a
top level's date left behind) and in ``[previews]``, the top-level-only tables, and the tables nested
in them (``observability.logs``, ``triggers.events``, ``unsafe.capnp``, ``exports.X.cache``, container
parts, ``migrations`` entries, ...).
"""

from __future__ import annotations

import json
from typing import Any

T = "wrangler.toml"


class D(str):
    """A TOML date or time literal, written bare."""


DATES = (D("1979-05-27T07:32:00-08:00"), D("1979-05-27T00:32:00.999999"), D("1979-05-27"), D("07:32:00"))
TOP: dict[str, Any] = {"name": "w", "main": "a.js", "compatibility_date": "2024-09-23"}


def toml_value(value: Any) -> str:
    if isinstance(value, D):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml(fields: dict[str, Any]) -> str:
    """A wrangler.toml: the basic top level and ``fields``, each a ``key = value`` line (inline tables)."""
    return "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in {**TOP, **fields}.items())


def nest(path: str, value: Any) -> dict[str, Any]:
    """``{"a": {"b": value}}`` for ``"a.b"``."""
    for key in reversed(path.split(".")):
        value = {key: value}
    return value


#: every field of an environment where a table or an array (of tables or strings) is expected
TABLES = (
    "triggers", "assets", "limits", "placement", "build", "vars", "secrets", "define", "durable_objects", "exports",
    "cloudchamber", "queues", "unsafe", "browser", "analytics", "ai", "images", "stream", "media",
    "version_metadata", "logfwdr", "observability", "access", "cache", "python_modules", "previews", "route",
)
ARRAYS = (
    "routes", "migrations", "containers", "rules", "tail_consumers", "streaming_tail_consumers", "compatibility_flags",
    "workflows", "kv_namespaces", "send_email", "connect", "r2_buckets", "d1_databases", "vectorize",
    "ai_search_namespaces", "ai_search", "agent_memory", "hyperdrive", "services", "analytics_engine_datasets",
    "dispatch_namespaces", "mtls_certificates", "pipelines", "k2", "secrets_store_secrets", "artifacts",
    "unsafe_hello_world", "flagship", "worker_loaders", "ratelimits", "vpc_services", "vpc_networks",
)
#: what ``previews`` may hold (wrangler's ``validatePreviewsConfig``)
PREVIEWS = {
    "vars", "define", "durable_objects", "workflows", "kv_namespaces", "send_email", "queues", "d1_databases",
    "r2_buckets", "vectorize", "ai_search_namespaces", "ai_search", "hyperdrive", "services",
    "analytics_engine_datasets", "dispatch_namespaces", "mtls_certificates", "tail_consumers",
    "streaming_tail_consumers", "unsafe", "browser", "analytics", "ai", "images", "stream", "media", "pipelines",
    "k2", "secrets_store_secrets", "artifacts", "unsafe_hello_world", "flagship", "worker_loaders", "ratelimits",
    "vpc_services", "version_metadata", "containers", "logpush", "observability", "limits", "placement", "cache",
}
#: the fields only the top level has
TOP_ONLY = ("dev", "site", "alias", "wasm_modules", "text_blobs", "data_blobs", "dependencies_instrumentation", "env")

#: tables nested in others: (case name, fields, environment); ``{}`` in a path's place is the date
NESTED: list[tuple[str, str, Any]] = [
    ("observability-logs", "observability", {"enabled": True, "logs": {}}),
    ("observability-traces", "observability", {"traces": {}}),
    ("observability-issues", "observability", {"issues": {}}),
    ("observability-all", "observability", {"logs": {}, "traces": {}, "issues": {}}),
    ("triggers-crons", "triggers", {"crons": {}}),
    ("triggers-events", "triggers", {"events": {}}),
    ("triggers-event", "triggers", {"events": [{}]}),
    ("triggers-event-filter", "triggers", {"events": [{"type": "cf.artifacts.repo.created", "filter": {},
                                                        "targets": [{"type": "workflow", "workflow_name": "w"}]}]}),
    ("triggers-event-target", "triggers", {"events": [{"type": "cf.artifacts.repo.created", "targets": [{}]}]}),
    ("assets-run-worker-first", "assets", {"directory": "p", "run_worker_first": {}}),
    ("build-watch-dir", "build", {"command": "x", "watch_dir": {}}),
    ("secrets-required", "secrets", {"required": {}}),
    ("vars-value", "vars", {"A": {}, "B": "b"}),
    ("define-value", "define", {"A": {}}),
    ("do-bindings", "durable_objects", {"bindings": {}}),
    ("do-binding", "durable_objects", {"bindings": [{}]}),
    ("do-strategy", "durable_objects", {"bindings": [], "code_update_strategy": {}}),
    ("unsafe-bindings", "unsafe", {"bindings": {}}),
    ("unsafe-binding", "unsafe", {"bindings": [{}]}),
    ("unsafe-metadata", "unsafe", {"metadata": {}}),
    ("unsafe-capnp", "unsafe", {"capnp": {}}),
    ("images-url-transformations", "images", {"binding": "I", "url_transformations": {}}),
    ("queues-producers", "queues", {"producers": {}}),
    ("queues-consumers", "queues", {"consumers": {}}),
    ("queues-consumer", "queues", {"consumers": [{}]}),
    ("logfwdr-bindings", "logfwdr", {"bindings": {}}),
    ("logfwdr-binding", "logfwdr", {"bindings": [{}]}),
    ("logfwdr-schema", "logfwdr", {"bindings": [], "schema": {}}),
    ("exports-entry", "exports", {"A": {}}),
    ("exports-worker-cache", "exports", {"A": {"type": "worker", "cache": {}}}),
    ("exports-workflow-parts", "exports", {"A": {"type": "workflow", "name": "wf", "limits": {}, "default_retention": {},
                                                  "concurrency": {}}}),
    ("workflows-parts", "workflows", [{"binding": "W", "name": "wf", "class_name": "A", "limits": {},
                                       "default_retention": {}, "concurrency": {}}]),
    ("workflows-schedules", "workflows", [{"binding": "W", "name": "wf", "class_name": "A", "schedules": {}}]),
    ("migrations-entry", "migrations", [{}]),
    ("migrations-classes", "migrations", [{"tag": "v1", "new_classes": {}, "renamed_classes": {},
                                           "transferred_classes": {}, "deleted_classes": {}}]),
    ("migrations-class-entries", "migrations", [{"tag": "v1", "renamed_classes": [{}], "transferred_classes": [{}]}]),
    ("rules-entry", "rules", [{}]),
    ("rules-globs", "rules", [{"type": "Text", "globs": {}}]),
    ("routes-entry", "routes", [{}]),
    ("routes-entries", "routes", ["a.example.com/*", {}, {"pattern": "b.example.com/*", "zone_name": {}}]),
    ("tail-consumer", "tail_consumers", [{}]),
    ("streaming-tail-consumer", "streaming_tail_consumers", [{}]),
    ("dispatch-outbound", "dispatch_namespaces", [{"binding": "D", "namespace": "n", "outbound": {}}]),
    ("ratelimit-simple", "ratelimits", [{"name": "R", "namespace_id": "1", "simple": {}}]),
    ("r2-local-dev", "r2_buckets", [{"binding": "B", "bucket_name": "b", "local_dev": {}}]),
    ("r2-local-dev-credentials", "r2_buckets", [{"binding": "B", "bucket_name": "b",
                                                 "local_dev": {"experimental_s3_credentials": {}}}]),
    ("triggers-event-targets", "triggers", {"events": [{"type": "cf.artifacts.repo.created", "targets": {}}]}),
    ("workflows-entry-limits-steps", "workflows", [{"binding": "W", "name": "wf", "class_name": "A",
                                                    "limits": {"steps": {}}}]),
    ("access-dev", "access", {"dev": {}}),
    ("access-identity", "access", {"dev": {"aud": "a", "identity": {}}}),
    ("python-modules-exclude", "python_modules", {"exclude": {}}),
    ("placement-region", "placement", {"region": {}}),
    ("limits-cpu", "limits", {"cpu_ms": {}}),
    ("cache-enabled", "cache", {"enabled": {}}),
    ("cloudchamber-fields", "cloudchamber", {"image": {}, "vcpu": {}}),
    ("containers-entry", "containers", [{}]),
    ("containers-parts", "containers", [{"class_name": "A", "image": "docker.io/x:1", "configuration": {},
                                         "unsafe": {}, "constraints": {}, "image_vars": {}, "instance_type": {}}]),
    ("containers-ssh", "containers", [{"class_name": "A", "image": "docker.io/x:1", "ssh": {}, "authorized_keys": {},
                                       "trusted_user_ca_keys": [{}]}]),
    ("containers-wrangler-ssh", "containers", [{"class_name": "A", "image": "docker.io/x:1", "wrangler_ssh": {},
                                               "authorized_keys": [{}]}]),
    ("containers-observability", "containers", [{"class_name": "A", "image": "docker.io/x:1", "observability": {}}]),
    ("containers-observability-logs", "containers", [{"class_name": "A", "image": "docker.io/x:1",
                                                      "observability": {"logs": {}}}]),
    ("containers-constraints-regions", "containers", [{"class_name": "A", "image": "docker.io/x:1",
                                                       "constraints": {"regions": {}, "tiers": {}}}]),
    ("containers-do-parts", "containers", [{"class_name": "A", "scheduling_policy": "durable_object", "images": {},
                                            "observability": {}, "unsafe": {}, "ssh": {}}]),
    ("containers-do-image", "containers", [{"class_name": "A", "scheduling_policy": "durable_object",
                                            "images": {"i": {}}, "unsafe": {"configuration": {}}}]),
    ("containers-do-build-vars", "containers", [{"class_name": "A", "scheduling_policy": "durable_object",
                                                 "images": {"i": {"dockerfile": "D", "build_vars": {}}}}]),
]
#: nested in the top-level-only tables
TOP_NESTED: list[tuple[str, Any]] = [
    ("site-include", {"site": {"bucket": "p", "include": {}, "exclude": {}}}),
    ("alias-entry", {"alias": {"a": {}}}),
    ("wasm-modules-entry", {"wasm_modules": {"W": {}}}),
    ("dependencies-instrumentation-exclude", {"dependencies_instrumentation": {"exclude_packages": {}}}),
    ("dev-fields", {"dev": {"ip": {}, "port": {}}}),
]


def _dated(value: Any, date: D) -> Any:
    """``value`` with each ``{}`` replaced by ``date``."""
    if isinstance(value, dict):
        return date if not value else {k: _dated(v, date) for k, v in value.items()}
    if isinstance(value, list):
        return [_dated(v, date) for v in value]
    return value


#: ``triggers.events`` (Artifacts events), which workers-env did not check before: each rule's both sides
EVENTS: list[tuple[str, Any]] = [
    ("ok", [{"type": "cf.artifacts.repo.pushed", "filter": {"namespace": "n", "repo_name": "r"},
             "targets": [{"type": "workflow", "workflow_name": "w"}]}]),
    ("kinds", [None, 5, "x", [], True]),
    ("type", [{"type": "artifacts.repo.pushed", "targets": [{"type": "workflow", "workflow_name": "w"}]},
              {"type": 5, "targets": []}, {"targets": [None, "w", {"type": "workflow"}, {"type": "x", "workflow_name": "w"},
                                                      {"type": "workflow", "workflow_name": ""}]}]),
    ("filter", [{"type": "cf.artifacts.repo.forked", "filter": {"namespace": ""}, "targets": [{}]},
                {"type": "cf.artifacts.repo.forked", "filter": {"other": "x", "namespace": 5}, "targets": "w"},
                {"type": "cf.artifacts.repo.forked", "filter": [], "targets": [{"type": "workflow", "workflow_name": "w"}]},
                {"type": "cf.artifacts.repo.forked", "filter": None, "targets": {}}]),
    ("unknown-fields", [{"type": "cf.artifacts.repo.token.revoked", "x": 1, "targets": [
        {"type": "workflow", "workflow_name": "w", "y": 2, "1": 3}]}]),
]


def _cases() -> list[tuple[str, str, str, str | None]]:
    cases: list[tuple[str, str, str, str | None]] = []
    for name, events in EVENTS:
        cases.append((f"d69-events-{name}", "wrangler.json", json.dumps({**TOP, "triggers": {"crons": [], "events": events}}),
                      None))
        cases.append((f"d69-events-{name}-env", "wrangler.json",
                      json.dumps({**TOP, "env": {"s": {"triggers": {"events": events}}}}), "s"))
    for i, field in enumerate(TABLES + ARRAYS + TOP_ONLY):
        date = DATES[i % 4]
        cases.append((f"d69-{field}-top", T, toml({field: date}), None))
        if field in TOP_ONLY:
            continue
        cases.append((f"d69-{field}-env", T, toml({"env": {"s": {field: DATES[(i + 1) % 4]}}}), "s"))
        cases.append((f"d69-{field}-top-left-behind", T, toml({field: DATES[(i + 2) % 4], "env": {"s": {}}}), "s"))
        if field in PREVIEWS:
            cases.append((f"d69-{field}-previews", T, toml({"previews": {field: DATES[(i + 3) % 4]}}), None))
    cases.append(("d69-env-entry", T, toml({"env": {"s": DATES[1]}}), "s"))
    cases.append(("d69-env-entry-unselected", T, toml({"env": {"s": DATES[2]}}), None))
    cases.append(("d69-env-entry-other", T, toml({"env": {"s": DATES[3], "t": {}}}), "t"))
    for i, (name, field, value) in enumerate(NESTED):
        date = DATES[i % 4]
        cases.append((f"d69-{name}-top", T, toml({field: _dated(value, date)}), None))
        cases.append((f"d69-{name}-env", T, toml({"env": {"s": {field: _dated(value, DATES[(i + 1) % 4])}}}), "s"))
        if field in PREVIEWS:
            cases.append((f"d69-{name}-previews", T, toml({"previews": {field: _dated(value, DATES[(i + 2) % 4])}}), None))
    for i, (name, fields) in enumerate(TOP_NESTED):
        cases.append((f"d69-{name}", T, toml(_dated(fields, DATES[i % 4])), None))
    return cases


CASES = _cases()
