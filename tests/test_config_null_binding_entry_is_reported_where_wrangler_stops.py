"""A null binding entry where wrangler 4.168.0 stops with a JavaScript error of its own and prints nothing
else -- in an ``[env.NAME]`` whose array the top level also has (``Cannot read properties of null (reading
'binding')``, comparing names), in ``workflows`` (``reading 'name'``, the unique-name rule) and in
``durable_objects.bindings`` (``reading 'script_name'``, the lifecycle warning): workers-env reports the
entry as wrangler's own entry check words it, and the rest (README, "Where we had to choose")."""

from __future__ import annotations

import json
from pathlib import Path

from config_report_helpers import checked

TOP = {"name": "w", "main": "a.js", "compatibility_date": "2024-09-23"}


def test_a_null_entry_in_an_environment_is_reported_with_the_left_behind_warning(tmp_path: Path) -> None:
    text = json.dumps({**TOP, "kv_namespaces": [{"binding": "K", "id": "i"}], "env": {"e": {"kv_namespaces": [None]}}})
    assert checked(tmp_path, "wrangler.json", text, "e") == (False, [
        "Processing wrangler.json configuration:", '- "env.e" environment configuration',
        '- There is a kv_namespaces binding with name "K" at the top level, but not on "env.e".',
        'This is not what you probably want, since "kv_namespaces" configuration is not inherited by environments.',
        'Please add a binding for "K" to "env.e.kv_namespaces.bindings".',
        "Processing wrangler.json configuration:", '- "env.e" environment configuration',
        '- "kv_namespaces" bindings should be objects, but got null',
    ])


def test_a_null_workflow_is_reported_as_no_object(tmp_path: Path) -> None:
    assert checked(tmp_path, "wrangler.json", json.dumps({**TOP, "workflows": [None]}), None) == (False, [
        "Processing wrangler.json configuration:", '- "workflows" bindings should be objects, but got null',
    ])


def test_a_null_durable_object_binding_is_reported_under_its_heading(tmp_path: Path) -> None:
    text = json.dumps({**TOP, "durable_objects": {"bindings": [None]}})
    assert checked(tmp_path, "wrangler.json", text, None) == (False, [
        "Processing wrangler.json configuration:", '- "durable_objects.bindings[0]": null',
        '- Expected "durable_objects.bindings[0]" to be an object but got null',
    ])
