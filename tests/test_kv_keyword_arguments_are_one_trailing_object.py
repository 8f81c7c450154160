"""Python keyword arguments to a KV method are ONE trailing JavaScript object, placed right after
the positional arguments given -- Pyodide's call, which the external SDK's ``_BindingWrapper``
makes too (workers-runtime-sdk ``workers/rpc.py``: ``fn(*js_args, **js_kwargs)``). So
``put("k", expirationTtl=60)`` hands the options object to ``put`` as its VALUE (workerd's
``KV put() accepts only strings...``), ``get(type="json")`` as its KEY (``"[object Object]"``),
and ``key=``/``value=`` are not parameter names. ``load_env``'s env of the external SDK era (the
binding itself) answers as Worker code's ``self.env`` does; before, it bound the keywords as
the options or as Python parameters and answered differently (a ``parameter 1``/``2`` error, a
Python ``TypeError: got multiple values for argument 'key'``, or a write that production refuses).

A refused call writes nothing."""

from __future__ import annotations

import pytest

from workers_env import JsException, load_env, load_worker

TOML = ('name = "kw"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n')

NOT_A_VALUE = "TypeError: KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values."
NO_VALUE = "TypeError: Failed to execute 'put' on 'KvNamespace': parameter 2 is not of type 'string or Object'."

# (call, what production answers: ("ok", result) or ("error", text))
CASES = [
    ('kv.put("k", expirationTtl=60)', ("error", NOT_A_VALUE)),
    ('kv.put("k", key="a", value="b")', ("error", NOT_A_VALUE)),
    ("kv.put(expirationTtl=60)", ("error", NO_VALUE)),  # the object is the key; no value
    ('kv.put(key="a", value="b")', ("error", NO_VALUE)),
    ('kv.get(type="json")', ("ok", "seen")),  # the key "[object Object]"
    ('kv.getWithMetadata(type="text")', ("ok", "seen")),
    ('kv.get(key="zz")', ("ok", "seen")),
    ('kv.get("zz", type="json")', ("ok", None)),  # after the key: the options
    ('kv.delete(key="zz")', ("ok", None)),  # deletes "[object Object]"
    ('kv.get(key="zz")', ("ok", None)),
]

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        await kv.put("[object Object]", "seen")
        out = []
        for call in %r:
            try:
                value = await eval(call)
                if isinstance(value, dict):
                    value = value["value"]
                out.append(["ok", value])
            except Exception as exc:
                out.append(["error", str(exc)])
        listed = await kv.list()
        return Response.json({"results": out, "keys": [k["name"] for k in listed["keys"]]})
'''


async def _through_load_env(folder):
    kv = load_env(folder / "wrangler.toml").KV
    await kv.put("[object Object]", "seen")
    out = []
    for call, _ in CASES:
        try:
            value = await eval(call, {"kv": kv})
            out.append(["ok", value["value"] if isinstance(value, dict) else value])
        except JsException as exc:
            out.append(["error", str(exc)])
    return out, [k["name"] for k in (await kv.list())["keys"]]


@pytest.mark.asyncio
async def test_keywords_are_the_trailing_object_through_load_env_as_in_worker_code(project):
    folder = project(TOML, src__entry_DOT_py=ENTRY % ([c for c, _ in CASES],))
    want = [list(answer) for _, answer in CASES]
    results, keys = await _through_load_env(folder)
    assert results == want
    assert keys == []  # every refused put wrote nothing; the delete removed "[object Object]"
    body = await (await load_worker(folder).fetch("/")).json()
    assert body == {"results": want, "keys": []}
