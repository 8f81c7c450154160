"""Finding, parsing and merging wrangler configs: what load_config returns or refuses."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from workers_env import ConfigError
from workers_env.config.wrangler import (
    VectorizeBindingConfig,
    WorkerConfig,
    check_config,
    find_config,
    load_config,
    merge_environment,
    read_config_file,
)

TOML = textwrap.dedent(
    """\
    name = "search"
    main = "src/entry.py"
    compatibility_date = "2024-09-23"
    compatibility_flags = ["python_workers"]

    [vars]
    GREETING = "hi"
    LIMITS = { top_k = 5 }

    [[vectorize]]
    binding = "VEC"
    index_name = "docs"

    [[vectorize]]
    binding = "VEC2"
    index_name = "docs-v2"
    remote = true

    [ai]
    binding = "AI"
    """
)
JSONC = """\
{
  // comments and trailing commas, as wrangler allows
  "name": "search",
  "main": "src/entry.py",
  "compatibility_date": "2024-09-23",
  "compatibility_flags": ["python_workers",],
  /* block comment */
  "vars": {"GREETING": "hi", "LIMITS": {"top_k": 5}},
  "vectorize": [
    {"binding": "VEC", "index_name": "docs"},
    {"binding": "VEC2", "index_name": "docs-v2", "remote": true},
  ],
  "ai": {"binding": "AI"},
}
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# -- finding ---------------------------------------------------------------------------------
def test_find_prefers_json_then_jsonc_then_toml_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    assert find_config(tmp_path) == tmp_path / "wrangler.toml"
    write(tmp_path, "wrangler.jsonc", JSONC)
    assert find_config(tmp_path) == tmp_path / "wrangler.jsonc"
    write(tmp_path, "wrangler.json", JSONC)
    assert find_config(tmp_path) == tmp_path / "wrangler.json"


