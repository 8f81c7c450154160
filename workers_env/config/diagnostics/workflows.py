"""``workflows`` entries: wrangler's ``validateWorkflowBinding`` with its schedules,
limits, retention, concurrency and jurisdiction settings, and the unique-name rule.
"""

from __future__ import annotations

import re
from typing import Any

from workers_env.config.diagnostics.bindings import (
    _check,
    _objects,
    _optional,
    _required,
)
from workers_env.config.diagnostics.jsvalues import (
    MISSING,
    _destructured,
    _is_record,
    _js_join_item,
    _js_typeof,
    _keys,
    js_json,
)
from workers_env.config.diagnostics.sink import _Pass

__all__ = ["WORKFLOW_NAME_RULE", "is_valid_workflow_name", "workflow_settings"]

_WORKFLOW_NAME_RE = re.compile(r"[a-zA-Z0-9_][a-zA-Z0-9_-]*")
WORKFLOW_NAME_RULE = (
    "Workflow names must be 1-64 characters long, start with a letter, number, or underscore, "
    "and may only contain letters, numbers, underscores, or hyphens."
)
_WORKFLOW_JURISDICTIONS = ("eu", "fedramp", "us")


def _js_or_list(items: list[str]) -> str:
    """``Intl.ListFormat("en-US", {type: "disjunction"})``."""
    if len(items) <= 2:
        return " or ".join(items)
    return ", ".join(items[:-1]) + f", or {items[-1]}"


def _positive_int(value: Any) -> bool:
    return _js_typeof(value) == "number" and float(value).is_integer() and value >= 1


def is_valid_workflow_name(name: str) -> bool:
    """wrangler's ``isValidWorkflowName``: 1-64 characters of ``[a-zA-Z0-9_-]``, no ``-`` first."""
    return len(name) <= 64 and bool(_WORKFLOW_NAME_RE.fullmatch(name))


def workflow_settings(p: _Pass, field_path: str, value: dict[str, Any], kind: str = "bindings") -> bool:
    """wrangler's ``validateWorkflowSchedules``/``Limits``/``DefaultRetention``/``Concurrency``/``Jurisdiction``
    of a ``workflows`` entry (``kind`` "bindings") or a workflow export ("export"), as its messages name it."""
    sink, valid = p.sink, True
    head = f'"{field_path}" {kind}'
    schedules = value.get("schedules", MISSING)
    if schedules is not MISSING:
        if isinstance(schedules, str):
            if schedules == "":
                sink.error(field_path, f'{head} "schedules" field must not be an empty string.')
                valid = False
        elif isinstance(schedules, list) and not schedules:
            sink.error(field_path, f'{head} "schedules" field must not be an empty array.')
            valid = False
        elif isinstance(schedules, list) and all(isinstance(s, str) for s in schedules):
            if "" in schedules:
                sink.error(field_path, f'{head} "schedules" field must not contain empty strings.')
                valid = False
        else:
            sink.error(field_path, f'{head} should, optionally, have a string or array of strings "schedules" field '
                                   f"but got {js_json(value)}.")
            valid = False
    limits = value.get("limits", MISSING)
    if limits is not MISSING:
        if not _is_record(limits):
            sink.error(field_path, f'{head} should, optionally, have an object "limits" field but got {js_json(value)}.')
            valid = False
        else:
            limits = _destructured(limits)  # a TOML date is an object without keys to wrangler
            steps = limits.get("steps", MISSING)
            if steps is not MISSING:
                if not _positive_int(steps):
                    sink.error(field_path, f'{head} "limits.steps" field must be a positive integer but got {js_json(steps)}.')
                    valid = False
                elif steps > 25000:
                    sink.warn(field_path, f'"{field_path}" has a step limit of {js_json(steps)}, which exceeds the production '
                                          "maximum of 25,000. This configuration may not work when deployed.")
            sink.unexpected_fields(f"{field_path}.limits", _keys(limits), ("steps",))
    retention = value.get("default_retention", MISSING)
    if retention is not MISSING:
        if not _is_record(retention):
            sink.error(field_path, f'{head} should, optionally, have an object "default_retention" field but got {js_json(value)}.')
            valid = False
        else:
            for key in ("success_retention", "error_retention"):
                item = _destructured(retention).get(key, MISSING)
                if item is MISSING or (_positive_int(item)) or (isinstance(item, str) and item):
                    continue
                sink.error(field_path, f'{head} "default_retention.{key}" field must be a positive integer of milliseconds '
                                       f'or a duration string such as "3 days", but got {js_json(item)}.')
                valid = False
            sink.unexpected_fields(f"{field_path}.default_retention", _keys(retention),
                                   ("success_retention", "error_retention"))
    concurrency = value.get("concurrency", MISSING)
    if concurrency is not MISSING:
        if not _is_record(concurrency):
            sink.error(field_path, f'{head} should, optionally, have an object "concurrency" field but got {js_json(value)}.')
            valid = False
        else:
            concurrency = _destructured(concurrency)
            limit = concurrency.get("limit", MISSING)
            if limit is not MISSING and not _positive_int(limit):
                sink.error(field_path, f'{head} "concurrency.limit" field must be a positive integer but got {js_json(limit)}.')
                valid = False
            sink.unexpected_fields(f"{field_path}.concurrency", _keys(concurrency), ("limit",))
    jurisdiction = value.get("jurisdiction", MISSING)
    if jurisdiction is not MISSING and jurisdiction not in _WORKFLOW_JURISDICTIONS:
        choices = _js_or_list([js_json(j) for j in _WORKFLOW_JURISDICTIONS])
        sink.error(field_path, f'{head} "jurisdiction" field must be one of {choices}, but got {js_json(jurisdiction)}.')
        valid = False
    return valid


