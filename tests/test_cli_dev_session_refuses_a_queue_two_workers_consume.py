"""``workers-env dev -c A -c B`` where both Workers consume one queue stops as wrangler 4.164.0
does: miniflare's ``getQueueConsumers`` throws ``Multiple consumers defined for queue "q": "a"
and "b"`` (ERR_MULTIPLE_CONSUMERS) after the bindings tables, and dev exits 1 (measured with
JavaScript twins; one config listing a queue twice starts). Found by review76: before, the
session served and the first config's consumer alone got the queue's batches."""

from __future__ import annotations

from dev_reload_helpers import dev_printed_before_serving

ENTRY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")

    async def queue(self, batch, env=None, ctx=None):
        pass
'''

HEAD = 'main = "src/entry.py"\ncompatibility_date = "2025-11-02"\ncompatibility_flags = ["python_workers"]\n'


def _project(root, name: str, queues: list[str]) -> None:
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "entry.py").write_text(ENTRY)
    consumers = "".join(f'[[queues.consumers]]\nqueue = "{queue}"\n' for queue in queues)
    (root / name / "wrangler.toml").write_text(f'name = "{name}"\n{HEAD}{consumers}')


def test_a_queue_both_workers_consume_stops_the_session_with_miniflares_error(tmp_path, monkeypatch):
    _project(tmp_path, "a", ["jobs", "q"])
    _project(tmp_path, "b", ["q"])
    out, served = dev_printed_before_serving(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml",
                                             monkeypatch=monkeypatch)
    assert '✘ [ERROR] Multiple consumers defined for queue "q": "a" and "b"\n' in out, out
    assert not served


def test_one_config_naming_a_queue_twice_and_workers_consuming_apart_start(tmp_path, monkeypatch):
    _project(tmp_path, "a", ["q", "q"])
    _project(tmp_path, "b", ["r"])
    out, served = dev_printed_before_serving(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml",
                                             monkeypatch=monkeypatch)
    assert "Multiple consumers" not in out
    assert served


def test_an_edit_that_makes_both_workers_consume_a_queue_is_refused_after_the_reload_line(tmp_path):
    """wrangler dev 4.164.0 (JavaScript twins; review77): b's config given a consumer of the queue
    a consumes -- b's bindings table, ``⎔ Reloading local server...``, then miniflare's error, and
    wrangler exits 1. Here the error is the same and, as after any edit that does not load, the
    last config that did serves on (README: Where we had to choose): a's consumer alone gets a's
    sends. Before, the edit was taken and the session ran with two consumers of one queue."""
    from pathlib import Path

    from dev_reload_helpers import DevServer
    from test_cli_dev_session_queue_routes_follow_config_edits import WAITER, _session

    configs = _session(tmp_path, False)
    (tmp_path / "a" / "src" / "entry.py").write_text(WAITER)  # sends its path's last part, prints "a got ..."
    (tmp_path / "a" / "wrangler.toml").write_text(
        f'name = "a"\n{HEAD}[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'
        '[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 1\n')
    with DevServer(Path("a/wrangler.toml"), *configs, cwd=tmp_path) as server:
        server.edit(tmp_path / "b" / "wrangler.toml",
                    f'name = "b"\n{HEAD}[vars]\nV = "1"\n[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 1\n')
        server.wait_for('✘ [ERROR] Multiple consumers defined for queue "q": "a" and "b"')
        # b's table once, then the reload line, then the error (audit28's RA2, the table said again
        # before the error, passed while b's edit brought no binding to show)
        assert server.output.count("b has access to the following bindings:") == 1, server.output
        assert (server.output.index("b has access") < server.output.index("Reloading local server")
                < server.output.index("Multiple consumers"))
        assert server.get("/hello") == (200, "sent")
        server.wait_for("a got hello")
        assert "b got" not in server.output
