"""wrangler dev 4.164.0's lines when workerd refuses to start a Worker (measured with JavaScript
twins, flags52 and leftovers52): its ``The Workers runtime failed to start`` error, then miniflare's
``Runtime stderr`` block -- each line workerd printed, one JSON record a line, its source workerd
1.20261123.1's ``entry.rs:171`` (wrangler 4.168.0's: devprobes69)."""

from __future__ import annotations

import json
import re
import time

RUNTIME_FAILED = ("✘ [ERROR] The Workers runtime failed to start. There was likely a problem with the workerd binary "
                  "or your configuration.")


def timeless(line: str) -> str:
    """``line`` with a ``Runtime stderr`` record's time read as ``T``, once checked to be now's."""
    match = re.search(r'"timestamp":"(\d+)"', line)
    if match is None:
        return line
    assert abs(int(match.group(1)) - time.time() * 1000) < 120_000, line  # milliseconds since the epoch
    return line.replace(match.group(0), '"timestamp":"T"')


def runtime_stderr(*records: tuple[str, str]) -> list[str]:
    """The ``Runtime stderr`` block under :data:`RUNTIME_FAILED`: each (level, text) workerd logged."""
    return ["  Runtime stderr:", *(
        '  {"timestamp":"T","level":"%s","source":"src/workerd/server/server/entry.rs:171","message":%s,'
        '"context_depth":0}' % (level, json.dumps(text)) for level, text in records)]



def never_serving(monkeypatch) -> None:
    """Make a dev that went on to serve fail at once (it would serve until killed): a refusal
    wrongly passed is an ``AssertionError``, not a hung test."""
    from workers_env.runtime import server

    def bind(*args, **kwargs):
        raise AssertionError("workers-env dev went on to serve: the refusal was not made")

    monkeypatch.setattr(server, "bind", bind)
