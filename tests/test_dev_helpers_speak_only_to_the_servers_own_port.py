"""The tests' one way to start a server on a free port (``dev_reload_helpers.listening_on_a_free_port``)
speaks to it only once its own process listens there. A port ``free_port()`` gave back can be taken
by another process before the server binds it (a loaded machine, other suites' servers): that
process then answered the tests' requests -- a test failed with another server's 404 or, worse,
passed on an answer dev never gave (three of the log-level tests did, checking a line is absent).
Here the port is held by this process, as another would hold it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import dev_reload_helpers
import pytest
from dev_reload_helpers import answering, listening, listening_on_a_free_port, python_project


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A port this process listens on, handed out by the first ``free_port()`` call; real free ports after."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        picks = iter([port])
        real = dev_reload_helpers.free_port
        monkeypatch.setattr(dev_reload_helpers, "free_port", lambda: next(picks, None) or real())
        yield port


def _dev(project: Path):
    return lambda port: [sys.executable, "-m", "workers_env", "dev", str(project), "--ip", "127.0.0.1",
                         "--port", str(port)]


def test_a_taken_port_is_given_up_for_another(tmp_path: Path, held: int) -> None:
    project = python_project(tmp_path / "app", answering("from dev"))
    proc, port = listening_on_a_free_port(_dev(project), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert port != held and listening(proc.pid, port)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=dev_reload_helpers.TIMEOUT) as resp:
            assert resp.read() == b"from dev"
    finally:
        proc.terminate()
        out = proc.communicate(timeout=dev_reload_helpers.TIMEOUT)[0]
    assert f"Ready on http://127.0.0.1:{port}" in out


def test_a_taken_port_and_no_other_try_fails_loudly(tmp_path: Path, held: int) -> None:
    project = python_project(tmp_path / "app", answering("from dev"))
    with pytest.raises(AssertionError) as failed:
        listening_on_a_free_port(_dev(project), tries=1, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert "each of 1 ports was taken by another process first" in str(failed.value)
    assert f"Address already in use (127.0.0.1:{held})" in str(failed.value)


def test_a_server_that_ends_otherwise_is_its_output(tmp_path: Path) -> None:
    with pytest.raises(AssertionError) as failed:
        listening_on_a_free_port(lambda port: [sys.executable, "-c", "print('no luck'); raise SystemExit(2)"],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert "did not listen on port" in str(failed.value) and "(exit 2):\nno luck\n" in str(failed.value)


def test_listening_tells_the_listener_from_another_process() -> None:
    with socket.socket() as mine:
        mine.bind(("127.0.0.1", 0))
        port = mine.getsockname()[1]
        assert not listening(os.getpid(), port)  # bound, not yet listening
        mine.listen()
        assert listening(os.getpid(), port)
        other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        try:
            assert not listening(other.pid, port)
        finally:
            other.kill()
            other.wait()


def test_listening_reads_the_proc_tables_where_netlink_cannot_be_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """(``listening`` asks the kernel's sock_diag first; the ``/proc/net/tcp*`` tables are its fallback.)"""
    def refused(port: int) -> set[str]:
        raise OSError("no sock_diag here")

    monkeypatch.setattr(dev_reload_helpers, "_sock_diag_listeners", refused)
    test_listening_tells_the_listener_from_another_process()
    with socket.socket(socket.AF_INET6) as mine:
        mine.bind(("::1", 0))
        mine.listen()
        assert listening(os.getpid(), mine.getsockname()[1])


def test_listening_sees_an_ipv6_listener() -> None:
    with socket.socket(socket.AF_INET6) as mine:
        mine.bind(("::1", 0))
        port = mine.getsockname()[1]
        assert not listening(os.getpid(), port)
        mine.listen()
        assert listening(os.getpid(), port)
