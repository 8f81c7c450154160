"""``socket.getnameinfo`` in Worker code answers as Pyodide's does (Emscripten's ``getnameinfo``
behind CPython's): the host part is read as a numeric address only (a name, ``""`` or
``<broadcast>`` is ``gaierror(-2, 'Name does not resolve')``), read laxly as Emscripten's
``inetPton4`` reads it, an IPv4 one given as a 2-tuple; the answer is the name Emscripten's fake
DNS made up for that address (after a ``gethostbyname`` of it), else the address (IPv6 written
as Emscripten's ``inetNtop6`` writes it; ``NI_NAMEREQD``: that gaierror), and the port as a
number, mangled past 16 bits as wasm's ``htons`` does. ``getservbyname`` and ``getservbyport``
find no service (Pyodide has no services database). Argument errors are CPython's own, an int a
wasm32 ``long`` cannot hold worded as there (a negative one too: CPython says 'signed integer is
less than minimum' where a 64-bit ``long`` holds it). Every expected value was read from Pyodide 0.28.2
under Node (0.26.2 answers the same; the two negative ints: 0.28.2 and 314.0.6, measured 2026-12-04), in this order (the names table is the isolate's)."""

from __future__ import annotations

import json
import socket

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

CASES = [  # (expression, repr of its value or exception), in the order they ran
    ('socket.getnameinfo(("172.29.1.0", 80), 0)', "('172.29.1.0', '80')"),
    ('socket.gethostbyname("example.com")', "'172.29.1.0'"),
    ('socket.getnameinfo(("172.29.1.0", 80), 0)', "('example.com', '80')"),
    ('socket.getnameinfo(("172.29.1.0", 80), socket.NI_NUMERICHOST)', "('172.29.1.0', '80')"),
    ('socket.getnameinfo(("172.29.1.0", 80), socket.NI_NAMEREQD)', "('example.com', '80')"),
    ('socket.getnameinfo(("172.29.2.0", 80), 0)', "('172.29.2.0', '80')"),
    ('socket.getnameinfo(("172.29.2.0", 80), socket.NI_NAMEREQD)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("127.0.0.1", 80), 0)', "('127.0.0.1', '80')"),
    ('socket.getnameinfo(("127.0.0.1", 80), socket.NI_NAMEREQD)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("127.0.0.1", 443), socket.NI_NUMERICSERV)', "('127.0.0.1', '443')"),
    ('socket.getnameinfo(("127.0.0.1", 22), socket.NI_DGRAM)', "('127.0.0.1', '22')"),
    ('socket.getnameinfo(("example.com", 80), 0)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("localhost", 80), 0)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("0x7f.0.0.1", 80), 0)', "('127.0.0.1', '80')"),
    ('socket.getnameinfo(("1.2.3", 80), 0)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("::1", 80), 0)', "('::1', '80')"),
    ('socket.getnameinfo(("::1", 80, 0, 0), 0)', "('::1', '80')"),
    ('socket.getnameinfo(("127.0.0.1", 80, 0, 0), 0)', "OSError('IPv4 sockaddr must be 2 tuple')"),
    ('socket.getnameinfo(("127.0.0.1",), 0)', "TypeError('getnameinfo(): illegal sockaddr argument')"),
    ('socket.getnameinfo(("127.0.0.1", 80), "x")', 'TypeError("\'str\' object cannot be interpreted as an integer")'),
    ('socket.getnameinfo("127.0.0.1", 0)', "TypeError('getnameinfo() argument 1 must be a tuple')"),
    ('socket.getnameinfo(("127.0.0.1", 70000), 0)', "('127.0.0.1', '4465')"),
    ('socket.getnameinfo(("127.0.0.1", -1), 0)', "('127.0.0.1', '65535')"),
    ('socket.getnameinfo((b"127.0.0.1", 80), 0)', "TypeError('getnameinfo(): illegal sockaddr argument')"),
    ('socket.getnameinfo(("", 80), 0)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("<broadcast>", 80), 0)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("255.255.255.255", 0), 0)', "('255.255.255.255', '0')"),
    ('socket.getnameinfo(("127.0.0.1", 80), 0, 1)', "TypeError('getnameinfo() takes exactly 2 arguments (3 given)')"),
    ('socket.getnameinfo(sockaddr=("127.0.0.1", 80), flags=0)', "TypeError('getnameinfo() takes no keyword arguments')"),
    ('socket.getnameinfo(("127.0.0.1", "80"), 0)', 'TypeError("\'str\' object cannot be interpreted as an integer")'),
    ('socket.getnameinfo(("127.0.0.1", 80), -1)', "gaierror(-2, 'Name does not resolve')"),
    ('socket.getnameinfo(("1.2.3.4", 0), socket.NI_NOFQDN)', "('1.2.3.4', '0')"),
    ('socket.getservbyname("http")', "OSError('service/proto not found')"),
    ('socket.getservbyport(80)', "OSError('port/proto not found')"),
    ('socket.getnameinfo(("172.29.1.0", 0), 0)', "('example.com', '0')"),
    ("socket.getnameinfo(('0:0:0:0:0:0:0:1', 1), 0)", "('::1', '1')"),
    ("socket.getnameinfo(('0:0:0:0:0:0:0:1', 1, 5, 7), 0)", "('::1', '1')"),
    ("socket.getnameinfo(('::ffff:1.2.3.4', 1), 0)", "('::ffff:1.2.3.4', '1')"),
    ("socket.getnameinfo(('::ffff:1.2.3.4', 1, 5, 7), 0)", "('::ffff:1.2.3.4', '1')"),
    ("socket.getnameinfo(('::ffff:0102:0304', 1), 0)", "('::ffff:1.2.3.4', '1')"),
    ("socket.getnameinfo(('::ffff:0102:0304', 1, 5, 7), 0)", "('::ffff:1.2.3.4', '1')"),
    ("socket.getnameinfo(('2001:db8::1', 1), 0)", "('2001:db8::1', '1')"),
    ("socket.getnameinfo(('2001:db8::1', 1, 5, 7), 0)", "('2001:db8::1', '1')"),
    ("socket.getnameinfo(('2001:DB8:0:0:1:0:0:1', 1), 0)", "('2001:db8::1:0:0:1', '1')"),
    ("socket.getnameinfo(('2001:DB8:0:0:1:0:0:1', 1, 5, 7), 0)", "('2001:db8::1:0:0:1', '1')"),
    ("socket.getnameinfo(('::', 1), 0)", "('::', '1')"),
    ("socket.getnameinfo(('::', 1, 5, 7), 0)", "('::', '1')"),
    ("socket.getnameinfo(('1::', 1), 0)", "('1::', '1')"),
    ("socket.getnameinfo(('1::', 1, 5, 7), 0)", "('1::', '1')"),
    ("socket.getnameinfo(('::1.2.3.4', 1), 0)", "('::1.2.3.4', '1')"),
    ("socket.getnameinfo(('::1.2.3.4', 1, 5, 7), 0)", "('::1.2.3.4', '1')"),
    ("socket.getnameinfo(('::0.0.1.2', 1), 0)", "('::0.0.1.2', '1')"),
    ("socket.getnameinfo(('::0.0.1.2', 1, 5, 7), 0)", "('::0.0.1.2', '1')"),
    ("socket.getnameinfo(('fe80::1%1', 1), 0)", "gaierror(-2, 'Name does not resolve')"),
    ("socket.getnameinfo(('fe80::1%1', 1, 5, 7), 0)", "gaierror(-2, 'Name does not resolve')"),
    ("socket.getnameinfo(('1:0:0:2:0:0:0:3', 1), 0)", "('1:0:0:2::3', '1')"),
    ("socket.getnameinfo(('1:0:0:2:0:0:0:3', 1, 5, 7), 0)", "('1:0:0:2::3', '1')"),
    ("socket.getnameinfo(('2001:db8:0:0:0:0:2:1', 1), 0)", "('2001:db8::2:1', '1')"),
    ("socket.getnameinfo(('2001:db8:0:0:0:0:2:1', 1, 5, 7), 0)", "('2001:db8::2:1', '1')"),
    ("socket.getnameinfo(('0:0:0:0:0:ffff:0:1', 1), 0)", "('::ffff:0.0.0.1', '1')"),
    ("socket.getnameinfo(('0:0:0:0:0:ffff:0:1', 1, 5, 7), 0)", "('::ffff:0.0.0.1', '1')"),
    ("socket.getnameinfo(('::ffff:0:1.2.3.4', 1), 0)", "('::ffff:0:102:304', '1')"),
    ("socket.getnameinfo(('::ffff:0:1.2.3.4', 1, 5, 7), 0)", "('::ffff:0:102:304', '1')"),
    ("socket.getnameinfo(('1:2:3:4:5:6:7:8', 1), 0)", "('1:2:3:4:5:6:7:8', '1')"),
    ("socket.getnameinfo(('1:2:3:4:5:6:7:8', 1, 5, 7), 0)", "('1:2:3:4:5:6:7:8', '1')"),
    ("socket.getnameinfo(('64:ff9b::1.2.3.4', 1), 0)", "('64:ff9b::102:304', '1')"),
    ("socket.getnameinfo(('64:ff9b::1.2.3.4', 1, 5, 7), 0)", "('64:ff9b::102:304', '1')"),
    ("socket.getnameinfo(('1.2.3.4.5', 1), 0)", "('1.2.3.4', '1')"),
    ("socket.getnameinfo(('1.2.3.4.5', 1, 5, 7), 0)", "OSError('IPv4 sockaddr must be 2 tuple')"),
    ("socket.getnameinfo((' 1.2.3.4', 1), 0)", "('1.2.3.4', '1')"),
    ("socket.getnameinfo((' 1.2.3.4', 1, 5, 7), 0)", "OSError('IPv4 sockaddr must be 2 tuple')"),
    ("socket.getnameinfo(('1.2.3.4 ', 1), 0)", "('1.2.3.4', '1')"),
    ("socket.getnameinfo(('1.2.3.4 ', 1, 5, 7), 0)", "OSError('IPv4 sockaddr must be 2 tuple')"),
    ('socket.getnameinfo(("::1", 80, 0x100000, 0), 0)', "OverflowError('getnameinfo(): flowinfo must be 0-1048575.')"),
    ('socket.getnameinfo(("1\\x00", 80), 0)', "ValueError('embedded null character')"),
    ('socket.getnameinfo(("::1", 80, -1, -1), 0)', "OverflowError('getnameinfo(): flowinfo must be 0-1048575.')"),
    ('socket.getnameinfo(("127.0.0.1", 2**40), 0)', "OverflowError('Python int too large to convert to C long')"),
    ('socket.getnameinfo(("127.0.0.1", 80), 2**40)', "OverflowError('Python int too large to convert to C long')"),
    ('socket.getnameinfo(("127.0.0.1", 80), -2**40)', "OverflowError('Python int too large to convert to C long')"),
    ('socket.getnameinfo(("127.0.0.1", 80.0), 0)', 'TypeError("\'float\' object cannot be interpreted as an integer")'),
    ('socket.getnameinfo(("127.0.0.1", True), 0)', "('127.0.0.1', '1')"),
    ('socket.getnameinfo(["127.0.0.1", 80], 0)', "TypeError('getnameinfo() argument 1 must be a tuple')"),
    ('socket.getservbyname("http")', "OSError('service/proto not found')"),
    ('socket.getservbyname("http", "tcp")', "OSError('service/proto not found')"),
    ('socket.getservbyname("nope")', "OSError('service/proto not found')"),
    ('socket.getservbyname(1)', "TypeError('getservbyname() argument 1 must be str, not int')"),
    ('socket.getservbyname()', "TypeError('getservbyname() takes at least 1 argument (0 given)')"),
    ('socket.getservbyport(80)', "OSError('port/proto not found')"),
    ('socket.getservbyport(80, "udp")', "OSError('port/proto not found')"),
    ('socket.getservbyport(70000)', "OverflowError('getservbyport: port must be 0-65535.')"),
    ('socket.getservbyport(-1)', "OverflowError('getservbyport: port must be 0-65535.')"),
    ('socket.getservbyport("80")', 'TypeError("\'str\' object cannot be interpreted as an integer")'),
    ('socket.getservbyport(2**40)', "OverflowError('Python int too large to convert to C long')"),
    ('socket.getservbyport(-2**40)', "OverflowError('Python int too large to convert to C long')"),
    ('socket.getservbyname("a\\x00")', "ValueError('embedded null character')"),
]

ENTRY = '''
import json
import socket

from workers import Response, WorkerEntrypoint


def outcome(expression):
    try:
        return repr(eval(expression))
    except Exception as exc:
        return repr(exc)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        expressions = json.loads(await request.text())
        return Response(json.dumps([outcome(e) for e in expressions]))
'''


@pytest.mark.asyncio
async def test_getnameinfo_and_the_service_lookups_answer_as_in_pyodide(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    response = await worker.fetch("/", method="POST", body=json.dumps([expression for expression, _ in CASES]))
    assert list(zip([e for e, _ in CASES], json.loads(await response.text()))) == CASES


def test_code_outside_a_worker_keeps_the_hosts_getnameinfo():
    assert socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV) == ("127.0.0.1", "80")
    assert socket.getservbyname("http", "tcp") == 80
