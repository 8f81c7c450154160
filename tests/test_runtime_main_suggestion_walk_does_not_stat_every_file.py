"""The walk behind ``main``'s did-you-mean for a misspelt folder (``scr/entry.py``) tells folders
from files by the directory entry's type, as ``os.scandir`` reads it, not by one ``stat`` per
entry: a project with a large data folder (here 3,000 files; a real one may hold millions) gets
its suggestion without a system call per file, on the error's path."""

from __future__ import annotations

import os

import pytest

from workers_env import ConfigError, load_worker


def test_a_folder_of_many_files_costs_no_stat_per_file(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\nmain = "scr/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("from workers import WorkerEntrypoint\n")
    data = tmp_path / "data"
    data.mkdir()
    for i in range(3000):
        (data / f"row{i}.json").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    stat, calls = os.stat, []

    def counted(path, *args, **kwargs):
        if str(path).startswith(str(data)):
            calls.append(path)
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counted)
    with pytest.raises(ConfigError) as info:
        load_worker(tmp_path)
    assert 'did you mean "src/entry.py"?' in str(info.value)
    assert len(calls) < 10