def test_find_searches_every_parent_for_json_before_looking_for_toml(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(deep, "wrangler.toml", TOML)
    write(tmp_path, "wrangler.json", JSONC)
    # wrangler's order: wrangler.json anywhere upward wins over a nearer wrangler.toml
    assert find_config(deep) == tmp_path / "wrangler.json"


def test_find_walks_upward_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    sub = tmp_path / "src" / "pkg"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "wrangler.toml"


def test_find_defaults_to_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    monkeypatch.chdir(tmp_path)
    assert find_config() == tmp_path / "wrangler.toml"


def test_find_returns_an_explicit_file_as_is(tmp_path: Path) -> None:
    path = write(tmp_path, "custom-name.toml", TOML)
    write(tmp_path, "wrangler.json", JSONC)
    assert find_config(path) == path


def test_find_reports_a_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Configuration file not found") as info:
        find_config(tmp_path / "nope.toml")
    assert "nope.toml" in str(info.value)


def test_find_says_where_it_looked_and_how_to_fix_it(tmp_path: Path) -> None:
    empty = tmp_path / "project"
    empty.mkdir()
    with pytest.raises(ConfigError) as info:
        find_config(empty)
    message = str(info.value)
    assert str(empty) in message
    assert "wrangler.json, wrangler.jsonc or wrangler.toml" in message
    assert "Create one" in message


# -- parsing -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name,text", [("wrangler.toml", TOML), ("wrangler.json", JSONC), ("wrangler.jsonc", JSONC)])
def test_every_format_loads_to_the_same_config(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path, name, text)
    config = load_config(tmp_path)
    assert isinstance(config, WorkerConfig)
    assert config.path == tmp_path / name
    assert config.path.is_absolute()
    assert config.name == "search"
    assert config.main == "src/entry.py"
    assert config.compatibility_date == "2024-09-23"
    assert config.compatibility_flags == ("python_workers",)
    assert config.vars == {"GREETING": "hi", "LIMITS": {"top_k": 5}}
    assert config.vectorize == (
        VectorizeBindingConfig("VEC", "docs"),
        VectorizeBindingConfig("VEC2", "docs-v2", remote=True),
    )
    assert config.ai_binding == "AI"
    assert config.warnings == ()
    assert config.raw["name"] == "search"
    assert config.pyproject_indexes == {}


def test_root_and_main_path_resolve_against_the_config_folder(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    config = load_config(tmp_path / "wrangler.toml")
    assert config.root == tmp_path
    assert config.main_path == (tmp_path / "src" / "entry.py").resolve()


def test_main_path_is_none_without_main(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", 'name = "x"\n')
    assert load_config(tmp_path).main_path is None


def test_toml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", 'name = "x"\nmain = "a" b\n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "wrangler.toml:2:11:" in str(info.value)  # line from 1, column from 0, as wrangler
    assert str(info.value).startswith(
        "Invalid TOML document: each key-value declaration must be followed by an end-of-line\n"
    )
    assert info.value.path == str(tmp_path / "wrangler.toml")


def test_toml_error_at_end_of_file_still_has_a_position(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", 'name = "x"\nmain = ')
    with pytest.raises(ConfigError, match=r"Invalid TOML document: invalid value\n\n    .*wrangler.toml:2:7:"):
        read_config_file(tmp_path / "wrangler.toml")


@pytest.mark.parametrize("name", ["wrangler.json", "wrangler.jsonc"])
def test_json_syntax_error_names_file_line_and_column(tmp_path: Path, name: str) -> None:
    write(tmp_path, name, '{\n  "name": "x"\n  "main": "y"\n}\n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith("CommaExpected\n")  # jsonc-parser's code, as wrangler prints it
    assert f"{name}:3:2:" in str(info.value)


@pytest.mark.parametrize("name,text", [("wrangler.json", "  \n"), ("wrangler.jsonc", "")])
def test_empty_json_file_is_an_error(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path, name, text)
    with pytest.raises(ConfigError, match="^ValueExpected\n"):
        load_config(tmp_path)


def test_empty_toml_file_is_accepted_as_wrangler_does(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", "")
    assert check_config(tmp_path).ok
    write(tmp_path / "c", "wrangler.toml", "# nothing but a comment\n")
    assert check_config(tmp_path / "c").ok


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.json", b"\xef\xbb\xbf" + json.dumps({"name": "bom"}).encode())
    write(tmp_path / "t", "wrangler.toml", b"\xef\xbb\xbf" + b'name = "bom"\n')
    assert load_config(tmp_path / "wrangler.json").name == "bom"
    assert load_config(tmp_path / "t" / "wrangler.toml").name == "bom"


@pytest.mark.parametrize(
    "bom,encoding",
    [(b"\xff\xfe", "UTF-16 LE"), (b"\xfe\xff", "UTF-16 BE"), (b"\xff\xfe\x00\x00", "UTF-32 LE"),
     (b"\x00\x00\xfe\xff", "UTF-32 BE")],
)  # fmt: skip
def test_utf16_and_utf32_boms_are_errors(tmp_path: Path, bom: bytes, encoding: str) -> None:
    write(tmp_path, "wrangler.toml", bom + 'name = "x"'.encode("utf-16-le"))
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert f"Configuration file contains {encoding} byte order marker" in str(info.value)
    assert "Please save the file as UTF-8 without BOM." in str(info.value)


def test_a_json_file_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.json", "[1, 2]")
    with pytest.raises(ConfigError, match="must hold an object"):
        load_config(tmp_path)


def test_an_unknown_file_type_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "wrangler.yaml", "name: x\n")
    with pytest.raises(ConfigError, match="expected a .toml, .json or .jsonc file"):
        load_config(path)


def test_check_config_reports_a_parse_error_instead_of_raising(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", "name = \n")
    report = check_config(tmp_path)
    assert not report.ok
    assert report.errors[0].message.startswith("Invalid TOML document: ")
    assert report.render() == report.errors[0].message  # printed on its own, as wrangler does


# -- pyproject.toml --------------------------------------------------------------------------------
def test_pyproject_indexes_are_read_raw(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "p"\n[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\n',
    )
    assert load_config(tmp_path).pyproject_indexes == {"docs": {"dimensions": 3, "metric": "cosine"}}


def test_pyproject_without_the_table_gives_no_indexes(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    write(tmp_path, "pyproject.toml", '[project]\nname = "p"\n')
    assert load_config(tmp_path).pyproject_indexes == {}


def test_pyproject_syntax_error_names_that_file(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    write(tmp_path, "pyproject.toml", "[tool.workers-env\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "pyproject.toml:1:18:" in str(info.value)  # (tomllib's column, from 1)
    assert any("pyproject.toml" in p for p in info.value.problems)


def test_pyproject_indexes_must_be_a_table_of_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "wrangler.toml", TOML)
    write(tmp_path, "pyproject.toml", "[tool.workers-env]\nindexes = 3\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value) == (
        'Processing wrangler.toml configuration:\n  - [tool.workers-env.indexes] in pyproject.toml must be a table '
        'of tables, e.g.\n    [tool.workers-env.indexes."my-index"]\n    dimensions = 768\n    metric = "cosine"')


@pytest.mark.parametrize(("table", "says"), [
    ('[tool.workers-env]\nindex = 1\n', "unknown key 'index' (did you mean 'indexes'?)"),
    ('[tool.workers-env.embedders]\nx = "m:f"\n',
     "unknown key 'embedders' (it belongs in [tool.workers-env.ai.embedders])"),
    ('[tool.workers-env]\npython_sdk = "built-in"\n', "unknown key 'python_sdk' (did you mean 'python-sdk'?)"),
    ('[tool.workers-env]\ncolour = 1\n', "unknown key 'colour'; the keys are indexes, ai, bindings, python-sdk"),
])
def test_a_misspelt_pyproject_key_is_an_error_not_ignored(tmp_path: Path, table: str, says: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # files named from here
    write(tmp_path, "wrangler.toml", TOML)
    write(tmp_path, "pyproject.toml", table)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert f"\n  - [tool.workers-env] in pyproject.toml: {says}" in str(info.value)  # the table it is in, named


def test_every_pyproject_key_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    write(tmp_path, "pyproject.toml", '[tool.workers-env]\npython-sdk = "built-in"\n[tool.workers-env.indexes]\n'
                                      '[tool.workers-env.ai]\n[tool.workers-env.bindings]\n')
    assert load_config(tmp_path).pyproject_indexes == {}


# -- environments -----------------------------------------------------------------------------------
ENV_TOML = TOML + textwrap.dedent(
    """
    [env.staging]
    vars = { GREETING = "hello staging" }
    [[env.staging.vectorize]]
    binding = "VEC"
    index_name = "docs-staging"
    [[env.staging.vectorize]]
    binding = "VEC2"
    index_name = "docs-v2-staging"
    [env.staging.ai]
    binding = "AI"

    [env.bare]
    compatibility_date = "2025-01-01"

    [env.named]
    name = "own-name"
    main = "src/other.py"
    """
)


def test_environment_inherits_inheritable_keys_and_renames(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", ENV_TOML)
    config = load_config(tmp_path, environment="staging")
    assert config.environment == "staging"
    assert config.name == "search-staging"
    assert config.main == "src/entry.py"
    assert config.compatibility_date == "2024-09-23"
    assert config.compatibility_flags == ("python_workers",)
    assert config.vars == {"GREETING": "hello staging"}
    assert [b.index_name for b in config.vectorize] == ["docs-staging", "docs-v2-staging"]
    assert config.ai_binding == "AI"
    assert config.warnings == (
        'The following vars exist at the top level, but not on "env.staging.vars".\n'
        'This is probably not what you want, since "vars" configuration is not inherited by environments.\n'
        'Please add these vars to "env.staging.vars":\n- LIMITS',
    )


def test_environment_overrides_inheritable_keys(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", ENV_TOML)
    named = load_config(tmp_path, environment="named")
    assert named.name == "own-name"
    assert named.main == "src/other.py"
    assert load_config(tmp_path, environment="bare").compatibility_date == "2025-01-01"


def test_environment_does_not_inherit_bindings_and_warns(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", ENV_TOML)
    config = load_config(tmp_path, environment="bare")
    assert config.vectorize == ()
    assert config.vars == {}
    assert config.ai_binding is None
    assert any('"vectorize" exists at the top level, but not on "env.bare".' in w for w in config.warnings)
    assert any('"vars" exists at the top level, but not on "env.bare".' in w for w in config.warnings)
    assert any('"ai" exists at the top level, but not on "env.bare".' in w for w in config.warnings)


def test_null_in_an_environment_falls_back_like_an_absent_key(tmp_path: Path) -> None:
    raw = {"name": "w", "main": "a.js", "env": {"staging": {"main": None, "name": None}}}
    write(tmp_path, "wrangler.json", json.dumps(raw))
    report = check_config(tmp_path, environment="staging")
    assert [d.message for d in report.errors] == [
        'Expected "name" to be of type string, alphanumeric and lowercase with dashes only but got null.',
        'Expected "main" to be of type string but got null.',
    ]
    merged = merge_environment(raw, "staging")
    assert merged["main"] == "a.js"
    assert merged["name"] == "w-staging"


def test_no_environment_selected_means_the_top_level(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", ENV_TOML)
    config = load_config(tmp_path)
    assert config.environment is None
    assert config.name == "search"
    assert [b.index_name for b in config.vectorize] == ["docs", "docs-v2"]


def test_empty_environment_name_means_the_top_level(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", ENV_TOML)
    assert load_config(tmp_path, environment="").environment is None


def test_unknown_environment_is_an_error_when_others_exist(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", ENV_TOML)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path, environment="prod")
    assert info.value.problems[0].startswith('No environment found in configuration with name "prod".')
    assert 'The available configured environment names are: ["staging","bare","named"]' in str(info.value)


def test_unknown_environment_only_warns_without_environments(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", TOML)
    config = load_config(tmp_path, environment="prod")
    assert config.name == "search-prod"
    # like wrangler, the top level is used as the environment
    assert [b.binding for b in config.vectorize] == ["VEC", "VEC2"]
    assert config.warnings[0].startswith('No environment found in configuration with name "prod".')


# -- never a bare exception --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw",
    [
        {"vectorize": "VEC"},
        {"vectorize": [1, None, "x", [1]]},
        {"vectorize": [{"binding": 1, "index_name": ["a"]}]},
        {"vars": "x"},
        {"ai": "AI"},
        {"env": 5},
        {"env": {"staging": "x"}},
        {"compatibility_flags": "python_workers"},
        {"main": 3, "name": "Bad Name"},
        {"durable_objects": {"bindings": "x"}},
        {"kv_namespaces": {"binding": "KV"}},
    ],
)
def test_broken_shapes_raise_config_error_only(tmp_path: Path, raw: dict) -> None:
    write(tmp_path, "wrangler.json", json.dumps(raw))
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path, environment="staging" if "env" in raw else None)
    assert info.value.problems


@pytest.mark.parametrize(
    "raw",
    [
        {"secrets": {"required": [1, "S"]}, "vars": {"S": "x"}},
        {"queues": {"producers": [{"binding": 1}]}},
        {"assets": {"directory": "public"}, "wasm_modules": {"W": "a.wasm"}},
        {"unsafe": {"bindings": [{"name": "U", "type": "x"}]}},
    ],
)
def test_kinds_not_checked_in_depth_never_crash(tmp_path: Path, raw: dict) -> None:
    write(tmp_path, "wrangler.json", json.dumps(raw))
    report = check_config(tmp_path)
    assert all(isinstance(d.message, str) for d in report.errors + report.warnings)


def test_config_error_lists_every_error_and_renders_the_report(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.json", json.dumps({"vectorize": [{"binding": "V"}, {"index_name": "x"}]}))
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert info.value.problems == [
        '"vectorize[0]" bindings must have an "index_name" field but got {"binding":"V"}.',
        '"vectorize[1]" bindings should have a string "binding" field but got {"index_name":"x"}.',
    ]
    assert str(info.value).startswith("Processing ")
    assert "configuration:\n  - " in str(info.value)


def test_warnings_do_not_raise(tmp_path: Path) -> None:
    write(tmp_path, "wrangler.toml", 'name = "x"\nsurprise = 1\n')
    config = load_config(tmp_path)
    assert config.warnings == ('Unexpected fields found in top-level field: "surprise"',)


def test_a_pyproject_that_is_not_utf8_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "wrangler.toml", TOML)
    (tmp_path / "pyproject.toml").write_bytes('[project]\nname = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match=r"\n  - Could not read pyproject.toml: it is not valid UTF-8 \(invalid "
                                          r"continuation byte at byte 21\)\. Save it as UTF-8\.$"):
        load_config(tmp_path)


@pytest.mark.parametrize(("text", "holds"), [("[1, 2]", "an array"), ('"x"', "a string"), ("1", "a number"),
                                             ("1.5", "a number"), ("null", "null"), ("true", "a boolean")])
def test_a_json_config_that_is_no_object_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                                                    holds: str) -> None:
    """Refused in words, JSON's (README: Where we had to choose): wrangler 4.164.0 reads ``[1, 2]``
    as an object of its indexes and crashes on a scalar (``Cannot use 'in' operator ...``)."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "wrangler.json", text)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value) == ("The configuration file wrangler.json must hold an object (key/value pairs) at the top "
                               f"level, but holds {holds}.")


def _refuse_reading(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Reading a file called ``name`` fails as the system refuses a mode-000 file to anyone but
    root (the tests run as root, who reads it): the system's answer, given by a patched read."""
    read_bytes = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path.name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refused)


def test_a_config_the_system_cannot_read_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """wrangler's ``Could not read file: <path>``, the system's reason under it; the path as
    given, or the one found."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "wrangler.toml", TOML)
    _refuse_reading(monkeypatch, "wrangler.toml")
    for given, named in (("wrangler.toml", "wrangler.toml"), (".", str(tmp_path / "wrangler.toml"))):
        with pytest.raises(ConfigError) as info:
            load_config(given)
        assert str(info.value) == f"Could not read file: {named}\nPermission denied"


def test_a_pyproject_the_system_cannot_read_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's reason, as for any file workers-env reads."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "wrangler.toml", TOML)
    write(tmp_path, "pyproject.toml", "[tool.workers-env]\n")
    _refuse_reading(monkeypatch, "pyproject.toml")
    with pytest.raises(ConfigError, match=r"\n  - Could not read pyproject.toml: Permission denied$"):
        load_config(tmp_path)


def test_a_path_the_system_cannot_look_up_is_a_config_error(tmp_path: Path) -> None:
    from workers_env import load_env

    with pytest.raises(ConfigError, match="^Configuration file cannot be looked up: File name too long"):
        load_env(tmp_path / ("x" * 300))  # (was a bare OSError from the first stat)


def test_bytes_that_are_not_utf8_read_as_replacement_characters(tmp_path: Path) -> None:
    # wrangler reads the file with readFileSync(path, "utf-8"): a Latin-1 "é" in a comment or a
    # string is U+FFFD, not an error (wrangler 4.164.0's unstable_readConfig gives vars A "caf\ufffd")
    from workers_env import load_env

    (tmp_path / "wrangler.toml").write_bytes(b'name = "x"\n# caf\xe9\n[vars]\nA = "caf\xe9"\n')
    assert load_env(tmp_path).config.vars == {"A": "caf\ufffd"}
