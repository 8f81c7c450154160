"""Edge cases of the KV binding for ``kv_differential.py`` (section 1b), run on a fresh namespace.

Each operation is ``[method, *args]`` in the differential's JSON notation; the markers besides
``kv_differential.py``'s (``$bytes``, ``$repeat``, ``$now_plus``, ``$bigint``):

- ``{"$repeat_bytes": [hex byte, n]}``: n copies of one byte (a ``Uint8Array``);
- ``{"$typed": [name, items]}``: a typed array (``new Uint16Array([1, 258])``), ``BigInt64Array`` items as BigInts;
- ``{"$arraybuffer": hex}``, ``{"$dataview": hex}``: an ``ArrayBuffer``, a ``DataView`` over one;
- ``{"$u8view": [hex, offset, length]}``: a ``Uint8Array`` over part of a buffer;
- ``{"$stream": [chunk, ...]}``: a ``ReadableStream`` of bytes (a chunk: ``$bytes``/``$repeat_bytes``, or a
  string, its UTF-8); ``{"$response": hex}``: ``new Response(bytes).body``; ``{"$blob": text}``: a ``Blob``;
- ``{"$num": "NaN" | "Infinity" | "-Infinity" | "-0"}``: numbers JSON has no spelling of;
- ``{"$last_cursor": true}``: the cursor the latest ``list`` returned.

The areas (the main list covers the common ones): key names at and over 512 UTF-8 bytes in 2-,
3- and 4-byte characters and lone surrogates (sent well-formed, U+FFFD), NUL, ``/``, dots and
blanks; every kind of value ``put`` takes or refuses; ``get``'s types and options, ``cacheTtl``
limits and non-integers; bulk ``get`` (duplicates, types, limits, JSON that is not JSON);
``getWithMetadata`` on each; metadata at and over 1024 bytes in multi-byte and escaped text and
odd JSON; expiry at and under 60 s, in the past, not integers, strings, both given; ``list``'s
``limit``, ``prefix``, ``cursor`` (invalid, reused, after deletes) and its key order (UTF-8
bytes, not UTF-16 units); deletes of absent keys; value sizes at and over 25 MiB in multi-byte
text, bytes and streams.
"""

from __future__ import annotations

MiB25 = 25 * 1024 * 1024

E2 = "é"  # 2 UTF-8 bytes
E3 = "€"  # 3
E4 = "😀"  # 4 (a surrogate pair in UTF-16)
LONE = "\ud800"  # sent as U+FFFD: 3 bytes

KEYS_AT_512 = [E2 * 256, E3 * 170 + "kk", E4 * 128, E4 * 127 + E3 + "k", LONE * 170 + "kk", "\x00" * 512, "/" * 512]
KEYS_OVER_512 = [E3 * 171, E4 * 128 + "k", E4 * 127 + E3 + "kk", LONE * 171, E3 * 170 + E2 + "k", "\x00" * 513]
ODD_KEYS = ["\x00", "a\x00b", "/", "a/b", "../x", "./", " ", "\n", "\t.", ". ", ".\u200b", "%2e", "...",
            "\ufeff", "\ud800", "a\udc00", "\ude00\ud83d", "a\ud83d", E4, "\uffff", "k\r\n"]

