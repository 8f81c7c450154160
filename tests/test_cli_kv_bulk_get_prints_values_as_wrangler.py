"""``workers-env kv bulk get FILE``: wrangler 4.164.0's local output, ``{key: {"value": text or
null}}`` as ``JSON.stringify(out, null, 2)`` writes the object wrangler builds (array-index
names first, a repeated key once, ``__proto__`` left out), each value read as text, no
metadata; the file's names as strings or ``{"name": ...}`` objects."""

from __future__ import annotations

import json

import pytest
from kv_helpers import run

from workers_env import load_env
from workers_env.cli import main


@pytest.fixture
def app(project, monkeypatch):
    root = project('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    monkeypatch.chdir(root)
    with load_env(root, persist_to=root / ".wrangler" / "state") as env:
        run(env.MY_KV.put("text", "héllo", {"metadata": {"m": 1}}))
        run(env.MY_KV.put("bin", b"\x00\xff\x80A"))
        run(env.MY_KV.put("10", "ten"))
        run(env.MY_KV.put("2", "two"))
        run(env.MY_KV.put("__proto__", "p"))
        run(env.MY_KV.put("empty", ""))
    return root


def bulk_get(app, capsys, keys, *options: str) -> str:
    (app / "keys.json").write_text(json.dumps(keys))
    assert main(["kv", "bulk", "get", "keys.json", "--binding", "MY_KV", *options]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_values_by_name_or_name_object_missing_ones_null(app, capsys):
    out = bulk_get(app, capsys, ["text", {"name": "empty", "ignored": True}, "missing"])
    assert out == '{\n  "text": {\n    "value": "héllo"\n  },\n  "empty": {\n    "value": ""\n  },\n  "missing": {\n    "value": null\n  }\n}\n'


def test_bytes_that_are_not_utf8_read_as_text(app, capsys):
    assert json.loads(bulk_get(app, capsys, ["bin"])) == {"bin": {"value": "\x00\ufffd\ufffdA"}}


def test_order_is_a_javascript_objects_and_proto_is_left_out(app, capsys):
    out = bulk_get(app, capsys, ["text", "10", "__proto__", "2", "text", "-1", "01"])
    assert list(json.loads(out)) == ["2", "10", "text", "-1", "01"]


def test_an_empty_array_prints_an_empty_object(app, capsys):
    assert bulk_get(app, capsys, []) == "{}\n"


def test_namespace_id_and_preview_false_read_the_same_namespace(app, capsys):
    (app / "keys.json").write_text('["text"]')
    assert main(["kv", "bulk", "get", "keys.json", "--namespace-id", "abc123"]) == 0
    assert json.loads(capsys.readouterr().out) == {"text": {"value": "héllo"}}
    assert json.loads(bulk_get(app, capsys, ["text"], "--preview", "false")) == {"text": {"value": "héllo"}}
