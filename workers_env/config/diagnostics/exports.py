"""``exports``: the classes a Worker exports, keyed by class name -- Durable Objects with their
lifecycle ``state``, ``worker`` entrypoints, Workflows -- checked as wrangler 4.168.0's
``validateExports`` checks them, and the two checks wrangler makes of a section's exports at its
end: ``migrations`` beside a Durable Object export, and two exports declaring one Workflow.

Each Durable Object state requires and allows its own fields (:data:`ALLOWED_FIELDS`); a
``container`` is checked here for its type and storage, against ``containers`` by
:mod:`.container_links`. The table is inherited, so an environment without one is judged by the
top level's in the end-of-section checks, but its entries are checked where they are written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from workers_env.config.diagnostics.checks import _required_typed
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_length_positive,
    _js_list,
    _js_shown,
    _keys,
    js_json,
)
from workers_env.config.diagnostics.sink import _Pass, _Sink
from workers_env.config.diagnostics.workflows import WORKFLOW_NAME_RULE, is_valid_workflow_name, workflow_settings

__all__ = ["ALLOWED_FIELDS", "validate_exports", "exports_at_section_end"]

STORAGES = ("sqlite", "legacy-kv")
#: the fields a ``durable-object`` export may hold in each lifecycle state (wrangler's order)
ALLOWED_FIELDS: dict[str, tuple[str, ...]] = {
    "created": ("type", "state", "storage", "container"),
    "deleted": ("type", "state"),
    "renamed": ("type", "state", "renamed_to"),
    "transferred": ("type", "state", "transferred_to"),
    "expecting-transfer": ("type", "state", "storage", "transfer_from", "container"),
}
_WORKFLOW_FIELDS = ("type", "name", "limits", "concurrency", "schedules", "default_retention", "jurisdiction")
#: wrangler's ``JS_IDENTIFIER_RE`` (ASCII only; ``\Z``: JavaScript's ``$`` takes no newline before it)
_JS_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")
BOTH_SET_ERROR = (
    "`migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable "
    "Object lifecycle, but not both."
)


def validate_exports(p: _Pass, value: Any) -> None:
    """wrangler's ``validateExports`` of the ``exports`` this section writes (``MISSING``: none)."""
    sink = p.sink
    if value is MISSING or value is None:
        return
    if not _is_record(value):
        sink.error("exports", 'The optional "exports" field should be an object keyed by class name, '
                              f"but got {js_json(value)}")
        return
    entries = value if isinstance(value, dict) else {}
    for name in _keys(entries):
        entry = entries[name]
        if not (_is_record(entry) or isinstance(entry, list)):
            sink.error(f"exports.{name}", f'"exports.{name}" should be an object but got {js_json(entry)}.')
            continue
        kind = entry.get("type", MISSING) if isinstance(entry, dict) else MISSING
        if kind == "durable-object":
            _durable_object_export(sink, name, entry)
        elif kind == "worker":
            _worker_export(sink, name, entry)
        elif kind == "workflow":
            _workflow_export(p, name, entry)
        else:
            sink.error(f"exports.{name}", f'"exports.{name}.type" must be "durable-object", "worker", or "workflow", '
                                          f"but got {_js_shown(kind)}.")


def _durable_object_export(sink: _Sink, name: str, entry: dict[str, Any]) -> None:
    """wrangler's ``validateDurableObjectExport``: what the entry's ``state`` requires, then what it allows."""
    where = f"exports.{name}"
    if name == "":
        sink.error(where, '"export" keys cannot be the empty string.')
    state = entry.get("state", MISSING)
    if state is MISSING:
        state = "created"
    if not isinstance(state, str) or state not in ALLOWED_FIELDS:
        sink.error(where, f'"{where}.state" must be one of "created", "deleted", "renamed", "transferred", or '
                          f'"expecting-transfer" but got {js_json(state)}.')
        return
    if "storage" in ALLOWED_FIELDS[state]:
        storage = entry.get("storage", MISSING)
        if not isinstance(storage, str) or storage not in STORAGES:
            sink.error(where, f'"{where}.storage" is required for state "{state}" and must be one of '
                              f"{_js_list(list(STORAGES))}, but got {_js_shown(storage)}")
    required = {"renamed": "renamed_to", "transferred": "transferred_to", "expecting-transfer": "transfer_from"}
    target = required.get(state)
    if target is not None:
        text = entry.get(target, MISSING)
        if not isinstance(text, str) or text == "":
            sink.error(where, f'"{where}.{target}" is required for state "{state}" and must be a non-empty string.')
        elif state == "renamed":
            if not _JS_IDENTIFIER.match(text):
                sink.error(where, f'"{where}.renamed_to" must be a valid JavaScript identifier (got "{text}").')
            if text == name:
                sink.error(where, f'"{where}.renamed_to" cannot equal the source class name "{name}".')
    if "container" in ALLOWED_FIELDS[state]:
        _export_container(sink, where, entry)
    allowed = ALLOWED_FIELDS[state]
    forbidden = [key for key in _keys(entry) if key not in allowed]
    for key in forbidden:
        sink.error(where, f'"{where}.{key}" is forbidden on state "{state}".')
    if forbidden:
        sink.error(where, f"Allowed properties are: {_js_list(list(allowed))}.")


