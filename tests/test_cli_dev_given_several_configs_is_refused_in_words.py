"""``dev -c A -c B``: wrangler 4.164.0 runs each config as a Worker of its own in one session
(multi-worker dev: measured, both configs' bindings tables printed), where any
other command's second ``-c`` is yargs' ``expects a single value``; workers-env dev serves one
Worker, so it refuses the line saying so (it said ``expects a single value`` before)."""

from __future__ import annotations

from tests.cli_helpers import in_project, run_main


def test_dev_with_two_configs_says_wrangler_runs_two_workers(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    (tmp_path / "api.toml").write_text('name = "api"\n')
    run = run_main(capsys, "dev", "-c", "wrangler.toml", "-c", "api.toml")
    assert (run.returncode, run.stdout) == (1, "\n")
    assert run.stderr == (
        "✘ [ERROR] wrangler dev runs each -c config as a Worker of its own in one session (wrangler.toml, api.toml: "
        "the first served, the others reachable through its service bindings); workers-env dev serves one Worker: "
        "pass one -c, and supply each other Worker as its service binding in the pyproject.toml beside that config: "
        '[tool.workers-env.bindings] NAME = "module:factory", the factory returning '
        'workers_env.load_worker("<the other Worker\'s folder>")\n\n\n')


def test_another_command_with_two_configs_is_given_twice(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-c", "wrangler.toml", "-c", "wrangler.toml")
    assert run.stderr.startswith('✘ [ERROR] The argument "--config" expects a single value, but received multiple: '
                                 '["wrangler.toml","wrangler.toml"].\n')
