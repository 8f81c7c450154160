"""`workers-env validate` checks every binding table wrangler 4.164.0 knows, in wrangler's order.

Each expected report below is what wrangler 4.164.0's own reader (``unstable_readConfig``)
printed for the same file (found by ``tools/wrangler/config_fuzz.py``): workflows, rate
limits, pipelines, Secrets Store secrets, Durable Object bindings under their own heading,
JavaScript's key order in printed objects, an ``[env.X]`` given as an array, placement's
smart form and ``dev.upstream_protocol`` defaulting to ``local_protocol``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env import ConfigError, load_env
from workers_env.cli import main


def _validate(tmp_path: Path, file_name: str, text: str, capsys: pytest.CaptureFixture[str], *env: str) -> tuple[int, str]:
    (tmp_path / file_name).write_text(text, encoding="utf-8")
    args = ["validate", str(tmp_path / file_name)] + (["--env", env[0]] if env else [])
    code = main(args)
    return code, capsys.readouterr().out


def test_workflow_entries_names_and_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (
        'name = "w"\n[[workflows]]\nbinding = "WF"\nname = "my wf"\n[[workflows]]\nbinding = "WF2"\nname = "a"\n'
        'class_name = "A"\n[[workflows]]\nbinding = "WF3"\nname = "a"\nclass_name = "B"\njurisdiction = "mars"\n'
    )
    code, out = _validate(tmp_path, "wrangler.toml", text, capsys)
    assert code == 1
    assert out == (
        "Processing wrangler.toml configuration:\n"
        '  - "workflows[0]" binding "name" field is invalid. Workflow names must be 1-64 characters long, start with a '
        "letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.\n"
        '  - "workflows[0]" bindings should have a string "class_name" field but got {"binding":"WF","name":"my wf"}.\n'
        '  - "workflows[2]" bindings "jurisdiction" field must be one of "eu", "fedramp", or "us", but got "mars".\n'
        '  - "workflows" bindings must have unique "name" values; duplicate(s) found: "a"\n'
    )
    with pytest.raises(ConfigError):
        load_env(tmp_path / "wrangler.toml")


def test_rate_limits_pipelines_and_secrets_store(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (
        'name = "w"\n[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 5, period = 30 }\n'
        '[[pipelines]]\nbinding = "P"\npipeline = "old"\n[[secrets_store_secrets]]\nbinding = "S"\n'
    )
    code, out = _validate(tmp_path, "wrangler.toml", text, capsys)
    assert code == 1
    assert out == (
        "Processing wrangler.toml configuration:\n"
        '  - The "pipeline" field in "pipelines[0]" bindings is deprecated. Use "stream" instead.\n\n'
        "Processing wrangler.toml configuration:\n"
        '  - "secrets_store_secrets[0]" bindings must have a string "store_id" field but got {"binding":"S"}.\n'
        '  - "secrets_store_secrets[0]" bindings must have a string "secret_name" field but got {"binding":"S"}.\n'
        '  - "ratelimits[0]" bindings "simple.period" must be either 10 or 60 but got 30.\n'
    )


def test_durable_object_bindings_under_their_own_heading(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = {"name": "w", "durable_objects": {"bindings": [
        {"name": "A", "class_name": "Counter", "environment": "e"}, {"name": "B", "class_name": "Room"}]}}
    code, out = _validate(tmp_path, "wrangler.json", json.dumps(config), capsys)
    assert code == 1
    warning, error = out.split("\n\nProcessing wrangler.json configuration:\n")
    assert warning.startswith(
        "Processing wrangler.json configuration:\n"
        "  - In your wrangler.json file, you have configured `durable_objects` exported by this Worker (Counter, Room), "
        "but no live `exports` entry for them."
    )
    assert '        "Counter": {\n          "type": "durable-object",\n          "storage": "sqlite"\n        },' in warning
    assert error == (
        '\n  - "durable_objects.bindings[0]": {"name":"A","class_name":"Counter","environment":"e"}\n'
        '    - binding should have a "script_name" field if "environment" is present.\n'
    )


def test_order_key_order_and_an_environment_given_as_an_array(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = {"name": {"b": 1, "1": 2}, "workers_dev": "yes", "account_id": 5, "env": {"dev": [1, 2]}, "vectorize": []}
    code, out = _validate(tmp_path, "wrangler.json", json.dumps(config), capsys, "dev")
    assert code == 1
    assert out == (
        "Processing wrangler.json configuration:\n\n"
        '  - "env.dev" environment configuration\n'
        '    - "vectorize" exists at the top level, but not on "env.dev".\n'
        '      This is not what you probably want, since "vectorize" is not inherited by environments.\n'
        '      Please add "vectorize" to "env.dev".\n'
        '    - Unexpected fields found in env.dev field: "0","1"\n\n'
        "Processing wrangler.json configuration:\n"
        '  - Expected "account_id" to be of type string but got 5.\n'
        '  - Expected "workers_dev" to be of type boolean but got "yes".\n'
        '  - Expected "name" to be of type string, alphanumeric and lowercase with dashes only but got {"1":2,"b":1}.\n'
    )


def test_placement_hint_and_dev_protocols(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = 'name = "w"\n[placement]\nhint = "wnam"\nmode = "off"\n[dev]\nlocal_protocol = "ftp"\n'
    code, out = _validate(tmp_path, "wrangler.toml", text, capsys)
    assert code == 1
    assert out == (
        "Processing wrangler.toml configuration:\n"
        '  - "placement.hint" can only be set when "placement.mode" is "smart"\n'
        '  - Expected "dev.local_protocol" field to be one of ["http","https"] but got "ftp".\n'
        '  - Expected "dev.upstream_protocol" field to be one of ["http","https"] but got "ftp".\n'
    )


def test_analytics_and_k2_are_fields_websearch_is_not(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = 'name = "w"\n[analytics]\nbinding = "SQL"\n[[k2]]\nbinding = "K"\nstream = "s"\n[websearch]\nbinding = "WS"\n'
    code, out = _validate(tmp_path, "wrangler.toml", text, capsys)
    assert code == 0
    assert out.splitlines()[:2] == [
        "Processing wrangler.toml configuration:",
        '  - Unexpected fields found in top-level field: "websearch"',
    ]
