"""``kv bulk get|delete FILE`` refuse a file that is not a JSON array of key names (or
``{"name": ...}`` objects) in wrangler 4.164.0's words, every bad item named by index, type and
JSON, and a key the binding refuses (empty, ``.``, over 512 bytes) with the binding's error;
a refused delete file deletes nothing, not even the keys before the bad one (wrangler's local
mode deletes those)."""

from __future__ import annotations

import json

import pytest
from kv_helpers import LOCATION, run

from workers_env import load_env
from workers_env.cli import main

KEYS = ["a", "b"]


@pytest.fixture
def app(project, monkeypatch):
    root = project('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    monkeypatch.chdir(root)
    with load_env(root, persist_to=root / ".wrangler" / "state") as env:
        for key in KEYS:
            run(env.MY_KV.put(key, "v"))
    return root


def stored(app) -> list[str]:
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:
        return [k["name"] for k in run(env.MY_KV.list())["keys"]]


def refused(app, capsys, verb: str, content: str) -> str:
    """The error text of ``kv bulk VERB`` on ``content`` (delete with ``--force``): only the
    empty line of wrangler's handleError on stdout (after delete's resource location lines),
    nothing deleted."""
    (app / "keys.json").write_text(content)
    force = ["--force"] if verb == "delete" else []
    assert main(["kv", "bulk", verb, "keys.json", "--binding", "MY_KV", *force]) == 1
    captured = capsys.readouterr()
    assert captured.out == (LOCATION if verb == "delete" else "") + "\n"
    assert stored(app) == KEYS
    return captured.err


@pytest.mark.parametrize("verb", ["get", "delete"])
@pytest.mark.parametrize(("content", "shown"), [
    ('{"name": "a"}', "[object Object]"), ("null", "null"), ("1e21", "1e+21"), ('"a\\nb"', "a\n  b"), ("true", "true"),
], ids=["object", "null", "number", "string", "boolean"])
def test_not_an_array(app, capsys, verb, content, shown):
    assert refused(app, capsys, verb, content) == (
        '✘ [ERROR] Unexpected JSON input from "keys.json".\n\n  Expected an array of strings but got:\n'
        f"  {shown}\n\n\n"
    )


@pytest.mark.parametrize("verb", ["get", "delete"])
def test_each_bad_item_is_named_and_good_ones_before_it_are_kept(app, capsys, verb):
    content = '["a", 1, null, true, {"name": 5}, [1], {"key": "b"}, 1e400, {"b": 1, "1": 2}, {"name": "b"}]'
    assert refused(app, capsys, verb, content) == (
        '✘ [ERROR] Unexpected JSON input from "keys.json".\n\n'
        '  Expected an array of strings or objects with a "name" key.\n'
        '  The item at index 1 is type: "number" - 1\n'
        '  The item at index 2 is type: "object" - null\n'
        '  The item at index 3 is type: "boolean" - true\n'
        '  The item at index 4 is type: "object" - {"name":5}\n'
        '  The item at index 5 is type: "object" - [1]\n'
        '  The item at index 6 is type: "object" - {"key":"b"}\n'
        '  The item at index 7 is type: "number" - null\n'
        '  The item at index 8 is type: "object" - {"1":2,"b":1}\n\n\n'
    )


@pytest.mark.parametrize("verb", ["get", "delete"])
def test_not_json(app, capsys, verb):
    err = refused(app, capsys, verb, '["a",]')
    assert err.startswith("✘ [ERROR] ValueExpected\n\n    keys.json:1:5:\n")


@pytest.mark.parametrize(("verb", "op"), [("get", "GET"), ("delete", "DELETE")])
@pytest.mark.parametrize(("key", "error"), [
    ("k" * 513, "KV {op} failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512."),
    ("é" * 257, "KV {op} failed: 414 UTF-8 encoded length of 514 exceeds key length limit of 512."),
    ("", "Key name cannot be empty."),
    ("..", '".." is not allowed as a key name.'),
], ids=["513 bytes", "514 bytes in 257 chars", "empty", "dots"])
def test_a_key_the_binding_refuses_after_good_ones(app, capsys, verb, op, key, error):
    assert refused(app, capsys, verb, json.dumps(["a", {"name": "b"}, key])) == f"✘ [ERROR] {error.format(op=op)}\n\n\n"


def test_a_512_byte_key_is_fine(app, capsys):
    (app / "keys.json").write_text(json.dumps(["é" * 256, "a"]))
    assert main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV", "-f"]) == 0
    assert capsys.readouterr().out == LOCATION + "Success!\n"
    assert stored(app) == ["b"]
