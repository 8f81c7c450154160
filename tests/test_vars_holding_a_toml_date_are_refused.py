"""A TOML date or time inside a ``[vars]`` value (wrangler's config check refuses one as the var
itself) stops ``wrangler dev`` 4.164.0 from starting -- it prints the bindings table, then
Miniflare's ``Invalid input: expected string, received TomlDate`` (measured with a JavaScript
twin) -- so ``load_env``, the Worker and ``workers-env dev`` refuse it by name, as they refuse
``inf``/``nan``, with the string ``wrangler deploy`` would send instead: the JSON text of
smol-toml's ``TomlDate`` (milliseconds always, cut; a local date, time or date-time without a
zone; an offset kept in its own wall time), as wrangler's table prints it. Before review58 the
Worker got Python ``datetime`` objects (``JSON.stringify`` of one: ``{}``)."""

from __future__ import annotations

import pytest

from dev_reload_helpers import dev_printed_before_serving

from workers_env import ConfigError, load_env

#: each value's text as wrangler dev 4.164.0's bindings table printed it for a JS twin
TEXTS = [
    ("[1979-05-27, 1.5]", "vars.X[0]", "1979-05-27"),
    ("{ d = 1979-05-27T07:32:00Z }", "vars.X.d", "1979-05-27T07:32:00.000Z"),
    ("{ d = 1979-05-27T00:32:00.999999-07:00 }", "vars.X.d", "1979-05-27T00:32:00.999-07:00"),
    ("{ d = 1979-05-27T07:32:00 }", "vars.X.d", "1979-05-27T07:32:00.000"),
    ("{ d = 1979-05-27 }", "vars.X.d", "1979-05-27"),
    ("{ d = 07:32:00 }", "vars.X.d", "07:32:00.000"),
    ("{ d = 00:32:00.5 }", "vars.X.d", "00:32:00.500"),
    ("{ d = 1979-05-27 07:32:00.123456789Z }", "vars.X.d", "1979-05-27T07:32:00.123Z"),
    ("{ a = [{ b = 1979-05-27 }] }", "vars.X.a[0].b", "1979-05-27"),
]


@pytest.mark.parametrize(("value", "where", "text"), TEXTS)
def test_refused_by_name_with_the_text_deploy_would_send(tmp_path, value, where, text):
    (tmp_path / "wrangler.toml").write_text(f'name = "w"\n[vars]\nX = {value}\n')
    with pytest.raises(ConfigError) as refused:
        load_env(tmp_path)
    assert str(refused.value).endswith(
        f'"{where}" is a TOML date, which a JSON var cannot hold: wrangler dev refuses to start on it (Miniflare: '
        f'"Invalid input: expected string, received TomlDate"); write it as a string, as wrangler deploy would '
        f'send it: "{text}"')


def test_dev_refuses_to_start(tmp_path, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("from workers import WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n    pass\n")
    (tmp_path / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                                            'compatibility_flags = ["python_workers"]\n[vars]\nO = { d = 07:32:00 }\n')
    out, served = dev_printed_before_serving(tmp_path, monkeypatch=monkeypatch)
    assert '"vars.O.d" is a TOML date' in out
    assert not served
