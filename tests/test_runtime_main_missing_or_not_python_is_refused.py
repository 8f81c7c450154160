"""A config without ``main`` and a ``main`` that is no ``.py`` file are refused at load, the
latter in workerd's words (its Python entrypoint's ``PythonUserError``)."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_worker

HEAD = 'name = "w"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'


@pytest.mark.parametrize(("main", "message"), [
    ("", 'the wrangler config has no "main": name the Python Worker\'s entry file, e.g. main = "src/entry.py"'),
    ('main = "src/entry.js"\n', "Main module needs to end with a .py file extension"),
])
def test_the_load_is_refused_with_what_to_name(tmp_path, main, message):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.js").write_text("export default {}\n")
    (tmp_path / "wrangler.toml").write_text(HEAD + main)
    with pytest.raises(ConfigError) as refused:
        load_worker(tmp_path)
    assert str(refused.value) == message
