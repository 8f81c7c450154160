"""Two reads of the same config text are two configs: what one caller changes of its config (its
``raw`` tables, its ``[tool.workers-env]`` table) is not in the next read of the same files. The
parse of a text is kept for the process (load65: each load read ``wrangler.toml`` and
``pyproject.toml`` afresh, the same few texts across a suite), so each read must get its own copy;
a file edited between two reads is parsed afresh."""

from __future__ import annotations

from workers_env.config import load_config

WRANGLER = '''name = "w"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[vars]
GREETING = "hi"
LIST = ["a", "b"]
'''
PYPROJECT = '''[project]
name = "w"
version = "0.1.0"
dependencies = []

[tool.workers-env.indexes.idx]
dimensions = 3
metric = "cosine"
'''


def _project(folder):
    (folder / "src").mkdir()
    (folder / "src" / "entry.py").write_text("")
    (folder / "wrangler.toml").write_text(WRANGLER)
    (folder / "pyproject.toml").write_text(PYPROJECT)
    return folder


def test_changing_a_read_config_leaves_the_next_read_of_the_same_text_as_written(tmp_path):
    first = load_config(_project(tmp_path))
    first.raw["vars"]["GREETING"] = "changed"
    first.raw["vars"]["LIST"].append("c")
    first.raw["added"] = True
    first.tool["indexes"]["idx"]["dimensions"] = 7
    first.tool["indexes"]["other"] = {}

    second = load_config(tmp_path)
    assert second.raw["vars"] == {"GREETING": "hi", "LIST": ["a", "b"]}
    assert "added" not in second.raw
    assert second.tool == {"indexes": {"idx": {"dimensions": 3, "metric": "cosine"}}}


def test_a_config_edited_between_two_reads_is_read_as_edited(tmp_path):
    assert load_config(_project(tmp_path)).raw["vars"]["GREETING"] == "hi"
    (tmp_path / "wrangler.toml").write_text(WRANGLER.replace('"hi"', '"hello"'))
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.replace("dimensions = 3", "dimensions = 4"))
    again = load_config(tmp_path)
    assert again.raw["vars"]["GREETING"] == "hello"
    assert again.tool["indexes"]["idx"]["dimensions"] == 4
