"""deriveBits' algorithm holding a CryptoKey in ``public`` (ECDH, X25519) as a Python dict, as
``to_js(dict)`` and as a JS ``Map``, per Pyodide era -- measured on real Pyodide 0.26.0a4, 0.28.2
and 314.0.6 (tools/pyodide, group algorithm-holding-a-key) and under wrangler dev 4.164.0: from
0.28 a dict's PyProxy reads its keys and ``to_js`` makes a LiteralMap (0.28) or an Object (314)
holding the CryptoKey itself, so the bits are derived; on 0.26 neither shows a name, nor does a
``Map`` in any era, and workerd refuses the nameless algorithm with InvalidAccessError."""

from __future__ import annotations

import pytest
from workers_env import PyProxyWarning
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from pyodide.ffi import JsException, to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        s = js.crypto.subtle
        out = {}
        for name, gen in (("X25519", "X25519"),
                          ("ECDH", to_js({"name": "ECDH", "namedCurve": "P-256"}, dict_converter=js.Object.fromEntries))):
            a = await s.generateKey(gen, False, to_js(["deriveBits"]))
            b = await s.generateKey(gen, False, to_js(["deriveBits"]))
            algo = {"name": name, "public": b.publicKey}
            for form, value in (("dict", algo), ("to_js", to_js(algo)),
                                ("object", to_js(algo, dict_converter=js.Object.fromEntries)),
                                ("map", js.Map.new(to_js(list(algo.items()))))):
                try:
                    out[f"{name} {form}"] = (await s.deriveBits(value, a.privateKey, 128)).byteLength
                except JsException as e:
                    out[f"{name} {form}"] = f"{e.name}: {e.message}"
        return Response.json(out)
"""


def _refused(name: str) -> str:  # an algorithm workerd does not know, from 1.20261123.1 (before: a mismatch with name's)
    return 'NotSupportedError: Unrecognized or unimplemented algorithm "undefined" requested.'


@pytest.mark.parametrize(("date", "derived"), [("2025-09-01", ("object",)), ("2025-10-01", ("dict", "to_js", "object")),
                                               ("2026-09-08", ("dict", "to_js", "object"))])
def test_the_key_reaches_derive_bits_where_the_algorithm_shows_its_name(tmp_path, date, derived):
    if "dict" in derived:
        answer = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    else:  # 0.26: the plain dict reaches crypto.subtle as a PyProxy, which workers-env warns of
        with pytest.warns(PyProxyWarning, match="as the algorithm of a crypto.subtle call"):
            answer = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    assert answer == {f"{name} {form}": 16 if form in derived else _refused(name)
                      for name in ("X25519", "ECDH") for form in ("dict", "to_js", "object", "map")}
