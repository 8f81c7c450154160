"""What a ``workers-env`` command costs to start, in CPU (user+sys, not wall: the machine may be
shared): ``python -m workers_env dev`` to its ``Ready on`` line (the child's CPU read from
/proc at that line), ``validate``, ``--help``, ``--version`` and ``vectorize list`` to their exit,
each in example_worker, median of N runs; then in-process, one ``main([...])`` call (output
discarded) and the parser lookup it makes, median of 5 x 10 calls (cli61).

    python benchmarks/cli_start.py [TREE] [N]     # TREE: the checkout to measure (default: this one)
    python benchmarks/cli_start.py --ab BASE TREE N   # the processes only, the two trees alternating run by run

Compile each tree's ``.pyc`` first where ``PYTHONDONTWRITEBYTECODE`` is set (``env -u
PYTHONDONTWRITEBYTECODE python3 -m compileall -q TREE/workers_env``): a tree without them compiles
every module at every start.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AB = sys.argv[1:2] == ["--ab"]
TREE = Path(sys.argv[1 + 2 * AB]).resolve() if len(sys.argv) > 1 + 2 * AB else Path(__file__).resolve().parent.parent
N = int(sys.argv[2 + 2 * AB]) if len(sys.argv) > 2 + 2 * AB else 10
ENV = dict(os.environ, PYTHONPATH=str(TREE), WRANGLER_SEND_METRICS="false")
EXAMPLE = TREE / "example_worker"
COMMANDS = {
    "dev to Ready": (["dev", "--port", "0"], "Ready on"),
    "validate": (["validate"], None),
    "--help": (["--help"], None),
    "--version": (["--version"], None),
    "vectorize list": (["vectorize", "list"], None),
}


def process_cpu(argv: list[str], until: str | None) -> float:
    """CPU seconds of ``python -m workers_env ARGV``: to its exit, or to the line holding ``until``."""
    command = [sys.executable, "-m", "workers_env", *argv]
    if until is None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, env=ENV, cwd=EXAMPLE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    child = subprocess.Popen(command, env=ENV, cwd=EXAMPLE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert child.stdout is not None
    seen = b""
    while until.encode() not in seen:
        chunk = child.stdout.read1(4096)
        if not chunk:
            raise SystemExit(f"no {until!r} line: {seen.decode(errors='replace')}")
        seen += chunk
    fields = Path(f"/proc/{child.pid}/stat").read_text().rpartition(")")[2].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    child.terminate()
    child.wait()
    return cpu


def in_process() -> None:
    sys.path.insert(0, str(TREE))
    from workers_env import cli

    folder = tempfile.mkdtemp()
    os.chdir(folder)
    Path("wrangler.toml").write_text('name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "top"\n')
    for line in (["kv", "key", "get", "k", "--binding", "KV"], ["validate"], ["vectorize", "list"], ["d1", "list"],
                 ["dev", "--port", "x"], ["ai", "models", "--json"]):
        def run(line: list[str] = line) -> None:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                try:
                    cli.main(list(line))
                except SystemExit:
                    pass

        run()
        runs = []
        for _ in range(5):
            start = time.process_time()
            for _ in range(10):
                run()
            runs.append((time.process_time() - start) / 10)
        print(f"main({' '.join(line)!r}): {statistics.median(runs) * 1000:.2f} ms CPU per call", flush=True)
    for name in ("validate", "dev", "vectorize", "d1", "kv", "ai"):
        lookup = getattr(cli, "_parser_for", None)
        build = (lambda: lookup(name, summaries_only=False)) if lookup else (lambda: cli.build_parser(name))
        build()
        start = time.process_time()
        for _ in range(200):
            build()
        print(f"parser for {name}: {(time.process_time() - start) / 200 * 1000:.3f} ms CPU per call", flush=True)


def alternating(base: Path, tree: Path) -> None:
    """Each command's CPU in ``base`` and ``tree``, run by run in turn (the first of a pair
    alternating), as medians of :data:`N` runs each: a shared machine's load weighs on both alike."""
    global ENV, EXAMPLE
    for label, (argv, until) in COMMANDS.items():
        runs: dict[Path, list[float]] = {base: [], tree: []}
        for i in range(N):
            for each in (base, tree) if i % 2 == 0 else (tree, base):
                ENV = dict(os.environ, PYTHONPATH=str(each), WRANGLER_SEND_METRICS="false")
                EXAMPLE = each / "example_worker"
                runs[each].append(process_cpu(argv, until))
        before, after = statistics.median(runs[base]), statistics.median(runs[tree])
        print(f"{label}: {before * 1000:.0f} ms -> {after * 1000:.0f} ms CPU ({(after / before - 1) * 100:+.0f}%)",
              flush=True)


def main() -> None:
    if AB:
        alternating(Path(sys.argv[2]).resolve(), TREE)
        return
    print(f"{TREE}, {N} runs each", flush=True)
    for label, (argv, until) in COMMANDS.items():
        runs = [process_cpu(argv, until) for _ in range(N)]
        print(f"{label}: median {statistics.median(runs) * 1000:.0f} ms CPU (min {min(runs) * 1000:.0f})", flush=True)
    in_process()


if __name__ == "__main__":
    main()
