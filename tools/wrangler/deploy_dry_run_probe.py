"""What ``wrangler deploy --dry-run`` says of compatibility dates and flags, beside ``workers-env validate``.

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler PYTHONPATH=TREE python3 tools/wrangler/deploy_dry_run_probe.py

Each case's config (a JavaScript twin, then a Python Worker) is given to both, offline: the exit
codes, wrangler's error lines and validate's lines (its errors, and the ``(workers-env: ...)`` notes
on a deploy or a start that would still be refused) are printed, and a case whose exit codes differ
is counted (exit 1 on any but :data:`ALLOWED`). ``--dry-run`` runs wrangler's local checks only: what it passes, the
upload to Cloudflare's API judges (flag names, experimental flags, the date).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES: list[tuple[str, str | None, list[str]]] = [  # (name, date or None for none, flags)
    ("experimental flag", "2026-11-17", ["durable_object_snapshots"]),
    ("unknown flag", "2026-11-17", ["made_up"]),
    ("contradictory pair", "2026-11-17", ["nodejs_compat", "no_nodejs_compat"]),
    ("redundant flag", "2026-11-17", ["url_standard"]),
    ("development Pyodide", "2026-11-17", ["python_workers_development"]),
    ("future date", "2027-01-01", []),
    ("past wrangler's runtime", "2026-11-30", []),
    ("month of one digit", "2026-1-01", []),
    ("month 13", "2026-13-01", []),
    ("no dashes", "20260101", []),
    ("empty date", "", []),
    ("before 2000", "1999-12-31", []),
    ("before 2009", "2008-12-31", []),
    ("February 30", "2026-02-30", []),
    ("no date", None, []),
]
#: deploy stops on it before the upload; validate notes it and exits 0, as wrangler's validation
#: (dev runs the Worker on its default date): README, "Where we had to choose"
ALLOWED = {"no date"}
PYTHON_ENTRY = ("from workers import Response, WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
                "    async def fetch(self, request):\n        return Response('ok')\n")


def _write(folder: Path, python: bool, date: str | None, flags: list[str]) -> None:
    (folder / "worker.js").write_text('export default { async fetch() { return new Response("ok"); } };\n')
    (folder / "entry.py").write_text(PYTHON_ENTRY)
    named = (["python_workers"] if python else []) + flags
    (folder / "wrangler.toml").write_text(
        f'name = "twin"\nmain = "{"entry.py" if python else "worker.js"}"\n'
        + ("" if date is None else f'compatibility_date = "{date}"\n')
        + f"compatibility_flags = {json.dumps(named)}\n")


def _lines(text: str) -> list[str]:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return [line.rstrip() for line in plain.splitlines()
            if line.strip() and ("ERROR" in line or line.lstrip().startswith("- ") or "workers-env:" in line)]


def main() -> int:
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for python in (False, True):
            for name, date, flags in CASES:
                _write(folder, python, date, flags)
                env = {**os.environ, "WRANGLER_SEND_METRICS": "false", "CI": "true"}
                deploy = subprocess.run([str(HERE / "wrangler"), "deploy", "--dry-run", "--outdir", str(folder / "out")],
                                        cwd=folder, capture_output=True, text=True, timeout=120, env=env)
                ours = subprocess.run([sys.executable, "-m", "workers_env", "validate"], cwd=folder,
                                      capture_output=True, text=True, timeout=60)
                same = deploy.returncode == ours.returncode or name in ALLOWED
                differ += not same
                print(f"{'py' if python else 'js'} {name} (date {date!r}, flags {flags}): deploy --dry-run "
                      f"{deploy.returncode}, validate {ours.returncode}{'' if same else '  DIFFERENT EXIT'}")
                for line in _lines(deploy.stdout + deploy.stderr):
                    print(f"    wrangler: {line.strip()}")
                for line in _lines(ours.stdout + ours.stderr):
                    print(f"    validate: {line.strip()[:160]}")
    print(f"{2 * len(CASES) - differ}/{2 * len(CASES)} cases exit as deploy --dry-run does")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
