"""``workers-env kv key put|get|list|delete`` and ``kv bulk put``: wrangler's arguments, output
and namespace resolution, on the same local state load_env(persist_to=...) reads."""

from __future__ import annotations

import json

import pytest
from kv_helpers import LOCATION, run

from workers_env import load_env
from workers_env.cli import main

TOML = '[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n[[kv_namespaces]]\nbinding = "BOTH"\nid = "prod"\npreview_id = "dev"\n'


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    monkeypatch.chdir(root)
    return root


def kv(*argv: str) -> int:
    return main(["kv", *argv])


def test_put_get_list_delete_with_wranglers_output(app, capsys):
    assert kv("key", "put", "greeting", "hello world", "--binding", "MY_KV", "--local") == 0
    assert capsys.readouterr().out == LOCATION + 'Writing the value "hello world" to key "greeting" on namespace binding: "MY_KV" (id: "abc123").\n'
    assert kv("key", "put", "m", "v", "--binding", "MY_KV", "--metadata", '{"a":1}', "--ttl", "120") == 0
    assert capsys.readouterr().out.endswith('(id: "abc123") with metadata "{"a":1}".\n')
    assert kv("key", "get", "greeting", "--binding", "MY_KV") == 0
    assert capsys.readouterr().out == "hello world"  # raw bytes, no newline, as wrangler
    assert kv("key", "get", "greeting", "--namespace-id", "abc123", "--text") == 0
    assert capsys.readouterr().out == "hello world\n"
    assert kv("key", "list", "--binding", "MY_KV") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0] == {"name": "greeting"} and listed[1]["metadata"] == {"a": 1} and "expiration" in listed[1]
    assert kv("key", "delete", "greeting", "--binding", "MY_KV") == 0
    assert capsys.readouterr().out == LOCATION + 'Deleting the key "greeting" on namespace binding: "MY_KV" (id: "abc123").\n'
    assert kv("key", "get", "greeting", "--binding", "MY_KV") == 0
    assert capsys.readouterr().out == "Value not found\n"


def test_what_the_cli_writes_the_binding_reads(app, capsys):
    (app / "value.bin").write_bytes(b"\x00\x01")
    assert kv("key", "put", "file", "--path", "value.bin", "--binding", "MY_KV") == 0
    assert capsys.readouterr().out.startswith(LOCATION + 'Writing the contents of value.bin to the key "file"')
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:
        assert run(env.MY_KV.get("file", "arrayBuffer")).tobytes() == b"\x00\x01"
        run(env.MY_KV.put("from-binding", "x"))
    assert kv("key", "list", "--binding", "MY_KV", "--prefix", "from") == 0
    assert json.loads(capsys.readouterr().out) == [{"name": "from-binding"}]


def test_errors_are_the_bindings_and_wranglers_texts(app, capsys):
    assert kv("key", "put", "k", "v", "--binding", "MY_KV", "--ttl", "30") == 1
    assert capsys.readouterr().err == "✘ [ERROR] KV PUT failed: 400 Invalid expiration_ttl of 30. Expiration TTL must be at least 60.\n\n\n"
    assert kv("key", "put", ".", "v", "--binding", "MY_KV") == 1
    assert capsys.readouterr().err == '✘ [ERROR] "." is not allowed as a key name.\n\n\n'
    assert kv("key", "put", "k", "v", "--binding", "NOPE") == 1
    assert 'No KV namespace with binding "NOPE" was found in the "kv_namespaces" section' in capsys.readouterr().err
    assert kv("key", "get", "k") == 1
    assert "exactly one of --binding and --namespace-id must be provided" in capsys.readouterr().err
    assert kv("key", "put", "k", "v", "--binding", "MY_KV", "--metadata", "[1]") == 1
    assert "--metadata must be a JSON object. Received: [1]" in capsys.readouterr().err
    assert kv("key", "list", "--binding", "MY_KV") == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing was written by the failures


def test_remote_is_refused_clearly(app, capsys):
    assert kv("key", "get", "k", "--binding", "MY_KV", "--remote") == 1
    err = capsys.readouterr().err
    assert "local state only" in err and "wrangler kv ... --remote" in err


