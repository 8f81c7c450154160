"""Config checks that match wrangler 4's own reader, line for line (figures from
``tools/wrangler/config_diff.py``, which runs the real wrangler on these and more)."""

from __future__ import annotations

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


@pytest.mark.parametrize(
    ("extra", "warning"),
    [
        ('[[d1_databases]]\nbinding = "DB"\ndatabase_id = "x"\nfoo = 1\n', '- Unexpected fields found in d1_databases[0] field: "foo"'),
        ("[dev]\nfoo = 1\n", '- Unexpected fields found in dev field: "foo"'),
        ("[durable_objects]\nfoo = 1\n", '- Unexpected fields found in durable_objects field: "foo"'),
        ('route = ""\n', '- The "route" field in your configuration is an empty string and will be ignored.'),
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
