"""Deployed, a Worker's files are workerd's read-only ``/session/metadata``; workers-env maps that
name for ``sys.path`` entries only (runtime/sessionpaths.py), not for file access (README, "Where
we had to choose"). A Worker's read, listing or ``os.chdir`` of a path under it is
``FileNotFoundError`` saying so and what to write instead; a write is ``PermissionError`` as
production's read-only folder refuses it. Outside a Worker the host's own error is left alone."""

from __future__ import annotations

import errno
import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import os
from pathlib import Path

from js import Response
from workers import WorkerEntrypoint

CALLS = {
    "open": lambda: open("/session/metadata/x.txt").read(),
    "path": lambda: Path("/session/metadata/tests/../x.txt").read_text(),
    "listdir": lambda: os.listdir("/session/metadata"),
    "scandir": lambda: list(os.scandir("/session/metadata/tests")),
    "bytes": lambda: open(b"/session/metadata/x.txt"),
    "chdir": lambda: os.chdir("/session/metadata/tests"),
    "write": lambda: open("/session/metadata/x.txt", "w"),
    "mkdir": lambda: os.mkdir("/session/metadata/made"),
    "elsewhere": lambda: open("/session/metadataX/x.txt"),
}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = {}
        for name, call in CALLS.items():
            try:
                call()
            except OSError as error:
                named = error.filename
                seen[name] = [type(error).__name__, error.errno, error.strerror,
                              named.decode() + " (bytes)" if isinstance(named, bytes) else named]
        return Response.new(json.dumps(seen))
'''


#: the texts whole (audit27: a word of either changed passed the test's phrase checks)
UNMAPPED = ("No such file or directory here: workers-env maps /session/metadata, the Worker's folder once deployed, "
            "only as a sys.path entry, not for file access (see \"Where we had to choose\" in its README): name the "
            "file from Path(__file__).parent, which is that folder deployed and the Worker's folder here")
READ_ONLY = ("Permission denied once deployed (the Worker's folder is workerd's read-only file system there, "
             "/session/metadata; write under /tmp, which is in memory and lasts as long as the isolate)")


@pytest.mark.asyncio
async def test_a_workers_file_call_under_session_metadata_says_it_is_not_mapped(tmp_path):
    seen = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")).text())
    for name, path in [("open", "/session/metadata/x.txt"), ("path", "/session/metadata/tests/../x.txt"),
                       ("listdir", "/session/metadata"), ("scandir", "/session/metadata/tests"),
                       ("chdir", "/session/metadata/tests"), ("bytes", "/session/metadata/x.txt (bytes)")]:
        kind, number, text, named = seen[name]
        assert (kind, number, named) == ("FileNotFoundError", errno.ENOENT, path), name
        assert text == UNMAPPED, name
    for name in ("write", "mkdir"):
        kind, number, text, _ = seen[name]
        assert (kind, number, text) == ("PermissionError", errno.EACCES, READ_ONLY), name
    assert seen["elsewhere"][:3] == ["FileNotFoundError", errno.ENOENT, "No such file or directory"]


def test_outside_a_worker_the_hosts_error_stays(tmp_path):
    load_worker(one_file_worker(tmp_path, ENTRY))  # the audit hook installed
    with pytest.raises(FileNotFoundError) as error:
        open("/session/metadata/x.txt")
    assert error.value.strerror == "No such file or directory"
