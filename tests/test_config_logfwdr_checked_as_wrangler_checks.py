"""The ``logfwdr`` table -- of the top level and an ``[env.NAME]`` -- checked as wrangler 4.168.0's
``validateCflogfwdrObject`` checks it: an object with a ``bindings`` array (missing, an error), each
entry an object with string ``name`` and ``destination`` (other fields a warning), listed under its own
``"logfwdr.bindings[0]": {...}`` heading; with every entry valid, an environment leaving out a top-level
name is warned of, and the old ``schema`` field is an error. The field is inherited: an environment
without one is not warned of, and ``previews`` has none. Each case's verdict and lines are what
``unstable_readConfig`` of wrangler 4.168.0 printed for it (cfga69); before, workers-env checked nothing
of it (5 of the 20 verdicts alike)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked, refused_everywhere

CASES = [
    ('b69-logfwdr-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [{"name": "L", "destination": "d"}]}}', None, True,
     []),
    ('b69-logfwdr-kinds', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [null, 5, [], {}, {"name": 1, "destination": 2, "x": 3}, {"name": "A", "destination": "d", "y": 1}]}}', None, False,
     ['Processing wrangler.json configuration:', '- "logfwdr.bindings[4]": {"name":1,"destination":2,"x":3}', '- Unexpected fields found in logfwdr.bindings[4] field: "x"', '- "logfwdr.bindings[5]": {"name":"A","destination":"d","y":1}', '- Unexpected fields found in logfwdr.bindings[5] field: "y"', 'Processing wrangler.json configuration:', '- "logfwdr.bindings[0]": null', '- Expected "logfwdr.bindings[0]" to be an object but got null', '- "logfwdr.bindings[1]": 5', '- Expected "logfwdr.bindings[1]" to be an object but got 5', '- "logfwdr.bindings[2]": []', '- binding should have a string "name" field.', '- binding should have a string "destination" field.', '- "logfwdr.bindings[3]": {}', '- binding should have a string "name" field.', '- binding should have a string "destination" field.', '- "logfwdr.bindings[4]": {"name":1,"destination":2,"x":3}', '- binding should have a string "name" field.', '- binding should have a string "destination" field.']),
    ('b69-logfwdr-array', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": [{"name": "L", "destination": "d"}]}', None, False,
     ['Processing wrangler.json configuration:', '- The field "logfwdr" should be an object but got [{"name":"L","destination":"d"}].']),
    ('b69-logfwdr-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": null}', None, False,
     ['Processing wrangler.json configuration:', '- The field "logfwdr" should be an object but got null.']),
    ('b69-logfwdr-string', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": "x"}', None, False,
     ['Processing wrangler.json configuration:', '- The field "logfwdr" should be an object but got "x".']),
    ('b69-logfwdr-no-bindings', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "logfwdr" is missing the required "bindings" property.']),
    ('b69-logfwdr-bindings-object', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": {"name": "L"}}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "logfwdr.bindings" should be an array but got {"name":"L"}.']),
    ('b69-logfwdr-schema', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [], "schema": "s"}}', None, False,
     ['Processing wrangler.json configuration:', '- "logfwdr" binding "schema" property has been replaced with the "unsafe.capnp" object, which expects a "base_path" and an array of "source_schemas" to compile, or a "compiled_schema" property.']),
    ('b69-logfwdr-schema-bad-binding', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [{}], "schema": "s"}}', None, False,
     ['Processing wrangler.json configuration:', '- "logfwdr.bindings[0]": {}', '- binding should have a string "name" field.', '- binding should have a string "destination" field.']),
    ('b69-logfwdr-schema-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [], "schema": null}}', None, False,
     ['Processing wrangler.json configuration:', '- "logfwdr" binding "schema" property has been replaced with the "unsafe.capnp" object, which expects a "base_path" and an array of "source_schemas" to compile, or a "compiled_schema" property.']),
    ('b69-logfwdr-other-field', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [], "x": 1}}', None, True,
     []),
    ('b69-logfwdr-toml', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[[logfwdr.bindings]]\nname = "L"\ndestination = 1979-05-27\n', None, False,
     ['Processing wrangler.toml configuration:', '- "logfwdr.bindings[0]": {"name":"L","destination":"1979-05-27"}', '- binding should have a string "destination" field.']),
    ('b69-logfwdr-env-inherits', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [{"name": "L", "destination": "d"}]}, "env": {"e": {}}}', 'e', True,
     []),
    ('b69-logfwdr-env-left-behind', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [{"name": "L", "destination": "d"}, {"name": "M", "destination": "d"}]}, "env": {"e": {"logfwdr": {"bindings": [{"name": "M", "destination": "e"}]}}}}', 'e', True,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- The following bindings are at the top level, but not on "env.e".', 'This is not what you probably want, since "logfwdr" configuration is not inherited by environments.', 'Please add a binding for each to "env.e.logfwdr.bindings":', '- L']),
    ('b69-logfwdr-env-left-behind-bad', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [{"name": "L", "destination": "d"}]}, "env": {"e": {"logfwdr": {"bindings": [{"name": 1}]}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- "env.e.logfwdr.bindings[0]": {"name":1}', '- binding should have a string "name" field.', '- binding should have a string "destination" field.']),
    ('b69-logfwdr-env-top-bad', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [{"name": 1}]}, "env": {"e": {"logfwdr": {"bindings": []}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- The following bindings are at the top level, but not on "env.e".', 'This is not what you probably want, since "logfwdr" configuration is not inherited by environments.', 'Please add a binding for each to "env.e.logfwdr.bindings":', '- bindings', 'Processing wrangler.json configuration:', '- "logfwdr.bindings[0]": {"name":1}', '- binding should have a string "name" field.', '- binding should have a string "destination" field.']),
    ('b69-logfwdr-env-schema', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "env": {"e": {"logfwdr": {"bindings": [], "schema": 1}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- "logfwdr" binding "schema" property has been replaced with the "unsafe.capnp" object, which expects a "base_path" and an array of "source_schemas" to compile, or a "compiled_schema" property.']),
    ('b69-logfwdr-env-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "logfwdr": {"bindings": [{"name": "L", "destination": "d"}]}, "env": {"e": {"logfwdr": null}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- The field "env.e.logfwdr" should be an object but got null.']),
    ('b69-logfwdr-previews', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"logfwdr": null}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in previews field: "logfwdr"']),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_logfwdr_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str,
                                        env: str | None, ok: bool, expected: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, expected)


def test_validate_and_load_env_refuse_logfwdrs_old_schema_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = 'name = "w"\nmain = "a.js"\n[logfwdr]\nschema = "s.capnp"\nbindings = []\n'
    refused_everywhere(tmp_path, monkeypatch, capsys, text,
                       '"logfwdr" binding "schema" property has been replaced with the "unsafe.capnp" object')
