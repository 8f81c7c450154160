"""``socket`` lookups in Worker code take a name as Pyodide's CPython and Emscripten's libc do,
not only the common cases: CPython's ``setipaddr`` answers ``""`` and ``<broadcast>`` itself
and IDNA-encodes a ``str`` (bytes pass as they are, anything else is a ``TypeError``);
Emscripten's ``inetPton4`` reads each of four dot-separated parts with JavaScript's
``Number()``, so ``0x7f.0.0.1`` is ``127.0.0.1`` and ``1.2.3.256`` wraps to ``1.2.3.0``; only a
valid IPv6 literal fails, any other name with a colon gets a made-up address; and
``gethostbyaddr`` maps an address back only to the name it was first made for (Emscripten keys
its reverse table by ``172.29.<id & 0xff>.<id & 0xff00>``, so names past the 255th never map
back). Every expected value was read from Pyodide 0.28.2 and 0.26.0a4 under Node."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import socket
from workers import Response, WorkerEntrypoint


def attempt(call):
    try:
        return call()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name in ["<broadcast>", "0x7f.0.0.1", "1.2.3.256", "-1.0.0.0", " 1.2.3.4", "1e2.0.0.1",
                     "Infinity.1.1.1", "1.2.3.4.5", "127.1", "a:b", "::1", "", "bücher.test"]:
            out[name] = [attempt(lambda: socket.gethostbyname(name)),
                         attempt(lambda: socket.gethostbyname_ex(name)),
                         attempt(lambda: socket.gethostbyaddr(name))]
        out["bytes"] = attempt(lambda: socket.gethostbyname(b"b.test"))
        out["bytearray"] = attempt(lambda: socket.gethostbyname_ex(bytearray(b"b.test")))
        out["int"] = attempt(lambda: socket.gethostbyname(5))
        out["none"] = attempt(lambda: socket.gethostbyaddr(None))
        made = [socket.gethostbyname(f"n{i}.test") for i in range(300)]
        out["wrapped"] = [made.index(made[-1]), made[-1]]
        out["back"] = socket.gethostbyaddr(made[-1])[0]
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
async def test_names_are_read_as_pyodides_libc_reads_them(tmp_path):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")).text())
    assert got == {
        "<broadcast>": ["255.255.255.255", ["<broadcast>", ["<broadcast>"], ["172.29.1.0"]],
                        ["255.255.255.255", ["255.255.255.255"], ["255.255.255.255"]]],
        "0x7f.0.0.1": ["127.0.0.1", ["0x7f.0.0.1", ["0x7f.0.0.1"], ["127.0.0.1"]],
                       ["127.0.0.1", ["127.0.0.1"], ["127.0.0.1"]]],
        "1.2.3.256": ["1.2.3.0", ["1.2.3.256", ["1.2.3.256"], ["1.2.3.0"]], ["1.2.3.0", ["1.2.3.0"], ["1.2.3.0"]]],
        "-1.0.0.0": ["255.255.255.255", ["-1.0.0.0", ["-1.0.0.0"], ["255.255.255.255"]],
                     ["255.255.255.255", ["255.255.255.255"], ["255.255.255.255"]]],
        " 1.2.3.4": ["1.2.3.4", [" 1.2.3.4", [" 1.2.3.4"], ["1.2.3.4"]], ["1.2.3.4", ["1.2.3.4"], ["1.2.3.4"]]],
        "1e2.0.0.1": ["100.0.0.1", ["1e2.0.0.1", ["1e2.0.0.1"], ["100.0.0.1"]],
                      ["100.0.0.1", ["100.0.0.1"], ["100.0.0.1"]]],
        "Infinity.1.1.1": ["0.1.1.1", ["Infinity.1.1.1", ["Infinity.1.1.1"], ["0.1.1.1"]],
                           ["0.1.1.1", ["0.1.1.1"], ["0.1.1.1"]]],
        "1.2.3.4.5": ["1.2.3.4", ["1.2.3.4.5", ["1.2.3.4.5"], ["1.2.3.4"]], ["1.2.3.4", ["1.2.3.4"], ["1.2.3.4"]]],
        "127.1": ["172.29.2.0", ["127.1", ["127.1"], ["172.29.2.0"]], ["127.1", ["127.1"], ["172.29.2.0"]]],
        "a:b": ["172.29.3.0", ["a:b", ["a:b"], ["172.29.3.0"]], ["a:b", ["a:b"], ["172.29.3.0"]]],
        "::1": ["gaierror: [Errno -2] Name does not resolve", "gaierror: [Errno -2] Name does not resolve",
                "OSError: unknown address family"],
        "": ["0.0.0.0", "herror: [Errno 1] Host not found", ["0.0.0.0", ["0.0.0.0"], ["0.0.0.0"]]],
        "bücher.test": ["172.29.4.0", ["xn--bcher-kva.test", ["xn--bcher-kva.test"], ["172.29.4.0"]],
                        ["xn--bcher-kva.test", ["xn--bcher-kva.test"], ["172.29.4.0"]]],
        "bytes": "172.29.5.0",
        "bytearray": ["b.test", ["b.test"], ["172.29.5.0"]],
        "int": "TypeError: gethostbyname() argument 1 must be str, bytes or bytearray, not int",
        "none": "TypeError: gethostbyaddr() argument 1 must be str, bytes or bytearray, not None",
        "wrapped": [43, "172.29.49.0"],  # n299 is id 305, and 305 & 0xff is 49: n43's (id 49) address
        "back": "n43.test",  # not n299's: past the 255th, a name never maps back
    }
