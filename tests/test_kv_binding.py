"""The KV binding's surface through load_env: get in every type, bulk get, getWithMetadata,
put options, delete, list with prefix/limit/cursor, and the shapes Python code receives."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML, run

from workers_env import JsDict, JsException, load_env


@pytest.fixture
def kv(project):
    return load_env(project(KV_TOML)).KV


def test_text_is_the_default_and_missing_keys_are_none(kv):
    run(kv.put("greeting", "héllo"))
    assert run(kv.get("greeting")) == "héllo"
    assert run(kv.get("greeting", "text")) == "héllo"
    assert run(kv.get("greeting", {"type": "text"})) == "héllo"
    assert run(kv.get("absent")) is None
    assert run(kv.get("absent", "json")) is None


def test_json_values_come_back_as_jsdict_with_js_numbers(kv):
    run(kv.put("doc", '{"a": {"b": [1, 2.0, 2.5]}, "n": null}'))
    value = run(kv.get("doc", "json"))
    assert isinstance(value, JsDict) and value.a.b == [1, 2, 2.5]
    assert value["n"] is None and type(value.a.b[1]) is int
    assert run(kv.get("doc", type="json")) == value  # keywords are the options object


def test_json_of_a_value_that_is_not_json_is_a_syntax_error(kv):
    run(kv.put("plain", "hello"))
    with pytest.raises(JsException) as err:
        run(kv.get("plain", "json"))
    assert str(err.value) == "SyntaxError: Unexpected token 'h', \"hello\" is not valid JSON"
    run(kv.put("empty", ""))
    with pytest.raises(JsException, match="Unexpected end of JSON input"):
        run(kv.get("empty", "json"))


def test_array_buffer_is_a_writable_memoryview_copy_of_the_bytes(kv):
    run(kv.put("bin", b"\x00\xff\x10"))
    value = run(kv.get("bin", "arrayBuffer"))
    assert isinstance(value, memoryview) and not value.readonly and value.tobytes() == b"\x00\xff\x10"
    value[0] = 7  # Pyodide's to_py copies the ArrayBuffer: writing to the copy changes nothing stored
    assert run(kv.get("bin", "arrayBuffer")).tobytes() == b"\x00\xff\x10"
    assert run(kv.get("bin")) == "\x00\ufffd\x10"  # text decodes as UTF-8 with replacement


def test_stream_reads_back_the_bytes_once(kv):
    run(kv.put("big", b"x" * 100_000))
    stream = run(kv.get("big", "stream"))

    async def drain():
        return b"".join([chunk async for chunk in stream])

    assert run(drain()) == b"x" * 100_000
    with pytest.raises(TypeError, match="can be read once"):
        stream.read()
    run(kv.put("copy", run(kv.get("big", "stream"))))  # a stream is a put value too
    assert run(kv.get("copy", "arrayBuffer")).tobytes() == b"x" * 100_000


def test_unknown_type_is_refused_only_when_the_key_exists(kv):
    assert run(kv.get("absent", "blob")) is None  # the runtime checks the type on a found value
    run(kv.put("k", "v"))
    with pytest.raises(JsException) as err:
        run(kv.get("k", "blob"))
    assert str(err.value) == 'TypeError: Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".'


def test_an_empty_type_is_unknown_for_one_key_and_text_for_a_bulk_get(kv):
    run(kv.put("k", "v"))
    for call in (kv.get("k", ""), kv.get("k", {"type": ""}), kv.getWithMetadata("k", "")):
        with pytest.raises(JsException, match="Unknown response type"):
            run(call)
    assert dict(run(kv.get(["k"], ""))) == {"k": "v"}  # the runtime sends no type: the service's text


def test_put_accepts_buffers_and_stringifies_primitives_and_refuses_objects(kv):
    run(kv.put("view", memoryview(b"abc")))
    run(kv.put("arr", bytearray(b"de")))
    run(kv.put("num", 42))
    run(kv.put("flt", 1.5))
    run(kv.put("bool", True))
    assert [run(kv.get(k)) for k in ("view", "arr", "num", "flt", "bool")] == ["abc", "de", "42", "1.5", "true"]
    for bad in ({"a": 1}, [1, 2]):
        with pytest.raises(JsException) as err:
            run(kv.put("obj", bad))
        assert "KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams" in str(err.value)
    assert run(kv.get("obj")) is None


def test_get_with_metadata(kv):
    run(kv.put("k", "v", {"metadata": {"owner": "ann", "n": 1}}))
    run(kv.put("plain", "v"))
    got = run(kv.getWithMetadata("k"))
    assert got == {"value": "v", "metadata": {"owner": "ann", "n": 1}, "cacheStatus": None}
    assert got.metadata.owner == "ann"
    assert run(kv.getWithMetadata("plain")) == {"value": "v", "metadata": None, "cacheStatus": None}
    assert run(kv.getWithMetadata("absent")) == {"value": None, "metadata": None, "cacheStatus": None}
    assert run(kv.getWithMetadata("k", "arrayBuffer")).value.tobytes() == b"v"


def test_bulk_get_returns_a_dict_in_request_order_with_none_for_missing(kv):
    run(kv.put("a", '{"x": 1}', metadata={"m": 1}))
    run(kv.put("b", "[2]"))
    got = run(kv.get(["b", "missing", "a"], "json"))
    assert list(got.items()) == [("b", [2]), ("missing", None), ("a", {"x": 1})]
    assert run(kv.get(["a"])) == {"a": '{"x": 1}'}
    with_meta = run(kv.getWithMetadata(["a", "missing"], "json"))
    assert with_meta == {"a": {"value": {"x": 1}, "metadata": {"m": 1}}, "missing": None}


def test_bulk_get_only_takes_text_or_json_and_json_values(kv):
    run(kv.put("a", "not json"))
    with pytest.raises(JsException) as err:
        run(kv.get(["a"], "arrayBuffer"))
    assert str(err.value) == 'Error: KV GET_BULK failed: 400 "arrayBuffer" is not a valid type. Use "json" or "text"'
    with pytest.raises(JsException) as err:
        run(kv.get(["a"], "json"))
    assert str(err.value) == "Error: KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value"


def test_delete_removes_and_missing_keys_are_fine(kv):
    run(kv.put("k", "v"))
    assert run(kv.delete("k")) is None
    assert run(kv.get("k")) is None
    run(kv.delete("never-there"))


def test_list_orders_keys_by_utf8_bytes_and_reports_expiration_and_metadata(kv):
    for key in ("b", "a", "é", "Z", "a/1"):
        run(kv.put(key, "v"))
    run(kv.put("m", "v", metadata={"t": True}, expirationTtl=120))
    result = run(kv.list())
    assert [k.name for k in result["keys"]] == ["Z", "a", "a/1", "b", "m", "é"]
    assert result.list_complete is True and "cursor" not in result and result.cacheStatus is None
    m = result["keys"][4]
    assert m.metadata == {"t": True} and isinstance(m.expiration, int)
    assert set(result["keys"][0]) == {"name"}


def test_list_prefix_limit_and_cursor_walk_every_key_once(kv):
    keys = [f"user:{i:03d}" for i in range(25)] + ["other"]
    for key in keys:
        run(kv.put(key, "v"))
    seen, cursor = [], None
    while True:
        page = run(kv.list({"prefix": "user:", "limit": 10, "cursor": cursor}))
        seen += [k.name for k in page["keys"]]
        if page.list_complete:
            break
        assert len(page["keys"]) == 10
        cursor = page.cursor
    assert seen == sorted(k for k in keys if k.startswith("user:"))
    assert run(kv.list(prefix="user:", limit=0))["keys"][0].name == "user:000"  # 0: not sent, default 1000


def test_a_key_added_between_pages_after_the_cursor_is_seen(kv):
    for key in ("a", "b", "d"):
        run(kv.put(key, "v"))
    first = run(kv.list(limit=2))
    run(kv.put("c", "v"))
    assert [k.name for k in run(kv.list(cursor=first.cursor))["keys"]] == ["c", "d"]


def test_a_bad_cursor_is_a_clear_error(kv):
    with pytest.raises(JsException, match="Invalid cursor"):
        run(kv.list(cursor="%%%"))


def test_two_bindings_on_one_namespace_share_data_and_preview_id_wins(project):
    env = load_env(project(
        '[[kv_namespaces]]\nbinding = "A"\nid = "same"\n'
        '[[kv_namespaces]]\nbinding = "B"\nid = "other"\npreview_id = "same"\n'
        '[[kv_namespaces]]\nbinding = "C"\n'
    ))
    run(env.A.put("k", "shared"))
    assert run(env.B.get("k")) == "shared"
    assert run(env.C.get("k")) is None
    assert (env.A.namespace_id, env.B.namespace_id, env.C.namespace_id) == ("same", "same", "C")


def test_sync_core_is_safe_across_threads(kv):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: kv.put_sync(f"k{i:04d}", str(i)), range(400)))
    page = kv.list_sync()
    assert [k.name for k in page["keys"]] == [f"k{i:04d}" for i in range(400)]
    assert kv.get_sync("k0399") == "399"


def test_metadata_holding_a_python_object_without_a_js_form_is_refused_whole(kv):
    class Thing:
        pass

    for metadata in ({"a": Thing()}, Thing()):
        with pytest.raises(JsException) as info:
            run(kv.put("k", "v", {"metadata": metadata}))
        assert str(info.value) == ("TypeError: KV put() metadata must be JSON-serialisable (dicts, lists, strings, "
                                   "numbers, booleans, None): a Python Thing has no JavaScript conversion (it reaches "
                                   "JSON as a PyProxy)")
    assert run(kv.get("k")) is None  # nothing written
