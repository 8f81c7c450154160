"""``main``'s did-you-mean for a misspelt folder leaves test and dunder folders (``tests/``,
``__app__/``) out of its search -- unless ``main`` itself names a folder of that kind
(``tests/workr/entry.py``), as it keeps a test file when ``main`` names one: then the file in the
test folder is named. A ``main`` naming no such folder is still never told of one."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_worker

ENTRY = "from workers import Response, WorkerEntrypoint\n"


def _suggestion(tmp_path, monkeypatch, main: str, files: list[str]) -> str | None:
    (tmp_path / "wrangler.toml").write_text(
        f'name = "w"\nmain = "{main}"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n')
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ENTRY)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_worker(tmp_path)
    text = str(info.value)
    assert text.startswith(f'The entry-point file at "{main}" was not found.\n')
    _, _, line = text.partition("\n(workers-env: did you mean ")
    return line.partition("?")[0].strip('"') or None


@pytest.mark.parametrize(("main", "found"), [
    ("tests/workr/entry.py", "tests/worker/entry.py"),  # a typo below the test folder
    ("test/worker/entry.py", "tests/worker/entry.py"),  # a typo in the test folder's own name
    ("__apps__/entry.py", "__app__/entry.py"),          # a dunder folder named by main
])
def test_a_main_naming_a_test_or_dunder_folder_is_told_of_the_file_in_it(tmp_path, monkeypatch, main, found):
    assert _suggestion(tmp_path, monkeypatch, main, [found]) == found


def test_a_main_naming_no_test_folder_is_not_told_of_one(tmp_path, monkeypatch):
    assert _suggestion(tmp_path, monkeypatch, "scr/entry.py", ["tests/src/entry.py"]) is None
