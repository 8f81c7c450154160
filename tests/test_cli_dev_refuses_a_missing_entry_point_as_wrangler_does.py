"""``workers-env dev`` with no ``main`` (and no assets), or a ``main`` that is a folder or no file,
prints wrangler dev 4.164.0's ``✘ [ERROR]`` text for it (getEntry's "Missing entry-point" with
the config snippet in the config's own format, getMissingEntryPointMessage's texts), before the
config's secrets and compatibility date are spoken of, then a ``(workers-env: ...)`` line where
it helps; exit 1 (measured: tools/wrangler/cli_layout_differential.py -k "dev entry"). workers-env
said ``workers-env dev: the wrangler config has no "main" ...`` after its own lines."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

PYTHON = 'compatibility_flags = ["python_workers"]\n'
HINT = ('(workers-env: workers-env dev runs the Python Worker the config\'s "main" names (its PATH argument is the '
        'config, not a script): add main = "src/entry.py", the file with your handlers)\n')


def _dev(tmp_path, capsys, monkeypatch, name, text, *files):
    (tmp_path / name).write_text(text)
    for file in files:
        (tmp_path / file).write_text("A=1\n")
    monkeypatch.chdir(tmp_path)
    code = main(["dev"])
    out, err = capsys.readouterr()
    return code, out, err


def _missing(main_snippet: str, assets_snippet: str, name: str = "wrangler.toml") -> str:
    def indented(text: str) -> str:
        return "".join(f"  {line}\n" for line in text.split("\n"))

    return ("✘ [ERROR] Missing entry-point to Worker script or to assets directory\n\n  \n"
            "  If there is code to deploy, you can either:\n"
            "  - Specify an entry-point to your Worker script via the command line (ex: `npx wrangler dev src/index.ts`)\n"
            f'  - Or add the following to your "{name}" file:\n  \n  ```\n{indented(main_snippet)}  ```\n  \n  \n'
            "  If are uploading a directory of assets, you can either:\n"
            "  - Specify the path to the directory of assets via the command line: (ex: `npx wrangler dev "
            "--assets=./dist`)\n"
            f'  - Or add the following to your "{name}" file:\n  \n  ```\n{indented(assets_snippet)}  ```\n  \n\n\n')


def test_no_main_in_toml(tmp_path, capsys, monkeypatch):
    code, out, err = _dev(tmp_path, capsys, monkeypatch, "wrangler.toml",
                          'name = "x"\ncompatibility_date = "2025-01-01"\n' + PYTHON, ".dev.vars")
    assert (code, out) == (1, "\n")  # (no "Using secrets defined in .dev.vars": wrangler stops before)
    assert err == _missing('main = "src/index.ts"\n', '[assets]\ndirectory = "./dist"\n') + HINT


def test_no_main_name_or_date_in_toml_gets_them_in_the_snippet(tmp_path, capsys, monkeypatch):
    code, _, err = _dev(tmp_path, capsys, monkeypatch, "wrangler.toml", PYTHON)
    head = 'name = "worker-name"\ncompatibility_date = "2026-11-23"\n'
    assert code == 1 and "No compatibility_date" not in err
    assert err == _missing(head + 'main = "src/index.ts"\n', head + '\n[assets]\ndirectory = "./dist"\n') + HINT


@pytest.mark.parametrize("name", ["wrangler.json", "wrangler.jsonc"])
def test_no_main_in_json_gets_a_json_snippet(tmp_path, capsys, monkeypatch, name):
    code, _, err = _dev(tmp_path, capsys, monkeypatch, name, json.dumps({"name": "x"}))
    date = {"compatibility_date": "2026-11-23"}
    assert code == 1
    assert err == _missing(json.dumps({**date, "main": "src/index.ts"}, indent=2),
                           json.dumps({**date, "assets": {"directory": "./dist"}}, indent=2), name) + HINT


def test_main_that_is_not_there(tmp_path, capsys, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("")
    code, out, err = _dev(tmp_path, capsys, monkeypatch, "wrangler.toml",
                          'name = "x"\nmain = "src/entri.py"\n' + PYTHON, ".dev.vars")
    assert (code, out) == (1, "\n")  # (nor the missing date's warning: wrangler stops before both)
    assert err == ('✘ [ERROR] The entry-point file at "src/entri.py" was not found.\n\n  \n'
                   "  This might mean that your entry-point file needs to be generated (which is the general case "
                   "when a framework is being used).\n"
                   "  If that's the case please run your project's build command and try again.\n\n\n"
                   '(workers-env: did you mean "src/entry.py"? `main` in wrangler.toml names the file to run.)\n')


def test_main_that_is_a_folder(tmp_path, capsys, monkeypatch):
    (tmp_path / "src").mkdir()
    code, _, err = _dev(tmp_path, capsys, monkeypatch, "wrangler.toml",
                        'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "src"\n' + PYTHON)
    assert code == 1
    assert err == ('✘ [ERROR] The provided entry-point path, "src", points to a directory, rather than a file.\n\n  \n'
                   "   If you want to deploy a directory of static assets, you can do so by using the `--assets` flag. "
                   "For example:\n  \n  wrangler deploy --assets=./src\n  \n\n\n"
                   '(workers-env: "main" names a folder: name the Python Worker\'s entry file in it, e.g. '
                   'main = "src/entry.py")\n')


@pytest.mark.parametrize(("main_field", "files", "offered"), [
    ("front", ["front/index.ts", "front/dist/worker.js"], ' one of:\n  ```\n  main = "./front/dist/worker.js"\n'
                                                          '  main = "./front/index.ts"\n'),
    ("./back/", ["back/dist/index.jsx"], ':\n  ```\n  main = "./back/dist/index.jsx"\n'),
])
def test_main_that_is_a_folder_holding_entry_files_offers_them(tmp_path, capsys, monkeypatch, main_field, files,
                                                               offered):
    for file in files:
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / file).write_text("export default {};\n")
    code, _, err = _dev(tmp_path, capsys, monkeypatch, "wrangler.toml",
                        f'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "{main_field}"\n' + PYTHON)
    folder = files[0].partition("/")[0]
    assert code == 1
    assert err == (f'✘ [ERROR] The provided entry-point path, "{folder}", points to a directory, rather than a '
                   f"file.\n\n  \n  Did you mean to set the main field to{offered}  ```\n\n\n")

@pytest.mark.parametrize(("files", "offered"), [
    (["index.js"], ':\n  ```\n  main = "./src/index.js"\n'),
    (["index.js", "worker.ts"], ' one of:\n  ```\n  main = "./src/worker.ts"\n  main = "./src/index.js"\n'),
])
def test_main_that_is_a_folder_holding_an_entry_file_is_offered_it(tmp_path, capsys, monkeypatch, files, offered):
    """getMissingEntryPointMessage's "Did you mean" for a folder holding worker/index files, in
    its order (worker, dist/worker, index, dist/index; .ts, .tsx, .js, .jsx): the same lines as
    wrangler dev 4.164.0 printed for both folders (measured, audit16), and no workers-env line."""
    (tmp_path / "src").mkdir()
    for name in files:
        (tmp_path / "src" / name).write_text("export default {}\n")
    code, _, err = _dev(tmp_path, capsys, monkeypatch, "wrangler.toml",
                        'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "src"\n' + PYTHON)
    assert code == 1
    assert err == ('✘ [ERROR] The provided entry-point path, "src", points to a directory, rather than a file.\n\n  \n'
                   f"  Did you mean to set the main field to{offered}  ```\n\n\n")


def test_main_still_missing_after_the_custom_build(tmp_path, capsys, monkeypatch):
    code, out, err = _dev(tmp_path, capsys, monkeypatch, "wrangler.toml",
                          'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "src/entry.py"\n' + PYTHON
                          + '[build]\ncommand = "echo built"\n')
    assert code == 1
    assert out == "[custom build] Running: echo built\n[custom build] built\n[custom build] \n\n"
    assert err == ('✘ [ERROR] The expected output file at "src/entry.py" was not found after running custom build: '
                   "echo built.\n\n  The `main` property in your wrangler.toml file should point to the file generated "
                   "by the custom build.\n\n\n")


@pytest.mark.parametrize("config", [True, False])
def test_a_path_that_is_not_there_is_wranglers_script_not_found(tmp_path, capsys, monkeypatch, config):
    # wrangler dev's positional is the Worker's script (`dev --local local`: the script `local`);
    # workers-env's is the config or its folder: one not there is wrangler's words, then which it is
    if config:
        (tmp_path / "wrangler.toml").write_text('name = "x"\ncompatibility_date = "2025-01-01"\n' + PYTHON)
    monkeypatch.chdir(tmp_path)
    assert main(["dev", "--local", "local"]) == 1
    out, err = capsys.readouterr()
    assert out == "\n"
    assert err == ('✘ [ERROR] The entry-point file at "local" was not found.\n\n  \n'
                   "  This might mean that your entry-point file needs to be generated (which is the general case "
                   "when a framework is being used).\n"
                   "  If that's the case please run your project's build command and try again.\n\n\n"
                   "(workers-env: workers-env dev's PATH names the wrangler config or its folder (wrangler dev's names "
                   "the Worker's script, which workers-env reads from the config's main): pass an existing one, or "
                   "leave PATH out)\n")
