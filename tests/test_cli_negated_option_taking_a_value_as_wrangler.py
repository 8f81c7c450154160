"""``--no-NAME`` of an option taking a value: yargs gives it false, and each command does with
that what wrangler 4.164.0 does (measured in a scratch project): as not given, as the text
``false``, as 0 for a number, wrangler's ``expects a single value`` beside a value, or its
JavaScript error, with a ``(workers-env: ...)`` line saying why."""

from __future__ import annotations

import json

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize(("line", "error"), [
    # not given: wrangler's own check of the two options
    (["kv", "key", "list", "--local", "--no-binding"],
     "Missing required option: exactly one of --binding and --namespace-id must be provided"),
    # a number option: Number(false), 0
    (["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-ttl"],
     "KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0."),
    # JSON false
    (["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-metadata"],
     "--metadata must be a JSON object. Received: false"),
])
def test_the_false_reaches_wranglers_own_check(tmp_path, monkeypatch, capsys, line, error):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert run.returncode == 1
    assert run.stderr.startswith(f"✘ [ERROR] {error}\n")


def test_no_option_beside_a_value_is_given_twice(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "select 1", "--no-command")
    assert run.returncode == 1
    assert run.stderr.startswith('✘ [ERROR] The argument "--command" expects a single value, but received '
                                 'multiple: ["select 1",false].\n')
    run = run_main(capsys, "kv", "key", "get", "a", "--no-binding", "--binding", "KV", "--local")
    assert run.stderr.startswith('✘ [ERROR] The argument "--binding" expects a single value, but received '
                                 'multiple: [false,"KV"].\n')


def test_no_namespace_id_no_profile_no_cwd_are_not_given(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    assert run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local").returncode == 0
    for option in ("--no-namespace-id", "--no-profile", "--no-cwd"):
        run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", option)
        assert (run.returncode, json.loads(run.stdout)) == (0, [{"name": "k"}]), option


def test_no_prefix_is_the_prefix_false(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    for key in ("a", "false1"):
        assert run_main(capsys, "kv", "key", "put", key, "v", "--binding", "KV", "--local").returncode == 0
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-prefix")
    assert json.loads(run.stdout) == [{"name": "false1"}]


def test_no_config_and_no_env_fail_in_wranglers_words_with_the_reason(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-config")
    assert (run.returncode, run.stdout) == (1, "\n")
    assert run.stderr == (
        "✘ [ERROR] configPath.endsWith is not a function\n\n\n"
        "(workers-env: --no-config gives --config the value false, as wrangler reads any --no-NAME, and wrangler "
        "4.168.0 fails with the error above; give --config a value, or leave it out)\n")
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-env")
    assert run.stderr.startswith(
        '✘ [ERROR] The expression evaluated to a falsy value:\n\n  \n    (envName === void 0 || typeof envName === '
        '"string")\n  \n\n\n(workers-env: --no-env gives --env')
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-env-file")
    assert run.stderr.startswith('✘ [ERROR] The "paths[0]" argument must be of type string. Received type boolean '
                                 '(false)\n')


def test_d1_no_persist_to_fails_after_the_resource_location(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "create table t (a)", "--no-persist-to")
    assert run.returncode == 1
    assert run.stdout == "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n\n"
    assert run.stderr.startswith('✘ [ERROR] The "path" argument must be of type string. Received type boolean '
                                 '(false)\n')
    assert not (tmp_path / ".wrangler").exists()  # nothing run
    run = run_main(capsys, "d1", "export", "DB", "--local", "--no-output")
    assert run.stderr.startswith('✘ [ERROR] The "path" argument must be of type string or an instance of Buffer or '
                                 'URL. Received type boolean (false)\n')


def test_an_unmeasured_negation_is_refused_in_words(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-path", "--no-bogus")
    assert run.stderr.startswith("✘ [ERROR] Unknown argument: bogus\n")  # yargs' own errors first
    run = run_main(capsys, "vectorize", "query", "idx", "--vector", "1", "--no-filter")
    assert (run.returncode, run.stdout) == (1, "\n")
    assert run.stderr == (
        "✘ [ERROR] --no-filter gives --filter the value false, as wrangler reads any --no-NAME; workers-env takes "
        "no false for --filter (wrangler 4.164.0 goes on with it): give --filter a value, or leave it out\n\n\n")


def test_dev_no_var_fails_as_wrangler_dev(tmp_path, monkeypatch, capsys):
    """``dev --no-var``: wrangler dev fails splitting the false (``v.split is not a function or its
    return value is not iterable``, exit 1, as 4.168.0's rolldown bundle names the value; 4.164.0's
    esbuild bundle said ``v8.split``: measured with cli_layout_differential.py, currency68b), before
    anything is served."""
    in_project(tmp_path, monkeypatch, 'name = "w"\nmain = "entry.py"\ncompatibility_date = "2025-01-01"\n'
                                      'compatibility_flags = ["python_workers"]\n')
    (tmp_path / "entry.py").write_text("from workers import Response\n\nasync def on_fetch(request):\n"
                                       "    return Response('hi')\n")
    run = run_main(capsys, "dev", "--port", "0", "--no-var")
    assert run.returncode == 1 and "Ready on" not in run.stdout
    assert run.stderr == (
        "✘ [ERROR] v.split is not a function or its return value is not iterable\n\n\n"
        "(workers-env: --no-var gives --var the value false, as wrangler reads any --no-NAME, and wrangler "
        "4.168.0 fails with the error above; give --var a value, or leave it out)\n")
