"""``workers-env dev`` with a ``main`` that is no ``.py`` file (``src/entry.js``) stops at the
Worker's load with one line, ``workers-env dev: `` and workerd's refusal of a Python Worker's
main module (``Main module needs to end with a .py file extension``), exit 1 and nothing served:
workers-env runs Python Workers only (wrangler dev would run that file as a JavaScript Worker,
so this line is workers-env's own). A refusal the loader makes reaches the user through that
prefix; audit16 found no test that pinned it."""

from __future__ import annotations

from workers_env.cli import main


def test_a_main_that_is_no_python_file_is_one_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.js").write_text("export default {}\n")
    (tmp_path / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.js"\ncompatibility_date = "2025-01-01"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    monkeypatch.chdir(tmp_path)
    code = main(["dev", "--port", "0"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "workers-env dev: Main module needs to end with a .py file extension\n")
    assert "Ready on" not in out
