"""``workers-env dev`` reads the config's ``[dev]`` section as wrangler dev 4.164.0 does (measured
with a JavaScript twin, devconfig46): ``[dev] port`` and ``ip`` are where it listens, ``--port`` and
``--ip`` over them; ``upstream_protocol = "https"`` gives the Worker ``https://`` URLs over plain
HTTP (wrangler's twin answered ``https://localhost:8937/a``); ``[env.NAME] dev`` is no environment
field (wrangler warns and ignores it); a ``[dev] port`` or ``ip`` that is no port or address is
refused after the table, as Miniflare refuses the URL it makes of them; ``local_protocol =
"https"`` (wrangler: HTTPS with a self-signed certificate of its own) is refused, said plainly."""

from __future__ import annotations

import urllib.request

import pytest
from cli_helpers import run_main
from dev_reload_helpers import TIMEOUT, DevServer, free_port, python_project

ECHO = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
        "    async def fetch(self, request):\n        return Response(request.url)\n")


def _get(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=TIMEOUT) as resp:
        return resp.read().decode()


def test_dev_section_names_the_address_and_the_scheme(tmp_path):
    port = free_port()
    project = python_project(tmp_path / "app", ECHO, config_extra=(
        f'[dev]\nport = {port}\nip = "127.0.0.1"\nupstream_protocol = "https"\n'
        '[env.x.dev]\nport = 70000\n'))  # not read: [dev] is top-level only
    with DevServer(project, "-e", "x", port=port, given=False) as dev:
        assert f"[wrangler:info] Ready on http://127.0.0.1:{port}" in dev.lines
        assert _get(port, "/a?b") == f"https://127.0.0.1:{port}/a?b"
        assert 'Unexpected fields found in env.x field: "dev"' in dev.output


def test_the_command_line_wins_over_the_dev_section(tmp_path):
    in_config = free_port()
    project = python_project(tmp_path / "app", ECHO, config_extra=f'[dev]\nport = {in_config}\nip = "::1"\n')
    with DevServer(project) as dev:  # --ip 127.0.0.1 --port <free>
        assert f"[wrangler:info] Ready on http://127.0.0.1:{dev.port}" in dev.lines
        assert dev.get("/c") == (200, f"http://127.0.0.1:{dev.port}/c")  # upstream defaults to local_protocol


def _project(tmp_path, monkeypatch, dev: str) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                                            f'compatibility_flags = ["python_workers"]\n[dev]\n{dev}\n')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("raise RuntimeError('the Worker was loaded')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)


INVALID_URL = ('✘ [ERROR] [\n\n    {\n      "code": "invalid_format",\n      "format": "url",\n      "path": [\n'
               '        "publicUrl"\n      ],\n      "message": "Invalid URL"\n    }\n  ]\n\n\n')


@pytest.mark.parametrize("port", ["70000", "65536", "-1"])  # (65536: measured too, review67)
def test_a_dev_port_that_is_no_port_is_refused_as_wrangler(tmp_path, monkeypatch, capsys, port):
    _project(tmp_path, monkeypatch, f"port = {port}")
    done = run_main(capsys, "dev")
    assert done.returncode == 1
    assert done.stdout == "\n"  # no bindings: no table (as wrangler), then fail()'s empty line
    assert done.stderr == INVALID_URL + (f"(workers-env: [dev] port = {port} in wrangler.toml is not a port number: "
                                         "give a whole number from 0 to 65535 (0: any free port))\n")


def test_a_good_port_on_the_command_line_is_not_refused_for_the_config(tmp_path, monkeypatch, capsys):
    # --port over [dev] port: the config's 1.5 is never read (here --port's own bad value is)
    _project(tmp_path, monkeypatch, "port = 1.5")
    done = run_main(capsys, "dev", "--port", "-1")
    assert "(workers-env: --port -1 is not a port number" in done.stderr


def test_an_empty_dev_ip_is_refused_as_wrangler(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch, 'ip = ""')
    done = run_main(capsys, "dev", "--ip", "")  # an empty --ip falls back to [dev] ip, as wrangler's ||
    assert done.returncode == 1
    assert done.stderr == INVALID_URL + ('(workers-env: [dev] ip = "" in wrangler.toml names no address: give one '
                                         '(ip = "localhost"), or remove it)\n')


def test_https_is_refused_plainly(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch, 'local_protocol = "https"')
    done = run_main(capsys, "dev")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ('workers-env dev: [dev] local_protocol = "https" in wrangler.toml: wrangler dev then serves '
                           "HTTPS with a self-signed certificate of its own; workers-env dev serves plain HTTP only: "
                           'remove local_protocol (or set it to "http"); upstream_protocol = "https" still gives the '
                           "Worker https:// URLs\n")


def test_a_dev_section_of_the_wrong_type_is_the_configs_error(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch, 'port = "abc"')
    done = run_main(capsys, "dev")
    assert done.returncode == 1
    assert 'Expected "dev.port" to be of type number but got "abc".' in done.stderr


def test_only_the_first_configs_dev_section_counts_in_a_session(tmp_path):
    # wrangler dev -c a -c b served on 8787 with [dev] port = 8951 in b's (measured): b's section
    # is not read -- here it would be refused twice over
    first = python_project(tmp_path / "a", ECHO, config_extra='[dev]\nupstream_protocol = "https"\n')
    second = python_project(tmp_path / "b", ECHO, config_extra='[dev]\nport = 70000\nlocal_protocol = "https"\n')
    (second / "wrangler.toml").write_text((second / "wrangler.toml").read_text().replace('"reload"', '"b"'))
    configs = [str(first / "wrangler.toml"), str(second / "wrangler.toml")]
    with DevServer(first / "wrangler.toml", "-c", configs[0], "-c", configs[1], cwd=tmp_path) as dev:
        assert dev.get("/d") == (200, f"https://127.0.0.1:{dev.port}/d")
