"""What a ``workers-env dev`` start and a dev reload cost in CPU, for this checkout and another
revision side by side, interleaved (the order rotating each round), best of N.

    python benchmarks/dev_start.py --against REV [--rounds 7]     # ~1 min
    python benchmarks/dev_start.py --against REV --callgrind --rounds 2  # full starts' instructions, ~3-4 min
    WORKERS_ENV_BENCH_PROFILE=/tmp/prof python benchmarks/dev_start.py --only warm --rounds 1
        # cProfile of one warm start and reload in this checkout: /tmp/prof.start, /tmp/prof.reload

The Worker: one file (``src/entry.py`` answering its text), a ``wrangler.toml`` with a Vectorize
binding (its index defined in ``pyproject.toml``: 32 dimensions, cosine) and a KV binding; a fresh
project folder per start (a test's ``tmp_path``). Figures, CPU (user + sys, the child's own, its
threads' included; not wall: the machine may be shared):

- **full start**: ``python -m workers_env dev --port 0`` as a process (its ``os.wait4`` rusage),
  from ``exec`` to its ``Ready on`` line, one ``GET /`` answered 200, then ``SIGINT`` and its exit;
- **warm start**: the same, forked from a process that imported what tests/forkserver.py's
  ``PREIMPORTED`` lists, each revision's own (as the test suite's ~200 dev starts are), and run as
  ``python -m`` runs it (``runpy``): what a start costs past the imports every dev start makes;
- **reload**: in that warm start, after its first 200, an edit of ``src/entry.py`` (a new answer)
  until a ``GET /`` gives the new answer: the child's CPU over that span (its threads' summed from
  ``/proc/PID/task/*/schedstat``), which includes the watcher's looks (every 0.05 s here,
  ``WORKERS_ENV_DEV_POLL_INTERVAL``) and the requests that still got the old answer.

Each revision's ``workers_env`` is unpacked from git (benchmarks/_revisions.py) and put first on
the children's ``PYTHONPATH``; the warm starts of each tree are forked by a driver process of its
own (this file run as ``--driver TREE``), so both trees' forks come from equally warm parents.
``WORKERS_ENV_BENCH_PROFILE=PREFIX`` (with ``--only warm``) profiles the forked child with cProfile
and writes ``PREFIX.start`` (fork to the first 200) and ``PREFIX.reload`` (the edit to the new
answer) and ``PREFIX.stop`` (SIGINT to exit), timed in CPU (``time.process_time``: SQLite's fsync
waits are not counted). ``DEV_START_PREIMPORT=numpy,...`` has the warm parents
import those modules too (to look at what is left of a warm start without them).
"""

from __future__ import annotations

import argparse
import ast
import atexit
import http.client
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _revisions import ROOT, revision_trees  # noqa: E402



def preimported(revision: str | None) -> tuple[str, ...]:
    """tests/forkserver.py's ``PREIMPORTED`` (read from it, so the two stay alike): this
    checkout's, or that of ``revision`` (what that revision's fork server imported)."""
    text = (ROOT / "tests" / "forkserver.py").read_text() if revision is None else subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{revision}:tests/forkserver.py"], capture_output=True, text=True,
        check=True).stdout
    found = re.search(r"PREIMPORTED = (\([^)]*\))", text)
    assert found is not None, "tests/forkserver.py names no PREIMPORTED"
    return tuple(ast.literal_eval(found.group(1)))


WRANGLER = ('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
            'compatibility_flags = ["python_workers"]\n'
            '[[vectorize]]\nbinding = "IDX"\nindex_name = "docs"\n'
            '[[kv_namespaces]]\nbinding = "KV"\nid = "kv-local"\n')
PYPROJECT = ('[project]\nname = "w"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = []\n\n'
             '[dependency-groups]\ndev = ["workers-py", "workers-runtime-sdk"]\n\n'
             '[tool.workers-env.indexes."docs"]\ndimensions = 32\nmetric = "cosine"\n')
ENTRY = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n        return Response({answer!r})\n")
POLL = "0.05"


def project(base: Path, number: int) -> Path:
    folder = base / f"p{number}"
    (folder / "src").mkdir(parents=True)
    (folder / "src" / "entry.py").write_text(ENTRY.format(answer="first"))
    (folder / "wrangler.toml").write_text(WRANGLER)
    (folder / "pyproject.toml").write_text(PYPROJECT)
    return folder


