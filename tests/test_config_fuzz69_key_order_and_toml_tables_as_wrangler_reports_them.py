"""What ``tools/wrangler/config_fuzz.py --new-tables`` found (fuzz69): ``alias`` and the module path
tables (``wasm_modules``, ``text_blobs``, ``data_blobs``) reported in JavaScript's key order, integer-like
keys first, as wrangler 4.168.0's ``Object.entries`` walks them; and a TOML table where a container's
``image`` (or ``configuration.image``) should be a path, which Node's ``path.resolve`` describes as
``[Object: null prototype]`` (smol-toml's tables have no prototype; ``{}`` when empty), a JSON object
as ``an instance of Object``; the binding names ``validateBindingsHaveUniqueNames`` and the left-behind
warnings take (``getBindingNames`` over ``durable_objects`` as wrangler normalises it, ``{...value, bindings:
value.bindings ?? []}``, over ``images`` only when it has a ``binding``, a null ``binding`` a name, a record's
keys in ``Object.keys`` order); the top level's ``define`` or ``vars`` of another type, whose ``Object.keys``
(a string's indexes) an environment is compared with; a binding name of another type as ``String()`` makes it a
key; a Python Worker's falsy ``rules`` that is no array, where wrangler stops with a JavaScript error of its own
and workers-env reports the field. Each case's verdict and lines are what ``unstable_readConfig`` of wrangler
4.168.0 printed for it (``tools/wrangler/config_corpus_fuzz69.py`` through ``config_diff.py``'s reader)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked, refused_everywhere

CASES = [
    ('z69-module-paths-key-order-toml', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[data_blobs]\nname = [1]\nb = 2\n1 = { a = false }\n0 = true\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected "data_blobs[\'0\']" to be of type string but got true.', '- Expected "data_blobs[\'1\']" to be of type string but got {"a":false}.', '- Expected "data_blobs[\'name\']" to be of type string but got [1].', '- Expected "data_blobs[\'b\']" to be of type string but got 2.']),
    ('z69-module-paths-key-order-json', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "wasm_modules": {"b": 1, "10": 2, "2": 3, "-1": 4, "01": 5}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "wasm_modules[\'2\']" to be of type string but got 3.', '- Expected "wasm_modules[\'10\']" to be of type string but got 2.', '- Expected "wasm_modules[\'b\']" to be of type string but got 1.', '- Expected "wasm_modules[\'-1\']" to be of type string but got 4.', '- Expected "wasm_modules[\'01\']" to be of type string but got 5.']),
    ('z69-text-blobs-key-order-env', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "text_blobs": {"x": 1, "3": 2}, "env": {"e": {"text_blobs": {"y": 1, "7": 0}}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- Unexpected fields found in env.e field: "text_blobs"', 'Processing wrangler.json configuration:', '- Expected "text_blobs[\'3\']" to be of type string but got 2.', '- Expected "text_blobs[\'x\']" to be of type string but got 1.']),
    ('z69-alias-key-order-toml', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[alias]\nb = 1\n2 = true\na = "x"\n1 = []\n', None, False,
     ['Processing wrangler.toml configuration:', '- Expected alias["1"] to be a string, but got object', '- Expected alias["2"] to be a string, but got boolean', '- Expected alias["b"] to be a string, but got number']),
    ('z69-alias-key-order-json', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "alias": {"z": 1, "4294967294": 2, "4294967295": 3, "5": 4}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected alias["5"] to be a string, but got number', '- Expected alias["4294967294"] to be a string, but got number', '- Expected alias["z"] to be a string, but got number', '- Expected alias["4294967295"] to be a string, but got number']),
    ('z69-container-image-toml-table', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = { a = { b = 1 } }\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype]']),
    ('z69-container-image-toml-empty-table', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = {}\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype] {}']),
    ('z69-container-image-toml-array', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = [{}]\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received an instance of Array']),
    ('z69-container-image-json-object', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "containers": [{"class_name": "C", "image": {"a": 1}}]}', None, False,
     ['Processing wrangler.json configuration:', '- The "paths[1]" argument must be of type string. Received an instance of Object']),
    ('z69-container-image-json-empty-object', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "containers": [{"class_name": "C", "image": {}}]}', None, False,
     ['Processing wrangler.json configuration:', '- The "paths[1]" argument must be of type string. Received an instance of Object']),
    ('z69-container-configuration-image-toml', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nconfiguration = { image = { x = 1 } }\n', None, False,
     ['Processing wrangler.toml configuration:', '- "containers.configuration" is deprecated. Use top level "containers" fields instead. "configuration.image" should be "image", limits should be set via "instance_type".', 'Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype]']),
    ('z69-container-image-toml-previews', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[previews]\ncontainers = [{ class_name = "C", image = { a = 1 } }]\n', None, False,
     ['Processing wrangler.toml configuration:', '- The "paths[1]" argument must be of type string. Received [Object: null prototype]']),
    ('z69-container-image-toml-env', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[env.e]\ncontainers = [{ class_name = "C", image = {} }]\n', 'e', False,
     ['Processing wrangler.toml configuration:', '- "env.e" environment configuration', '- The "paths[1]" argument must be of type string. Received [Object: null prototype] {}']),
    ('z69-unique-do-without-bindings', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "secrets": {"required": ["b", "bindings", "name", "null", "2"]}, "durable_objects": {"name": [1], "b": false}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in durable_objects field: "name","b"']),
    ('z69-unique-do-and-workflows', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "durable_objects": {"name": [1], "b": false}, "workflows": {"b": 0}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in durable_objects field: "name","b"', 'Processing wrangler.json configuration:', '- The field "workflows" should be an array but got {"b":0}.']),
    ('z69-unique-do-bindings-not-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "secrets": {"required": ["b", "bindings", "name", "null", "2"]}, "durable_objects": {"b": 1, "bindings": 5}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in durable_objects field: "b"', 'Processing wrangler.json configuration:', '- The field "durable_objects.bindings" should be an array but got 5.', '- b assigned to Durable Object and Secret bindings.', '- bindings assigned to Durable Object and Secret bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-do-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "secrets": {"required": ["b", "bindings", "name", "null", "2"]}, "durable_objects": ["b"]}', None, False,
     ['Processing wrangler.json configuration:', '- The field "durable_objects" should be an object but got ["b"].']),
    ('z69-unique-do-bad-entry', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "secrets": {"required": ["b", "bindings", "name", "null", "2"]}, "durable_objects": {"bindings": [{"name": 1}]}}', None, False,
     ['Processing wrangler.json configuration:', '- bindings assigned to Durable Object and Secret bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.', '- "durable_objects.bindings[0]": {"name":1}', '- binding should have a string "name" field.', '- binding should have a string "class_name" field.']),
    ('z69-unique-images-without-binding', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "images": {"a": 1, "1": 2}, "version_metadata": {"1": null}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in images field: "1","a"', 'Processing wrangler.json configuration:', '- The field "images" should have a "binding" or "url_transformations" field.', '- binding should have a string "binding" field.']),
    ('z69-unique-images-array', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "secrets": {"required": ["b", "bindings", "name", "null", "2"]}, "images": ["x", "y", "z"], "version_metadata": {"2": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "images" should be an object but got ["x","y","z"].', '- binding should have a string "binding" field.', '- 2 assigned to Worker Version Metadata and Secret bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-null-binding', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "secrets": {"required": ["b", "bindings", "name", "null", "2"]}, "ai": {"binding": null}, "browser": {"binding": null}}', None, False,
     ['Processing wrangler.json configuration:', '- binding should have a string "binding" field.', '- binding should have a string "binding" field.', '- null assigned to Browser Run, AI, and Secret bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-key-order', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "ai": {"b": 1, "2": 1}, "browser": {"2": 1, "b": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in browser field: "2","b"', 'Processing wrangler.json configuration:', '- binding should have a string "binding" field.', '- binding should have a string "binding" field.', '- 2 assigned to Browser Run and AI bindings.', '- b assigned to Browser Run and AI bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-toml-key-order', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\n[media]\nb = 1\n2 = 1\n[stream]\n2 = 1\nb = 1\n', None, False,
     ['Processing wrangler.toml configuration:', '- Unexpected fields found in stream field: "2","b"', '- Unexpected fields found in media field: "2","b"', 'Processing wrangler.toml configuration:', '- binding should have a string "binding" field.', '- binding should have a string "binding" field.', '- 2 assigned to Stream and Media bindings.', '- b assigned to Stream and Media bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unsafe-left-behind-key-order', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "unsafe": {"name": 0, "1": false, "a": "x"}, "env": {"s": {"unsafe": {"bindings": []}}}}', 's', True,
     ['Processing wrangler.json configuration:', '- "unsafe" fields are experimental and may change or break at any time.', '- Unexpected fields found in unsafe field: "1","name","a"', '- "env.s" environment configuration', '- The following bindings are at the top level, but not on "env.s".', 'This is not what you probably want, since "unsafe" configuration is not inherited by environments.', 'Please add a binding for each to "env.s.unsafe.bindings":', '- 1', '- name', '- a']),
    ('z69-define-top-string', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "define": "xy", "env": {"s": {"define": {"X": "1", "1": "2"}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- The following define entries exist at the top level, but not on "env.s.define".', 'This is probably not what you want, since "define" configuration is not inherited by environments.', 'Please add these entries to "env.s.define":', '- 0', '- "X" exists on "env.s", but not on the top level.', 'This is not what you probably want, since "define" configuration within environments can only override existing top level "define" configuration', 'Please remove "env.s.define.X", or add "define.X".', 'Processing wrangler.json configuration:', '- The field "define" should be an object but got "xy".']),
    ('z69-define-top-array', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\ndefine = ["a", "b"]\n[env.s.define]\n1 = "x"\n', 's', True,
     ['Processing wrangler.toml configuration:', '- "env.s" environment configuration', '- The following define entries exist at the top level, but not on "env.s.define".', 'This is probably not what you want, since "define" configuration is not inherited by environments.', 'Please add these entries to "env.s.define":', '- 0']),
    ('z69-define-top-number', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "define": 5, "env": {"s": {"define": {"X": "1"}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- The field "define" should be an object but got 5.']),
    ('z69-vars-top-string', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "vars": "ab", "env": {"s": {"vars": {"1": 2}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- The following vars exist at the top level, but not on "env.s.vars".', 'This is probably not what you want, since "vars" configuration is not inherited by environments.', 'Please add these vars to "env.s.vars":', '- 0', 'Processing wrangler.json configuration:', '- The field "vars" should be an object but got "ab".']),
    ('z69-vars-top-array', 'wrangler.toml', 'name = "w"\ncompatibility_date = "2024-09-23"\nmain = "a.js"\nvars = [1]\n[env.s.vars]\nA = 1\n', 's', True,
     ['Processing wrangler.toml configuration:', '- "env.s" environment configuration', '- The following vars exist at the top level, but not on "env.s.vars".', 'This is probably not what you want, since "vars" configuration is not inherited by environments.', 'Please add these vars to "env.s.vars":', '- 0']),
    ('z69-unique-object-binding', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "version_metadata": {"binding": {}}, "vars": {"binding": {"b": 0}}}', None, False,
     ['Processing wrangler.json configuration:', '- binding should have a string "binding" field.', '- [object Object] assigned to Worker Version Metadata and Environment Variable bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-object-bindings-three', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "version_metadata": {"binding": {"b": 1}}, "ai": {"binding": {"a": 0}}, "vars": {"[object Object]": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- binding should have a string "binding" field.', '- binding should have a string "binding" field.', '- [object Object] assigned to AI, Worker Version Metadata, and Environment Variable bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-array-binding', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "browser": {"binding": ["a", "b"]}, "vars": {"a,b": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- binding should have a string "binding" field.', '- a,b assigned to Browser Run and Environment Variable bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-number-binding', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "media": {"binding": 1.5}, "vars": {"1.5": 1}, "secrets": {"required": [1.5, {"x": 1}, [2, null], 1e21]}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "secrets.required.[0]" to be of type string but got 1.5.', '- Expected "secrets.required.[1]" to be of type string but got {"x":1}.', '- Expected "secrets.required.[2]" to be of type string but got [2,null].', '- Expected "secrets.required.[3]" to be of type string but got 1e+21.', '- binding should have a string "binding" field.', '- 1.5 assigned to Media, Environment Variable, and Secret bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-unique-secret-values', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "vars": {"[object Object]": 1, "2,": 2, "1e+21": 3}, "secrets": {"required": [{"x": 1}, [2, null], 1e21]}}', None, False,
     ['Processing wrangler.json configuration:', '- Expected "secrets.required.[0]" to be of type string but got {"x":1}.', '- Expected "secrets.required.[1]" to be of type string but got [2,null].', '- Expected "secrets.required.[2]" to be of type string but got 1e+21.', '- [object Object] assigned to Environment Variable and Secret bindings.', '- 2, assigned to Environment Variable and Secret bindings.', '- 1e+21 assigned to Environment Variable and Secret bindings.', '- Bindings must have unique names, so that they can all be referenced in the worker.', 'Please change your bindings to have unique names.']),
    ('z69-python-rules-null', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "src/entry.py", "compatibility_flags": ["python_workers"], "rules": null}', None, True,
     []),
    ('z69-js-rules-zero', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.js", "rules": 0}', None, True,
     []),
]

#: a Python Worker's falsy ``rules`` of another type: wrangler 4.168.0 stops with ``config.rules.some is not a
#: function`` (its applyPythonConfig); workers-env reports the field (README, "Where we had to choose")
CRASH_CASES = [
    ('z69-python-rules-zero', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "src/entry.py", "compatibility_flags": ["python_workers"], "rules": 0}', None,
     ['Processing wrangler.json configuration:', '- The field "rules" should be an array but got 0.']),
    ('z69-python-rules-false', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "src/entry.py", "compatibility_flags": ["python_workers"], "rules": false}', None,
     ['Processing wrangler.json configuration:', '- The field "rules" should be an array but got false.']),
    ('z69-python-rules-empty-string', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "src/entry.py", "compatibility_flags": ["python_workers"], "rules": ""}', None,
     ['Processing wrangler.json configuration:', '- The field "rules" should be an array but got "".']),
    ('z69-python-rules-env-zero', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "src/entry.py", "compatibility_flags": ["python_workers"], "rules": [], "env": {"e": {"rules": 0}}}', 'e',
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- The field "env.e.rules" should be an array but got 0.']),
    ('z69-python-rules-zero-no-flag', 'wrangler.json', '{"name": "w", "compatibility_date": "2024-09-23", "main": "a.py", "rules": 0}', None,
     ['The `python_workers` compatibility flag is required to use Python.']),
    ('z69-python-rules-toml-false', 'wrangler.toml', 'name = "w"\nmain = "a.py"\ncompatibility_flags = ["python_workers"]\nrules = false\n', None,
     ['Processing wrangler.toml configuration:', '- The field "rules" should be an array but got false.']),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "lines"), CASES, ids=[c[0] for c in CASES])
def test_verdict_and_lines_as_wrangler(tmp_path: Path, name: str, file_name: str, text: str, env: str | None,
                                       ok: bool, lines: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, lines)


@pytest.mark.parametrize(("name", "file_name", "text", "env", "lines"), CRASH_CASES, ids=[c[0] for c in CRASH_CASES])
def test_python_rules_wrangler_stops_on_are_reported(tmp_path: Path, name: str, file_name: str, text: str,
                                                     env: str | None, lines: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (False, lines)


def test_python_rules_zero_refused_by_validate_and_load_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    refused_everywhere(tmp_path, monkeypatch, capsys,
                       'name = "w"\nmain = "a.py"\ncompatibility_flags = ["python_workers"]\nrules = 0\n',
                       'The field "rules" should be an array but got 0.')


def test_validate_prints_the_null_prototype_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workers_env.cli import main

    config = tmp_path / "wrangler.toml"
    config.write_text('name = "w"\nmain = "a.js"\n[[containers]]\nclass_name = "C"\nimage = {}\n', encoding="utf-8")
    assert main(["validate", "--config", str(config)]) == 1
    out = capsys.readouterr()
    assert 'The "paths[1]" argument must be of type string. Received [Object: null prototype] {}' in out.out + out.err