REFUSED = ("✘ [ERROR] workers-env kv works on local state only (Miniflare's layout under --persist-to); --remote would "
           "reach your Cloudflare account. Use `wrangler kv ... --remote` for that.\n\n\n")


def test_remote_is_refused_where_wrangler_reaches_the_account(app, capsys):
    """wrangler 4.164.0 checks a --remote command's arguments, resolves its namespace and reads its
    file first, then fails logging in (CLOUDFLARE_API_TOKEN): the same errors come first here, and
    the refusal stands where its login error does (tools/wrangler/cli_layout_differential.py)."""
    assert kv("key", "put", "k", "v", "--remote") == 1
    assert capsys.readouterr().err == ("✘ [ERROR] Missing required option: exactly one of --binding and --namespace-id "
                                       "must be provided\n\n\n")
    assert kv("key", "put", "k", "v", "--remote", "--local", "--binding", "MY_KV") == 1
    assert capsys.readouterr().err == "✘ [ERROR] Arguments remote and local are mutually exclusive\n\n\n"
    assert kv("key", "get", "k", "--remote", "--binding", "NOPE") == 1
    assert 'No KV namespace with binding "NOPE" was found' in capsys.readouterr().err
    assert kv("bulk", "put", "missing.json", "--remote", "--binding", "MY_KV") == 1
    out, err = capsys.readouterr()
    assert out == "Resource location: remote \n\n\n" and err.startswith("✘ [ERROR] Could not read file: missing.json")
    assert kv("key", "put", "k", "v", "--remote", "--binding", "MY_KV") == 1
    assert capsys.readouterr() == ('Resource location: remote \n\nWriting the value "v" to key "k" on namespace binding: '
                                   '"MY_KV" (id: "abc123").\n\n', REFUSED)
    assert kv("key", "list", "--binding", "MY_KV") == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing written


def test_preview_selection_follows_wrangler(app, capsys):
    assert kv("key", "put", "k", "v", "--binding", "BOTH") == 1
    assert 'The binding "BOTH" has both an "id" and a "preview_id" configured' in capsys.readouterr().err
    assert kv("key", "put", "k", "dev-value", "--binding", "BOTH", "--preview") == 0
    assert '(id: "dev")' in capsys.readouterr().out
    assert kv("key", "put", "k", "prod-value", "--binding", "BOTH", "--preview", "false") == 0
    assert '(id: "prod")' in capsys.readouterr().out
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:  # wrangler dev binds preview_id
        assert run(env.BOTH.get("k")) == "dev-value"


def test_bulk_put_writes_everything_or_nothing(app, capsys):
    good = [
        {"key": "a", "value": "1"},
        {"key": "b", "value": "aGk=", "base64": True, "metadata": {"x": 1}},
        {"key": "c", "value": "3", "expiration_ttl": 120, "extra": True},
    ]
    (app / "good.json").write_text(json.dumps(good))
    assert kv("bulk", "put", "good.json", "--binding", "MY_KV") == 0
    captured = capsys.readouterr()
    assert captured.out == LOCATION + "Success!\n"
    assert captured.err == (
        '▲ [WARNING] Unexpected key-value properties in "good.json".\n\n'
        '  The item at index 2 contains unexpected properties: ["extra"].\n\n\n'
    )
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:
        assert run(env.MY_KV.getWithMetadata("b")) == {"value": "hi", "metadata": {"x": 1}, "cacheStatus": None}
    (app / "bad.json").write_text(json.dumps([{"key": "d", "value": "4"}, {"key": "e"}]))
    assert kv("bulk", "put", "bad.json", "--binding", "MY_KV") == 1
    err = capsys.readouterr().err
    assert err.startswith('✘ [ERROR] Unexpected JSON input from "bad.json".\n\n  Each item in the array should be an object that matches:')
    assert err.rstrip().endswith('The item at index 1 is {"key":"e"}')
    (app / "limit.json").write_text(json.dumps([{"key": "d", "value": "4"}, {"key": "e", "value": "5", "expiration_ttl": 10}]))
    assert kv("bulk", "put", "limit.json", "--binding", "MY_KV") == 1
    assert "item 1 (key 'e'): KV PUT failed: 400 Invalid expiration_ttl of 10" in capsys.readouterr().err
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:
        assert run(env.MY_KV.get("d")) is None  # the rejected batch wrote nothing
    (app / "obj.json").write_text("{}")
    assert kv("bulk", "put", "obj.json", "--binding", "MY_KV") == 1
    assert capsys.readouterr().err == ('✘ [ERROR] Unexpected JSON input from "obj.json".\n\n'
                                       '  Expected an array of key-value objects but got type "object".\n\n\n')