def _workflow_entry(p: _Pass, field_path: str, value: Any) -> bool:
    """wrangler's ``validateWorkflowBinding``."""
    if not _objects(p, field_path, value, "workflows"):
        return False
    valid = _check(p, field_path, value, _required(value, "binding", "string"), 'should have a string "binding" field')
    if not _required(value, "name", "string"):
        valid = _check(p, field_path, value, False, 'should have a string "name" field')
    elif not is_valid_workflow_name(value["name"]):
        p.sink.error(field_path, f'"{field_path}" binding "name" field is invalid. {WORKFLOW_NAME_RULE}')
        valid = False
    valid = _check(p, field_path, value, _required(value, "class_name", "string"), 'should have a string "class_name" field') and valid
    valid = _check(p, field_path, value, _optional(value, "script_name", "string"),
                   'should, optionally, have a string "script_name" field') and valid
    if isinstance(value, dict):
        valid = workflow_settings(p, field_path, value) and valid
    p.sink.unexpected_fields(field_path, _keys(value), ("binding", "name", "class_name", "script_name", "limits",
                                                        "concurrency", "schedules", "default_retention", "jurisdiction"))
    return valid


def _unique_workflow_names(p: _Pass, value: Any, field: str = "workflows") -> None:
    """wrangler's ``validateUniqueNameProperty`` (the field named without the environment)."""
    if not isinstance(value, list):
        return
    counts: dict[Any, int] = {}
    order: list[Any] = []
    for entry in value:
        name = entry.get("name", MISSING) if isinstance(entry, dict) else MISSING
        key = (type(name).__name__, js_json(name) if name is not MISSING else "undefined")
        if key not in counts:
            order.append((key, name))
        counts[key] = counts.get(key, 0) + 1
    duplicates = [_js_join_item(name) for key, name in order if counts[key] > 1]
    if duplicates:
        listed = '", "'.join(duplicates)
        p.sink.error(field, f'"{field}" bindings must have unique "name" values; duplicate(s) found: "{listed}"')
