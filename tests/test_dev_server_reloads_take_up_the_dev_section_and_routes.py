"""An edit of the config while ``workers-env dev`` runs is taken up as wrangler dev 4.164.0 takes it
up (measured with a JavaScript twin: vars, a KV binding, ``main``, ``[dev] host``, ``routes``,
``upstream_protocol``, ``[dev] ip`` and ``port`` edited in turn): the new bindings table, the new
Worker -- and a new ``[dev] port`` or ``ip`` is listened on instead of the old one, said with
Miniflare's ``[wrangler:info] Updated and ready on <url>`` between ``Reloading`` and ``Local server
updated and ready``; a new dev host or route reaches the Worker's URL. ``--port``/``--ip`` win
over any edit. A port that is no port is refused in wrangler's words and the old address kept
(wrangler exits there: README "Where we had to choose")."""

from __future__ import annotations

import urllib.error
import urllib.request

from dev_reload_helpers import READY, TIMEOUT, DevServer, free_port, python_project

ECHO = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
        "    async def fetch(self, request):\n        return Response(request.url)\n")


def _get(port: int, path: str = "/x") -> str | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=TIMEOUT) as resp:
            return resp.read().decode()
    except urllib.error.URLError:
        return None


def test_a_new_dev_port_is_listened_on_and_a_new_host_reaches_the_worker(tmp_path):
    first, second = free_port(), free_port()
    head = f'[dev]\nip = "127.0.0.1"\nport = {first}\n'
    project = python_project(tmp_path / "app", ECHO, config_extra=head)
    config = project / "wrangler.toml"
    with DevServer(project, port=first, given=False) as dev:
        assert _get(first) == f"http://127.0.0.1:{first}/x"
        mark = dev.edit(config, config.read_text().replace(str(first), str(second)))
        ready = dev.wait_for(READY, after=mark)
        assert dev.lines[mark + 1:ready] == [f"[wrangler:info] Updated and ready on http://127.0.0.1:{second}"]
        assert (_get(second), _get(first)) == (f"http://127.0.0.1:{second}/x", None)  # the old port closed
        mark = dev.edit(config, config.read_text() + 'host = "example.com"\nupstream_protocol = "https"\n')
        ready = dev.wait_for(READY, after=mark)
        assert "Updated and ready" not in "\n".join(dev.lines[mark:ready])  # the address is the same
        assert _get(second) == "https://example.com/x"
        mark = dev.edit(config, config.read_text().replace('host = "example.com"\n', "")
                        .replace("[dev]", 'routes = ["shop.example.net/*"]\n[dev]'))
        dev.wait_for(READY, after=mark)
        assert _get(second) == "https://shop.example.net/x"


def test_a_new_ip_on_the_same_port_takes_over_the_address(tmp_path):
    # 127.0.0.1 to localhost (127.0.0.1 and ::1) on the same port: the old listener lets go first
    # (tools/wrangler/dev_config_edit_differential.py's `[dev] ip` step: "Updated and ready on
    # http://localhost:<port>", as wrangler dev 4.164.0)
    port = free_port()
    project = python_project(tmp_path / "app", ECHO, config_extra=f'[dev]\nip = "127.0.0.1"\nport = {port}\n')
    config = project / "wrangler.toml"
    with DevServer(project, port=port, given=False) as dev:
        mark = dev.edit(config, config.read_text().replace('"127.0.0.1"', '"localhost"'))
        ready = dev.wait_for(READY, after=mark)
        assert dev.lines[mark + 1:ready] == [f"[wrangler:info] Updated and ready on http://localhost:{port}"]
        assert _get(port) == f"http://127.0.0.1:{port}/x"


def test_a_port_that_is_no_port_is_refused_and_the_old_one_kept(tmp_path):
    port = free_port()
    project = python_project(tmp_path / "app", ECHO, config_extra=f'[dev]\nip = "127.0.0.1"\nport = {port}\n')
    config = project / "wrangler.toml"
    with DevServer(project, port=port, given=False) as dev:
        mark = dev.edit(config, config.read_text().replace(str(port), "70000") + '[vars]\nA = "1"\n')
        dev.wait_for("(workers-env: [dev] port = 70000 in wrangler.toml is not a port number", after=mark)
        dev.wait_for(READY, after=mark)
        assert '"message": "Invalid URL"' in "\n".join(dev.lines[mark:])
        assert _get(port) == f"http://127.0.0.1:{port}/x"


def test_the_command_lines_port_wins_over_an_edit(tmp_path):
    project = python_project(tmp_path / "app", ECHO, config_extra=f'[dev]\nport = {free_port()}\n')
    config = project / "wrangler.toml"
    with DevServer(project) as dev:  # --ip 127.0.0.1 --port <free>
        mark = dev.edit(config, config.read_text().replace("[dev]\nport", "[dev]\nip = \"localhost\"\nport"))
        ready = dev.wait_for(READY, after=mark)
        assert "Updated and ready" not in "\n".join(dev.lines[mark:ready])
        assert _get(dev.port) == f"http://127.0.0.1:{dev.port}/x"


def test_local_protocol_https_edited_in_is_refused_as_at_start(tmp_path):
    """``[dev] local_protocol = "https"`` edited in: refused in the words dev refuses it with at
    start (workers-env dev serves plain HTTP only), the server going on (audit22: the
    reload's line was pinned by no test)."""
    project = python_project(tmp_path / "app", ECHO)
    config = project / "wrangler.toml"
    with DevServer(project) as dev:
        mark = dev.edit(config, config.read_text() + '[dev]\nlocal_protocol = "https"\n')
        dev.wait_for('workers-env dev: [dev] local_protocol = "https" in wrangler.toml: wrangler dev then serves '
                     "HTTPS with a self-signed certificate of its own; workers-env dev serves plain HTTP only",
                     after=mark)
        dev.wait_for(READY, after=mark)
        # served over plain HTTP still; the Worker's URL https, as upstream_protocol follows local_protocol
        assert _get(dev.port) == f"https://127.0.0.1:{dev.port}/x"