def test_bulk_put_decodes_base64_as_wranglers_buffer_from(app, capsys):
    # wrangler 4.164.0 decodes with Node's Buffer.from(value, "base64"), which refuses nothing:
    # the first "=" ends it, characters of neither alphabet are skipped, base64url's "-" and "_"
    # are digits, a last lone character is dropped (each compared with wrangler's stored bytes)
    values = {"pad": "YQ==x", "ends": "YWJj=YWJj", "url": "YWA_", "skips": "Y!W\nJ j", "lone": "YWJjZ", "one": "a"}
    (app / "b64.json").write_text(json.dumps([{"key": k, "value": v, "base64": True} for k, v in values.items()]))
    assert kv("bulk", "put", "b64.json", "--binding", "MY_KV") == 0
    assert capsys.readouterr().out == LOCATION + "Success!\n"
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:
        assert {k: run(env.MY_KV.get(k)) for k in values} == {
            "pad": "a", "ends": "abc", "url": "a`?", "skips": "abc", "lone": "abc", "one": ""}


@pytest.mark.parametrize("bad", [12, 13])
def test_bulk_put_lists_at_most_12_bad_items_then_an_ellipsis(app, capsys, bad):
    # wrangler's BATCH_MAX_ERRORS_WARNINGS (checked on wrangler 4.164): 12 items named, then "..."
    items = [{"key": "good", "value": "1"}] + [{"key": f"k{i}"} for i in range(bad)]
    (app / "bad.json").write_text(json.dumps(items))
    assert kv("bulk", "put", "bad.json", "--binding", "MY_KV") == 1
    err = capsys.readouterr().err
    named = [f'  The item at index {i + 1} is {{"key":"k{i}"}}' for i in range(12)]
    assert err.rstrip().endswith("}\n  \n" + "\n".join(named + ["  ..."] * (bad > 12)))
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:
        assert run(env.MY_KV.get("good")) is None  # a refused file writes nothing


@pytest.mark.parametrize("extra", [12, 13])
def test_bulk_put_warns_of_at_most_12_items_with_unexpected_properties(app, capsys, extra):
    (app / "extra.json").write_text(json.dumps([{"key": f"k{i}", "value": "v", "x": 1} for i in range(extra)]))
    assert kv("bulk", "put", "extra.json", "--binding", "MY_KV") == 0
    captured = capsys.readouterr()
    named = [f'  The item at index {i} contains unexpected properties: ["x"].' for i in range(12)]
    assert captured.err == ('▲ [WARNING] Unexpected key-value properties in "extra.json".\n\n'
                            + "\n".join(named + ["  ..."] * (extra > 12)) + "\n\n\n")
    assert captured.out == LOCATION + "Success!\n"


def test_without_a_config_only_namespace_id_works(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert kv("key", "put", "k", "v", "--binding", "X") == 1
    # wrangler 4.164.0's text: without a file its config still exists (readConfig's defaults), so its
    # "Cannot resolve `--binding` without a wrangler config file" branch never runs
    assert "No KV namespaces are configured in your wrangler config file." in capsys.readouterr().err
    assert kv("key", "put", "k", "v", "--namespace-id", "loose") == 0
    assert (tmp_path / ".wrangler" / "state" / "v3" / "kv" / "loose" / "blobs").is_dir()
