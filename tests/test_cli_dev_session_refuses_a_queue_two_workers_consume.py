"""``workers-env dev -c A -c B`` where both Workers consume one queue stops as wrangler 4.164.0
does: miniflare's ``getQueueConsumers`` throws ``Multiple consumers defined for queue "q": "a"
and "b"`` (ERR_MULTIPLE_CONSUMERS) after the bindings tables, and dev exits 1 (measured with
JavaScript twins; one config listing a queue twice starts). Found by review76: before, the
session served and the first config's consumer alone got the queue's batches."""

from __future__ import annotations

from dev_reload_helpers import dev_start_output

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


def test_a_queue_both_workers_consume_stops_the_session_with_miniflares_error(tmp_path):
    _project(tmp_path, "a", ["jobs", "q"])
    _project(tmp_path, "b", ["q"])
    out = dev_start_output(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml")
    assert '✘ [ERROR] Multiple consumers defined for queue "q": "a" and "b"\n' in out, out
    assert "Ready on" not in out


def test_one_config_naming_a_queue_twice_and_workers_consuming_apart_start(tmp_path):
    _project(tmp_path, "a", ["q", "q"])
    _project(tmp_path, "b", ["r"])
    out = dev_start_output(tmp_path, "-c", "a/wrangler.toml", "-c", "b/wrangler.toml")
    assert "Multiple consumers" not in out
    assert "[wrangler:info] Ready on" in out, out
