"""Hand mutations: changes of logic the literal mutator (``limit_mutations.py``) cannot make, each run
against the tests that should notice it.

A JSON file lists them: ``[{"id": "P1", "file": "workers_env/cli/dev.py", "edits": [[old, new], ...],
"tests": ["tests/test_x.py", ...]}, ...]``; each ``old`` must occur exactly once in the file. Each
mutation is applied alone to a copy of the committed tree (``git archive HEAD``, in a temporary
folder removed at the end), its tests run (``-x -n 0``), the file restored: ``killed`` (a test failed,
named) or ``SURVIVED``; one whose ``old`` text this tree lacks is ``not applied`` (a list may carry
a mutation for each of two versions of the code). Nothing outside the copy is written. ``tools/audit/hand_audit22.json`` is
audit22's list (session 47's new logic: dev's console, ``to_the_caller``, dev's port probe, the
retirement of AI models, a waitUntil task left running); ``tools/audit/hand_audit23.json`` audit23's
(session 48's: dev's ``/cdn-cgi/`` answers, route hosts, the thread refusal, the waitUntil cancel
note, an undefined index under dev, dry runs, WSGI streaming, 5028's status); ``hand_audit24.json``
audit24's; ``hand_audit25.json`` audit25's (session 49's: rate-limit windows and namespaces, the
microtask flush, ``run_in_executor``'s judging, ``_undeployed``, dev's signal cut-off, ``desiredSize``'s
int32); ``hand_audit26.json`` audit26's (session 50's: the entropy refusal's judgement, ``js.Set``/``Map``'s
SameValueZero, ``dir()``'s prototype chain, keyword names, dev sessions' queue routing, ``unhandled.silence``,
the client-gone cancel, the inline ``run_in_executor``'s judging). An entry may carry ``also``, more files'
edits applied with it (``{"tests/conftest.py": [[old, new]]}``: ``hand_audit26_gc.json`` runs audit26's
collection-dependent mutants with the test run's GC freeze taken out), and a ``note``, read by people only::

    python3 tools/audit/hand_mutations.py tools/audit/hand_audit22.json [--only P1 --only P2]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(mutation: dict, tree: Path) -> str:
    """Apply ``mutation`` (and its ``also``) to ``tree``, run its tests, restore the files; its verdict line."""
    befores: dict[Path, str] = {}
    for name, edits in ((mutation["file"], mutation["edits"]), *((f, e) for f, e in mutation.get("also", {}).items())):
        path = tree / name
        text = path.read_text()  # (as an earlier entry of the same file left it)
        befores.setdefault(path, text)
        for old, new in edits:
            if text.count(old) != 1:
                for edited, before in befores.items():
                    edited.write_text(before)
                return f"{mutation['id']}: not applied ({old!r} found {text.count(old)} times)"
            text = text.replace(old, new)
        path.write_text(text)
    try:
        began = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-n", "0",
                               *mutation["tests"]], cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                              capture_output=True, text=True, timeout=900)
        failed = [line for line in done.stdout.splitlines() if line.startswith(("FAILED ", "ERROR tests"))]
        verdict = f"killed by {failed[0]}" if done.returncode and failed else "killed" if done.returncode else "SURVIVED"
        return f"{mutation['id']}: {verdict} ({time.monotonic() - began:.0f} s)"
    finally:
        for path, before in befores.items():
            path.write_text(before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mutations", type=Path, help="the JSON list")
    parser.add_argument("--only", action="append", help="run only this id (repeatable)")
    args = parser.parse_args(argv)
    mutations = [m for m in json.loads(args.mutations.read_text()) if not args.only or m["id"] in args.only]
    with tempfile.TemporaryDirectory(prefix="hand-mutations-") as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder)  # noqa: S202 - our own tree
        lines = []
        for mutation in mutations:
            lines.append(run(mutation, Path(folder)))
            print(lines[-1], flush=True)
    survived = sum("SURVIVED" in line for line in lines)
    unapplied = sum("not applied" in line for line in lines)
    print(f"{len(lines) - unapplied} run, {len(lines) - unapplied - survived} killed, {survived} survived"
          + (f", {unapplied} not applied (the code they change is not in this tree)" if unapplied else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