def _export_container(sink: _Sink, where: str, entry: dict[str, Any]) -> None:
    """wrangler's ``validateDurableObjectExportContainer``: a non-empty name, on SQLite storage."""
    container = entry.get("container", MISSING)
    if container is MISSING:
        return
    if not isinstance(container, str) or container == "":
        sink.error(where, f'"{where}.container" must be a non-empty string naming a container in the "containers" '
                          f"array, but got {js_json(container)}.")
    elif entry.get("storage") == "legacy-kv":
        sink.error(where, f'"{where}.container" requires "storage" to be "sqlite". Containers are not supported on '
                          'Durable Objects using the "legacy-kv" storage backend.')


def _worker_export(sink: _Sink, name: str, entry: dict[str, Any]) -> None:
    """wrangler's ``validateWorkerExport``: ``type`` and an optional ``cache`` with its ``enabled``."""
    where = f"exports.{name}"
    sink.unexpected_fields(where, _keys(entry), ("type", "cache"))
    cache = entry.get("cache", MISSING)
    if cache is MISSING:
        return
    if not _is_record(cache):
        sink.error(f"{where}.cache", f'"{where}.cache" should be an object but got {js_json(cache)}.')
        return
    fields = cache if isinstance(cache, dict) else {}
    _required_typed(sink, f"{where}.cache", "enabled", fields.get("enabled", MISSING), "boolean")
    sink.unexpected_fields(f"{where}.cache", _keys(fields), ("enabled",))


def _workflow_export(p: _Pass, name: str, entry: dict[str, Any]) -> None:
    """wrangler's ``validateWorkflowExport``: a valid ``name`` and a ``workflows`` entry's settings."""
    where = f"exports.{name}"
    workflow = entry.get("name", MISSING)
    _required_typed(p.sink, where, "name", workflow, "string")
    if isinstance(workflow, str) and not is_valid_workflow_name(workflow):
        p.sink.error(where, f'"{where}.name" is invalid. {WORKFLOW_NAME_RULE}')
    workflow_settings(p, where, entry, kind="export")
    p.sink.unexpected_fields(where, _keys(entry), _WORKFLOW_FIELDS)


def exports_at_section_end(p: _Pass, raw_env: Mapping[str, Any]) -> None:
    """wrangler's ``errorIfMigrationsAndExportsBothSet`` and ``validateWorkflowExportConflicts``, run on the
    section's ``migrations`` and ``exports`` as it sees them (its own, else the top level's)."""
    exports = p.own_or_top(raw_env, "exports")
    entries = {} if exports is MISSING else _destructured(exports)
    migrations = p.own_or_top(raw_env, "migrations")
    # wrangler reads each entry's ``type`` here and fails on a null one ("Cannot read properties of null");
    # its own "should be an object" error is reported instead (README, "Where we had to choose")
    if _js_length_positive(migrations) and any(
        isinstance(entries[k], dict) and entries[k].get("type") == "durable-object" for k in _keys(entries)
    ):
        p.sink.error("migrations", BOTH_SET_ERROR)
    first: dict[str, str] = {}
    for name in _keys(entries):
        entry = entries[name]
        workflow = entry.get("name") if isinstance(entry, dict) and entry.get("type") == "workflow" else None
        if not isinstance(workflow, str):
            continue
        if workflow in first:
            p.sink.error("exports", f'"exports.{first[workflow]}" and "exports.{name}" both declare the Workflow '
                                    f'"{workflow}". Workflow names must be unique.')
        else:
            first[workflow] = name
