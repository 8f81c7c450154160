"""``workers-env validate`` of a Python Worker of the external-SDK era that nothing vendors the SDK
into (no ``pyproject.toml``, say): wrangler accepts the config, yet the deployed Worker does not
start (workerd's stub ``workers`` raises ``ModuleNotFoundError``; ``load_worker`` fails the same
way). A line after wrangler's report names the reason and the fixes; the config is still "valid"
and the exit code wrangler's (0). A Worker with its SDK, or one of the built-in era, gets no line."""

from __future__ import annotations

import json

from worker_helpers import one_file_worker

from workers_env.cli import main

ENTRY = "from workers import WorkerEntrypoint\n"


def _validate(folder, capsys, *args: str) -> tuple[int, str]:
    code = main(["validate", str(folder / "wrangler.toml"), *args])
    return code, capsys.readouterr().out


def test_a_worker_without_a_vendored_sdk_is_named_and_the_config_stays_valid(tmp_path, capsys):
    code, out = _validate(one_file_worker(tmp_path, ENTRY, pyproject=False), capsys)
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("(workers-env: "))
    assert line.startswith("(workers-env: nothing vendors workers-runtime-sdk into this Worker (the project has no "
                           "pyproject.toml")
    assert "does not start, failing with ModuleNotFoundError: No module named 'workers'" in line
    for fix in ("uv add --dev workers-py", "uv run pywrangler deploy", "python_modules/",
                '"disable_python_external_sdk"', "[tool.workers-env] python-sdk"):
        assert fix in line
    assert line.endswith(".)")
    assert out.endswith("wrangler.toml is valid.\n")


def test_the_json_report_lists_it_with_the_warnings(tmp_path, capsys):
    code, out = _validate(one_file_worker(tmp_path, ENTRY, pyproject=False), capsys, "--json")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] is True
    assert [w["message"][:56] for w in payload["warnings"]] == [
        "workers-env: nothing vendors workers-runtime-sdk into th"]


def test_a_worker_with_its_sdk_or_of_the_built_in_era_gets_no_line(tmp_path, capsys):
    for folder in (one_file_worker(tmp_path / "a", ENTRY),  # pyproject.toml: pywrangler vendors it
                   one_file_worker(tmp_path / "b", ENTRY, date="2026-03-01", pyproject=False),
                   one_file_worker(tmp_path / "c", ENTRY, flags=["disable_python_external_sdk"], pyproject=False)):
        code, out = _validate(folder, capsys)
        assert code == 0 and "workers-env:" not in out and out.endswith("wrangler.toml is valid.\n")


def test_a_build_that_fails_for_want_of_a_pyproject_is_named_before_the_external_era(tmp_path, capsys):
    """Before 2026-04-21 the Worker starts (the built-in SDK), but a ``[build] command`` running
    ``pywrangler sync`` with no ``pyproject.toml`` fails as pywrangler does, and nothing deploys:
    the same line ``load_worker`` prints, without its word on running anyway; still "valid"."""
    folder = one_file_worker(tmp_path, ENTRY, date="2026-03-01", pyproject=False,
                             extra='[build]\ncommand = "uv run pywrangler sync"\n')
    code, out = _validate(folder, capsys)
    assert code == 0 and out.endswith("wrangler.toml is valid.\n")
    line = next(line for line in out.splitlines() if line.startswith("(workers-env: "))
    assert line == ("(workers-env: the config's [build] command `uv run pywrangler sync` runs pywrangler, which stops "
                    f'at "pyproject.toml not found in {folder.resolve()} or any parent directories" (exit 1): the '
                    "build fails, and `wrangler deploy` with it, so this Worker is not deployed. Add a pyproject.toml "
                    "beside the wrangler config (`uv init`, then `uv add --dev workers-py`).)")
    code, out = _validate(folder, capsys, "--json")
    assert [w["message"][:48] for w in json.loads(out)["warnings"]] == [
        "workers-env: the config's [build] command `uv ru"]
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\n')
    code, out = _validate(folder, capsys)
    assert "workers-env:" not in out
