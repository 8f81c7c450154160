"""A ``main`` that is not there keeps wrangler's "The entry-point file at ... was not found"
text and, when a file beside it has a close name (``src/entri.py`` for ``src/entry.py``), adds
a line naming that file; with no close name the text is wrangler's alone."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""
WRANGLERS = ('The entry-point file at "src/entri.py" was not found.\n\nThis might mean that your entry-point file '
             "needs to be generated (which is the general case when a framework is being used).\nIf that's the case "
             "please run your project's build command and try again.")


def _misnamed(tmp_path, main):
    folder = one_file_worker(tmp_path, ENTRY)
    config = folder / "wrangler.toml"
    config.write_text(config.read_text().replace('main = "src/entry.py"', f'main = "{main}"'))
    return folder


def test_a_typo_in_main_names_the_file_it_likely_means(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_worker(_misnamed(tmp_path, "src/entri.py"))
    assert str(info.value) == (WRANGLERS + '\n(workers-env: did you mean "src/entry.py"? `main` in wrangler.toml '
                               "names the file to run.)")


def test_no_close_name_leaves_wranglers_text_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_worker(_misnamed(tmp_path, "src/worker_main.py"))
    assert str(info.value) == WRANGLERS.replace("src/entri.py", "src/worker_main.py")


def test_a_backup_copy_is_not_named_as_the_main_module(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "entry.py").rename(folder / "src" / "entry.bak.py")  # ``entry.bak`` imports as no module
    with pytest.raises(ConfigError) as info:
        load_worker(folder)
    assert str(info.value) == WRANGLERS.replace("src/entri.py", "src/entry.py")
