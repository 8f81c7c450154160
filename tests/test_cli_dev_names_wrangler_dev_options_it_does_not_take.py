"""An option of wrangler dev 4.164.0 that ``workers-env dev`` does not take (``--no-bundle``,
``--minify``, ``--inspector-port``, ``--name``, ...) is refused in yargs' words, as any unknown
option (``Unknown argument: ...``, the help, exit 1, nothing started), then a ``(workers-env: ...)``
line says it is wrangler dev's option and what to do instead, so it does not read as a typo; an
option wrangler dev does not have either gets yargs' words alone."""

from __future__ import annotations

import pytest
from cli_helpers import run_main


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "w"\nmain = "entry.py"\ncompatibility_date = "2025-11-02"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("options", "error", "note"), [
    (["--minify"], "Unknown argument: minify",
     "--minify is an option of wrangler dev that workers-env dev does not take: it shapes the JavaScript bundle, "
     "which wrangler does not build for a Python Worker (it runs Python Workers unbundled): drop it"),
    (["--jsxFactory", "h"], "Unknown argument: jsxFactory", "--jsx-factory is an option of wrangler dev"),
    (["--no-bundle"], "Unknown argument: bundle",
     "--no-bundle is an option of wrangler dev that workers-env dev does not take: it shapes the JavaScript bundle, "
     "which wrangler does not build for a Python Worker (it runs Python Workers unbundled): drop it"),
    (["--show-interactive-dev-session=false"], "Unknown arguments: show-interactive-dev-session, "
     "showInteractiveDevSession", "--show-interactive-dev-session is an option of wrangler dev"),
    (["--inspector-port", "9230"], "Unknown arguments: inspector-port, inspectorPort",
     "workers-env dev runs no DevTools inspector: drop it"),
    (["--latest"], "Unknown argument: latest", "wrangler dev ignores it too (it is deploy's; dev runs "
     "--compatibility-date, else the config's compatibility_date, as workers-env dev does): drop it"),
    (["--name", "other"], "Unknown argument: name", "names the Worker by the config's name"),
    (["--bogus", "--tunnel"], "Unknown arguments: bogus, tunnel", "--tunnel is an option of wrangler dev"),
])
def test_wrangler_dev_options_are_named_as_wranglers(project, capsys, options, error, note):
    done = run_main(capsys, "dev", "--port", "0", *options)
    assert done.returncode == 1
    assert done.stdout.startswith("\nusage: workers-env dev")
    lines = done.stderr.splitlines()
    assert lines[0] == f"✘ [ERROR] {error}"
    hint = [line for line in lines if line.startswith("(workers-env: ")]
    assert len(hint) == 1 and note in hint[0], done.stderr
    assert not (project / ".wrangler").exists()


def test_an_option_wrangler_dev_lacks_too_gets_yargs_words_alone(project, capsys):
    done = run_main(capsys, "dev", "--port", "0", "--log-levl", "debug")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == "✘ [ERROR] Unknown arguments: log-levl, logLevl"
    assert "(workers-env:" not in done.stderr


def test_another_command_given_such_an_option_gets_no_note(project, capsys):
    done = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--name", "x")
    assert done.returncode == 1
    assert "Unknown argument: name" in done.stderr and "(workers-env:" not in done.stderr


BUNDLING = ("it shapes the JavaScript bundle, which wrangler does not build for a Python Worker (it runs Python "
            "Workers unbundled): drop it")
SERVING = "workers-env dev serves plain HTTP on --ip and --port, with no HTTPS or tunnel: drop it"
INSPECTOR = "workers-env dev runs no DevTools inspector: drop it"
# every option of wrangler dev 4.164.0's --help that workers-env dev does not take (20: --routes, --host,
# --local-upstream, --upstream-protocol, --infer-origin-from-routes are taken since devhost47), each with its
# whole line: the option as wrangler names it (yargs names --no-bundle ``bundle``) and what to do instead
EVERY_NOTE = {
    **{option: BUNDLING for option in ("--no-bundle", "--minify", "--tsconfig", "--jsx-factory", "--jsx-fragment",
                                       "--define", "--alias")},
    **{option: SERVING for option in ("--local-protocol", "--https-key-path", "--https-cert-path", "--tunnel",
                                      "--tunnel-name", "--tunnel-allowed-mail")},
    "--inspector-port": INSPECTOR,
    "--inspector-ip": INSPECTOR,
    "--show-interactive-dev-session": "workers-env dev has no interactive hotkeys to show or hide: drop it",
    "--latest": ("wrangler dev ignores it too (it is deploy's; dev runs --compatibility-date, else the config's "
                 "compatibility_date, as workers-env dev does): drop it"),
    "--name": "workers-env dev names the Worker by the config's name: set it there and drop --name",
    "--assets": "workers-env dev serves the folder the config's [assets] directory names: set it there and drop --assets",
    "--types": "workers-env dev generates no types (a Python Worker has none to check): drop it",
}


@pytest.mark.parametrize(("option", "note"), EVERY_NOTE.items())
def test_each_of_wrangler_devs_options_gets_its_whole_line(project, capsys, option, note):
    done = run_main(capsys, "dev", "--port", "0", option, *(() if option == "--no-bundle" else ("x",)))
    assert done.returncode == 1
    hint = [line for line in done.stderr.splitlines() if line.startswith("(workers-env: ")]
    assert hint == [f"(workers-env: {option} is an option of wrangler dev that workers-env dev does not take: {note})"]