EDGE_OPS: list[list] = [
    # -- keys at and over 512 UTF-8 bytes, each through put, get, getWithMetadata, delete and a bulk get
    *[["put", k, "at"] for k in KEYS_AT_512],
    *[["get", k] for k in KEYS_AT_512],
    ["getWithMetadata", E4 * 128], ["get", [E3 * 170 + "kk", E4 * 128, LONE * 170 + "kk"]],
    ["list", {"prefix": E4}], ["list", {"prefix": "\x00", "limit": 1}],
    *[["put", k, "over"] for k in KEYS_OVER_512],
    *[["get", k] for k in KEYS_OVER_512[:3]],
    ["getWithMetadata", E4 * 128 + "k"], ["delete", E4 * 128 + "k"], ["delete", LONE * 171],
    ["get", [E4 * 128 + "k"]], ["get", ["ok", E3 * 171]], ["getWithMetadata", [LONE * 171]],
    ["list", {"prefix": E4 * 128}], ["list", {"prefix": E4 * 128 + "k"}], ["list", {"prefix": LONE * 171}],
    *[["delete", k] for k in KEYS_AT_512],
    # -- odd key names: NUL, slashes, dots, blanks, a BOM, lone and reversed surrogates
    *[["put", k, f"odd{i}"] for i, k in enumerate(ODD_KEYS)],
    *[["get", k] for k in ODD_KEYS],
    ["get", "\ufffd"], ["get", "a\ufffd"], ["get", "\ufffd\ufffd"],
    ["get", ODD_KEYS[:10]], ["getWithMetadata", ["\x00", "/", "\ud800", "never"]],
    ["list"],
    *[["delete", k] for k in ODD_KEYS],
    ["get", ""], ["getWithMetadata", ""], ["delete", ""], ["getWithMetadata", "."], ["getWithMetadata", ".."],
    ["delete", "."], ["get", ".."], ["put", "..", "v"], ["put", ".", "v", {"expirationTtl": 30}],
    # a call missing its key throws before its promise (run in the Worker, the texts are workerd's own)
    ["get"], ["getWithMetadata"], ["get", "g", {"cacheTtl": 2147483648}], ["getWithMetadata", [], {"cacheTtl": -2147483649}],
    ["get", [".."]], ["getWithMetadata", [""]], ["get", ["a", "."]],
    # -- values of every kind put takes, and what it refuses
    ["put", "v-str", "plain é😀"], ["get", "v-str", "arrayBuffer"],
    ["put", "v-lone", "a\ud800b\udc00"], ["get", "v-lone", "arrayBuffer"],
    ["put", "v-bytes", {"$bytes": "00ff80c328"}], ["get", "v-bytes"], ["get", "v-bytes", "arrayBuffer"],
    ["put", "v-u16", {"$typed": ["Uint16Array", [1, 258, 65535]]}], ["get", "v-u16", "arrayBuffer"],
    ["put", "v-i8", {"$typed": ["Int8Array", [-1, 127, -128]]}], ["get", "v-i8", "arrayBuffer"],
    ["put", "v-f64", {"$typed": ["Float64Array", [1.5, -0.0]]}], ["get", "v-f64", "arrayBuffer"],
    ["put", "v-f32", {"$typed": ["Float32Array", [0.1]]}], ["get", "v-f32", "arrayBuffer"],
    ["put", "v-i32", {"$typed": ["Int32Array", [-2]]}], ["get", "v-i32", "arrayBuffer"],
    ["put", "v-u8c", {"$typed": ["Uint8ClampedArray", [0, 255]]}], ["get", "v-u8c", "arrayBuffer"],
    ["put", "v-big64", {"$typed": ["BigInt64Array", [1, -1]]}], ["get", "v-big64", "arrayBuffer"],
    ["put", "v-emptyta", {"$typed": ["Uint8Array", []]}], ["get", "v-emptyta"], ["getWithMetadata", "v-emptyta", "arrayBuffer"],
    ["put", "v-ab", {"$arraybuffer": "01020304"}], ["get", "v-ab", "arrayBuffer"],
    ["put", "v-emptyab", {"$arraybuffer": ""}], ["get", "v-emptyab", "stream"],
    ["put", "v-dv", {"$dataview": "68656c6c6f"}], ["get", "v-dv"],
    ["put", "v-sub", {"$u8view": ["0011223344", 1, 3]}], ["get", "v-sub", "arrayBuffer"],
    ["put", "v-stream", {"$stream": [{"$bytes": "6869"}, " there", {"$bytes": "21"}]}], ["get", "v-stream"],
    ["put", "v-emptystream", {"$stream": []}], ["getWithMetadata", "v-emptystream"],
    ["put", "v-resp", {"$response": "726573706f6e7365"}, {"metadata": {"from": "body"}}], ["getWithMetadata", "v-resp"],
    ["put", "v-blob", {"$blob": "blob text"}], ["get", "v-blob"],
    ["put", "v-float", 1.5], ["put", "v-negzero", {"$num": "-0"}], ["put", "v-big", 1e21], ["put", "v-small", 1e-7],
    ["put", "v-nan", {"$num": "NaN"}], ["put", "v-inf", {"$num": "-Infinity"}], ["put", "v-false", False],
    ["put", "v-bigint", {"$bigint": "12345678901234567890"}],
    ["get", ["v-float", "v-negzero", "v-big", "v-small", "v-nan", "v-inf", "v-false", "v-bigint"]],
    ["put", "v-list", ["a", "b"]], ["put", "v-emptylist", []], ["put", "v-dict", {"a": {"b": 1}}], ["put", "v-emptydict", {}],
    ["get", ["v-list", "v-emptylist", "v-dict", "v-emptydict"]],
    # -- get's types and options, each on getWithMetadata too
    ["put", "g", '{"j": [1, "é"]}', {"metadata": {"g": True}}],
    *[["get", "g", t] for t in ("TEXT", "Json", "", "json ", "arraybuffer", "ReadableStream", "text\u0000")],
    *[["getWithMetadata", "g", t] for t in ("text", "json", "arrayBuffer", "stream", "blob", "")],
    *[["getWithMetadata", "never", t] for t in ("json", "arrayBuffer", "stream", "blob")],
    ["get", "never", "stream"], ["get", "never", "arrayBuffer"], ["get", "never", {"type": "bogus", "cacheTtl": 30}],
    ["get", "g", {"type": "json", "cacheTtl": 30}], ["get", "g", {"type": "stream", "cacheTtl": 60}],
    ["get", "g", {"type": "arrayBuffer"}], ["get", "g", {}], ["get", "g", {"cacheTtl": 86400}],
    ["getWithMetadata", "g", {"type": "json", "cacheTtl": 31}], ["getWithMetadata", "g", {"type": "bogus"}],
    # cacheTtl limits and non-integers (JSG truncates towards 0 before the service's check)
    *[["get", "g", {"cacheTtl": c}] for c in (30.9, 29.9, 29.5, 30.0, -30, 0, "30", "29", "abc", 2147483647, 2147483648,
                                              -2147483649, {"$num": "NaN"}, {"$num": "Infinity"}, True, [45])],
    ["get", "never", {"cacheTtl": 29}], ["getWithMetadata", "never", {"cacheTtl": 0}], ["getWithMetadata", "g", {"cacheTtl": 29.9}],
    # -- bulk get: duplicates, types, missing keys, limits, JSON that is not JSON
    ["put", "b-json", '{"x": 1}', {"metadata": {"b": 1}}], ["put", "b-text", "not json"], ["put", "b-num", "12"],
    ["get", ["b-json", "b-json", "b-text"]], ["get", ["b-json"] * 100], ["get", ["b-json"] * 101],
    ["get", [f"b{i}" for i in range(50)] * 2], ["get", [f"b{i}" for i in range(51)] * 2],
    ["get", ["never1", "never2"]], ["get", ["never1", "never2"], "json"], ["getWithMetadata", ["never1"]],
    *[["get", ["b-json", "b-num"], t] for t in ("text", "json", "arrayBuffer", "stream", "blob", "TEXT", "")],
    *[["getWithMetadata", ["b-json", "b-num"], t] for t in ("text", "json", "stream", "JSON")],
    ["get", ["b-json", "b-text"], "json"], ["get", ["b-text"], "json"], ["getWithMetadata", ["b-json", "b-text"], "json"],
    ["get", ["b-json", "b-num"], {"type": "json"}], ["get", ["b-json"], {"type": "json", "cacheTtl": 29}],
    ["get", ["b-json"], {"cacheTtl": 30.5}], ["get", ["b-json"], {"cacheTtl": 29.9}],
    ["get", ["b-json", "v-bytes", "v-lone"]], ["get", ["v-bytes", "v-str"], "json"],
    ["get", [1, 2.5, True]], ["get", [["a", "b"], {"k": 1}]], ["getWithMetadata", ["b-json", "b-json"]],
    ["get", ["b-json", "\x00", "never"]], ["get", ["b-json", ""], "json"], ["get", ["b-json", ".."], "json"],
    ["get", ["b-json", E3 * 171], "bogus"], ["get", [], "json"], ["get", [], "bogus"], ["getWithMetadata", []],
    ["get", [f"k{i}" for i in range(101)], "bogus"], ["get", [f"k{i}" for i in range(101)], {"cacheTtl": 29}],
    ["get", [E3 * 171] * 101],
    # -- metadata at and over 1024 bytes of JSON, multi-byte, escaped, odd JSON
    ["put", "m", "v", {"metadata": {"m": E2 * 508}}], ["put", "m", "v", {"metadata": {"m": E2 * 508 + "x"}}],
    ["put", "m", "v", {"metadata": {"m": E4 * 254}}], ["put", "m", "v", {"metadata": {"m": E4 * 254 + "x"}}],
    ["put", "m", "v", {"metadata": {"m": E3 * 338 + "kk"}}], ["put", "m", "v", {"metadata": {"m": E3 * 339}}],
    ["put", "m", "v", {"metadata": {"m": "\n" * 508}}], ["put", "m", "v", {"metadata": {"m": "\n" * 509}}],
    ["put", "m", "v", {"metadata": {"m": '"' * 508}}], ["put", "m", "v", {"metadata": {"m": "\x01" * 169 + "ab"}}],
    ["put", "m", "v", {"metadata": {"m": "\x01" * 170}}], ["put", "m", "v", {"metadata": {"m": "\u2028" * 338 + "kk"}}],
    ["put", "m", "v", {"metadata": {"m": LONE * 169 + "ab"}}], ["put", "m", "v", {"metadata": {"m": LONE * 170}}],
    ["put", "m", "v", {"metadata": {"m": "\x7f" * 1016}}], ["put", "m", "v", {"metadata": {"m": "/" * 1016}}],
    ["put", "m", "v", {"metadata": "x" * 1022}], ["put", "m", "v", {"metadata": "x" * 1023}],
    ["put", "m", "v", {"metadata": [0] * 511}], ["put", "m", "v", {"metadata": [0] * 512}],
    ["put", "m", "v", {"metadata": {"é" * 509: 1}}], ["put", "m", "v", {"metadata": {"é" * 509 + "x": 1}}],
    ["put", "m", "v", {"metadata": {"m": 1.0 * 10**21}}], ["getWithMetadata", "m"],
    ["put", "m1", "v", {"metadata": {"a": {"b": {"c": [1, [2, [3, {"d": None}]]]}}}}],
    ["put", "m2", "v", {"metadata": {"é": "ü", "😀": [E4, LONE, "\u0000"]}}],
    ["put", "m3", "v", {"metadata": {"b": 1, "a": 2, "10": 3, "2": 4, "-1": 5, "01": 6}}],
    ["put", "m4", "v", {"metadata": [1.5, -0.0, 1e-7, 1e21, 1.2345678901234568e20, 0.1, 5e-324, 1.7976931348623157e308]}],
    ["put", "m5", "v", {"metadata": {}}], ["put", "m6", "v", {"metadata": []}], ["put", "m7", "v", {"metadata": ""}],
    ["put", "m8", "v", {"metadata": 0}], ["put", "m9", "v", {"metadata": False}], ["put", "m10", "v", {"metadata": True}],
    ["put", "m11", "v", {"metadata": {"$num": "NaN"}}], ["put", "m12", "v", {"metadata": [{"$num": "Infinity"}, {"$num": "-0"}]}],
    ["put", "m13", "v", {"metadata": "😀"}],
    *[["getWithMetadata", f"m{i}"] for i in range(1, 14)],
    ["getWithMetadata", [f"m{i}" for i in range(1, 14)]], ["list", {"prefix": "m"}],
    # -- expiry: at and under 60 s, in the past, not integers, strings, both given
    ["put", "e", "v", {"expirationTtl": 61}], ["put", "e", "v", {"expirationTtl": 60.9}], ["put", "e", "v", {"expirationTtl": 59.9}],
    ["put", "e", "v", {"expirationTtl": 0.5}], ["put", "e", "v", {"expirationTtl": -0.5}], ["put", "e", "v", {"expirationTtl": "60"}],
    ["put", "e", "v", {"expirationTtl": "59"}], ["put", "e", "v", {"expirationTtl": "60.5"}], ["put", "e", "v", {"expirationTtl": "abc"}],
    ["put", "e", "v", {"expirationTtl": ""}], ["put", "e", "v", {"expirationTtl": []}], ["put", "e", "v", {"expirationTtl": False}],
    ["put", "e", "v", {"expirationTtl": {"$num": "NaN"}}], ["put", "e", "v", {"expirationTtl": {"$num": "Infinity"}}],
    ["put", "e", "v", {"expirationTtl": 2147483647}], ["put", "e", "v", {"expirationTtl": -2147483648}],
    ["put", "e", "v", {"expirationTtl": -2147483649}], ["put", "e", "v", {"expirationTtl": 1e10}],
    ["put", "e", "v", {"expiration": {"$now_plus": 120}}], ["put", "e", "v", {"expiration": {"$now_plus": 30}}],
    ["put", "e", "v", {"expiration": {"$now_plus": 0}}], ["put", "e", "v", {"expiration": {"$now_plus": -1}}],
    ["put", "e", "v", {"expiration": 0}], ["put", "e", "v", {"expiration": 1}], ["put", "e", "v", {"expiration": -5}],
    ["put", "e", "v", {"expiration": 2000000000.7}], ["put", "e", "v", {"expiration": "2000000000"}],
    ["put", "e", "v", {"expiration": "2e9"}], ["put", "e", "v", {"expiration": "soon"}], ["put", "e", "v", {"expiration": 2147483647}],
    ["put", "e", "v", {"expiration": 2147483648}], ["put", "e", "v", {"expiration": {"$num": "Infinity"}}],
    ["put", "e", "v", {"expiration": 2000000000, "expirationTtl": 59}], ["put", "e", "v", {"expiration": 5, "expirationTtl": 120}],
    ["put", "e", "v", {"expiration": 5, "expirationTtl": 59}], ["put", "e", "v", {"expiration": 2000000000, "expirationTtl": 0}],
    ["put", "e", "v", {"expiration": 0, "expirationTtl": 0}], ["put", "e", "v", {"expiration": 2000000000, "expirationTtl": "x"}],
    ["put", "e2", "v", {"expiration": 2000000000, "expirationTtl": "100"}], ["list", {"prefix": "e"}],
    ["put", "e3", "v", {"expiration": 2000000000.9, "metadata": {"x": 1}}], ["getWithMetadata", "e3"], ["list", {"prefix": "e3"}],
    ["put", "", "v", {"expirationTtl": 30}], ["put", "e", "v", {"expirationTtl": 30, "metadata": {"m": "x" * 2000}}],
    ["put", "e", {"$repeat": ["x", MiB25 + 1]}, {"expirationTtl": 30, "metadata": {"m": "x" * 2000}}],
    ["put", "e", {"$repeat": ["x", MiB25 + 1]}, {"metadata": {"m": "x" * 2000}}],
    # -- list: limit, prefix, cursors (invalid, reused, after deletes), the key order
    *[["put", f"l{c}", c] for c in "abcdef"],
    *[["list", {"prefix": "l", "limit": n}] for n in (1, 0, -1, 2.9, 0.5, "3", "x", True, {"$num": "NaN"}, 1000, 1001, 2147483648)],
    ["list", {"prefix": "l", "limit": 2}], ["list", {"prefix": "l", "limit": 2, "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "l", "limit": 2, "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "l", "limit": 2, "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "l", "limit": 2}], ["list", {"prefix": "l", "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "l", "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "l", "limit": 3}], ["delete", "la"], ["delete", "ld"],
    ["list", {"prefix": "l", "limit": 3, "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "l", "limit": 1}], ["put", "la", "back"], ["list", {"limit": 10, "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "z", "cursor": {"$last_cursor": True}}],
    *[["list", {"prefix": "l", "cursor": c}] for c in ("!!!", "", "Zm9v", "bGM=", "bGM", "bGM===", "bA==", "//8=", "\u00e9", " ")],
    ["list", {"prefix": ""}], ["list", {"prefix": "\x00"}], ["list", {"prefix": "l\ud800"}], ["list", {"prefix": "l", "limit": 1, "cursor": None}],
    *[["put", "o" + c, "v"] for c in ("\uffff", E4, "\ue000", "a", "é", "\x7f", "\x00", "\U0010ffff", "\u0800", "aa", "")],
    ["list", {"prefix": "o"}], ["list", {"prefix": "o", "limit": 4}],
    ["list", {"prefix": "o", "limit": 4, "cursor": {"$last_cursor": True}}],
    ["list", {"prefix": "o", "limit": 4, "cursor": {"$last_cursor": True}}],
    ["get", ["o\uffff", "o" + E4, "o\ue000"]], ["list", {"prefix": "o\ud83d"}], ["list", {"prefix": "o" + E4[0]}],
    # -- deletes of absent keys
    ["delete", "never"], ["delete", "never"], ["delete", "lb"], ["delete", "lb"], ["get", "lb"], ["delete", E4 * 128],
    ["delete", "\x00"], ["delete", 0], ["delete", [""]], ["delete", {"$bytes": ""}],
    # -- value sizes at and over 25 MiB: multi-byte text, bytes, streams
    ["put", "big-e2", {"$repeat": [E2, MiB25 // 2]}], ["put", "big-e2", {"$repeat": [E2, MiB25 // 2 + 1]}],
    ["put", "big-e4", {"$repeat": [E4, MiB25 // 4]}], ["put", "big-e4x", {"$repeat": [E4, MiB25 // 4 - 1]}],
    ["put", "big-bytes", {"$repeat_bytes": ["ab", MiB25]}], ["put", "big-bytes", {"$repeat_bytes": ["ab", MiB25 + 1]}],
    ["put", "big-stream", {"$stream": [{"$repeat_bytes": ["cd", MiB25 - 1]}, {"$bytes": "ef"}]}],
    ["put", "big-stream2", {"$stream": [{"$repeat_bytes": ["cd", MiB25]}, {"$bytes": "ef"}]}],
    ["get", "big-stream2"], ["getWithMetadata", ["big-stream2"]],
    ["get", ["big-e2", "big-bytes"]], ["get", ["big-e4"]], ["get", ["big-e4x", "v-str"]],
    ["delete", "big-e2"], ["delete", "big-e4"], ["delete", "big-bytes"], ["delete", "big-stream"],
    ["put", "half1", {"$repeat": ["h", MiB25 // 2]}], ["put", "half2", {"$repeat": ["h", MiB25 // 2]}],
    ["get", ["half1", "half2"]], ["put", "half3", "z"], ["get", ["half1", "half2", "half3"]], ["get", ["half1", "half2", "half3"], "json"],
]
