"""Worker code sees the process Pyodide gives it in workerd, not the host running the tests:
``sys.argv`` ``['']`` (an ``argparse`` parser at import meets no pytest arguments), pid 42 and
parent 1, uid and gid 0, one CPU, Emscripten's ``uname`` of the era's Pyodide, and no
``os.geteuid``/``getegid``/``getgroups``/``nice`` nor ``time.tzset`` -- each measured in npm Pyodide 0.26.0a4, 0.28.2
and 314.0.6 under Node. Test code and the bindings it supplies keep the host's."""

from __future__ import annotations

import json
import marshal
import os
import platform
import sys
import tempfile

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import argparse
import json
import marshal
import os
import platform
import sys
import tempfile
import time
from workers import Response, WorkerEntrypoint

PARSED = vars(argparse.ArgumentParser().parse_args())  # a script's habit: pytest's arguments would fail it
PROG = argparse.ArgumentParser().prog
TEMP = tempfile.gettempdir()  # its environment has no TMPDIR: and the process's cache keeps the host's


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/assign"):
            sys.argv = ["prog", "--assigned"]  # the Worker's own from now on, as in its isolate
            return Response("")
        if request.url.endswith("/argv"):
            return Response(json.dumps([sys.argv, " ".join(sys.argv)]))
        sys.argv.append("--set-by-worker")
        out = {"parsed": PARSED, "prog": PROG, "temp": TEMP, "argv": list(sys.argv), "len": len(sys.argv), "repr": repr(sys.argv),
               "first": sys.argv[0], "rest": sys.argv[1:], "in": "--set-by-worker" in sys.argv,
               "ids": [os.getpid(), os.getppid(), os.getuid(), os.getgid(), os.cpu_count()],
               "uname": list(os.uname()), "platform": [platform.node(), platform.system(), platform.release(),
                                                       platform.machine()],
               "host": self.env.PROBE.identity()}
        sys.argv.pop()
        missing = []
        for name in ("geteuid", "getegid", "getgroups", "nice"):
            try:
                getattr(os, name)(0) if name == "nice" else getattr(os, name)()
            except AttributeError as exc:
                missing.append(str(exc))
        try:
            time.tzset()
        except AttributeError as exc:
            missing.append(str(exc))
        out["missing"] = missing
        return Response(json.dumps(out))
'''


class _Probe:
    """A binding the test supplies: its code runs for the Worker but is the test's."""

    def identity(self):
        return json.dumps([len(sys.argv), os.getpid(), platform.node(), os.geteuid()])


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "release"), [("2025-01-01", "3.1.52"), ("2025-12-01", "4.0.9"), ("2026-11-17", "5.0.3")])
async def test_worker_code_sees_pyodides_process_and_test_code_the_hosts(tmp_path, monkeypatch, date, release):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # not yet chosen, as under workers-env dev
    host = [len(sys.argv), os.getpid(), platform.node(), os.geteuid()]
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=("python_no_global_handlers",))
    worker = load_worker(folder, bindings={"PROBE": _Probe()})
    out = json.loads(await (await worker.fetch("/")).text())
    assert (out["parsed"], out["prog"], out["temp"]) == ({}, "", "/tmp")
    assert tempfile.gettempdir() == str(tmp_path)  # the Worker's call chose nothing for the process
    assert out["argv"] == ["", "--set-by-worker"] and out["len"] == 2 and out["repr"] == "['', '--set-by-worker']"
    assert (out["first"], out["rest"], out["in"]) == ("", ["--set-by-worker"], True)
    assert out["ids"] == [42, 1, 0, 0, 1]
    assert out["uname"] == ["Emscripten", "emscripten", release, "#1", "wasm32"]
    assert out["platform"] == ["emscripten", "Emscripten", release, "wasm32"]
    assert out["missing"] == [f"module 'os' has no attribute '{n}'" for n in ("geteuid", "getegid", "getgroups", "nice")] + [
        "module 'time' has no attribute 'tzset'"]
    assert json.loads(out["host"]) == host  # the supplied binding: the host's
    assert [len(sys.argv), os.getpid(), platform.node(), os.geteuid()] == host and "--set-by-worker" not in sys.argv
    assert platform.system() == "Linux" or sys.platform != "linux"


@pytest.mark.asyncio
async def test_sys_argv_is_the_processs_own_list_outside_worker_code_and_an_assigned_one_the_workers(tmp_path):
    host = list(sys.argv)
    worker = load_worker(one_file_worker(tmp_path, ENTRY), bindings={"PROBE": _Probe()})
    assert json.loads(await (await worker.fetch("/argv")).text()) == [[""], ""]  # C code's join: production's too
    await worker.fetch("/assign")
    assert json.loads(await (await worker.fetch("/argv")).text()) == [["prog", "--assigned"], "prog --assigned"]
    assert type(sys.argv) is list and sys.argv == host  # a plain list: marshal and pytest-xdist's execnet take it
    assert marshal.loads(marshal.dumps(sys.argv)) == host
