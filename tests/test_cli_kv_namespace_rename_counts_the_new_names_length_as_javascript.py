"""``kv namespace rename --new-name`` takes a name of up to 512 characters as wrangler's
``validateArgs`` counts them: JavaScript's ``length``, UTF-16 units, so an emoji counts two.
wrangler 4.164.0, measured (audit30): 512 ``a`` pass the check (then ``Resource location: remote``
and its ``CLOUDFLARE_API_TOKEN`` error); 511 ``a`` and an emoji are ``got 513 characters``; 300
emoji ``got 600``. workers-env counted code points (300 emoji passed) until audit30, whose
off-by-one mutant (``>= 512``) no test noticed either."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = 'name = "x"\ncompatibility_date = "2025-01-01"\n'
EMOJI = "\U0001F600"


@pytest.fixture(autouse=True)
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)


@pytest.mark.parametrize(("new_name", "counted"), [
    ("a" * 512, None), ("a" * 511 + EMOJI, 513), (EMOJI * 300, 600), (EMOJI * 256, None), ("a" * 513, 513),
], ids=["512", "511+emoji", "300-emoji", "256-emoji", "513"])
def test_the_new_name_is_measured_in_utf16_units(capsys, new_name, counted):
    assert main(["kv", "namespace", "rename", "old", "--new-name", new_name]) == 1
    out, err = capsys.readouterr()
    if counted is None:  # past the check: where wrangler logs in
        assert out.startswith("Resource location: remote \n") and "`kv namespace rename` renames a namespace" in err
    else:
        assert err.startswith(f"✘ [ERROR] The new namespace name exceeds the 512-character limit (got {counted} "
                              "characters). Provide a shorter name with `--new-name`.\n")
