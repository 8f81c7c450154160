"""The ``connect`` array -- of the top level and an ``[env.NAME]`` -- checked as wrangler 4.168.0's
``validateConnectHandlers`` checks it: an array of objects, each with a ``protocol`` of ``"tcp"`` or
``"udp"``, an integer ``port`` from 1 to 65535 and an optional string ``address``; a ``udp`` handler's
``idle_timeout_ms`` and ``max_pending_bytes`` integers from 0 to 4294967295 (other fields an
"Unexpected fields" warning), and no protocol/port pair twice. ``previews`` has no ``connect``. Each
case's verdict and lines are what ``unstable_readConfig`` of wrangler 4.168.0 printed for it (cfga69);
before, workers-env checked nothing of it (4 of the 11 verdicts alike)."""

from __future__ import annotations

from pathlib import Path

import pytest
from config_report_helpers import checked, refused_everywhere

CASES = [
    ('b69-connect-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": [{"protocol": "tcp", "port": 25}, {"protocol": "udp", "port": 25, "idle_timeout_ms": 1000}]}', None, True,
     []),
    ('b69-connect-bad', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": [null, 5, [], {}, {"protocol": "http", "port": 0}, {"protocol": "tcp", "port": "80"}, {"protocol": "tcp", "port": 1.5, "address": 5}, {"protocol": "tcp", "port": 65536}, {"protocol": "tcp", "port": 80, "idle_timeout_ms": 1, "x": 2}, {"protocol": "udp", "port": 53, "idle_timeout_ms": -1, "max_pending_bytes": 4294967296, "y": 1}, {"protocol": "udp", "port": 54, "idle_timeout_ms": 1.5, "max_pending_bytes": "9"}, {"protocol": "udp", "port": 55, "idle_timeout_ms": 0, "max_pending_bytes": 4294967295, "address": "1.2.3.4"}, {"protocol": "tcp", "port": 80}, {"protocol": "tcp", "port": 80, "address": "a"}, {"protocol": "udp", "port": 80}, {"protocol": null, "port": 1}, {"port": 2}, {"protocol": 5, "port": 3}]}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in connect[8] field: "idle_timeout_ms","x"', '- Unexpected fields found in connect[9] field: "y"', 'Processing wrangler.json configuration:', '- "connect[0]" should be an object, but got null', '- "connect[1]" should be an object, but got 5', '- "connect[2]" should have a "protocol" field of "tcp" or "udp" but got [].', '- "connect[2]" should have a number "port" field but got [].', '- "connect[3]" should have a "protocol" field of "tcp" or "udp" but got {}.', '- "connect[3]" should have a number "port" field but got {}.', '- "connect[4]" should have a "protocol" field of "tcp" or "udp" but got "http".', '- "connect[4]" should have an integer "port" field between 1 and 65535 but got {"protocol":"http","port":0}.', '- "connect[5]" should have a number "port" field but got {"protocol":"tcp","port":"80"}.', '- "connect[6]" should have an integer "port" field between 1 and 65535 but got {"protocol":"tcp","port":1.5,"address":5}.', '- "connect[6]" should, optionally, have a string "address" field but got {"protocol":"tcp","port":1.5,"address":5}.', '- "connect[7]" should have an integer "port" field between 1 and 65535 but got {"protocol":"tcp","port":65536}.', '- "connect[9]" should have an integer "idle_timeout_ms" field between 0 and 4294967295 but got {"protocol":"udp","port":53,"idle_timeout_ms":-1,"max_pending_bytes":4294967296,"y":1}.', '- "connect[9]" should have an integer "max_pending_bytes" field between 0 and 4294967295 but got {"protocol":"udp","port":53,"idle_timeout_ms":-1,"max_pending_bytes":4294967296,"y":1}.', '- "connect[10]" should have an integer "idle_timeout_ms" field between 0 and 4294967295 but got {"protocol":"udp","port":54,"idle_timeout_ms":1.5,"max_pending_bytes":"9"}.', '- "connect[10]" should have an integer "max_pending_bytes" field between 0 and 4294967295 but got {"protocol":"udp","port":54,"idle_timeout_ms":1.5,"max_pending_bytes":"9"}.', '- "connect[15]" should have a "protocol" field of "tcp" or "udp" but got null.', '- "connect[16]" should have a "protocol" field of "tcp" or "udp" but got {"port":2}.', '- "connect[17]" should have a "protocol" field of "tcp" or "udp" but got 5.', '- "connect[12]" has the same "protocol" (tcp) and "port" (80) as "connect[8]". Each entry in "connect" must use a unique protocol/port combination.', '- "connect[13]" has the same "protocol" (tcp) and "port" (80) as "connect[8]". Each entry in "connect" must use a unique protocol/port combination.']),
    ('b69-connect-object', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": {"protocol": "tcp", "port": 1}}', None, False,
     ['Processing wrangler.json configuration:', '- The field "connect" should be an array but got {"protocol":"tcp","port":1}.']),
    ('b69-connect-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": null}', None, False,
     ['Processing wrangler.json configuration:', '- The field "connect" should be an array but got null.']),
    ('b69-connect-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": []}', None, True,
     []),
    ('b69-connect-dupes', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": [{"protocol": "tcp", "port": 1}, {"protocol": "tcp", "port": 1}, {"protocol": "tcp", "port": 1}, {"protocol": "udp", "port": 1}, {"protocol": "x", "port": 2}, {"protocol": "x", "port": 2}]}', None, False,
     ['Processing wrangler.json configuration:', '- "connect[4]" should have a "protocol" field of "tcp" or "udp" but got "x".', '- "connect[5]" should have a "protocol" field of "tcp" or "udp" but got "x".', '- "connect[1]" has the same "protocol" (tcp) and "port" (1) as "connect[0]". Each entry in "connect" must use a unique protocol/port combination.', '- "connect[2]" has the same "protocol" (tcp) and "port" (1) as "connect[0]". Each entry in "connect" must use a unique protocol/port combination.', '- "connect[5]" has the same "protocol" (x) and "port" (2) as "connect[4]". Each entry in "connect" must use a unique protocol/port combination.']),
    ('b69-connect-toml', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[[connect]]\nprotocol = "tcp"\nport = 22\n[[connect]]\nprotocol = "tcp"\nport = 22\naddress = 1979-05-27\n[[connect]]\nport = 1979-05-27\n', None, False,
     ['Processing wrangler.toml configuration:', '- "connect[1]" should, optionally, have a string "address" field but got {"protocol":"tcp","port":22,"address":"1979-05-27"}.', '- "connect[2]" should have a "protocol" field of "tcp" or "udp" but got {"port":"1979-05-27"}.', '- "connect[2]" should have a number "port" field but got {"port":"1979-05-27"}.', '- "connect[1]" has the same "protocol" (tcp) and "port" (22) as "connect[0]". Each entry in "connect" must use a unique protocol/port combination.']),
    ('b69-connect-env', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": [{"protocol": "tcp", "port": 25}, {"protocol": "udp", "port": 25, "idle_timeout_ms": 1000}], "env": {"e": {"connect": [{"protocol": "http", "port": 0}, {"protocol": "tcp", "port": "80"}, {"protocol": "tcp", "port": 1.5, "address": 5}, {"protocol": "tcp", "port": 65536}]}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- "env.e.connect[0]" should have a "protocol" field of "tcp" or "udp" but got "http".', '- "env.e.connect[0]" should have an integer "port" field between 1 and 65535 but got {"protocol":"http","port":0}.', '- "env.e.connect[1]" should have a number "port" field but got {"protocol":"tcp","port":"80"}.', '- "env.e.connect[2]" should have an integer "port" field between 1 and 65535 but got {"protocol":"tcp","port":1.5,"address":5}.', '- "env.e.connect[2]" should, optionally, have a string "address" field but got {"protocol":"tcp","port":1.5,"address":5}.', '- "env.e.connect[3]" should have an integer "port" field between 1 and 65535 but got {"protocol":"tcp","port":65536}.']),
    ('b69-connect-env-missing', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "connect": [{"protocol": "tcp", "port": 25}, {"protocol": "udp", "port": 25, "idle_timeout_ms": 1000}], "env": {"e": {}}}', 'e', True,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- "connect" exists at the top level, but not on "env.e".', 'This is not what you probably want, since "connect" is not inherited by environments.', 'Please add "connect" to "env.e".']),
    ('b69-connect-env-not-array', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "env": {"e": {"connect": "x"}}}', 'e', False,
     ['Processing wrangler.json configuration:', '- "env.e" environment configuration', '- The field "env.e.connect" should be an array but got "x".']),
    ('b69-connect-previews', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"connect": [null]}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in previews field: "connect"']),
]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_connect_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str,
                                        env: str | None, ok: bool, expected: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, expected)


def test_validate_and_load_env_refuse_a_connect_pair_twice_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = 'name = "w"\nmain = "a.js"\n[[connect]]\nprotocol = "udp"\nport = 53\n[[connect]]\nprotocol = "udp"\nport = 53\n'
    refused_everywhere(tmp_path, monkeypatch, capsys, text,
                       '"connect[1]" has the same "protocol" (udp) and "port" (53) as "connect[0]". Each entry in '
                       '"connect" must use a unique protocol/port combination.')
