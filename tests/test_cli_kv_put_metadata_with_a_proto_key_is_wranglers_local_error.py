"""``kv key put --local --metadata`` with an object key ``__proto__`` anywhere in it: wrangler
4.164.0 logs its ``Writing the value ...`` line, then the put fails in Miniflare's proxy (devalue,
which will not write such an object) with ``✘ [ERROR] Cannot stringify objects with __proto__
keys`` and exit code 1, storing nothing. (``kv bulk put`` stores such metadata: it takes
another path there.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run_main

WRANGLER = 'name = "x"\ncompatibility_date = "2026-05-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("metadata", ['{"__proto__":1}', '{"a":{"__proto__":1}}', '{"a":[1,{"b":{"__proto__":{}}}]}'])
def test_a_proto_key_is_refused_after_the_log_line(root: Path, capsys: pytest.CaptureFixture[str], metadata: str) -> None:
    done = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata", metadata)
    assert done.returncode == 1
    assert f'Writing the value "v" to key "k" on namespace binding: "KV" (id: "abc") with metadata "{metadata}".' in done.stdout
    assert "✘ [ERROR] Cannot stringify objects with __proto__ keys" in done.stderr
    assert run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local").stdout == "[]\n"


def test_proto_as_a_value_or_in_a_string_is_stored(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    done = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata", '{"a":"__proto__","__proto":1}')
    assert done.returncode == 0, done.stderr


def test_bulk_put_stores_it(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "b.json").write_text('[{"key":"z","value":"v","metadata":{"__proto__":2}}]')
    assert run_main(capsys, "kv", "bulk", "put", "b.json", "--binding", "KV", "--local").returncode == 0
    assert '"__proto__": 2' in run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local").stdout
