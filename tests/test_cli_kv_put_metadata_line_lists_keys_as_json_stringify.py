"""``kv key put --metadata`` logs the metadata as wrangler 4.164.0 does, ``JSON.stringify`` of what
``JSON.parse`` read: an object's array-index keys (``"1"``, ``"2"``) come first, ascending, then the
others in the order written -- as the same metadata is listed by ``kv key list``. Seen with the real
wrangler: ``--metadata '{"b":1,"2":2,"1":3,"a":4,"a":5}'`` logs ``{"1":3,"2":2,"b":1,"a":5}``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_main

WRANGLER = 'name = "x"\ncompatibility_date = "2026-05-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'


@pytest.mark.parametrize(("metadata", "logged"), [
    ('{"b":1,"2":2,"1":3,"a":4,"a":5}', '{"1":3,"2":2,"b":1,"a":5}'),
    ('{"z":{"10":1,"y":2,"01":3,"9":4},"0":[{"b":1,"4294967294":2,"4294967295":3}]}',
     '{"0":[{"4294967294":2,"b":1,"4294967295":3}],"z":{"9":4,"10":1,"y":2,"01":3}}'),
])
def test_the_put_line_orders_metadata_keys_as_a_javascript_object_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str],
                                                                       metadata: str, logged: str) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    done = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata", metadata)
    assert done.returncode == 0, done.stderr
    assert f'with metadata "{logged}".' in done.stdout
    listed = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local").stdout
    assert json.dumps(json.loads(listed)[0]["metadata"], separators=(",", ":")) == logged
