"""`workers-env validate`: output, exit codes, --env / CLOUDFLARE_ENV, --strict and --json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import workers_env
from workers_env.cli import main

# the subprocess imports this very checkout, installed or not
SUBPROCESS_ENV = {
    **os.environ,
    "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1]),
    "PYTHONIOENCODING": "utf-8",
}

GOOD = textwrap.dedent(
    """\
    name = "search"
    main = "src/entry.py"
    compatibility_date = "2024-09-23"
    compatibility_flags = ["python_workers"]

    [[vectorize]]
    binding = "VEC"
    index_name = "docs"

    [env.staging]
    [[env.staging.vectorize]]
    binding = "VEC"
    index_name = "Docs_Staging"
    """
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "wrangler.toml").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    return tmp_path


def test_valid_config_exits_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out == "wrangler.toml is valid.\n"


def test_warnings_are_printed_and_exit_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "wrangler.toml").write_text('name = "x"\nsurprise = 1\n')
    assert main(["validate", str(project)]) == 0
    out = capsys.readouterr().out
    assert out == (
        "Processing wrangler.toml configuration:\n"
        '  - Unexpected fields found in top-level field: "surprise"\n'
        "wrangler.toml is valid.\n"
    )


def test_errors_exit_1_with_the_wrangler_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "wrangler.toml").write_text('[[vectorize]]\nbinding = "VEC"\n')
    assert main(["validate"]) == 1
    assert capsys.readouterr().out == (
        "Processing wrangler.toml configuration:\n"
        '  - "vectorize[0]" bindings must have an "index_name" field but got {"binding":"VEC"}.\n'
    )


def test_env_option_selects_the_environment(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--env", "staging"]) == 0
    assert 'wrangler.toml is valid (environment "staging").' in capsys.readouterr().out
    assert main(["validate", "--env", "nope"]) == 1
    assert 'No environment found in configuration with name "nope".' in capsys.readouterr().out


def test_cloudflare_env_is_the_default_environment(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOUDFLARE_ENV", "nope")
    assert main(["validate"]) == 1
    assert '"nope"' in capsys.readouterr().out
    # an explicit --env wins over the variable
    assert main(["validate", "-e", "staging"]) == 0


def test_strict_adds_the_service_naming_rules(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--env", "staging"]) == 0
    capsys.readouterr()
    assert main(["validate", "--env", "staging", "--strict"]) == 1
    out = capsys.readouterr().out
    assert '  - "env.staging" environment configuration\n' in out
    assert '"env.staging.vectorize[0]" bindings should have an "index_name" the Vectorize service accepts but got "Docs_Staging". Name must start' in out


def test_json_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", "--env", "staging", "--strict"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["config"] == str(project / "wrangler.toml")
    assert data["environment"] == "staging"
    assert [e["path"] for e in data["errors"]] == ["env.staging.vectorize[0]"]
    assert data["warnings"] == []
    assert main(["validate", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_missing_file_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "wrangler.toml")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"workers-env validate: Configuration file not found: {tmp_path / 'wrangler.toml'}\n"
                            "Check the path, or pass the folder holding wrangler.toml / wrangler.json(c) instead.\n")


def test_no_config_anywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["validate", str(empty), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert "No wrangler.json, wrangler.jsonc or wrangler.toml found" in data["errors"][0]["message"]


def test_syntax_error_exits_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "wrangler.toml").write_text("name = \n")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    # wrangler's form, the config found named by its absolute path, as wrangler names it
    assert out.startswith(f"Invalid TOML document: invalid value\n\n    {project.resolve() / 'wrangler.toml'}:1:7:\n")
    assert "Processing" not in out


def test_runs_as_a_real_subprocess(tmp_path: Path) -> None:
    (tmp_path / "wrangler.jsonc").write_text('{\n  // c\n  "vectorize": [{"index_name": "é"},],\n}\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workers_env", "validate", str(tmp_path / "wrangler.jsonc")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=SUBPROCESS_ENV,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "Processing wrangler.jsonc configuration:\n"
        '  - "vectorize[0]" bindings should have a string "binding" field but got {"index_name":"é"}.\n'
    )


def test_subprocess_success_exit_code(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(GOOD)
    result = subprocess.run(
        [sys.executable, "-m", "workers_env", "validate", "--json"],
        capture_output=True, text=True, cwd=tmp_path, env=SUBPROCESS_ENV, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True


def test_validate_checks_index_definitions_in_pyproject(tmp_path, capsys):
    (tmp_path / "wrangler.toml").write_text('[[vectorize]]\nbinding = "V"\nindex_name = "docs"\n')
    (tmp_path / "pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 2000\nmetric = "manhattan"\n'
    )
    from workers_env.cli import main

    assert main(["validate", str(tmp_path / "wrangler.toml")]) == 1
    out = capsys.readouterr().out
    assert 'dimensions must be a whole number from 1 to 1536, got 2000' in out
    assert "metric must be one of cosine, euclidean, dot-product, got 'manhattan'" in out
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\n')
    assert main(["validate", str(tmp_path / "wrangler.toml")]) == 0
