"""A ``None`` given where KV's JSG parameter is a string (a key, ``put``'s value, a key of a bulk
``get``'s list) is what the Worker's SDK era passes: Pyodide's ``undefined`` with the built-in
SDK -- a present ``undefined`` is unwrapped like any value (jsg ``type-wrapper.h`` refuses only an
argument not passed) and V8's ``ToString`` makes it ``"undefined"`` (jsg ``value.h``
``StringWrapper``) -- and ``null`` with the external SDK (``python_to_rpc``), which reads as
``"null"``. An argument not passed at all stays jsg's ``TypeError`` in both."""

from __future__ import annotations

import pytest

from workers_env import JsException, load_env, to_js

EXTERNAL = "2026-05-01"
BUILTIN = "2025-11-01"
LEGACY_PYODIDE = "2025-06-01"  # Pyodide 0.26: JavaScript null reads as None there


def _env(tmp_path, date):
    (tmp_path / "wrangler.toml").write_text(
        f'name = "kv"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n')
    return load_env(tmp_path / "wrangler.toml")


async def _keys(env):
    listed = await env.KV.list()
    listed = listed.to_py() if hasattr(listed, "to_py") else listed
    return [k["name"] for k in listed["keys"]]


def _plain(value):
    return value.to_py() if hasattr(value, "to_py") else value


@pytest.mark.asyncio
@pytest.mark.parametrize("date", [BUILTIN, LEGACY_PYODIDE])
async def test_builtin_sdk_none_is_the_string_undefined(tmp_path, date):
    env = _env(tmp_path, date)
    await env.KV.put("k", None)
    assert await env.KV.get("k") == "undefined"
    await env.KV.put(None, "v")
    assert await _keys(env) == ["k", "undefined"]
    assert await env.KV.get(None) == "v"
    assert await env.KV.get(None, type="text") == "v"
    assert (await env.KV.getWithMetadata(None)).value == "v"
    await env.KV.put("null", "n")
    bulk = _plain(await env.KV.get(to_js(["k", None])))
    assert bulk == {"k": "undefined", "undefined": "v"}
    await env.KV.delete(None)
    assert await _keys(env) == ["k", "null"]


@pytest.mark.asyncio
async def test_external_sdk_none_is_the_string_null(tmp_path):
    env = _env(tmp_path, EXTERNAL)
    await env.KV.put("k", None)
    assert await env.KV.get("k") == "null"
    await env.KV.put(None, "v")
    await env.KV.put("undefined", "u")
    assert await _keys(env) == ["k", "null", "undefined"]
    assert await env.KV.get(None) == "v"
    assert await env.KV.get(["k", None]) == {"k": "null", "null": "v"}
    await env.KV.delete(None)
    assert await _keys(env) == ["k", "undefined"]


@pytest.mark.asyncio
@pytest.mark.parametrize("date", [BUILTIN, EXTERNAL])
async def test_an_argument_not_passed_is_still_refused(tmp_path, date):
    env = _env(tmp_path, date)
    for call, text in [(env.KV.get, "Failed to execute 'get' on 'KvNamespace': parameter 1 is not of type 'string or Array'."),
                       (env.KV.delete, "Failed to execute 'delete' on 'KvNamespace': parameter 1 is not of type 'string'."),
                       (lambda: env.KV.put("k"), "Failed to execute 'put' on 'KvNamespace': parameter 2 is not of type 'string or Object'.")]:
        with pytest.raises(JsException) as raised:
            await call()
        assert (raised.value.name, raised.value.message) == ("TypeError", text)
    assert await _keys(env) == []