def environment(tree: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "WORKERS_ENV_BENCH_PROFILE"}
    env.update(PYTHONPATH=str(tree), WRANGLER_SEND_METRICS="false", WORKERS_ENV_DEV_POLL_INTERVAL=POLL,
               PYTHONUNBUFFERED="1")
    return env


def get(port: int) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_ready(fd: int, pid: int) -> int:
    """The port of the ``Ready on`` line the child writes on ``fd``."""
    seen = b""
    while True:
        match = re.search(rb"Ready on http://[^:\s]+:(\d+)", seen)
        if match:
            return int(match.group(1))
        select.select([fd], [], [], 60)
        chunk = os.read(fd, 65536)
        if not chunk:
            raise SystemExit(f"dev (pid {pid}) ended without a Ready line:\n{seen.decode(errors='replace')}")
        seen += chunk


def drain(fd: int) -> None:
    while select.select([fd], [], [], 0)[0]:
        if not os.read(fd, 65536):
            return


def task_cpu(pid: int) -> float:
    """Seconds on CPU of all of ``pid``'s threads so far."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            total += int(Path(f"/proc/{pid}/task/{task}/schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total / 1e9


def full_start(tree: Path, folder: Path, callgrind: Path | None = None) -> float:
    """CPU seconds of a full start (or, with ``callgrind``, its instructions, written there)."""
    read, write = os.pipe()
    under = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={callgrind}"] if callgrind else []
    child = subprocess.Popen([*under, sys.executable, "-m", "workers_env", "dev", "--port", "0"], cwd=folder,
                             env=environment(tree), stdout=write, stderr=write, stdin=subprocess.DEVNULL)
    os.close(write)
    try:
        port = wait_ready(read, child.pid)
        status, body = get(port)
        assert status == 200 and body == b"first", (status, body)
        drain(read)
        child.send_signal(signal.SIGINT)
        while os.read(read, 65536):
            pass
        _pid, code, usage = os.wait4(child.pid, 0)
        child.returncode = code
    finally:
        os.close(read)
    if callgrind is not None:
        totals = re.search(r"^(?:totals|summary): (\d+)", callgrind.read_text(), re.MULTILINE)
        assert totals is not None, callgrind
        return int(totals.group(1))
    return usage.ru_utime + usage.ru_stime


# --- the driver: a warm parent forking starts ---------------------------------------------------

def _profiled_child(prefix: str) -> None:
    """In the forked child: cProfile from here; SIGUSR1 cuts (start | reload | stop)."""
    import cProfile

    parts = iter(("start", "reload", "stop"))
    profile = cProfile.Profile(time.process_time)

    def cut(*_: object) -> None:
        nonlocal profile
        profile.disable()
        profile.dump_stats(f"{prefix}.{next(parts)}")
        profile = cProfile.Profile(time.process_time)
        profile.enable()

    signal.signal(signal.SIGUSR1, cut)
    import atexit

    def last() -> None:
        profile.disable()
        profile.dump_stats(f"{prefix}.{next(parts)}")

    atexit.register(last)
    profile.enable()


def driver(tree: Path) -> None:
    """Import what a fork server imports, then for each line ``FOLDER RELOAD`` on stdin fork a
    start there and answer its CPU (start) and the reload's, as JSON."""
    import gc
    import runpy
    import types

    for name in (*os.environ["DEV_START_PREIMPORTED"].split(","),
                 *filter(None, os.environ.get("DEV_START_PREIMPORT", "").split(","))):
        __import__(name)
    gc.collect()
    gc.freeze()
    profile = os.environ.pop("WORKERS_ENV_BENCH_PROFILE", None)
    for line in sys.stdin:
        folder, reload = Path(line.split()[0]), line.split()[1] == "1"
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            os.dup2(write, 1)
            os.dup2(write, 2)
            os.close(write)
            os.chdir(folder)
            sys.path[0] = str(folder)
            sys.argv = ["-m", "dev", "--port", "0"]
            sys.modules["__main__"] = types.ModuleType("__main__")
            if profile:
                _profiled_child(profile)
            runpy._run_module_as_main("workers_env", alter_argv=True)  # type: ignore[attr-defined]
            os._exit(0)
        os.close(write)
        if profile:
            os.environ["WORKERS_ENV_BENCH_PROFILE"] = profile
        try:
            port = wait_ready(read, pid)
            status, body = get(port)
            assert status == 200 and body == b"first", (status, body)
            reload_cpu = None
            if reload:
                drain(read)
                before = task_cpu(pid)
                (folder / "src" / "entry.py").write_text(ENTRY.format(answer="second"))
                if profile:
                    os.kill(pid, signal.SIGUSR1)
                while get(port)[1] != b"second":
                    time.sleep(0.01)
                reload_cpu = task_cpu(pid) - before
                if profile:
                    os.kill(pid, signal.SIGUSR1)
            drain(read)
            os.kill(pid, signal.SIGINT)
            while os.read(read, 65536):
                pass
            _pid, _code, usage = os.wait4(pid, 0)
        finally:
            os.close(read)
        total = usage.ru_utime + usage.ru_stime
        print(json.dumps({"start": total - (reload_cpu or 0), "reload": reload_cpu}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", action="append", default=[], metavar="REV")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--only", choices=("full", "warm"))
    parser.add_argument("--callgrind", action="store_true",
                        help="full starts only, each under callgrind: instructions (the machine's load does "
                             "not move them)")
    parser.add_argument("--driver", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.driver:
        driver(Path(args.driver))
        return
    base = Path(tempfile.mkdtemp(prefix="dev_start-"))
    atexit.register(shutil.rmtree, base, True)  # (the projects, the unpacked revisions, callgrind's files)
    trees = revision_trees(base, args.against)
    for tree in trees.values():  # (their .pyc: under PYTHONDONTWRITEBYTECODE each start would compile them)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "workers_env")], check=True,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    drivers = {}
    for name, tree in trees.items():
        if args.only != "full" and not args.callgrind:
            listed = ",".join(preimported(None if tree == ROOT else name))
            drivers[name] = subprocess.Popen([sys.executable, __file__, "--driver", str(tree)], env=environment(tree)
                                             | {"DEV_START_PREIMPORTED": listed}
                                             | ({"WORKERS_ENV_BENCH_PROFILE": os.environ["WORKERS_ENV_BENCH_PROFILE"]}
                                                if os.environ.get("WORKERS_ENV_BENCH_PROFILE") else {}),
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    results: dict[str, dict[str, list[float]]] = {name: {"full": [], "warm": [], "reload": []} for name in trees}
    names = list(trees)
    number = 0
    for round_ in range(args.rounds):
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            if args.callgrind:
                number += 1
                results[name]["full"].append(full_start(trees[name], project(base, number), base / f"cg{number}"))
                continue
            if args.only != "warm":
                number += 1
                results[name]["full"].append(full_start(trees[name], project(base, number)))
            if args.only != "full":
                number += 1
                driving = drivers[name]
                assert driving.stdin is not None and driving.stdout is not None
                driving.stdin.write(f"{project(base, number)} 1\n")
                driving.stdin.flush()
                answer = json.loads(driving.stdout.readline())
                results[name]["warm"].append(answer["start"])
                results[name]["reload"].append(answer["reload"])
        print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    for driving in drivers.values():
        assert driving.stdin is not None
        driving.stdin.close()
        driving.wait()
    if args.callgrind:
        print(f"full start under callgrind, millions of instructions, best of {args.rounds}:")
        for name in names:
            print(f"{name[:24]:24} {min(results[name]['full']) / 1e6:10.1f}")
        return
    print(f"best of {args.rounds}, CPU ms (user + sys), median in brackets:")
    print(f"{'':24}" + "".join(f"{name[:14]:>22}" for name in names))
    for kind, label in (("full", "full start"), ("warm", "warm (forked) start"), ("reload", "reload after an edit")):
        if not results[names[0]][kind]:
            continue
        cells = []
        for name in names:
            runs = sorted(results[name][kind])
            cells.append(f"{runs[0] * 1000:9.1f} [{runs[len(runs) // 2] * 1000:7.1f}]")
        print(f"{label:24}" + "".join(f"{cell:>22}" for cell in cells))


if __name__ == "__main__":
    main()
