"""wrangler's validation rules: each one passes a good config and fails a broken one with
wrangler's exact message; and the report is laid out exactly as wrangler prints it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from workers_env.config.diagnostics import Report, js_json
from workers_env.config.wrangler import check_config

BASE: dict[str, Any] = {
    "name": "search",
    "main": "src/entry.py",
    "compatibility_date": "2024-09-23",
    "compatibility_flags": ["python_workers"],
}


def check(tmp_path: Path, raw: dict[str, Any], *, environment: str | None = None, strict: bool = False) -> Report:
    path = tmp_path / "wrangler.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return check_config(path, environment=environment, strict=strict)


def errors(report: Report) -> list[str]:
    return [d.message for d in report.errors]


def warnings(report: Report) -> list[str]:
    return [d.message for d in report.warnings]


def with_base(**extra: Any) -> dict[str, Any]:
    return {**BASE, **extra}


# -- clean configs -------------------------------------------------------------------------------
def test_clean_config_has_no_diagnostics(tmp_path: Path) -> None:
    report = check(
        tmp_path,
        with_base(
            vars={"A": "1", "OBJ": {"x": [1, 2]}},
            vectorize=[{"binding": "VEC", "index_name": "docs"}, {"binding": "V2", "index_name": "d2", "remote": False}],
            ai={"binding": "AI"},
        ),
    )
    assert report.ok
    assert report.errors == () and report.warnings == ()
    assert report.render() == ""


def test_clean_toml_with_environment_has_no_diagnostics(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(
        textwrap.dedent(
            """\
            name = "search"
            main = "src/entry.py"
            compatibility_date = "2024-09-23"
            compatibility_flags = ["python_workers"]
            [[vectorize]]
            binding = "VEC"
            index_name = "docs"
            [[env.staging.vectorize]]
            binding = "VEC"
            index_name = "docs-staging"
            """
        )
    )
    report = check_config(tmp_path, environment="staging", strict=True)
    assert report.ok and report.warnings == ()


# -- [[vectorize]] -------------------------------------------------------------------------------------
def test_missing_index_name(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(vectorize=[{"binding": "VEC"}]))
    assert errors(report) == ['"vectorize[0]" bindings must have an "index_name" field but got {"binding":"VEC"}.']
    assert report.errors[0].path == "vectorize[0]"
    assert report.errors[0].is_top_level


def test_missing_binding(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(vectorize=[{"index_name": "x"}]))
    assert errors(report) == ['"vectorize[0]" bindings should have a string "binding" field but got {"index_name":"x"}.']


def test_non_string_fields_are_reported_with_the_entry_as_compact_json(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(vectorize=[{"binding": "OK", "index_name": "i"}, {"binding": 7, "index_name": None}]))
    assert errors(report) == [
        '"vectorize[1]" bindings should have a string "binding" field but got {"binding":7,"index_name":null}.',
        '"vectorize[1]" bindings must have an "index_name" field but got {"binding":7,"index_name":null}.',
    ]


def test_non_ascii_is_kept_in_the_printed_value(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(vectorize=[{"binding": "VÉC"}]))
    assert errors(report) == ['"vectorize[0]" bindings must have an "index_name" field but got {"binding":"VÉC"}.']


def test_entry_that_is_not_an_object(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(vectorize=["VEC", 3]))
    assert errors(report) == [
        '"vectorize" bindings should be objects, but got "VEC"',
        '"vectorize" bindings should be objects, but got 3',
    ]


def test_vectorize_that_is_not_an_array(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(vectorize={"binding": "VEC", "index_name": "x"}))
    assert errors(report) == ['The field "vectorize" should be an array but got {"binding":"VEC","index_name":"x"}.']


def test_remote_must_be_boolean(tmp_path: Path) -> None:
    ok = check(tmp_path, with_base(vectorize=[{"binding": "V", "index_name": "i", "remote": True}]))
    assert ok.ok
    bad = check(tmp_path, with_base(vectorize=[{"binding": "V", "index_name": "i", "remote": "yes"}]))
    assert errors(bad) == [
        '"vectorize[0]" should, optionally, have a boolean "remote" field but got '
        '{"binding":"V","index_name":"i","remote":"yes"}.'
    ]


def test_experimental_remote_is_just_an_unknown_field(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(vectorize=[{"binding": "V", "index_name": "i", "experimental_remote": True}]))
    assert report.ok
    assert warnings(report) == ['Unexpected fields found in vectorize[0] field: "experimental_remote"']


def test_unknown_fields_in_a_vectorize_entry_are_listed_in_order(tmp_path: Path) -> None:
    entries = [{"binding": f"V{i}", "index_name": "i"} for i in range(2)] + [
        {"binding": "V2", "index_name": "i", "a": 1, "b": 2}
    ]
    report = check(tmp_path, with_base(vectorize=entries))
    assert warnings(report) == ['Unexpected fields found in vectorize[2] field: "a","b"']
    assert report.warnings[0].path == "vectorize[2]"


def test_environment_paths_are_prefixed(tmp_path: Path) -> None:
    raw = with_base(env={"staging": {"vectorize": [{"index_name": 42}]}})
    report = check(tmp_path, raw, environment="staging")
    assert errors(report) == [
        '"env.staging.vectorize[0]" bindings should have a string "binding" field but got {"index_name":42}.',
        '"env.staging.vectorize[0]" bindings must have an "index_name" field but got {"index_name":42}.',
    ]
    assert {d.env for d in report.errors} == {"staging"}
    assert report.errors[0].path == "env.staging.vectorize[0]"


def test_only_the_top_level_and_the_selected_environment_are_validated(tmp_path: Path) -> None:
    raw = with_base(env={"broken": {"vectorize": [{}]}, "fine": {}})
    assert check(tmp_path, raw).ok
    assert check(tmp_path, raw, environment="fine").ok
    assert not check(tmp_path, raw, environment="broken").ok


# -- unknown fields --------------------------------------------------------------------------------
def test_unknown_top_level_and_environment_fields_warn(tmp_path: Path) -> None:
    raw = with_base(colour="blue", size=3, env={"staging": {"zone": 1, "dev": {}}})
    report = check(tmp_path, raw, environment="staging")
    assert report.ok
    assert warnings(report) == [
        'Unexpected fields found in top-level field: "colour","size"',
        'Unexpected fields found in env.staging field: "zone","dev"',
    ]
    assert [d.env for d in report.warnings] == [None, "staging"]


def test_known_top_level_only_fields_and_schema_do_not_warn(tmp_path: Path) -> None:
    raw = with_base(**{"$schema": "node_modules/wrangler/config-schema.json", "dev": {"port": 8787}, "keep_vars": True})
    assert check(tmp_path, raw).warnings == ()


# -- unique binding names ----------------------------------------------------------------------------
def test_name_shared_by_three_kinds(tmp_path: Path) -> None:
    raw = with_base(vectorize=[{"binding": "VEC", "index_name": "i"}], ai={"binding": "VEC"}, vars={"VEC": "x"})
    assert errors(check(tmp_path, raw)) == [
        "VEC assigned to Vectorize Index, AI, and Environment Variable bindings.",
        "Bindings must have unique names, so that they can all be referenced in the worker.\n"
        "Please change your bindings to have unique names.",
    ]


def test_name_shared_by_two_kinds(tmp_path: Path) -> None:
    raw = with_base(kv_namespaces=[{"binding": "DATA", "id": "1"}], d1_databases=[{"binding": "DATA"}])
    assert errors(check(tmp_path, raw))[0] == "DATA assigned to KV Namespace and D1 Database bindings."


def test_name_used_twice_by_one_kind(tmp_path: Path) -> None:
    raw = with_base(vectorize=[{"binding": "VEC", "index_name": "a"}, {"binding": "VEC", "index_name": "b"}])
    assert errors(check(tmp_path, raw)) == [
        "VEC assigned to multiple Vectorize Index bindings.",
        "Bindings must have unique names, so that they can all be referenced in the worker.\n"
        "Please change your bindings to have unique names.",
    ]


def test_services_r2_durable_objects_and_queues_are_counted(tmp_path: Path) -> None:
    raw = with_base(
        services=[{"binding": "X", "service": "s"}],
        r2_buckets=[{"binding": "X", "bucket_name": "bucket"}],
        durable_objects={"bindings": [{"name": "X", "class_name": "C"}]},
        queues={"producers": [{"binding": "X", "queue": "q"}]},
    )
    assert errors(check(tmp_path, raw))[0] == (
        "X assigned to Durable Object, Queue, R2 Bucket, and Worker bindings."
    )


def test_uniqueness_is_judged_on_the_selected_environment(tmp_path: Path) -> None:
    raw = with_base(
        vars={"VEC": "top"},
        vectorize=[{"binding": "VEC", "index_name": "i"}],
        env={"staging": {"vars": {"OTHER": "x"}, "vectorize": [{"binding": "VEC", "index_name": "i"}]}},
    )
    assert not check(tmp_path, raw).ok
    staging = check(tmp_path, raw, environment="staging")
    assert not any("assigned to" in m for m in errors(staging))


def test_unique_names_pass(tmp_path: Path) -> None:
    raw = with_base(vectorize=[{"binding": "VEC", "index_name": "i"}], ai={"binding": "AI"}, vars={"KEY": "x"})
    assert check(tmp_path, raw).ok


# -- environments ------------------------------------------------------------------------------
def test_not_inherited_warnings_match_wrangler(tmp_path: Path) -> None:
    raw = with_base(
        vectorize=[{"binding": "VEC", "index_name": "i"}, {"binding": "VEC2", "index_name": "j"}],
        env={"staging": {"vectorize": [{"binding": "VEC", "index_name": "i-staging"}]}, "bare": {}},
    )
    staging = check(tmp_path, raw, environment="staging")
    assert warnings(staging) == [
        'There is a vectorize binding with name "VEC2" at the top level, but not on "env.staging".\n'
        'This is not what you probably want, since "vectorize" configuration is not inherited by environments.\n'
        'Please add a binding for "VEC2" to "env.staging.vectorize.bindings".'
    ]
    bare = check(tmp_path, raw, environment="bare")
    assert warnings(bare) == [
        '"vectorize" exists at the top level, but not on "env.bare".\n'
        'This is not what you probably want, since "vectorize" is not inherited by environments.\n'
        'Please add "vectorize" to "env.bare".'
    ]
    assert bare.ok


def test_unknown_environment_message(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(env={"staging": {}}), environment="prod")
    assert errors(report) == [
        'No environment found in configuration with name "prod".\n'
        "Before using `--env=prod` there should be an equivalent environment section in the configuration.\n"
        'The available configured environment names are: ["staging"]\n'
        "\n"
        "Consider adding an environment configuration section to the wrangler.json file:\n"
        "```\n[env.prod]\n```"
    ]


def test_unknown_environment_without_environments_is_a_warning(tmp_path: Path) -> None:
    report = check(tmp_path, BASE, environment="prod")
    assert report.ok
    assert warnings(report)[0].startswith('No environment found in configuration with name "prod".')
    assert "available configured environment names" not in warnings(report)[0]


@pytest.mark.parametrize(("env", "names"), [({}, "[]"), (["staging"], '["0"]'), ("ab", '["0","1"]'), (True, "[]")])
def test_an_env_field_there_by_javascript_truthiness_makes_an_unknown_environment_an_error(
        tmp_path: Path, env: object, names: str) -> None:
    """wrangler 4.164.0 tests ``rawConfig.env`` for truthiness and lists ``Object.keys`` of it:
    ``env = {}`` is an error naming no environment (measured with ``wrangler check startup``)."""
    report = check(tmp_path, with_base(env=env), environment="staging")
    assert not report.ok
    assert f"The available configured environment names are: {names}\n" in errors(report)[-1]


@pytest.mark.parametrize(("env", "names"), [("\ud800", '["0"]'), ("\U0001f600", '["0","1"]')])
def test_an_env_string_lists_its_utf16_indices_lone_surrogates_too(tmp_path: Path, env: str, names: str) -> None:
    """``Object.keys`` of a string ``env`` counts UTF-16 code units, a lone surrogate among them
    (JSON ``"\\ud800"``; wrangler 4.164.0 lists ``["0"]``, measured with ``wrangler check startup``)."""
    path = tmp_path / "wrangler.json"
    path.write_text(json.dumps(with_base(env=env)), encoding="utf-8")  # \\ud800 escaped, as a user writes it
    report = check_config(path, environment="staging")
    assert not report.ok
    assert f"The available configured environment names are: {names}\n" in errors(report)[-1]


# -- the rest of a Python Worker ---------------------------------------------------------------------
def test_python_main_needs_the_python_workers_flag(tmp_path: Path) -> None:
    report = check(tmp_path, {"name": "x", "main": "src/entry.py", "compatibility_date": "2024-09-23"})
    assert errors(report) == ["The `python_workers` compatibility flag is required to use Python."]


def test_python_flag_is_inherited_by_environments(tmp_path: Path) -> None:
    assert check(tmp_path, with_base(env={"staging": {}}), environment="staging").ok
    raw = with_base(env={"js": {"compatibility_flags": ["nodejs_compat"]}})
    assert errors(check(tmp_path, raw, environment="js")) == [
        "The `python_workers` compatibility flag is required to use Python."
    ]


def test_javascript_main_needs_no_flag(tmp_path: Path) -> None:
    assert check(tmp_path, {"name": "x", "main": "src/index.js"}).ok


def test_vars_must_be_an_object(tmp_path: Path) -> None:
    assert errors(check(tmp_path, with_base(vars="x"))) == ['The field "vars" should be an object but got "x".']


@pytest.mark.parametrize(
    ("extra", "environment", "message"),
    [
        ({"env": "x"}, None, 'The field "env" should be an object but got "x".'),
        ({"env": {"staging": "x"}}, "staging", 'The field "env.staging" should be an object but got "x".'),
        ({"durable_objects": "x"}, None, 'The field "durable_objects" should be an object but got "x".'),
        # wrangler 4.164.0 stops here on its own TypeError (config2.rules.some is not a function)
        ({"rules": "x"}, None, 'The field "rules" should be an array but got "x".'),
        ({"durable_objects": {"bindings": "x"}}, None,
         'The field "durable_objects.bindings" should be an array but got "x".'),
    ],
)
def test_containers_of_the_wrong_type(tmp_path: Path, extra: dict[str, Any], environment: str | None,
                                      message: str) -> None:
    assert errors(check(tmp_path, with_base(**extra), environment=environment)) == [message]


def test_toml_dates_in_vars_are_errors(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "x"\n[vars]\nSTART = 2025-01-01\nOK = "2025-01-01"\n')
    report = check_config(tmp_path)
    assert errors(report) == [
        'The field "vars.START" is a TOML date, which is not supported. '
        'Please use a string instead, e.g. START = "2025-12-19".'
    ]


def test_ai_binding_shape(tmp_path: Path) -> None:
    assert errors(check(tmp_path, with_base(ai="AI"))) == ['The field "ai" should be an object but got "AI".']
    assert errors(check(tmp_path, with_base(ai={"name": "AI"}))) == ['binding should have a string "binding" field.']


def test_inheritable_field_types(tmp_path: Path) -> None:
    raw = {"name": "Bad Name", "main": 3, "compatibility_flags": "python_workers", "compatibility_date": "2024\u201301-01"}
    assert errors(check(tmp_path, raw)) == [
        '"compatibility_date" field should use ISO-8601 accepted hyphens (-) rather than en-dashes (\u2013) '
        "or em-dashes (\u2014).",
        'Expected "compatibility_flags" to be of type string array but got "python_workers".',
        'Expected "name" to be of type string, alphanumeric and lowercase with dashes only but got "Bad Name".',
        'Expected "main" to be of type string but got 3.',
    ]


def test_compatibility_date_must_be_a_date(tmp_path: Path) -> None:
    assert errors(check(tmp_path, with_base(compatibility_date="yesterday"))) == [
        '"compatibility_date" field should be a valid ISO-8601 date (YYYY-MM-DD), but got "yesterday".'
    ]


def test_legacy_env_is_an_error(tmp_path: Path) -> None:
    report = check(tmp_path, with_base(legacy_env=True))
    assert errors(report)[0].startswith('The "legacy_env" field is no longer supported')
    assert report.warnings == ()


@pytest.mark.parametrize("value", [True, False])
def test_node_compat_is_an_error_whatever_its_value(tmp_path: Path, value: bool) -> None:
    assert errors(check(tmp_path, with_base(node_compat=value))) == [
        'Removed: "node_compat":\n'
        'The "node_compat" field is no longer supported as of Wrangler v4. Instead, use the `nodejs_compat` '
        "compatibility flag. This includes the functionality from legacy `node_compat` polyfills and natively "
        "implemented Node.js APIs. See https://developers.cloudflare.com/workers/runtime-apis/nodejs for more "
        "information."
    ]


# -- --strict ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["docs", "ab", "my-index-2", "good_name-1", "a" * 64])
def test_strict_accepts_service_index_names(tmp_path: Path, name: str) -> None:
    assert check(tmp_path, with_base(vectorize=[{"binding": "VEC", "index_name": name}]), strict=True).ok


@pytest.mark.parametrize("name", ["Docs", "2docs", "a", "idx-", "idx_", "-x", "docs.v2", "é", "../../x", "Bad Name!", "1abc"])
def test_strict_rejects_other_index_names(tmp_path: Path, name: str) -> None:
    raw = with_base(vectorize=[{"binding": "VEC", "index_name": name}])
    assert check(tmp_path, raw).ok  # wrangler itself does not check
    assert errors(check(tmp_path, raw, strict=True)) == [
        f'"vectorize[0]" bindings should have an "index_name" the Vectorize service accepts but got {js_json(name)}. '
        "Name must start with a lowercase letter, end with an alphanumeric character, and contain only "
        "lowercase letters, numbers, hyphens, and underscores."
    ]


def test_strict_limits_index_names_to_64_bytes(tmp_path: Path) -> None:
    name = "a" * 65
    report = check(tmp_path, with_base(vectorize=[{"binding": "VEC", "index_name": name}]), strict=True)
    assert errors(report) == [f'"vectorize[0]" bindings should have an "index_name" of at most 64 bytes but got 65 bytes: "{name}".']


@pytest.mark.parametrize("binding", ["VEC", "_v", "$v", "vec2", "Ünïcode"])
def test_strict_accepts_javascript_identifiers(tmp_path: Path, binding: str) -> None:
    assert check(tmp_path, with_base(vectorize=[{"binding": binding, "index_name": "idx"}]), strict=True).ok


@pytest.mark.parametrize("binding", ["my-vec", "2VEC", "VEC SPACE", ""])
def test_strict_rejects_binding_names_that_are_not_identifiers(tmp_path: Path, binding: str) -> None:
    raw = with_base(vectorize=[{"binding": binding, "index_name": "idx"}])
    assert check(tmp_path, raw).ok
    assert errors(check(tmp_path, raw, strict=True)) == [
        '"vectorize[0]" bindings should have a "binding" field that is a valid JavaScript identifier '
        f'(letters, digits, "_" or "$", not starting with a digit) but got {js_json(binding)}.'
    ]


@pytest.mark.parametrize("binding", ["class", "delete", "new"])
def test_strict_rejects_reserved_words(tmp_path: Path, binding: str) -> None:
    raw = with_base(vectorize=[{"binding": binding, "index_name": "idx"}])
    assert errors(check(tmp_path, raw, strict=True)) == [
        '"vectorize[0]" bindings should have a "binding" field that is not a JavaScript reserved word '
        f'but got "{binding}".'
    ]


@pytest.mark.parametrize("binding", ["from", "def", "lambda", "None"])
def test_strict_warns_about_python_keywords(tmp_path: Path, binding: str) -> None:
    raw = with_base(vectorize=[{"binding": binding, "index_name": "idx"}])
    assert check(tmp_path, raw).warnings == ()
    report = check(tmp_path, raw, strict=True)
    assert report.ok  # the service accepts it; only Python code is hampered
    assert [w.message for w in report.warnings] == [
        f'"vectorize[0]" binding "{binding}" is a Python keyword: a Python Worker cannot write '
        f'self.env.{binding}; it writes self.env.{binding}_ (Pyodide reads a keyword with an underscore after '
        f'it as the keyword) or getattr(self.env, "{binding}").'
    ]


def test_strict_checks_the_selected_environment_too(tmp_path: Path) -> None:
    raw = with_base(env={"staging": {"vectorize": [{"binding": "VEC", "index_name": "Bad"}]}})
    report = check(tmp_path, raw, environment="staging", strict=True)
    assert [d.path for d in report.errors] == ["env.staging.vectorize[0]"]


# -- rendering -----------------------------------------------------------------------------------
def test_render_matches_the_reference_layout(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(
        textwrap.dedent(
            """\
            [[vectorize]]
            binding = "VEC"
            [[env.staging.vectorize]]
            index_name = 42
            """
        )
    )
    report = check_config(tmp_path, environment="staging")
    expected_errors = (
        "Processing wrangler.toml configuration:\n"
        '  - "vectorize[0]" bindings must have an "index_name" field but got {"binding":"VEC"}.\n'
        '  - "env.staging" environment configuration\n'
        '    - "env.staging.vectorize[0]" bindings should have a string "binding" field but got {"index_name":42}.\n'
        "    - \"env.staging.vectorize[0]\" bindings must have an \"index_name\" field but got {\"index_name\":42}."
    )
    errors_only = Report(report.path, report.environment, errors=report.errors)
    assert errors_only.render(tmp_path) == expected_errors
    # the full report adds the warnings block (the top-level VEC binding left behind) first
    assert report.render(tmp_path).endswith("\n\n" + expected_errors)
    assert report.render(tmp_path).startswith("Processing wrangler.toml configuration:\n\n  - \"env.staging\"")


def test_render_puts_warnings_before_errors_and_indents_continuation_lines(tmp_path: Path) -> None:
    raw = {"vectorize": [{"binding": "V", "index_name": "i"}], "ai": {"binding": "V"}, "extra": 1}
    report = check(tmp_path, raw)
    assert report.render(tmp_path) == (
        "Processing wrangler.json configuration:\n"
        '  - Unexpected fields found in top-level field: "extra"\n'
        "\n"
        "Processing wrangler.json configuration:\n"
        "  - V assigned to Vectorize Index and AI bindings.\n"
        "  - Bindings must have unique names, so that they can all be referenced in the worker.\n"
        "    Please change your bindings to have unique names."
    )


def test_render_with_only_environment_items_keeps_wranglers_blank_line(tmp_path: Path) -> None:
    raw = {"env": {"staging": {"vectorize": [{"binding": "V"}]}}}
    report = check(tmp_path, raw, environment="staging")
    assert report.render(tmp_path) == (
        "Processing wrangler.json configuration:\n"
        "\n"
        '  - "env.staging" environment configuration\n'
        '    - "env.staging.vectorize[0]" bindings must have an "index_name" field but got {"binding":"V"}.'
    )


def test_render_blank_lines_inside_messages_are_empty(tmp_path: Path) -> None:
    report = check(tmp_path, {"env": {"a": {}}}, environment="prod")
    lines = report.render(tmp_path).split("\n")
    assert "" in lines[1:]
    assert all(line == line.rstrip() for line in lines)


def test_render_heading_is_relative_to_cwd(tmp_path: Path) -> None:
    sub = tmp_path / "worker"
    sub.mkdir()
    report = check(sub, {"x": 1})
    assert report.render(tmp_path).startswith("Processing worker/wrangler.json configuration:\n")


def test_to_json(tmp_path: Path) -> None:
    raw = {"vectorize": [{"binding": "V"}], "extra": 1}
    data = check(tmp_path, raw).to_json()
    assert data == {
        "ok": False,
        "config": str(tmp_path / "wrangler.json"),
        "environment": None,
        "errors": [
            {
                "path": "vectorize[0]",
                "message": '"vectorize[0]" bindings must have an "index_name" field but got {"binding":"V"}.',
                "env": None,
            }
        ],
        "warnings": [
            {"path": "top-level", "message": 'Unexpected fields found in top-level field: "extra"', "env": None}
        ],
    }
    json.dumps(data)  # serialisable as is


@pytest.mark.parametrize(("assets", "expected_errors", "expected_warnings"), [
    ({"directory": "public", "binding": "ASSETS", "html_handling": "none", "not_found_handling": "404-page",
      "run_worker_first": ["/api/*"]}, [], []),
    ({"directory": "public", "html_handling": "auto", "not_found_handling": "spa"}, [
        ('Expected "assets.html_handling" field to be one of ["auto-trailing-slash","force-trailing-slash",'
         '"drop-trailing-slash","none"] but got "auto".'),
        ('Expected "assets.not_found_handling" field to be one of ["single-page-application","404-page","none"] '
         'but got "spa".')], []),
    ({"directory": 5, "binding": True, "run_worker_first": [1, "/a"]}, [
        'Expected "assets.directory" to be of type string but got 5.',
        'Expected "assets.binding" to be of type string but got true.',
        'Expected "assets.run_worker_first.[0]" to be of type string but got 1.'], []),
    ({"directory": "p", "run_worker_first": 5},
     ['The field "assets.run_worker_first" should be an array of strings or a boolean, but got 5.'], []),
    ("public", ['"assets" should be an object, but got value "assets" of type string'], []),
    ({"directory": "public", "serve": True}, [], ['Unexpected fields found in assets field: "serve"']),
])
def test_assets_as_wrangler_validates_them(tmp_path: Path, assets: Any, expected_errors: list[str],
                                          expected_warnings: list[str]) -> None:
    """wrangler's ``validateAssetsConfig`` (checked against wrangler 4.164.0 by tools/wrangler/config_diff.py)."""
    report = check(tmp_path, with_base(assets=assets))
    assert errors(report) == expected_errors
    assert [w for w in warnings(report) if "assets" in w] == expected_warnings
