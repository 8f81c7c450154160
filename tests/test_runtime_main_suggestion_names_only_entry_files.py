"""The "did you mean" line after wrangler's "entry-point file ... was not found" names only a file
that can be a Worker's entry: never ``__main__.py``/``__init__.py``, a test (``test_entry.py``,
``entry_test.py``, ``conftest.py``), a hidden file, nor a file inside a virtual environment,
installed packages or a hidden folder -- unless ``main`` itself names such a file. A genuine
typo still gets its file, in the file's name or in its folder's (``scr/entry.py``)."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_worker

ENTRY = "from workers import Response, WorkerEntrypoint\n"


def _project(tmp_path, main: str, files: list[str]):
    (tmp_path / "wrangler.toml").write_text(
        f'name = "w"\nmain = "{main}"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n')
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ENTRY)
    return tmp_path


def _suggestion(tmp_path, monkeypatch, main: str, files: list[str]) -> str | None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_worker(_project(tmp_path, main, files))
    text = str(info.value)
    assert text.startswith(f'The entry-point file at "{main}" was not found.\n')
    _, _, line = text.partition("\n(workers-env: did you mean ")
    return line.partition("?")[0].strip('"') or None


@pytest.mark.parametrize("files", [
    ["src/__main__.py"], ["src/__init__.py"], ["src/test_main.py"], ["src/main_test.py"], ["src/.main.py"],
    ["src/conftest.py"],
])
def test_files_that_are_no_entry_are_not_suggested(tmp_path, monkeypatch, files):
    assert _suggestion(tmp_path, monkeypatch, "src/main.py", files) is None


def test_a_test_file_beside_a_renamed_entry_is_not_suggested(tmp_path, monkeypatch):
    assert _suggestion(tmp_path, monkeypatch, "src/entry.py", ["src/test_entry.py", "src/__main__.py"]) is None


def test_a_typo_still_names_the_entry_beside_test_and_dunder_files(tmp_path, monkeypatch):
    files = ["src/entry.py", "src/test_entry.py", "src/__main__.py", "src/__init__.py"]
    assert _suggestion(tmp_path, monkeypatch, "src/entri.py", files) == "src/entry.py"
    assert _suggestion(tmp_path, monkeypatch, "src/main.py", files) is None


def test_a_misspelt_folder_names_the_file_in_the_project(tmp_path, monkeypatch):
    assert _suggestion(tmp_path, monkeypatch, "scr/entry.py", ["src/entry.py", "tests/test_entry.py"]) == "src/entry.py"


@pytest.mark.parametrize("folder", [".venv/lib/python3.12/site-packages/src", "venv/src", ".hidden/src",
                                    "lib/site-packages/src", "node_modules/src", "tests/src"])
def test_files_in_environments_packages_and_hidden_folders_are_not_suggested(tmp_path, monkeypatch, folder):
    if folder == "venv/src":
        (tmp_path / "venv").mkdir()
        (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    assert _suggestion(tmp_path, monkeypatch, "scr/entry.py", [f"{folder}/entry.py"]) is None


def test_a_main_naming_a_test_file_may_be_told_of_another(tmp_path, monkeypatch):
    assert _suggestion(tmp_path, monkeypatch, "src/test_entri.py", ["src/test_entry.py"]) == "src/test_entry.py"
