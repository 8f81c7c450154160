"""Config checks that match wrangler 4's own reader, line for line (figures from
``tools/wrangler/config_diff.py``, which runs the real wrangler on these and more)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env import load_env
from workers_env.cli import main
from workers_env.config import check_config

BASE = 'name = "w"\nmain = "src/index.js"\ncompatibility_date = "2024-09-23"\n'
PY = 'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2024-09-23"\n'


def lines(tmp_path: Path, name: str, text: str, env: str | None = None) -> tuple[bool, list[str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = check_config(tmp_path / name, environment=env)
    return report.ok, [line.strip() for line in report.render(cwd=tmp_path).splitlines() if line.strip()]


def test_python_flag_error_stands_alone_after_validation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok, out = lines(tmp_path, "wrangler.toml", PY + '[[vectorize]]\nbinding = 5\n[vars]\nA = 1979-05-27\n')
    assert (ok, out) == (False, ["The `python_workers` compatibility flag is required to use Python."])
    assert main(["validate", str(tmp_path / "wrangler.toml")]) == 1
    assert capsys.readouterr().out == "The `python_workers` compatibility flag is required to use Python.\n"


def test_python_flag_as_a_string_passes_that_check(tmp_path: Path) -> None:
    ok, out = lines(tmp_path, "wrangler.toml", PY + 'compatibility_flags = "python_workers"\n')
    # wrangler's flags.includes() finds it in the string; the string-array check still objects
    assert not ok and out == [
        "Processing wrangler.toml configuration:",
        '- Expected "compatibility_flags" to be of type string array but got "python_workers".',
    ]


def test_jsonc_is_named_wrangler_jsonc_in_the_unknown_environment_advice(tmp_path: Path) -> None:
    ok, out = lines(tmp_path, "wrangler.jsonc", '{"name": "w", "env": {"a": {}}}', env="prod")
    assert not ok
    assert "Consider adding an environment configuration section to the wrangler.jsonc file:" in out


def test_empty_toml_is_accepted(tmp_path: Path) -> None:
    assert lines(tmp_path, "wrangler.toml", "") == (True, [])


def test_vars_arrays_pass_and_become_numbered_vars(tmp_path: Path) -> None:
    assert lines(tmp_path, "wrangler.json", '{"name": "w", "vars": ["a", "b"]}') == (True, [])
    env = load_env(tmp_path / "wrangler.json")
    assert (env["0"], env["1"]) == ("a", "b")
    ok, out = lines(tmp_path, "wrangler.json", '{"name": "w", "vars": {"A": "1"}, "env": {"s": {"vars": ["x"]}}}', env="s")
    assert ok and '- The following vars exist at the top level, but not on "env.s.vars".' in out


@pytest.mark.parametrize(
    ("date", "valid"),
    [("2024-02-30", True), ("2024-1-5", True), ("2024/05/01", True), ("May 1 2024", True), ("2024", True),
     ("2024-05-01T00:00:00Z", True), ("2024-13-45", False), ("2024-02-32", False), ("yesterday", False),
     ("", False), ("20240501", False), ("2024-05-01x", False)],
)
def test_compatibility_date_as_javascript_parses_it(tmp_path: Path, date: str, valid: bool) -> None:
    ok, out = lines(tmp_path, "wrangler.toml", f'name = "w"\ncompatibility_date = "{date}"\n')
    assert ok is valid
    if not valid:
        assert f'- "compatibility_date" field should be a valid ISO-8601 date (YYYY-MM-DD), but got "{date}".' in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[[d1_databases]]\ndatabase_name = "db"\n',
         '- "d1_databases[0]" bindings should have a string "binding" field but got {"database_name":"db"}.'),
        ('[[kv_namespaces]]\nbinding = 1\nid = "a"\n',
         '- "kv_namespaces[0]" bindings should have a string "binding" field but got {"binding":1,"id":"a"}.'),
        ('[[r2_buckets]]\nbinding = "B"\nbucket_name = "b"\n',
         '- r2_buckets[0].bucket_name="b" is invalid. Bucket names must begin and end with an alphanumeric '
         "character, only contain lowercase letters, numbers, and hyphens, and be between 3 and 63 characters long."),
        ("route = 5\n",
         '- Expected "route" to be either a string, or an object with shape { pattern, custom_domain, '
         "zone_id | zone_name, enabled, previews_enabled }, but got 5."),
        ('route = "a.com/*"\nroutes = ["b.com/*"]\n', '- Expected exactly one of the following fields ["routes","route"].'),
        ('routes = "example.com/*"\n', '- Expected "routes" to be an array but got "example.com/*".'),
        ('[dev]\nport = "x"\n', '- Expected "dev.port" to be of type number but got "x".'),
        ('[dev]\nlocal_protocol = "ftp"\n', '- Expected "dev.local_protocol" field to be one of ["http","https"] but got "ftp".'),
        ('[triggers]\ncrons = "* * * * *"\n', '- Expected "triggers.crons" to be of type array, but got {"crons":"* * * * *"}.'),
        ('[[services]]\nbinding = "S"\n', '- "services[0]" bindings should have a string "service" field but got {"binding":"S"}.'),
        ('[[hyperdrive]]\nbinding = "H"\n', '- "hyperdrive[0]" bindings must have a "id" field but got {"binding":"H"}.'),
        ('[placement]\nmode = "fast"\n', '- Expected "placement.mode" field to be one of ["off","smart","targeted"] but got "fast".'),
        ('migrations = [{ new_classes = "A" }]\n', '- "migrations[0].tag" is a required field.'),
    ],
)
def test_fields_wrangler_checks_with_its_messages(tmp_path: Path, extra: str, message: str) -> None:
    ok, out = lines(tmp_path, "wrangler.toml", BASE + extra)
    assert not ok and out[0] == "Processing wrangler.toml configuration:" and message in out


JSON_BASE = {"name": "w", "main": "src/index.js", "compatibility_date": "2024-09-23"}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [  # each as wrangler 4.164.0's unstable_readConfig prints it, line for line
        ({"compatibility_date": 5}, '- Expected "compatibility_date" to be of type string but got 5.'),
        ({"compliance_region": "x"},
         '- Expected "compliance_region" field to be one of ["public","fedramp_high"] but got "x".'),
        ({"build": {"command": 1}}, '- Expected "build.command" to be of type string but got 1.'),
        ({"build": {"command": "make", "watch_dir": 1}}, '- Expected "build.watch_dir" to be of type string but got 1.'),
        ({"build": {"command": "make", "watch_dir": [1]}},
         '- Expected "build.watch_dir.[0]" to be of type string but got 1.'),
        ({"limits": {"cpu_ms": "x"}}, '- Expected "limits.cpu_ms" to be of type number but got "x".'),
        ({"rules": [{"type": "Text"}]}, '- Expected "rules[0].globs" to be an array of strings but got undefined'),
        ({"rules": [{"type": "Text", "globs": [1]}]}, '- Expected "rules[0].globs.[0]" to be of type string but got 1.'),
        ({"rules": [{"type": "Text", "globs": ["a"], "fallthrough": 1}]},
         '- the field "fallthrough", when present, should be a boolean.'),
        ({"migrations": "x"}, '- The optional "migrations" field should be an array, but got "x"'),
        ({"migrations": [{"tag": 1}]}, '- Expected "migrations[0].tag" to be of type string but got 1.'),
        ({"migrations": [{"tag": "v1", "new_classes": "A"}]},
         '- Expected "migrations[0].new_classes" to be an array of strings but got "A"'),
        ({"migrations": [{"tag": "v1", "new_classes": [1]}]},
         '- Expected "migrations[0].new_classes.[0]" to be of type string but got 1.'),
        ({"migrations": [{"tag": "v1", "renamed_classes": "x"}]},
         '- Expected "migrations[0].renamed_classes" to be an array of "{from: string, to: string}" objects but got "x".'),
        ({"migrations": [{"tag": "v1", "transferred_classes": "x"}]},
         '- Expected "migrations[0].transferred_classes" to be an array of "{from: string, from_script: string, to: '
         'string}" objects but got "x".'),
        ({"tail_consumers": "x"}, '- Expected "tail_consumers" to be an array but got "x".'),
        ({"tail_consumers": ["x"]}, '- "tail_consumers[0]" should be an object but got "x".'),
        ({"streaming_tail_consumers": [[]]}, '- "streaming_tail_consumers[0]" should be an object but got [].'),
        ({"tail_consumers": [{}]}, '- "tail_consumers[0].service" is a required field.'),
        ({"tail_consumers": [{"service": 1}]}, '- Expected "tail_consumers[0].service" to be of type string but got 1.'),
        ({"tail_consumers": [{"service": "s", "environment": 1}]},
         '- Expected "tail_consumers[0].environment" to be of type string but got 1.'),
        ({"observability": "x"}, '- "observability" should be an object but got "x".'),
        ({"observability": {"enabled": "x"}},
         ['- Expected "observability.enabled" to be of type boolean but got "x".',
          '- Expected "observability.logs.enabled" to be of type boolean but got undefined.',
          '- Expected "observability.traces.enabled" to be of type boolean but got undefined.',
          '- Expected "observability.issues.enabled" to be of type boolean but got undefined.']),
        ({"observability": {"enabled": True, "head_sampling_rate": "x"}},
         '- Expected "observability.head_sampling_rate" to be of type number but got "x".'),
        ({"observability": {"enabled": True, "head_sampling_rate": 2}},
         '- "observability.head_sampling_rate" must be a value between 0 and 1.'),
        ({"observability": {"enabled": True, "issues": "x"}}, '- "observability.issues" should be an object but got "x".'),
        ({"placement": "x"}, '- The field "placement" should be an object but got "x".'),
        ({"placement": {"mode": "targeted"}},
         '- "placement.region" or "placement.host" or "placement.hostname" is required.'),
        ({"placement": {"region": ""}}, '- "placement.region" must be a non-empty string.'),
        ({"placement": {"mode": "targeted", "region": 1}}, '- Expected "placement.region" to be of type string but got 1.'),
        ({"placement": {"region": "a", "host": "b"}},
         '- "placement" fields "region", "host" are mutually exclusive. Only one can be specified.'),
        ({"placement": {"hint": "x"}},
         ['- "placement.mode" is a required field.', '- "placement.hint" can only be set when "placement.mode" is "smart"']),
        ({"placement": {"hint": 1, "mode": {"a": 1}}},  # a value in a template literal: "[object Object]"
         ['- Expected "placement.mode" to be of type string but got {"a":1}.',
          '- "placement.hint" must be a string when "placement.mode" is "[object Object]"',
          '- "placement.hint" can only be set when "placement.mode" is "smart"']),
        ({"placement": {"hint": "x", "region": "a"}},
         '- "placement" cannot have both "hint" (smart format) and "region"/"host"/"hostname" (targeted format) fields'),
        ({"kv_namespaces": [{"binding": "K", "id": 1}]},
         '- "kv_namespaces[0]" bindings should have a string "id" field but got {"binding":"K","id":1}.'),
        ({"d1_databases": [{"binding": "DB", "database_id": 1}]},
         '- "d1_databases[0]" bindings must have a "database_id" field but got {"binding":"DB","database_id":1}.'),
        ({"r2_buckets": [{"binding": "B", "bucket_name": "ok-bucket", "preview_bucket_name": 1}]},
         '- "r2_buckets[0]" bindings should, optionally, have a string "preview_bucket_name" field but got '
         '{"binding":"B","bucket_name":"ok-bucket","preview_bucket_name":1}.'),
        ({"r2_buckets": [{"binding": "B", "bucket_name": "ok-bucket", "preview_bucket_name": "Bad"}]},
         '- r2_buckets[0].preview_bucket_name= "Bad" is invalid. Bucket names must begin and end with an alphanumeric '
         "character, only contain lowercase letters, numbers, and hyphens, and be between 3 and 63 characters long."),
        ({"r2_buckets": [{"binding": "B", "bucket_name": 1}]},
         '- "r2_buckets[0]" bindings should have a string "bucket_name" field but got {"binding":"B","bucket_name":1}.'),
        ({"analytics_engine_datasets": [{"binding": "A", "dataset": ""}]},
         '- "analytics_engine_datasets[0]" bindings should, optionally, have a string "dataset" field but got '
         '{"binding":"A","dataset":""}.'),
        ({"version_metadata": "x"}, '- The field "version_metadata" should be an object but got "x".'),
        ({"version_metadata": {"binding": 1}}, '- binding should have a string "binding" field.'),
        ({"services": [{"binding": "S", "service": "s", "environment": 1}]},
         '- "services[0]" bindings should have a string "environment" field but got '
         '{"binding":"S","service":"s","environment":1}.'),
        ({"send_email": ["x"]}, '- "send_email" bindings should be objects, but got "x"'),
        ({"vectorize": "x"}, '- The field "vectorize" should be an array but got "x".'),
        ({"vectorize": [{"index_name": "i"}]},
         '- "vectorize[0]" bindings should have a string "binding" field but got {"index_name":"i"}.'),
        ({"vectorize": [{"binding": "V", "index_name": "i", "remote": "x"}]},
         '- "vectorize[0]" should, optionally, have a boolean "remote" field but got '
         '{"binding":"V","index_name":"i","remote":"x"}.'),
        ({"kv_namespaces": ["x"]}, '- "kv_namespaces" bindings should be objects, but got "x"'),
        ({"kv_namespaces": [{"binding": "K", "id": "a", "preview_id": 1}]},
         '- "kv_namespaces[0]" bindings should, optionally, have a string "preview_id" field but got '
         '{"binding":"K","id":"a","preview_id":1}.'),
        ({"d1_databases": ["x"]}, '- "d1_databases" bindings should be objects, but got "x"'),
        ({"d1_databases": [{"binding": "DB", "database_id": "x", "preview_database_id": 1}]},
         '- "d1_databases[0]" bindings should, optionally, have a string "preview_database_id" field but got '
         '{"binding":"DB","database_id":"x","preview_database_id":1}.'),
        ({"d1_databases": [{"binding": "DB", "database_id": "x", "migrations_dir": 1}]},
         '- "d1_databases[0]" bindings should, optionally, have a string "migrations_dir" field but got '
         '{"binding":"DB","database_id":"x","migrations_dir":1}.'),
        ({"kv_namespaces": [{"binding": "X", "id": "a"}], "d1_databases": [{"binding": "X", "database_id": "b"}]},
         ["- X assigned to KV Namespace and D1 Database bindings.",
          "- Bindings must have unique names, so that they can all be referenced in the worker.",
          "Please change your bindings to have unique names."]),
        ({"kv_namespaces": [{"binding": "X", "id": "a"}, {"binding": "X", "id": "b"}]},
         ["- X assigned to multiple KV Namespace bindings.",
          "- Bindings must have unique names, so that they can all be referenced in the worker.",
          "Please change your bindings to have unique names."]),
        ({"define": "x"}, '- The field "define" should be an object but got "x".'),
        ({"define": {"A": 1}}, '- The field "define.A" should be a string but got 1.'),
        ({"secrets": "x"}, '- The field "secrets" should be an object but got "x".'),
        ({"python_modules": "x"}, '- "python_modules" should be an object but got "x".'),
        ({"rules": ["x"]}, '- "rules[0]" should be an object but got "x".'),
        ({"rules": [{}]},
         ['- bindings should have a string "type" field, which contains one of "ESModule", "CommonJS", '
          '"CompiledWasm", "Text", or "Data".',
          '- Expected "rules[0].globs" to be an array of strings but got undefined']),
        ({"services": ["x"]}, '- "services" bindings should be objects, but got "x"'),
        ({"r2_buckets": ["x"]}, '- "r2_buckets" bindings should be objects, but got "x"'),
        ({"r2_buckets": [{"binding": "B", "bucket_name": "ok-bucket", "jurisdiction": 1}]},
         '- "r2_buckets[0]" bindings should, optionally, have a string "jurisdiction" field but got '
         '{"binding":"B","bucket_name":"ok-bucket","jurisdiction":1}.'),
        ({"r2_buckets": [{"binding": "B", "bucket_name": "ok-bucket", "local_dev": 1}]},
         '- "r2_buckets[0]" bindings should, optionally, have an object "local_dev" field but got '
         '{"binding":"B","bucket_name":"ok-bucket","local_dev":1}.'),
        ({"hyperdrive": ["x"]}, '- "hyperdrive" bindings should be objects, but got "x"'),
        ({"analytics_engine_datasets": ["x"]}, '- "analytics_engine" bindings should be objects, but got "x"'),
    ],
)
def test_field_errors_word_for_word_as_wrangler(tmp_path: Path, fields: dict, expected: str | list[str]) -> None:
    ok, out = lines(tmp_path, "wrangler.json", json.dumps({**JSON_BASE, **fields}))
    assert (ok, out) == (False, ["Processing wrangler.json configuration:",
                                 *([expected] if isinstance(expected, str) else expected)])


def test_define_entries_not_inherited_nor_overriding_a_top_level_one(tmp_path: Path) -> None:
    config = {**JSON_BASE, "define": {"B": "1"}, "env": {"staging": {"define": {"A": "1"}}}}
    ok, out = lines(tmp_path, "wrangler.json", json.dumps(config), env="staging")
    assert (ok, out) == (True, [
        "Processing wrangler.json configuration:",
        '- "env.staging" environment configuration',
        '- The following define entries exist at the top level, but not on "env.staging.define".',
        'This is probably not what you want, since "define" configuration is not inherited by environments.',
        'Please add these entries to "env.staging.define":',
        "- B",
        '- "A" exists on "env.staging", but not on the top level.',
        'This is not what you probably want, since "define" configuration within environments can only override '
        'existing top level "define" configuration',
        'Please remove "env.staging.define.A", or add "define.A".',
    ])


def test_an_env_field_that_is_no_object_holds_no_environment(tmp_path: Path) -> None:
    ok, out = lines(tmp_path, "wrangler.json", json.dumps({**JSON_BASE, "env": "x"}), env="staging")
    assert (ok, out) == (False, [
        "Processing wrangler.json configuration:",
        '- No environment found in configuration with name "staging".',
        "Before using `--env=staging` there should be an equivalent environment section in the configuration.",
        'The available configured environment names are: ["0"]',
        "Consider adding an environment configuration section to the wrangler.json file:",
        "```",
        "[env.staging]",
        "```",
    ])


@pytest.mark.parametrize(
    ("extra", "warning"),
    [
        ('[[d1_databases]]\nbinding = "DB"\ndatabase_id = "x"\nfoo = 1\n', '- Unexpected fields found in d1_databases[0] field: "foo"'),
        ("[dev]\nfoo = 1\n", '- Unexpected fields found in dev field: "foo"'),
        ("[durable_objects]\nfoo = 1\n", '- Unexpected fields found in durable_objects field: "foo"'),
        ('route = ""\n', '- The "route" field in your configuration is an empty string and will be ignored.'),
        ("[unsafe]\n", '- "unsafe" fields are experimental and may change or break at any time.'),
        ('account_id = ""\n', '- The "account_id" field in your configuration is an empty string and will be ignored.'),
    ],
)
def test_what_wrangler_only_warns_about(tmp_path: Path, extra: str, warning: str) -> None:
    ok, out = lines(tmp_path, "wrangler.toml", BASE + extra)
    assert ok and warning in out


@pytest.mark.parametrize(
    ("name", "text", "first", "where"),
    [
        ("wrangler.toml", 'name = "x"\n[vars\n', "Invalid TOML document: illegal character in key", "wrangler.toml:2:5:"),
        ("wrangler.toml", 'name = "x"\n[[vectorize]\n',  # smol-toml points past the lone ]
         "Invalid TOML document: expected end of table array declaration", "wrangler.toml:2:12:"),
        ("wrangler.toml", 'name = "a"\nname = "b"\n',
         "Invalid TOML document: trying to redefine an already defined table or value", "wrangler.toml:2:0:"),
        ("wrangler.json", '{"name": "x",, }', "PropertyNameExpected", "wrangler.json:1:13:"),
        ("wrangler.json", '{"name": "x"}x', "InvalidSymbol", "wrangler.json:1:13:"),
        ("wrangler.jsonc", '{\n  // c\n  "name": "x",\n', "PropertyNameExpected", "wrangler.jsonc:4:0:"),
        ("wrangler.json", "", "ValueExpected", "wrangler.json:1:0:"),
    ],
)
def test_syntax_errors_in_wranglers_form(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str,
                                          first: str, where: str) -> None:
    (tmp_path / name).write_text(text)
    assert main(["validate", str(tmp_path / name)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == first and out[2].strip().endswith(where)
    assert not any("Traceback" in line for line in out)


MORE_FIELDS = [  # (fields or a toml text, --env, valid, the lines after the heading), each as wrangler 4.164.0's
    # unstable_readConfig prints it (compared through tools/wrangler/read_configs.js)
    ({'assets': {'directory': 1}}, None, False, ['- Expected "assets.directory" to be of type string but got 1.']),
    ({'assets': {'directory': 'public', 'html_handling': 'x'}},
     None,
     False,
     ['- Expected "assets.html_handling" field to be one of '
      '["auto-trailing-slash","force-trailing-slash","drop-trailing-slash","none"] but got "x".']),
    ({'assets': {'directory': 'public', 'run_worker_first': [1]}},
     None,
     False,
     ['- Expected "assets.run_worker_first.[0]" to be of type string but got 1.']),
    ({'durable_objects': {'bindings': ['x']}},
     None,
     False,
     ['- "durable_objects.bindings[0]": "x"', '- Expected "durable_objects.bindings[0]" to be an object but got "x"']),
    ({'durable_objects': {'bindings': [{'name': 'A'}]}, 'migrations': [{'tag': 'v1', 'new_classes': ['A']}]},
     None,
     False,
     ['- "durable_objects.bindings[0]": {"name":"A"}', '- binding should have a string "class_name" field.']),
    ({'durable_objects': {'bindings': [{'name': 'A', 'class_name': 'A', 'remote': 1}]},
      'migrations': [{'tag': 'v1', 'new_classes': ['A']}]},
     None,
     False,
     ['- "durable_objects.bindings[0]": {"name":"A","class_name":"A","remote":1}',
      '- Unexpected fields found in durable_objects.bindings[0] field: "remote"',
      'Processing wrangler.json configuration:',
      '- "durable_objects.bindings[0]": {"name":"A","class_name":"A","remote":1}',
      '- "durable_objects.bindings[0]" should, optionally, have a boolean "remote" field but got '
      '{"name":"A","class_name":"A","remote":1}.']),
    ('name = "w"\n'
     'main = "src/index.js"\n'
     'compatibility_date = "2024-09-23"\n'
     '[[durable_objects.bindings]]\n'
     'name = "A"\n'
     'class_name = "My Class"\n'
     '[[durable_objects.bindings]]\n'
     'name = "B"\n'
     'class_name = "B"\n',
     None,
     True,
     ['- In your wrangler.toml file, you have configured `durable_objects` exported by this Worker (My Class, B), '
      'but no live `exports` entry for them. This may not work as expected until you add a live `durable-object` '
      'entry to `exports` for each. Add the following configuration:',
      '```',
      '[exports."My Class"]',
      'type = "durable-object"',
      'storage = "sqlite"',
      '[exports.B]',
      'type = "durable-object"',
      'storage = "sqlite"',
      '```']),
    ({'queues': {'producers': [{'binding': 'Q', 'queue': ''}]}},
     None,
     False,
     ['- "queues.producers[0]" bindings should optionally have a non-empty string "queue" field but got '
      '{"binding":"Q","queue":""}.']),
    ({'queues': {'producers': [{'binding': 'Q', 'queue': 'q', 'delivery_delay': 5}]}},
     None,
     True,
     ['- The "delivery_delay" field in "queues.producers[0]" is deprecated and has no effect. Queue-level settings '
      'should be configured using "wrangler queues update" instead. This setting will be removed in a future '
      'version.']),
    ({'queues': {'consumers': ['x']}}, None, False, ['- "queues.consumers[0]" should be a objects, but got "x"']),
    ({'queues': {'consumers': [{}]}},
     None,
     False,
     ['- "queues.consumers[0]" should have a string "queue" field but got {}.']),
    ({'queues': {'consumers': [{'queue': 'q', 'type': 'http_pull'}]}},
     None,
     False,
     ['- "queues.consumers[0].type" has an invalid value "http_pull". Only "worker" consumers can be configured in '
      'your Wrangler configuration.']),
    ({'queues': {'consumers': [{'queue': 'q', 'max_retries': 'x'}]}},
     None,
     False,
     ['- "queues.consumers[0]" should, optionally, have a number "max_retries" field but got '
      '{"queue":"q","max_retries":"x"}.']),
    ({'queues': 'x'}, None, False, ['- The field "queues" should be an object but got "x".']),
    ({'queues': {'consumers': 'x'}}, None, False, ['- The field "queues.consumers" should be an array but got "x".']),
    ({'triggers': 'x'}, None, False, ['- Expected "triggers" to be of type object but got "x".']),
    ({'triggers': {'events': 'x'}},
     None,
     False,
     ['- Expected "triggers.events" to be of type array, but got {"events":"x"}.']),
    ({'routes': [{'pattern': 'a.example.com', 'custom_domain': True}], 'env': {'staging': {}}},
     'staging',
     True,
     ['- "env.staging" environment configuration',
      '- The "env.staging" environment inherits the top-level `routes` configuration, which includes the custom '
      'domain(s): a.example.com. Deploying this environment will reassign these custom domains away from the '
      'top-level Worker. Add `"routes": []` to "env.staging" to prevent inheritance, or copy the route configuration '
      'from the top level to hide this warning.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'schedules': ''}]},
     None,
     False,
     ['- "workflows[0]" bindings "schedules" field must not be an empty string.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'schedules': []}]},
     None,
     False,
     ['- "workflows[0]" bindings "schedules" field must not be an empty array.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'schedules': ['']}]},
     None,
     False,
     ['- "workflows[0]" bindings "schedules" field must not contain empty strings.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'schedules': 1}]},
     None,
     False,
     ['- "workflows[0]" bindings should, optionally, have a string or array of strings "schedules" field but got '
      '{"binding":"W","name":"wf","class_name":"C","schedules":1}.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'limits': 'x'}]},
     None,
     False,
     ['- "workflows[0]" bindings should, optionally, have an object "limits" field but got '
      '{"binding":"W","name":"wf","class_name":"C","limits":"x"}.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'limits': {'steps': 0}}]},
     None,
     False,
     ['- "workflows[0]" bindings "limits.steps" field must be a positive integer but got 0.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'default_retention': 'x'}]},
     None,
     False,
     ['- "workflows[0]" bindings should, optionally, have an object "default_retention" field but got '
      '{"binding":"W","name":"wf","class_name":"C","default_retention":"x"}.']),
    ({'workflows': [{'binding': 'W',
                     'name': 'wf',
                     'class_name': 'C',
                     'default_retention': {'success_retention': 0}}]},
     None,
     False,
     ['- "workflows[0]" bindings "default_retention.success_retention" field must be a positive integer of '
      'milliseconds or a duration string such as "3 days", but got 0.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'concurrency': 'x'}]},
     None,
     False,
     ['- "workflows[0]" bindings should, optionally, have an object "concurrency" field but got '
      '{"binding":"W","name":"wf","class_name":"C","concurrency":"x"}.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'concurrency': {'limit': 0}}]},
     None,
     False,
     ['- "workflows[0]" bindings "concurrency.limit" field must be a positive integer but got 0.']),
    ({'workflows': [{'binding': 1, 'name': 'wf', 'class_name': 'C'}]},
     None,
     False,
     ['- "workflows[0]" bindings should have a string "binding" field but got '
      '{"binding":1,"name":"wf","class_name":"C"}.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'script_name': 1}]},
     None,
     False,
     ['- "workflows[0]" bindings should, optionally, have a string "script_name" field but got '
      '{"binding":"W","name":"wf","class_name":"C","script_name":1}.']),
    ({'send_email': [{'binding': 'E'}]},
     None,
     False,
     ['- "send_email[0]" bindings should have a string "name" field but got {"binding":"E"}.']),
    ({'send_email': [{'name': 'E', 'destination_address': 1}]},
     None,
     False,
     ['- "send_email[0]" bindings should, optionally, have a string "destination_address" field but got '
      '{"name":"E","destination_address":1}.']),
    ({'send_email': [{'name': 'E', 'destination_address': 'a@b.c', 'allowed_destination_addresses': ['x']}]},
     None,
     False,
     ['- "send_email[0]" bindings should have either a "destination_address" or "allowed_destination_addresses" '
      'field, but not both.']),
    ({'dispatch_namespaces': ['x']},
     None,
     False,
     ['- "dispatch_namespaces[0]" binding should be objects, but got "x"']),
    ({'dispatch_namespaces': [{'binding': 'D', 'namespace': 1}]},
     None,
     False,
     ['- "dispatch_namespaces[0]" should optionally have a string "namespace" field but got '
      '{"binding":"D","namespace":1}.']),
    ({'dispatch_namespaces': [{'binding': 'D', 'namespace': 'n', 'outbound': 'x'}]},
     None,
     False,
     ['- "dispatch_namespaces[0].outbound" should be an object, but got "x"',
      '- "dispatch_namespaces[0]" has an invalid outbound definition.']),
    ({'dispatch_namespaces': [{'binding': 'D', 'namespace': 'n', 'outbound': {}}]},
     None,
     False,
     ['- "dispatch_namespaces[0].outbound.service" is a required field.',
      '- "dispatch_namespaces[0]" has an invalid outbound definition.']),
    ({'dispatch_namespaces': [{'binding': 'D', 'namespace': 'n', 'outbound': {'service': 1}}]},
     None,
     False,
     ['- Expected "dispatch_namespaces[0].outbound.service" to be of type string but got 1.',
      '- "dispatch_namespaces[0]" has an invalid outbound definition.']),
    ({'dispatch_namespaces': [{'binding': 'D', 'namespace': 'n', 'outbound': {'service': 's', 'environment': 1}}]},
     None,
     False,
     ['- Expected "dispatch_namespaces[0].outbound.environment" to be of type string but got 1.',
      '- "dispatch_namespaces[0]" has an invalid outbound definition.']),
    ({'pipelines': [{'stream': 's'}]},
     None,
     False,
     ['- "pipelines[0]" bindings must have a string "binding" field but got {"stream":"s"}.']),
    ({'pipelines': [{'binding': 'P'}]},
     None,
     False,
     ['- "pipelines[0]" bindings must have a string "stream" field but got {"binding":"P"}.']),
    ({'k2': ['x']}, None, False, ['- "k2[0]" bindings should be objects, but got "x"']),
    ({'k2': [{'binding': 'K'}]}, None, False, ['- "k2[0]" must have a string "stream" field.']),
    ({'k2': [{'binding': 'K', 'stream': 's', 'remote': False}]},
     None,
     False,
     ['- "k2[0]" does not support `remote: false`. K2 bindings always access remote resources; omit "remote" or set '
      '`remote: true`.']),
    ({'ai_search': [{'binding': 'A'}]},
     None,
     False,
     ['- "ai_search[0]" bindings must have an "instance_name" field but got {"binding":"A"}.']),
    ({'unsafe_hello_world': [{'enable_timer': True}]},
     None,
     False,
     ['- "unsafe_hello_world[0]" bindings must have a string "binding" field but got {"enable_timer":true}.']),
    ({'unsafe_hello_world': [{'binding': 'H', 'enable_timer': 1}]},
     None,
     False,
     ['- "unsafe_hello_world[0]" bindings must have a boolean "enable_timer" field but got '
      '{"binding":"H","enable_timer":1}.']),
    ({'flagship': [{'app_id': 'a'}]},
     None,
     False,
     ['- "flagship[0]" bindings must have a string "binding" field but got {"app_id":"a"}.']),
    ({'ratelimits': [{'name': 'R', 'namespace_id': '1'}]},
     None,
     False,
     ['- "ratelimits[0]" bindings must have a "simple" configuration object but got '
      '{"name":"R","namespace_id":"1"}.']),
    ({'ratelimits': [{'name': 'R', 'namespace_id': '1', 'simple': {'limit': 1}}]},
     None,
     False,
     ['- "ratelimits[0]" bindings "simple.period" is required and must be a number but got {"limit":1}.']),
    ({'vpc_networks': [{'binding': 'V', 'tunnel_id': 'a', 'network_id': 'b'}]},
     None,
     False,
     ['- "vpc_networks[0]" bindings must have either a "tunnel_id" or "network_id", but not both.']),
    ({'vpc_networks': [{'binding': 'V', 'tunnel_id': 1}]},
     None,
     False,
     ['- "vpc_networks[0]" bindings must have a string "tunnel_id" field but got {"binding":"V","tunnel_id":1}.']),
    ({'vpc_networks': [{'binding': 'V', 'network_id': 1}]},
     None,
     False,
     ['- "vpc_networks[0]" bindings must have a string "network_id" field but got {"binding":"V","network_id":1}.']),
    ({'ratelimits': [{'name': 'R', 'simple': {'limit': 1, 'period': 60}}]},
     None,
     False,
     ['- "ratelimits[0]" bindings must have a string "namespace_id" field but got '
      '{"name":"R","simple":{"limit":1,"period":60}}.']),
    ({'mtls_certificates': [{'certificate_id': 'c'}]},
     None,
     False,
     ['- "mtls_certificates[0]" bindings should have a string "binding" field but got {"certificate_id":"c"}.']),
    ({'mtls_certificates': [{'binding': 'M', 'certificate_id': ''}]},
     None,
     False,
     ['- "mtls_certificates[0]" bindings should have a string "certificate_id" field but got '
      '{"binding":"M","certificate_id":""}.']),
    ({'send_email': [{'name': 'E', 'allowed_sender_addresses': 'x'}]},
     None,
     False,
     ['- "send_email[0]" bindings should, optionally, have a []string "allowed_sender_addresses" field but got '
      '{"name":"E","allowed_sender_addresses":"x"}.']),
    ({'workflows': [{'binding': 'W', 'name': 'wf', 'class_name': 'C', 'limits': {'steps': 30000}}]},
     None,
     True,
     ['- "workflows[0]" has a step limit of 30000, which exceeds the production maximum of 25,000. This '
      'configuration may not work when deployed.']),
    ({'queues': {'producers': ['x']}}, None, False, ['- "queue" bindings should be objects, but got "x"']),
    ({'queues': {'producers': [{'binding': 'Q', 'queue': 'q', 'delivery_delay': 'x'}]}},
     None,
     False,
     ['- The "delivery_delay" field in "queues.producers[0]" is deprecated and has no effect. Queue-level settings '
      'should be configured using "wrangler queues update" instead. This setting will be removed in a future '
      'version.',
      'Processing wrangler.json configuration:',
      '- "queues.producers[0]" should, optionally, have a number "delivery_delay" field but got '
      '{"binding":"Q","queue":"q","delivery_delay":"x"}.']),
    ({'flagship': [{'binding': 'F', 'app_id': 1}]},
     None,
     False,
     ['- "flagship[0]" bindings may have a string "app_id" field but got {"binding":"F","app_id":1}.']),
    ({'durable_objects': {'bindings': [{'name': 'A', 'class_name': 'A', 'script_name': 1}]}},
     None,
     False,
     ['- "durable_objects.bindings[0]": {"name":"A","class_name":"A","script_name":1}',
      '- the field "script_name", when present, should be a string.']),
    ({'ratelimits': [{'name': 'R', 'namespace_id': '1', 'simple': {'period': 60}}]},
     None,
     False,
     ['- "ratelimits[0]" bindings "simple.limit" must be a number but got {"period":60}.']),
    ({'routes': ['a.example.com/*', 1]},
     None,
     False,
     ['- Expected "routes" to be an array of either strings or objects with the shape { pattern, custom_domain, '
      "zone_id | zone_name, enabled, previews_enabled }, but these weren't valid: [",
      '1',
      '].']),
    ({'vpc_networks': [{'binding': 'V'}]},
     None,
     False,
     ['- "vpc_networks[0]" bindings must have either a "tunnel_id" or "network_id" field but got {"binding":"V"}.']),
    ({'workflows': [{'binding': 'W', 'class_name': 'C'}]},
     None,
     False,
     ['- "workflows[0]" bindings should have a string "name" field but got {"binding":"W","class_name":"C"}.']),
    ({'durable_objects': {'bindings': [{'name': 'A', 'class_name': 'A', 'script_name': 'other'}]},
      'env': {'staging': {'durable_objects': {'bindings': [{'name': 'B',
                                                            'class_name': 'B',
                                                            'script_name': 'other'}]}}}},
     'staging',
     True,
     ['- "env.staging" environment configuration',
      '- The following bindings are at the top level, but not on "env.staging".',
      'This is not what you probably want, since "durable_objects" configuration is not inherited by environments.',
      'Please add a binding for each to "env.staging.durable_objects.bindings":',
      '- A']),
    ({'dispatch_namespaces': [{'namespace': 'n'}]},
     None,
     False,
     ['- "dispatch_namespaces[0]" should have a string "binding" field but got {"namespace":"n"}.']),
    ({'ratelimits': [{'namespace_id': '1', 'simple': {'limit': 1, 'period': 60}}]},
     None,
     False,
     ['- "ratelimits[0]" bindings must have a string "name" field but got '
      '{"namespace_id":"1","simple":{"limit":1,"period":60}}.']),
]


@pytest.mark.parametrize(("fields", "env", "valid", "expected"), MORE_FIELDS)
def test_more_diagnostics_word_for_word_as_wrangler(tmp_path: Path, fields: dict | str, env: str | None, valid: bool,
                                                    expected: list[str]) -> None:
    # the entries of queues, Durable Objects, Workflows, assets, triggers, routes and the other
    # binding tables: texts the mutation audit found no test pinning
    name, text = (("wrangler.toml", fields) if isinstance(fields, str)
                  else ("wrangler.json", json.dumps({**JSON_BASE, **fields})))
    ok, out = lines(tmp_path, name, text, env=env)
    assert (ok, out) == (valid, [f"Processing {name} configuration:", *expected])
